"""Responses typed in from paper forms or events: stored like web ones (channel paper), once, audit-logged."""
import hashlib

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from consult.extensions import db
from consult.models import Response, utcnow
from consult.services.accounts import audit
from consult.services.survey.submission import store_response

ACCEPTING_STATUSES = ("open", "closed")


def accepts_paper(consultation):
    """Paper forms collected before the close may still be typed in after it, until the outcome is out."""
    return consultation.status in ACCEPTING_STATUSES


def _submission_key(entry_key):
    return hashlib.sha256(f"paper:{entry_key}".encode()).hexdigest()


def enter_paper_response(consultation, answers, entry_key, user, now=None):
    """Store one paper response with the same checks and analysis as the web; commits.

    `entry_key` is the random key of the entry form: sending the same form twice stores it once.
    Returns (response, stored): stored is False when the form had already been sent.

    :raise IncompleteResponse: when a required visible question has no answer.
    """
    now = now or utcnow()
    key = _submission_key(entry_key)
    existing = db.session.scalar(sa.select(Response).where(Response.submission_key == key))
    if existing is not None:
        return existing, False
    try:
        response = store_response(consultation, answers, channel="paper", now=now, submission_key=key)
        audit.record("response.paper_entered", f"consultation:{consultation.id}", user=user, response=response.id)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        existing = db.session.scalar(sa.select(Response).where(Response.submission_key == key))
        if existing is None:
            raise
        return existing, False
    return response, True


def paper_count(consultation):
    return db.session.scalar(
        sa.select(sa.func.count(Response.id)).where(Response.consultation_id == consultation.id, Response.channel == "paper")
    )
