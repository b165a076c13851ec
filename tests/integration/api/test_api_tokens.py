"""Personal API tokens: made on the account page and shown once, stored hashed, used as a Bearer
token on the read-only API (no CSRF), rate-limited per token, every use audit-logged, and
refused (401 JSON) once expired, revoked, unknown or their account is disabled (issue #16)."""
import hashlib
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import ApiToken, AuditEvent, utcnow
from consult.services.accounts import api_tokens
from tests.conftest import AuthActions, make_app
from tests.pagecheck import soup

TOKEN = re.compile(r"consult_[A-Za-z0-9_-]{43}")


def bearer(secret):
    return {"Authorization": f"Bearer {secret}"}


def uses(token_id=None):
    query = sa.select(AuditEvent).where(AuditEvent.action == "api_token.used").order_by(AuditEvent.id)
    if token_id is not None:
        query = query.where(AuditEvent.target == f"api_token:{token_id}")
    return db.session.scalars(query).all()


def make_token(auth, role="partner", days=30):
    user = auth.user(role)
    token, secret = api_tokens.create_token(user, "Dashboard", days)
    return user, token, secret


@pytest.mark.parametrize("role", ["admin", "officer", "board", "partner"])
def test_a_token_is_shown_once_and_only_its_hash_is_stored(client, auth, role):
    user = auth.login(role)
    response = client.post("/account/api-tokens", data={"name": "Police dashboard", "days": "90"})
    page = soup(response)
    secret = TOKEN.fullmatch(page.select_one(".link-to-send code").get_text()).group(0)
    assert f"Bearer {secret}" in page.select_one(".code-example").get_text()
    token = db.session.scalar(sa.select(ApiToken))
    assert token.user_id == user.id and token.name == "Police dashboard"
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in [getattr(token, column.key) for column in ApiToken.__table__.columns]
    assert token.expires_at - token.created_at == timedelta(days=90)
    listing = client.get("/account/api-tokens").get_data(as_text=True)
    assert secret not in listing and "Police dashboard" in listing and token.hint in listing
    created = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "api_token.created"))
    assert created.user_id == user.id and secret not in str(created.detail)


def test_the_token_form_explains_what_is_missing(client, auth):
    auth.login("board")
    page = soup(client.post("/account/api-tokens", data={"name": "  ", "days": "730"}))
    assert [a.get_text() for a in page.select(".error-summary a")] == [
        "Enter a name for the token, for example the program that will use it",
        "Choose how long the token lasts",
    ]
    assert db.session.scalar(sa.select(sa.func.count(ApiToken.id))) == 0


def test_the_staff_bar_links_to_the_tokens_and_the_api_page(client, auth):
    auth.login("partner")
    bar = soup(client.get("/board/")).select_one("nav[aria-label=Board]")
    assert bar.select_one("a[href='/account/api-tokens']").get_text() == "API tokens"
    assert bar.select_one("a[href='/api/v1/docs']")


def test_anonymous_visitors_are_sent_to_sign_in_for_the_tokens_page(client):
    assert client.get("/account/api-tokens").status_code == 302


def test_a_token_reads_the_api_marks_itself_used_and_every_call_is_audit_logged(client, auth):
    user, token, secret = make_token(auth)
    assert token.last_used_at is None
    first = client.get("/api/v1/consultations", headers=bearer(secret))
    assert first.status_code == 200 and first.get_json() == {"consultations": []}
    assert "Set-Cookie" not in first.headers, "a token call starts no session"
    client.get("/api/v1/summaries/nope/overview", headers=bearer(secret))
    db.session.refresh(token)
    assert token.last_used_at is not None
    logged = uses(token.id)
    assert [(e.user_id, e.detail) for e in logged] == [
        (user.id, {"method": "GET", "path": "/api/v1/consultations", "status": 200}),
        (user.id, {"method": "GET", "path": "/api/v1/summaries/nope/overview", "status": 404}),
    ]
    auth.login("partner")
    cells = [td.get_text(strip=True) for td in soup(client.get("/account/api-tokens")).select("tbody tr td")]
    assert cells[0] == f"{token.hint}…" and cells[2] != "Never" and cells[4] == "Active"


def test_the_scheme_is_not_case_sensitive(client, auth):
    _user, _token, secret = make_token(auth)
    assert client.get("/api/v1/consultations", headers={"Authorization": f"bearer {secret}"}).status_code == 200


@pytest.mark.parametrize("header", [
    "{secret}",
    "Token {secret}",
    "Basic {secret}",
    "Bearer",
    "Bearer ",
    "Bearer {secret} {secret}",
    "Bearer {secret}x",
    "Bearer consult_" + "A" * 43,
    "Bearer " + "consult_" + "A" * 200,
])
def test_wrong_header_forms_and_unknown_tokens_get_401_json(client, auth, header):
    _user, token, secret = make_token(auth)
    response = client.get("/api/v1/consultations", headers={"Authorization": header.format(secret=secret)})
    assert response.status_code == 401 and response.mimetype == "application/json"
    assert response.get_json()["error"] == "Unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert uses() == []


