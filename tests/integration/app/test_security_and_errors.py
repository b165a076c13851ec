"""Headers from one place, friendly error pages, and a run of the survey with CSRF on."""
import re

import pytest
import sqlalchemy as sa

from consult.security import SECURITY_HEADERS
from consult.extensions import db
from consult.models import Response
from tests.conftest import make_app
from tests.integration.public.survey_helpers import typical_answers
from tests.pagecheck import soup


def test_every_security_header_is_set_exactly(client, demo):
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Permissions-Policy"] == (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
    )
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["Cache-Control"] == "no-store"
    assert set(SECURITY_HEADERS) <= set(response.headers.keys())
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.parametrize("url", ["/", "/c/community-safety-survey/q/1", "/no-such-page", "/auth/login"])
def test_each_security_header_appears_once_whatever_the_page_set_before(client, demo, url):
    response = client.get(url)
    for name in [*SECURITY_HEADERS, "Cache-Control", "Content-Security-Policy", "X-Request-ID"]:
        assert len(response.headers.getlist(name)) == 1, name
    assert response.headers["Content-Type"].startswith("text/html")


def test_content_security_policy_allows_only_the_sites_own_files(client, demo):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert policy == (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )
    assert "unsafe-inline" not in policy


def test_pages_have_no_inline_script_or_style(client, demo):
    for path in ("/", "/c/community-safety-survey", "/c/community-safety-survey/q/1"):
        page = soup(client.get(path))
        for tag in page.find_all(["script", "style"]):
            assert tag.get("src")
        assert not page.find_all(style=True)


def test_hsts_is_sent_over_https_only(client, demo):
    response = client.get("/", base_url="https://consult.example")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_behind_a_trusted_proxy_hsts_follows_the_scheme_the_proxy_reports(database_url, demo):
    proxied = make_app(database_url, TRUSTED_PROXIES=1).test_client()
    response = proxied.get("/", headers={"X-Forwarded-Proto": "https"})
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in proxied.get("/", headers={"X-Forwarded-Proto": "http"}).headers
    untrusted = make_app(database_url).test_client()
    assert "Strict-Transport-Security" not in untrusted.get("/", headers={"X-Forwarded-Proto": "https"}).headers


def test_every_response_carries_a_request_id_and_ignores_a_clients_own(client, demo):
    assert re.fullmatch(r"[0-9a-f]{16}", client.get("/").headers["X-Request-ID"])
    # With no proxy in front, the header comes from the client: it must not become the error
    # page's reference, or anyone could make support chase a reference of their choosing.
    given = client.get("/", headers={"X-Request-ID": "abc-123-def-456"})
    assert re.fullmatch(r"[0-9a-f]{16}", given.headers["X-Request-ID"])


def test_behind_a_trusted_proxy_its_well_formed_request_id_is_kept(database_url, demo):
    proxied = make_app(database_url, TRUSTED_PROXIES=1).test_client()
    assert proxied.get("/", headers={"X-Request-ID": "abc-123-def-456"}).headers["X-Request-ID"] == "abc-123-def-456"
    refused = proxied.get("/", headers={"X-Request-ID": "<script>"})
    assert re.fullmatch(r"[0-9a-f]{16}", refused.headers["X-Request-ID"])


def test_static_files_are_cached_for_a_year_and_pages_are_not(client, demo):
    css_url = soup(client.get("/")).select_one("link[rel=stylesheet]")["href"]
    # Exactly: a "no-cache" left beside it made browsers ask again for the stylesheet every page.
    assert client.get(css_url).headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert client.get(css_url.split("?")[0]).headers["Cache-Control"] == "no-cache"
    assert client.get("/").headers["Cache-Control"] == "no-store"


def test_unexpected_error_shows_a_friendly_page_without_a_traceback(app, database_url):
    broken = make_app(database_url)
    broken.config["PROPAGATE_EXCEPTIONS"] = False

    @broken.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = broken.test_client().get("/boom")
    text = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in text
    assert "secret internals" not in text and "Traceback" not in text
    assert response.headers["X-Request-ID"] in text


