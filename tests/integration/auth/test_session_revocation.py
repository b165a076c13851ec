"""Ending sessions: a copied staff cookie stops working at sign-out, a new password, a new role,
disabling or an admin's "sign out everywhere", and no staff session outlives SESSION_MAX_HOURS."""
import time

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import AuditEvent
from consult.services.accounts import users
from tests.conftest import AuthActions


def _copied_cookie(client):
    """The session cookie as an attacker who copied it would hold it."""
    return client.get_cookie("session").value


def _replay(app, cookie):
    """A fresh browser presenting the copied cookie; True when it is still signed in."""
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    return thief.get("/manage/").status_code == 200


def test_a_copied_cookie_is_signed_in_until_something_ends_it(app, client, auth):
    auth.login("officer")
    assert _replay(app, _copied_cookie(client))


def test_a_copied_cookie_stops_working_after_sign_out(app, client, auth):
    auth.login("officer")
    cookie = _copied_cookie(client)
    auth.logout()
    assert not _replay(app, cookie)


@pytest.mark.parametrize("change", ["password", "role", "disable", "everywhere"])
def test_every_session_ends_when_an_admin_or_the_user_changes_the_account(app, client, auth, change):
    officer = auth.login("officer")
    cookie = _copied_cookie(client)
    admin = AuthActions(app.test_client()).user("admin")
    if change == "password":
        users.set_password(officer, "another long password for this officer")
    elif change == "role":
        users.change_role(officer, "board", admin)
    elif change == "disable":
        users.set_active(officer, False, admin)
    else:
        users.sign_out_everywhere(officer, admin)
    assert not _replay(app, cookie)
    assert client.get("/manage/").status_code == 302  # the officer's own browser too


def test_an_admin_signs_a_user_out_everywhere_from_their_page(app, client, auth):
    officer = AuthActions(app.test_client()).user("officer")
    elsewhere = app.test_client()
    AuthActions(elsewhere).login("officer")
    auth.login("admin")
    response = client.post(f"/manage/users/{officer.id}/sign-out", follow_redirects=True)
    assert "signed out everywhere" in response.get_data(as_text=True)
    assert elsewhere.get("/manage/").status_code == 302
    assert db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "user.signed_out_everywhere"))


def test_a_busy_session_still_ends_after_the_maximum_hours(app, client, auth):
    auth.login("officer")
    hours = app.config["SESSION_MAX_HOURS"]
    with client.session_transaction() as session:
        session["signed_in_at"] = int(time.time()) - hours * 3600 - 5
        session["seen_at"] = int(time.time()) - 60  # active a minute ago: not idle
    page = client.get("/auth/login").get_data(as_text=True)
    assert "signed in a long time ago" in page
    assert client.get("/manage/").status_code == 302


def test_a_session_within_the_maximum_hours_is_kept(app, client, auth):
    auth.login("officer")
    with client.session_transaction() as session:
        session["signed_in_at"] = int(time.time()) - app.config["SESSION_MAX_HOURS"] * 3600 + 120
        session["seen_at"] = int(time.time()) - 60
    assert client.get("/manage/").status_code == 200


def test_the_maximum_is_twelve_hours_unless_set(monkeypatch):
    from config import DevelopmentConfig

    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    assert DevelopmentConfig().SESSION_MAX_HOURS == 12
    monkeypatch.setenv("SESSION_MAX_HOURS", "8")
    assert DevelopmentConfig().SESSION_MAX_HOURS == 8