def test_an_expired_token_gets_401(client, auth):
    _user, token, secret = make_token(auth)
    token.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    response = client.get("/api/v1/consultations", headers=bearer(secret))
    assert response.status_code == 401 and "expired or revoked" in response.get_json()["message"]


def test_a_revoked_token_gets_401_and_the_revocation_is_logged(client, auth):
    user, token, secret = make_token(auth)
    auth.login("partner")
    page = soup(client.get("/account/api-tokens"))
    form = page.select_one(f"form[action='/account/api-tokens/{token.id}/revoke']")
    assert form is not None
    response = client.post(f"/account/api-tokens/{token.id}/revoke", follow_redirects=True)
    assert "is revoked" in soup(response).select_one(".notification").get_text()
    auth.logout()
    assert client.get("/api/v1/consultations", headers=bearer(secret)).status_code == 401
    revoked = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "api_token.revoked"))
    assert revoked.user_id == user.id and revoked.target == f"api_token:{token.id}"


def test_nobody_revokes_another_persons_token(client, auth):
    _owner, token, secret = make_token(auth, "partner")
    auth.login("board")
    assert client.post(f"/account/api-tokens/{token.id}/revoke").status_code == 404
    auth.logout()
    assert client.get("/api/v1/consultations", headers=bearer(secret)).status_code == 200


def test_a_disabled_accounts_tokens_stop_working(client, auth):
    from consult.services.accounts.users import set_active

    user, _token, secret = make_token(auth)
    set_active(user, False, None)
    assert client.get("/api/v1/consultations", headers=bearer(secret)).status_code == 401
    set_active(user, True, None)
    assert client.get("/api/v1/consultations", headers=bearer(secret)).status_code == 200


def test_a_token_opens_the_api_only_not_the_board_or_any_form(client, auth):
    _user, _token, secret = make_token(auth, "admin")
    assert client.get("/board/", headers=bearer(secret)).status_code == 302
    assert client.get("/manage/", headers=bearer(secret)).status_code == 302
    assert client.get("/account/api-tokens", headers=bearer(secret)).status_code == 302


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_token_cannot_change_anything(client, auth, method):
    _user, _token, secret = make_token(auth)
    response = getattr(client, method)("/api/v1/consultations", headers=bearer(secret))
    assert response.status_code == 405 and response.mimetype == "application/json"


@pytest.fixture
def strict_app(database_url):
    """CSRF switched on, and a tight token rate limit, as production runs (the usual test app has CSRF off)."""
    from consult.extensions import db as database

    app = make_app(database_url, WTF_CSRF_ENABLED=True, API_TOKEN_RATE_LIMIT="3 per minute")
    with app.app_context():
        yield app
        database.session.remove()
        from tests.conftest import empty_tables

        empty_tables(database.engine)
        database.engine.dispose()


def test_token_calls_need_no_csrf_token_and_other_methods_are_refused_not_csrf_checked(strict_app):
    client = strict_app.test_client()
    _user, _token, secret = make_token(AuthActions(client))
    assert client.get("/api/v1/consultations", headers=bearer(secret)).status_code == 200
    refused = client.post("/api/v1/consultations", headers=bearer(secret))
    assert refused.status_code == 405 and refused.mimetype == "application/json"


def test_token_calls_are_rate_limited_per_token_with_a_json_429(strict_app):
    client = strict_app.test_client()
    auth = AuthActions(client)
    _user, first, secret = make_token(auth)
    _other_user, _second, other = make_token(auth, "board")
    for _ in range(3):
        assert client.get("/api/v1/consultations", headers=bearer(secret)).status_code == 200
    limited = client.get("/api/v1/", headers=bearer(secret))
    assert limited.status_code == 429 and limited.mimetype == "application/json"
    assert limited.get_json()["error"] == "Too Many Requests"
    assert "Retry-After" in limited.headers
    assert client.get("/api/v1/consultations", headers=bearer(other)).status_code == 200, "each token has its own budget"
    assert len(uses(first.id)) == 3, "refused calls read nothing and are not logged"


def test_signed_in_calls_are_not_counted_against_a_token_limit(strict_app):
    client = strict_app.test_client()
    auth = AuthActions(client)
    make_token(auth, "board")
    # Sign in through the form with its CSRF token, then call the API more often than a token may.
    page = soup(client.get("/auth/login"))
    csrf = page.select_one("input[name=csrf_token]")["value"]
    client.post("/auth/login", data={"email": "board@example.org", "password": AuthActions.PASSWORD, "csrf_token": csrf})
    assert [client.get("/api/v1/consultations").status_code for _ in range(5)] == [200] * 5
    assert uses() == []