def test_method_not_allowed_has_its_own_page(client, demo):
    response = client.put("/")
    assert response.status_code == 405 and "That action is not allowed here" in response.get_data(as_text=True)


def test_oversized_post_gets_a_polite_page(client, demo):
    response = client.post("/c/community-safety-survey/q/8", data={"answer": "x" * 300_000})
    assert response.status_code == 413 and "too long to send" in response.get_data(as_text=True)


@pytest.fixture
def csrf_client(database_url, demo):
    return make_app(database_url, WTF_CSRF_ENABLED=True).test_client()


def _token(client, url):
    return soup(client.get(url)).select_one("input[name=csrf_token]")["value"]


def test_post_without_csrf_token_is_refused_politely(csrf_client):
    response = csrf_client.post("/c/community-safety-survey/q/1", data={"answer": "1"})
    assert response.status_code == 400
    assert "Your session timed out" in response.get_data(as_text=True)


def test_survey_completes_with_csrf_protection_on(csrf_client, demo):
    answers = typical_answers(demo)
    url = "/c/community-safety-survey/q/1"
    while "/q/" in url:
        number = int(url.split("/q/")[1])
        response = csrf_client.post(url, data={**answers[number], "csrf_token": _token(csrf_client, url)})
        assert response.status_code == 302
        url = response.headers["Location"]
    response = csrf_client.post(url, data={"csrf_token": _token(csrf_client, url)})
    assert response.headers["Location"].endswith("/done")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Response)) == 1


def test_submit_without_csrf_token_is_refused_and_stores_nothing(csrf_client, demo):
    answers = typical_answers(demo)
    url = "/c/community-safety-survey/q/1"
    while "/q/" in url:
        number = int(url.split("/q/")[1])
        url = csrf_client.post(url, data={**answers[number], "csrf_token": _token(csrf_client, url)}).headers["Location"]
    assert csrf_client.post(url).status_code == 400
    assert csrf_client.post(url, data={"csrf_token": "forged"}).status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Response)) == 0


def test_a_content_length_too_long_to_be_a_number_is_not_an_error(client, demo):
    """Found in the security review: a Content-Length of 4,300+ digits was a 500."""
    response = client.post(
        "/c/community-safety-survey/q/1", data="answer=1",
        environ_overrides={"CONTENT_LENGTH": "9" * 5000, "CONTENT_TYPE": "application/x-www-form-urlencoded"},
    )
    assert response.status_code < 500


def test_a_page_left_open_past_the_csrf_time_limit_leads_back_and_keeps_the_answers(database_url, demo, monkeypatch):
    """CSRF tokens expire (WTF_CSRF_TIME_LIMIT), but a slow resident is led back to the page with
    their earlier answers kept."""
    import time as time_module

    from tests.integration.public.survey_helpers import option_id

    protected = make_app(database_url, WTF_CSRF_ENABLED=True).test_client()
    first = "/c/community-safety-survey/q/1"
    answer = option_id(demo, 1, "Fairly safe")
    sent = protected.post(first, data={"answer": answer, "csrf_token": _token(protected, first)})
    assert sent.status_code == 302
    second = sent.headers["Location"]
    token = _token(protected, second)
    limit = protected.application.config["WTF_CSRF_TIME_LIMIT"]
    assert limit and limit >= 3600  # a long answer never runs into it
    later = time_module.time() + limit + 60
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: later)
    expired = protected.post(second, data={"answer": option_id(demo, 2, "Very safe"), "csrf_token": token})
    assert expired.status_code == 400
    assert soup(expired).select_one("a.button")["href"] == second
    monkeypatch.undo()
    page = soup(protected.get(first))
    assert [box["value"] for box in page.select("input[name=answer][checked]")] == [str(answer)]
