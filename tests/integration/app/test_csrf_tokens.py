"""CSRF tokens as residents' and officers' pages carry them (consult/csrf_tokens.py): Flask-WTF's format,
checked once per process, and still refused when expired, forged, tampered or another session's."""
import time

import pytest
import sqlalchemy as sa
from flask import g
from flask_wtf import csrf as wtf_csrf

from consult import csrf_tokens as csrf
from consult.extensions import db
from consult.models import Draft
from tests.conftest import make_app
from tests.pagecheck import soup

QUESTION = "/c/community-safety-survey/q/1"


@pytest.fixture
def protected(database_url, demo):
    return make_app(database_url, WTF_CSRF_ENABLED=True)


@pytest.fixture
def clock(monkeypatch):
    now = {"t": time.time()}
    monkeypatch.setattr(time, "time", lambda: now["t"])
    return now


def _token(client, url=QUESTION, **kwargs):
    return soup(client.get(url, **kwargs)).select_one("input[name=csrf_token]")["value"]


def _answer(client, token, **kwargs):
    option = soup(client.get(QUESTION, **kwargs)).select_one("input[name=answer]")["value"]
    return client.post(QUESTION, data={"answer": option, "csrf_token": token}, **kwargs)


def _drafts():
    return db.session.scalar(sa.select(sa.func.count()).select_from(Draft))


def test_tokens_are_exactly_flask_wtfs_own(protected, clock):
    with protected.test_request_context():
        theirs = wtf_csrf.generate_csrf()
        g.pop("csrf_token")
        ours = csrf.generate_csrf()
        assert ours == theirs  # same session token, key, salt and second
        clock["t"] += 1
        g.pop("csrf_token")
        assert csrf.generate_csrf() == ours  # reused within the minute
        assert wtf_csrf.generate_csrf() == ours  # kept in g for the request, as Flask-WTF does
        g.pop("csrf_token")
        other = wtf_csrf.generate_csrf()
        assert other != ours
        csrf.validate_csrf(other)
        wtf_csrf.validate_csrf(ours)


def test_a_page_within_a_minute_carries_the_same_token_and_both_old_and_new_are_accepted(protected, clock):
    client = protected.test_client()
    first = _token(client)
    clock["t"] += 30
    assert _token(client) == first
    clock["t"] += csrf.REUSE_SECONDS
    second = _token(client)
    assert second != first
    assert _answer(client, first).status_code == 302
    assert _answer(client, second).status_code == 302


def test_an_expired_token_is_refused_politely_even_after_it_was_accepted(protected, clock):
    protected.config["WTF_CSRF_TIME_LIMIT"] = 600  # Consult's own setting is none: the session bounds it
    client = protected.test_client()
    token = _token(client)
    assert _answer(client, token).status_code == 302
    saved = _drafts()
    clock["t"] += 601
    response = _answer(client, token)
    assert response.status_code == 400
    assert "Your session timed out" in response.get_data(as_text=True)
    assert _drafts() == saved


def test_another_sessions_or_a_tampered_token_is_refused_after_the_real_one_was_used(protected):
    resident, attacker = protected.test_client(), protected.test_client()
    token = _token(resident)
    assert _answer(resident, token).status_code == 302
    _token(attacker)  # the attacker has a session of their own
    assert _answer(attacker, token).status_code == 400
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert _answer(resident, tampered).status_code == 400
    assert _answer(resident, "").status_code == 400
    assert _drafts() == 1


def test_over_https_a_post_needs_a_same_site_referrer(protected):
    client = protected.test_client()
    https = {"base_url": "https://consult.example"}
    token = _token(client, **https)
    assert _answer(client, token, **https).status_code == 400
    assert _answer(client, token, headers={"Referer": "https://evil.example/"}, **https).status_code == 400
    assert _answer(client, token, headers={"Referer": "https://consult.example/c/x"}, **https).status_code == 302


def test_officer_forms_sign_in_with_the_token_their_page_carries(protected):
    from consult.services.users import create_user

    create_user("officer@example.org", "officer", "a long test password for staff")
    client = protected.test_client()
    token = _token(client, "/auth/login")
    response = client.post("/auth/login", data={"email": "officer@example.org", "password": "a long test password for staff",
                                                "csrf_token": token})
    assert response.status_code == 302


def test_only_a_view_marked_exempt_takes_posts_without_a_token(database_url, demo):
    from consult.extensions import csrf as protection

    app = make_app(database_url, WTF_CSRF_ENABLED=True)

    @app.post("/exempt-probe")
    @protection.exempt
    def exempt_probe():
        return "taken", {"Content-Type": "text/plain"}

    client = app.test_client()
    assert client.post("/exempt-probe").get_data(as_text=True) == "taken"
    assert client.post(QUESTION, data={"answer": "1"}).status_code == 400
    assert client.post("/no-such-page").status_code == 404  # no view, so nothing to protect


def test_a_kept_question_page_carries_each_residents_own_token(protected):
    first, second = protected.test_client(), protected.test_client()
    pages = [client.get(QUESTION).get_data(as_text=True) for client in (first, second, first)]
    tokens = [soup_page.select_one("input[name=csrf_token]")["value"] for soup_page in map(_parse, pages)]
    assert tokens[0] == tokens[2] != tokens[1]
    assert pages[0].replace(tokens[0], "T") == pages[1].replace(tokens[1], "T")
    assert list(protected.extensions["consult.pages"]) and len(protected.extensions["consult.pages"]) == 1
    assert _answer(first, tokens[1]).status_code == 400  # the other resident's token is refused
    assert _answer(first, tokens[0]).status_code == 302
    assert _answer(second, tokens[1]).status_code == 302


def _parse(text):
    from bs4 import BeautifulSoup

    return BeautifulSoup(text, "html.parser")
