"""Admins manage users: list, invite with a one-time link, change role, disable; all audit-logged."""
import re

import sqlalchemy as sa

from consult.extensions import db
from consult.models import AuditEvent, User
from tests.pagecheck import soup


def actions():
    return db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()


def test_admin_sees_every_user(client, auth):
    auth.user("board")
    auth.login("admin")
    page = soup(client.get("/manage/users"))
    assert {cell.get_text() for cell in page.select("tbody td:nth-child(2)")} == {"admin@example.org", "board@example.org"}


def test_officers_cannot_manage_users(client, auth):
    auth.login("officer")
    assert client.get("/manage/users").status_code == 403
    assert client.post("/manage/users/invite", data={"email": "x@example.org", "role": "admin"}).status_code == 403
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1


def test_invite_shows_a_one_time_link_that_sets_a_password(client, auth):
    auth.login("admin")
    response = client.post("/manage/users/invite", data={"email": "New.Officer@example.org", "name": "Ali", "role": "officer"})
    link = soup(response).select_one(".link-to-send code").get_text()
    token = re.search(r"/auth/set-password/(\S+)$", link).group(1)
    invited = db.session.scalar(sa.select(User).where(User.email == "new.officer@example.org"))
    assert invited.password_hash is None and invited.invite_token_hash != token
    auth.logout()
    response = client.post(f"/auth/set-password/{token}", data={"password": "four random words here", "confirm": "four random words here"})
    assert response.headers["Location"] == "/auth/login"
    assert client.get(f"/auth/set-password/{token}").status_code == 404  # spent
    assert client.post("/auth/login", data={"email": "new.officer@example.org", "password": "four random words here"}).status_code == 302
    assert actions()[-4:] == ["user.invited", "logout", "user.password_set", "login"]


def test_invite_errors_are_shown_and_duplicates_refused(client, auth):
    auth.login("admin")
    page = soup(client.post("/manage/users/invite", data={"email": "not an email", "role": ""}))
    assert [link.get_text() for link in page.select(".error-summary a")] == [
        "Select a role", "Enter an email address in the correct format, like name@example.org"]
    page = soup(client.post("/manage/users/invite", data={"email": "ADMIN@example.org", "role": "board"}))
    assert "There is already an account for admin@example.org" in page.select_one(".error-summary").get_text()


def test_set_password_link_checks_the_password(client, auth):
    auth.login("admin")
    response = client.post("/manage/users/invite", data={"email": "jo@example.org", "role": "board"})
    token = soup(response).select_one(".link-to-send code").get_text().rsplit("/", 1)[1]
    auth.logout()
    page = soup(client.post(f"/auth/set-password/{token}", data={"password": "password1234", "confirm": "password1234"}))
    assert "too common" in page.select_one(".error-summary").get_text()
    page = soup(client.post(f"/auth/set-password/{token}", data={"password": "four random words here", "confirm": "four random words"}))
    assert "do not match" in page.select_one(".error-summary").get_text()


def test_unknown_or_expired_links_are_not_found(client, auth):
    assert client.get("/auth/set-password/made-up-token").status_code == 404


def test_change_role_is_logged_with_old_and_new(client, auth):
    board = auth.user("board")
    auth.login("admin")
    client.get(f"/manage/users/{board.id}")
    response = client.post(f"/manage/users/{board.id}", data={"role": "partner"})
    assert response.headers["Location"] == "/manage/users"
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "user.role_changed"))
    assert event.detail == {"old": "board", "new": "partner"} and event.target == f"user:{board.id}"


def test_admin_cannot_demote_or_disable_themselves(client, auth):
    admin = auth.login("admin")
    page = soup(client.post(f"/manage/users/{admin.id}", data={"role": "officer"}))
    assert "cannot remove your own administrator role" in page.select_one(".error-summary").get_text()
    client.post(f"/manage/users/{admin.id}/disable")
    db.session.refresh(admin)
    assert admin.role == "admin" and admin.active


def test_disabled_user_is_signed_out_at_once(app, client, auth):
    officer = auth.user("officer")
    other = app.test_client()
    from tests.conftest import AuthActions

    AuthActions(other).login("officer")
    assert other.get("/manage/safeguarding").status_code == 200
    auth.login("admin")
    client.post(f"/manage/users/{officer.id}/disable")
    assert other.get("/manage/safeguarding").status_code == 302
    assert "user.disabled" in actions()
    client.post(f"/manage/users/{officer.id}/enable")
    db.session.refresh(officer)
    assert officer.active
