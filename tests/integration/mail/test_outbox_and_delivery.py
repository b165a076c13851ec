"""The outbox in development, delivery through a real SMTP server, retries, and the admin's outbox pages."""
from datetime import timedelta

import sqlalchemy as sa

from consult.extensions import db
from consult.models import OutboxMessage, utcnow
from consult.services.mail import outbox
from consult.services.mail.delivery import deliver_due
from tests import smtp_server
from tests.pagecheck import soup


def _queue(kind="safeguarding_digest", to="officer@example.org"):
    message = outbox.queue(kind, to, "A test message", "Hello from the test.")
    db.session.commit()
    return message


def test_without_a_mail_server_messages_stay_in_the_outbox(app):
    message = _queue()
    assert deliver_due() == (0, 0)
    db.session.refresh(message)
    assert message.sent_at is None and message.attempts == 0 and message.status == "waiting"


def test_every_message_is_plain_text_and_names_the_partnership(smtp_app, mailbox):
    smtp_app.config["PARTNERSHIP_NAME"] = "Copeland Safer Together"
    message = _queue()
    assert deliver_due() == (1, 0)
    [received] = mailbox.messages
    assert received["To"] == "officer@example.org"
    assert received["Subject"] == "A test message – Copeland Safer Together"
    assert received["From"].startswith("Copeland Safer Together <")
    assert received.get_content_type() == "text/plain" and not received.is_multipart()
    body = received.get_content()
    assert "Hello from the test." in body and body.rstrip().endswith("Copeland Safer Together")
    assert "<img" not in body and "?utm_" not in body
    db.session.refresh(message)
    assert message.status == "sent" and message.attempts == 1


def test_a_failed_delivery_stays_queued_with_the_error_and_is_retried(app):
    box = smtp_server.Mailbox()
    port = smtp_server.free_port()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_STARTTLS=False, MAIL_TIMEOUT_SECONDS=2)
    message = _queue()
    assert deliver_due() == (0, 1)  # nothing listens on the port yet
    db.session.refresh(message)
    assert message.sent_at is None and message.attempts == 1
    assert "ConnectionRefusedError" in message.last_error and message.status == "failed, will retry"
    controller = smtp_server.start(box, port=port)
    try:
        assert deliver_due() == (0, 0)  # not due again yet: it waits before retrying
        assert deliver_due(now=utcnow() + timedelta(hours=1)) == (1, 0)
    finally:
        controller.stop()
    db.session.refresh(message)
    assert message.status == "sent" and message.attempts == 2 and message.last_error is None
    assert len(box.messages) == 1


def test_a_refused_address_does_not_hold_up_the_others(smtp_app, mailbox):
    mailbox.refuse.add("gone@example.org")
    refused = _queue(to="gone@example.org")
    _queue(to="here@example.org")
    assert deliver_due() == (1, 1)
    assert [message["To"] for message in mailbox.messages] == ["here@example.org"]
    db.session.refresh(refused)
    assert "550" in refused.last_error and refused.sent_at is None


def test_a_delivered_message_is_not_sent_twice(smtp_app, mailbox):
    _queue()
    deliver_due()
    deliver_due(now=utcnow() + timedelta(hours=1))
    assert len(mailbox.messages) == 1


def test_mail_deliver_command_sends_the_queue(smtp_app, mailbox, runner):
    _queue(to="a@example.org")
    _queue(to="b@example.org")
    result = runner.invoke(args=["mail", "deliver"])
    assert result.exit_code == 0 and "Sent 2, failed 0" in result.output
    assert sorted(message["To"] for message in mailbox.messages) == ["a@example.org", "b@example.org"]


def test_mail_deliver_command_without_a_server_says_where_mail_is(runner):
    _queue()
    result = runner.invoke(args=["mail", "deliver"])
    assert result.exit_code == 0 and "/manage/outbox" in result.output


def test_admin_reads_the_outbox_and_one_message(client, auth):
    message = _queue()
    auth.login("admin")
    listing = soup(client.get("/manage/outbox"))
    assert listing.select_one("nav a[href='/manage/outbox']") is not None
    assert "officer@example.org" in listing.get_text() and "No mail server is set up" in listing.get_text()
    page = soup(client.get(f"/manage/outbox/{message.id}"))
    assert page.h1.get_text() == "A test message – West Cumberland Community Safety Partnership"
    assert "Hello from the test." in page.select_one(".mail-body").get_text()
    assert client.get("/manage/outbox/999999").status_code == 404


def test_only_admins_see_the_outbox(client, auth):
    auth.login("officer")
    assert client.get("/manage/outbox").status_code == 403
    assert soup(client.get("/manage/")).select_one("nav a[href='/manage/outbox']") is None


def test_the_password_never_shows_on_the_outbox_page_or_in_errors(app, client, auth):
    app.config.update(MAIL_URL=f"smtp://user:hunter2-secret@127.0.0.1:{smtp_server.free_port()}?starttls=0", MAIL_TIMEOUT_SECONDS=2)
    _queue()
    deliver_due()
    stored = db.session.scalars(sa.select(OutboxMessage.last_error)).all()
    assert stored and all("hunter2" not in (error or "") for error in stored)
    auth.login("admin")
    assert "hunter2" not in client.get("/manage/outbox").get_data(as_text=True)


def test_the_nightly_purge_deletes_messages_older_than_thirty_days_sent_or_not(app):
    from consult.services.casework.data_protection import purge_expired

    old, recent = _queue(to="resident@example.org"), _queue()
    old.created_at = utcnow() - timedelta(days=outbox.KEEP_DAYS, minutes=1)
    db.session.commit()
    purge_expired()
    left = db.session.scalars(sa.select(OutboxMessage.recipient)).all()
    assert left == [recent.recipient]
