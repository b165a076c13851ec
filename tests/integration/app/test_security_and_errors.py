"""Headers from one place, friendly error pages, gzip, and a run of the survey with CSRF on."""
import gzip
import re

import pytest
import sqlalchemy as sa

from consult import SECURITY_HEADERS
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


def test_content_security_policy_is_strict_with_a_fresh_nonce(client, demo):
    first = client.get("/").headers["Content-Security-Policy"]
    second = client.get("/").headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", first).group(1)
    assert first == (
        f"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; "
        "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )
    assert first != second and "unsafe-inline" not in first


def test_pages_have_no_inline_script_or_style_without_the_nonce(client, demo):
    for path in ("/", "/c/community-safety-survey", "/c/community-safety-survey/q/1"):
        response = client.get(path)
        nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
        page = soup(response)
        for tag in page.find_all(["script", "style"]):
            assert tag.get("src") or tag.get("nonce") == nonce
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


def test_every_response_carries_a_request_id_and_keeps_a_well_formed_one(client, demo):
    assert re.fullmatch(r"[0-9a-f]{16}", client.get("/").headers["X-Request-ID"])
    given = client.get("/", headers={"X-Request-ID": "abc-123-def-456"})
    assert given.headers["X-Request-ID"] == "abc-123-def-456"
    refused = client.get("/", headers={"X-Request-ID": "<script>"})
    assert refused.headers["X-Request-ID"] != "<script>"


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


def test_pages_and_css_are_gzipped_for_browsers_that_ask(client, demo):
    page = client.get("/c/community-safety-survey/q/1", headers={"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip"
    assert b"<h1" in gzip.decompress(page.data)
    css_url = soup(client.get("/")).select_one("link[rel=stylesheet]")["href"]
    css = client.get(css_url, headers={"Accept-Encoding": "gzip"})
    assert css.headers["Content-Encoding"] == "gzip"
    assert b".button" in gzip.decompress(css.data)
    assert "immutable" in css.headers["Cache-Control"]
    assert "Content-Encoding" not in client.get("/").headers


def test_gzip_is_only_sent_when_accepted_and_caches_are_told_it_varies(client, demo):
    url = "/c/community-safety-survey/q/1"
    for accept in (None, "identity", "gzip;q=0", "br"):
        page = client.get(url, headers={"Accept-Encoding": accept} if accept else {})
        assert "Content-Encoding" not in page.headers, accept
        assert b"<h1" in page.data
        assert "Accept-Encoding" in page.headers["Vary"], accept
    for accept in ("gzip", "deflate, gzip;q=0.8", "GZIP", "*"):
        page = client.get(url, headers={"Accept-Encoding": accept})
        assert page.headers["Content-Encoding"] == "gzip", accept
        vary = [value.strip() for value in page.headers["Vary"].split(",")]
        assert vary.count("Accept-Encoding") == 1 and "Cookie" in vary, accept


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


def test_gzip_leaves_other_types_and_encodings_alone_and_keeps_validators_distinct(database_url):
    from flask import Response
    from flask.testing import FlaskClient

    app = make_app(database_url)
    body = "<p>" + "Speeding on the main road. " * 40 + "</p>"

    @app.get("/test/already")
    def already():
        return Response(body.encode(), headers={"Content-Encoding": "br"}, mimetype="text/html")

    @app.get("/test/picture")
    def picture():
        return Response(b"\x89PNG" + b"0" * 2000, mimetype="image/png")

    @app.get("/test/varied")
    def varied():
        response = Response(body, mimetype="text/html", headers={"Vary": "Origin"})
        response.set_etag("abc")
        return response

    app.test_client_class = FlaskClient  # these bodies are fragments, not pages to check
    client = app.test_client()
    gzip_please = {"Accept-Encoding": "gzip"}
    assert client.get("/test/already", headers=gzip_please).headers["Content-Encoding"] == "br"
    png = client.get("/test/picture", headers=gzip_please)
    assert "Content-Encoding" not in png.headers and "Accept-Encoding" not in png.headers.get("Vary", "")
    varied = client.get("/test/varied", headers=gzip_please)
    assert gzip.decompress(varied.data).decode() == body
    assert varied.headers["ETag"] == '"abc-gzip"'
    assert [value.strip() for value in varied.headers["Vary"].split(",")][:2] == ["Origin", "Accept-Encoding"]
    plain = client.get("/test/varied")
    assert plain.headers["ETag"] == '"abc"' and plain.get_data(as_text=True) == body
