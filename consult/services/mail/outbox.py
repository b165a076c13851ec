"""The outbox: every message is queued here first, in the caller's transaction, and read back by admins."""
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app, g, has_app_context

from consult.extensions import db
from consult.models import Job, OutboxMessage, utcnow
from consult.services.mail.settings import partnership_name

# Messages that hold a set-password link or a resident's address are deleted once delivered.
FORGET_WHEN_SENT = ("invitation", "results_subscribed", "results_published", "saved_draft_link")
# Any message, sent or not, is deleted after this many days (purge-expired, nightly): an
# outbox nobody delivers (development, a broken server) must not keep residents' addresses.
KEEP_DAYS = 30

KIND_LABELS = {
    "invitation": "Invitation or set-password link",
    "safeguarding_urgent": "Urgent safeguarding flag",
    "safeguarding_escalated": "Urgent flag not opened in time",
    "safeguarding_digest": "Daily safeguarding digest",
    "results_subscribed": "Results e-mail: confirmation",
    "results_published": "Results e-mail: published",
    "saved_draft_link": "Saved answers: link to continue",
}


def signature():
    return f"\n\n--\n{partnership_name(current_app.config)}\n"


def queue(kind, recipient, subject, body, ref="", headers=None):
    """Add one message for `recipient` to the session; the caller commits with the event that
    caused it, and the message is delivered by a `mail` job started after the request (see delivery.py)."""
    name = partnership_name(current_app.config)
    message = OutboxMessage(
        kind=kind, ref=str(ref)[:60], recipient=recipient, subject=f"{subject} – {name}"[:200],
        body_text=body.rstrip() + signature(), headers=headers or {}, created_at=utcnow(), attempts=0,
    )
    db.session.add(message)
    if has_app_context():
        g.mail_queued = True  # delivery.init_app queues a mail job once the view has committed
    return message


def recent(limit=200):
    """The newest messages first: waiting, failed and (staff alerts only) delivered."""
    return db.session.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)).all()


def purge_old(now):
    """Delete messages older than KEEP_DAYS, delivered or not, and the finished mail jobs of that
    age (one per request that sent mail); returns how many messages went."""
    cutoff = now - timedelta(days=KEEP_DAYS)
    result = db.session.execute(sa.delete(OutboxMessage).where(OutboxMessage.created_at < cutoff))
    db.session.execute(
        sa.delete(Job).where(Job.kind == "mail", Job.status.in_(("done", "failed")), Job.created_at < cutoff)
    )
    return result.rowcount


def kind_label(kind):
    return KIND_LABELS.get(kind, kind)
