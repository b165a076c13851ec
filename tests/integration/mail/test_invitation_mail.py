"""Invitations and new set-password links go by e-mail when a mail server is set up; otherwise the admin sees the link."""
import re

import sqlalchemy as sa

from consult.extensions import db
from consult.models import OutboxMessage, User
from tests.pagecheck import soup

PASSWORD = "four random words here"


def _link(message):
    return re.search(r"http://localhost/auth/set-password/\S+", message.get_content()).group(0)


def test_invitation_is_emailed_and_its_link_sets_the_password(smtp_app, mailbox, client, auth):
    auth.login("admin")
    page = soup(client.post("/manage/users/invite", data={"email": "New.Officer@example.org", "name": "Ali", "role": "officer"}))
    assert "An invitation was sent to new.officer@example.org" in page.get_text(" ", strip=True)
    assert page.select_one(".link-to-send") is None and "set-password" not in str(page.select_one("main"))
    [message] = mailbox.to("new.officer@example.org")
    assert message["Subject"].startswith("You are invited to Consult")
    link = _link(message)
    # Delivered invitations leave nothing in the outbox an admin could read the link from.
    assert db.session.scalar(sa.select(sa.func.count(OutboxMessage.id))) == 0
    auth.logout()
    token = link.rsplit("/", 1)[1]
    response = client.post(f"/auth/set-password/{token}", data={"password": PASSWORD, "confirm": PASSWORD})
    assert response.headers["Location"] == "/auth/login"
    assert client.post("/auth/login", data={"email": "new.officer@example.org", "password": PASSWORD}).status_code == 302


def test_a_new_set_password_link_is_emailed(smtp_app, mailbox, client, auth):
    board = auth.user("board", "board@example.org")
    auth.login("admin")
    page = soup(client.post(f"/manage/users/{board.id}/link"))
    assert "An invitation was sent to board@example.org" in page.get_text(" ", strip=True)
    [message] = mailbox.to("board@example.org")
    assert message["Subject"].startswith("Set a new password")
    assert _link(message)


def test_without_a_mail_server_the_admin_sees_the_link_and_the_outbox_keeps_it(client, auth):
    auth.login("admin")
    page = soup(client.post("/manage/users/invite", data={"email": "jo@example.org", "role": "board"}))
    link = page.select_one(".link-to-send code").get_text()
    [message] = db.session.scalars(sa.select(OutboxMessage)).all()
    assert message.kind == "invitation" and message.recipient == "jo@example.org" and link in message.body_text
    assert db.session.scalar(sa.select(User.password_hash).where(User.email == "jo@example.org")) is None
