"""Safeguarding e-mails: urgent flags at once (never the resident's words), escalation once, the daily digest."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AuditEvent, OutboxMessage, User
from consult.services.accounts.users import set_safeguarding_alerts
from consult.services.casework.safeguarding import record_action
from consult.services.mail.alerts import send_digest
from tests.integration.manage.answer_helpers import text_answer
from tests.integration.public.survey_helpers import complete_survey
from tests.pagecheck import soup

DISCLOSURE = "Gary Smith said he will kill me tonight and I have nowhere safe to go. Zorblaxquint."


def _alerted(auth, email="alerts@example.org", role="officer"):
    user = auth.user(role, email)
    set_safeguarding_alerts(user, True, by=None)
    return user


def test_urgent_flag_emails_each_safeguarding_officer_without_the_residents_words(smtp_app, mailbox, client, auth, demo):
    _alerted(auth, "first@example.org")
    _alerted(auth, "second@example.org", role="admin")
    auth.user("officer", "not-signed-up@example.org")
    complete_survey(client, demo, q8=DISCLOSURE)
    assert sorted(message["To"] for message in mailbox.messages) == ["first@example.org", "second@example.org"]
    body = mailbox.messages[0].get_content()
    assert "An urgent flag was raised in Community safety survey, Whitehaven. Sign in to see it:" in body
    assert "http://localhost/manage/safeguarding" in body
    for text in mailbox.texts():
        for word in ("Zorblaxquint", "Gary", "kill", "nowhere safe", "danger", "threat"):
            assert word.lower() not in text.lower()


def test_in_development_the_urgent_alert_waits_in_the_outbox(client, auth, demo):
    _alerted(auth)
    complete_survey(client, demo, q8=DISCLOSURE)
    [message] = db.session.scalars(sa.select(OutboxMessage)).all()
    assert message.kind == "safeguarding_urgent" and message.sent_at is None
    assert "zorblaxquint" not in (message.body_text + message.subject).lower()


def test_a_flag_that_is_not_urgent_sends_nothing(smtp_app, mailbox, client, auth, demo):
    _alerted(auth)
    complete_survey(client, demo, q8="I feel scared at home sometimes because of my partner.")
    assert db.session.scalar(sa.select(Answer.safeguarding_level).where(Answer.text.like("I feel scared%"))) == "concern"
    assert db.session.scalar(sa.select(sa.func.count(OutboxMessage.id))) == 0 and mailbox.messages == []


def test_unopened_urgent_flags_go_to_admins_once_after_the_hours(smtp_app, mailbox, auth, runner):
    auth.user("admin", "admin@example.org")
    officer = _alerted(auth, "officer@example.org")
    waiting = text_answer("Made-up worry one", level="urgent", age_minutes=5 * 60)
    text_answer("Made-up worry two", level="urgent", age_minutes=60)  # not yet four hours
    opened = text_answer("Made-up worry three", level="urgent", age_minutes=5 * 60)
    db.session.add(AuditEvent(action="safeguarding.viewed", target=f"answer:{opened.id}", user_id=officer.id, detail={}))
    acted = text_answer("Made-up worry four", level="urgent", age_minutes=5 * 60)
    record_action(acted, "acknowledge", "", officer)
    text_answer("Made-up worry five", level="concern", age_minutes=5 * 60)
    db.session.commit()

    first = runner.invoke(args=["mail", "escalate"])
    second = runner.invoke(args=["mail", "escalate"])
    assert first.exit_code == 0 and "1 unopened urgent flag sent" in first.output
    assert "0 unopened urgent flags sent" in second.output
    [message] = mailbox.messages
    assert message["To"] == "admin@example.org"
    assert f"/manage/safeguarding/{waiting.id}" in message.get_content()
    assert "has not been opened for more than 4 hours" in message.get_content()
    assert "Made-up worry" not in message.as_string()


def test_digest_counts_new_flags_by_level_since_the_last_digest(smtp_app, mailbox, auth, runner):
    _alerted(auth, "officer@example.org")
    auth.user("board", "board@example.org")
    text_answer("Made-up worry one", level="urgent", age_minutes=60)
    text_answer("Made-up worry two", level="urgent", age_minutes=120)
    text_answer("Made-up worry three", level="concern", age_minutes=30)
    text_answer("Made-up worry old", level="urgent", age_minutes=3 * 24 * 60)
    text_answer("Nothing", level="none")
    assert send_digest() == {"urgent": 2, "concern": 1}
    text_answer("Made-up worry four", level="concern")
    result = runner.invoke(args=["mail", "digest"])
    assert result.exit_code == 0 and "0 urgent, 1 concern" in result.output
    bodies = [message.get_content().replace("\r\n", "\n") for message in mailbox.messages]
    assert [message["To"] for message in mailbox.messages] == ["officer@example.org", "officer@example.org"]
    assert "Urgent: 2\nConcern: 1" in bodies[0] and "Urgent: 0\nConcern: 1" in bodies[1]
    assert all("Made-up" not in body for body in bodies)


def test_admin_switches_safeguarding_alerts_on_for_an_officer(client, auth):
    officer = auth.user("officer", "officer@example.org")
    board = auth.user("board", "board@example.org")
    auth.login("admin")
    page = soup(client.get(f"/manage/users/{officer.id}"))
    assert page.select_one("#receives").get("checked") is None
    response = client.post(f"/manage/users/{officer.id}/alerts", data={"receives": "y"})
    assert response.status_code == 302
    assert db.session.get(User, officer.id).receives_safeguarding_alerts is True
    assert "now receives safeguarding alerts" in client.get(response.headers["Location"]).get_data(as_text=True)
    client.post(f"/manage/users/{officer.id}/alerts", data={})
    assert db.session.get(User, officer.id).receives_safeguarding_alerts is False
    assert soup(client.get(f"/manage/users/{board.id}")).select_one("#receives") is None
    client.post(f"/manage/users/{board.id}/alerts", data={"receives": "y"})
    assert db.session.get(User, board.id).receives_safeguarding_alerts is False


def test_demo_officer_receives_alerts(app):
    from consult.services.demo.accounts import create_demo_accounts

    accounts = dict((user.role, user) for user, _ in create_demo_accounts("testing"))
    assert accounts["officer"].receives_safeguarding_alerts and not accounts["board"].receives_safeguarding_alerts


def test_an_unreachable_mail_server_leaves_the_alerts_queued_and_the_resident_thanked(app, client, auth, demo):
    from tests.smtp_server import free_port

    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port(), MAIL_USE_STARTTLS=False, MAIL_TIMEOUT_SECONDS=2)
    _alerted(auth, "first@example.org")
    _alerted(auth, "second@example.org")
    response = complete_survey(client, demo, q8=DISCLOSURE)
    assert response.status_code == 302 and response.headers["Location"].endswith("/done")
    attempts = db.session.scalars(sa.select(OutboxMessage.attempts).order_by(OutboxMessage.id)).all()
    assert attempts == [1, 0]  # the request gave up after the first failure; `flask mail deliver` retries


def test_an_answer_that_re_analysis_makes_urgent_sends_the_alert_once(auth, demo):
    from consult.services.tagging.store import retag

    _alerted(auth)
    answer = text_answer(DISCLOSURE, level="none", age_minutes=60)
    retag()
    db.session.refresh(answer)
    assert answer.safeguarding_level == "urgent"
    retag()  # already urgent: nothing new to tell
    [message] = db.session.scalars(sa.select(OutboxMessage)).all()
    assert message.kind == "safeguarding_urgent" and "zorblaxquint" not in message.body_text.lower()
