"""Headers from one place, friendly error pages, gzip, and a run of the survey with CSRF on."""
import gzip

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
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


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
