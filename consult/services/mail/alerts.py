"""Safeguarding e-mails: an urgent flag at once, again to admins if unopened, and a daily digest.

No message ever holds what the resident wrote, or any detail of it: only the consultation,
the area, counts, and a link to sign in.
"""
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from consult.extensions import db
from consult.models import Answer, Area, AuditEvent, Consultation, Response, SafeguardingAction, User, utcnow
from consult.services.accounts.audit import record
from consult.services.mail import links, outbox

QUEUE_PATH = "/manage/safeguarding"
DIGEST_PERIOD = timedelta(days=1)


def alert_recipients():
    """Active admins and officers an admin has marked to receive safeguarding alerts."""
    return db.session.scalars(
        sa.select(User)
        .where(User.active.is_(True), User.receives_safeguarding_alerts.is_(True), User.role.in_(("admin", "officer")))
        .order_by(User.id)
    ).all()


def _admins():
    return db.session.scalars(sa.select(User).where(User.active.is_(True), User.role == "admin").order_by(User.id)).all()


def _where(consultation_id, area_id):
    title = db.session.scalar(sa.select(Consultation.title).where(Consultation.id == consultation_id))
    area = db.session.scalar(sa.select(Area.name).where(Area.id == area_id)) if area_id else None
    return title, area or "an area the resident did not give"


def queue_urgent_alert(response):
    """E-mail every safeguarding alert recipient that `response` raised an urgent flag; the
    caller commits with the response."""
    title, area = _where(response.consultation_id, response.area_id)
    body = (
        f"An urgent flag was raised in {title}, {area}. Sign in to see it:\n{links.absolute(QUEUE_PATH)}\n\n"
        "This e-mail never includes what the resident wrote."
    )
    for user in alert_recipients():
        outbox.queue("safeguarding_urgent", user.email, "Urgent safeguarding flag", body, ref=f"response:{response.id}")


def _answer_target():
    return sa.literal("answer:", sa.String) + sa.cast(Answer.id, sa.String)


def _event_for_answer(action):
    return sa.exists().where(AuditEvent.action == action, AuditEvent.target == _answer_target())


def escalate_unopened(now=None):
    """Send urgent flags nobody has opened or acted on after FLAG_ESCALATE_HOURS again, to the
    admins; each flag once, however often this runs. Commits; returns how many flags."""
    now = now or utcnow()
    cutoff = now - timedelta(hours=current_app.config.get("FLAG_ESCALATE_HOURS", 4))
    rows = db.session.execute(
        sa.select(Answer.id, Response.consultation_id, Response.area_id)
        .join(Response, Response.id == Answer.response_id)
        .where(
            Answer.safeguarding_level == "urgent",
            Response.submitted_at <= cutoff,
            ~sa.exists().where(SafeguardingAction.answer_id == Answer.id),
            ~_event_for_answer("safeguarding.viewed"),
            ~_event_for_answer("safeguarding.escalated"),
        )
        .order_by(Answer.id)
    ).all()
    admins = _admins()
    hours = current_app.config.get("FLAG_ESCALATE_HOURS", 4)
    for answer_id, consultation_id, area_id in rows:
        title, area = _where(consultation_id, area_id)
        body = (
            f"An urgent flag raised in {title}, {area} has not been opened for more than {hours} hours. "
            f"Sign in to see it:\n{links.absolute(f'{QUEUE_PATH}/{answer_id}')}\n\n"
            "This e-mail never includes what the resident wrote."
        )
        for user in admins:
            outbox.queue("safeguarding_escalated", user.email, "Urgent safeguarding flag not opened", body, ref=f"answer:{answer_id}")
        record("safeguarding.escalated", f"answer:{answer_id}", user=None, admins=len(admins))
    db.session.commit()
    return len(rows)


def last_digest_at():
    return db.session.scalar(sa.select(sa.func.max(AuditEvent.at)).where(AuditEvent.action == "safeguarding.digest_sent"))


def new_flag_counts(since, until):
    """{"urgent": n, "concern": n}: flags on responses submitted after `since`, up to `until`."""
    rows = db.session.execute(
        sa.select(Answer.safeguarding_level, sa.func.count(Answer.id))
        .join(Response, Response.id == Answer.response_id)
        .where(Answer.safeguarding_level != "none", Response.submitted_at > since, Response.submitted_at <= until)
        .group_by(Answer.safeguarding_level)
    ).all()
    counts = {"urgent": 0, "concern": 0}
    counts.update(dict(rows))
    return counts


def send_digest(now=None):
    """Queue the digest of new flags by level since the last one (or the last day) to every
    alert recipient; commits. Returns the counts."""
    now = now or utcnow()
    since = last_digest_at() or now - DIGEST_PERIOD
    counts = new_flag_counts(since, now)
    body = (
        f"New safeguarding flags since {since:%d %B %Y at %H:%M} UTC:\n\n"
        f"Urgent: {counts['urgent']}\nConcern: {counts['concern']}\n\n"
        f"Sign in to see the queue:\n{links.absolute(QUEUE_PATH)}"
    )
    for user in alert_recipients():
        outbox.queue("safeguarding_digest", user.email, "Safeguarding flags: daily digest", body, ref=f"digest:{now:%Y-%m-%d}")
    record("safeguarding.digest_sent", "", user=None, **counts).at = now  # the next digest starts here
    db.session.commit()
    return counts
