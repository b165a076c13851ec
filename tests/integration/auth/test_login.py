"""Signing in and out: generic errors, audit events, a new session, safe redirects, POST-only logout."""
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import AuditEvent
from tests.pagecheck import soup


def events(action):
    return db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)).all()


def test_login_page_is_a_form_with_email_and_password(client):
    page = soup(client.get("/auth/login"))
    assert page.select_one("input#email")["autocomplete"] == "username"
    assert page.select_one("input#password")["type"] == "password"


def test_correct_password_signs_in_and_is_logged(client, auth):
    user = auth.user("officer")
    response = client.post("/auth/login", data={"email": "OFFICER@example.org ", "password": auth.PASSWORD})
    assert response.status_code == 302
    assert [event.user_id for event in events("login")] == [user.id]
    db.session.refresh(user)
    assert user.last_login_at is not None


@pytest.mark.parametrize("email", ["officer@example.org", "nobody@example.org"])
def test_wrong_password_and_unknown_email_get_the_same_error(client, auth, email):
    auth.user("officer")
    response = client.post("/auth/login", data={"email": email, "password": "not the right password"})
    assert response.status_code == 200
    page = soup(response)
    assert page.title.get_text().startswith("Error: ")
    assert page.select_one(".error-summary a").get_text() == "Enter a correct email address and password"
    assert [event.target for event in events("login.failed")] == [email]


def test_empty_form_names_each_missing_field(client):
    page = soup(client.post("/auth/login", data={"email": " ", "password": ""}))
    assert [link.get_text() for link in page.select(".error-summary a")] == ["Enter your email address", "Enter your password"]


def test_disabled_account_cannot_sign_in(client, auth):
    user = auth.user("officer")
    user.active = False
    db.session.commit()
    response = client.post("/auth/login", data={"email": user.email, "password": auth.PASSWORD})
    assert response.status_code == 200
    assert events("login.failed")[0].detail == {"reason": "disabled"}


def test_signing_in_starts_a_new_session(client, auth):
    auth.user("officer")
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    client.post("/auth/login", data={"email": "officer@example.org", "password": auth.PASSWORD})
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_fresh"] is True


@pytest.mark.parametrize("target", ["/manage/users?page=2", "/c/community-safety-survey"])
def test_next_on_this_site_is_followed(client, auth, target):
    auth.user("officer")
    response = client.post(f"/auth/login?next={target}", data={"email": "officer@example.org", "password": auth.PASSWORD})
    assert response.headers["Location"] == target


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "http:/evil", "/\r\nLocation: https://evil.example", "/\t/evil.example"],
)
def test_next_never_leaves_the_site(client, auth, target):
    auth.user("officer")
    response = client.post("/auth/login", query_string={"next": target}, data={"email": "officer@example.org", "password": auth.PASSWORD})
    location = response.headers["Location"]
    assert location.startswith("/") and not location.startswith("//")
    assert urlsplit(location).netloc == "" and "\\" not in location and "evil" not in location


def test_logout_needs_a_post_and_is_logged(client, auth):
    user = auth.login("officer")
    assert client.get("/auth/logout").status_code == 405
    response = auth.logout()
    assert response.headers["Location"] == "/auth/login"
    assert [event.user_id for event in events("logout")] == [user.id]
    with client.session_transaction() as session:
        assert "_user_id" not in session
    assert "You have signed out." in client.get("/auth/login").get_data(as_text=True)


def test_session_cookie_is_httponly_and_samesite_lax(client, auth):
    auth.user("officer")
    response = client.post("/auth/login", data={"email": "officer@example.org", "password": auth.PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain http on localhost keeps working in development


def test_production_sets_secure_cookies():
    from config import ProductionConfig

    assert ProductionConfig.SESSION_COOKIE_SECURE is True
