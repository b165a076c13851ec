"""A consultation's life, draft -> open -> closed -> published: officers' buttons and its closing date."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Consultation, utcnow
from consult.services.accounts import audit

STAGE_NAMES = {
    "draft": "Draft",
    "scheduled": "Opens later",
    "open": "Open",
    "closed": "Closed",
    "published": "Outcome published",
}


class LifecycleProblem(Exception):
    """Raised when a status change is not possible now; the message says why, for the officer."""


def stage(consultation, now=None):
    """What residents meet now: draft, scheduled (open but before its opening date), open, closed, published."""
    now = now or utcnow()
    if consultation.status == "open":
        if consultation.not_yet_open(now):
            return "scheduled"
        if consultation.closed_on(now):
            return "closed"
    return consultation.status


def stage_name(consultation, now=None):
    return STAGE_NAMES[stage(consultation, now)]


def opening_problems(consultation, now=None):
    """Everything that stops a draft opening, as sentences; empty when it can open."""
    now = now or utcnow()
    problems = []
    if consultation.status != "draft":
        problems.append("Only a draft consultation can be opened.")
    if not consultation.questions:
        problems.append("Add at least one question.")
    if consultation.closes_at is not None and consultation.closes_at <= now:
        problems.append("The closing date has passed: set a later one.")
    if any(question.kind == "area" for question in consultation.questions) and not consultation.areas:
        problems.append("A question asks where people live: choose the areas the consultation covers.")
    return problems


def open_consultation(consultation, user, now=None):
    """Open a draft: residents can answer from its opening date (now if it has none); commits.

    :raise LifecycleProblem: with opening_problems() joined, when it cannot open.
    """
    now = now or utcnow()
    problems = opening_problems(consultation, now)
    if problems:
        raise LifecycleProblem(" ".join(problems))
    consultation.status = "open"
    if consultation.opens_at is None:
        consultation.opens_at = now.replace(microsecond=0)
    audit.record("consultation.opened", f"consultation:{consultation.id}", user=user)
    db.session.commit()


def close_consultation(consultation, user, now=None):
    """Stop taking answers now, even before the closing date; commits.

    :raise LifecycleProblem: when it is not open.
    """
    now = now or utcnow()
    if consultation.status != "open":
        raise LifecycleProblem("Only an open consultation can be closed.")
    _close(consultation, now)
    audit.record("consultation.closed", f"consultation:{consultation.id}", user=user)
    db.session.commit()


def _close(consultation, now):
    consultation.status = "closed"
    if consultation.closes_at is None or consultation.closes_at > now:
        consultation.closes_at = now.replace(microsecond=0)


# What each officer's button may change a consultation from.
ALLOWED_FROM = {
    "open": ("draft",),
    "close": ("open",),
    "copy": ("draft", "open", "closed", "published"),
}


def can_change(consultation, change):
    """True when the officer's `change` ("open", "close" or "copy") applies to the consultation's status."""
    return consultation.status in ALLOWED_FROM[change]


def close_if_due(consultation, now=None):
    """Record an open consultation whose closing date has passed as closed; the caller commits."""
    now = now or utcnow()
    if consultation.status == "open" and consultation.closed_on(now):
        consultation.status = "closed"
        audit.record("consultation.closed", f"consultation:{consultation.id}", user=None, by="closing date")
        return True
    return False


def sync_statuses(now=None):
    """Close every open consultation whose closing date has passed; commits. Returns them.

    Pages work out what residents meet from the dates (stage), so this only keeps the stored
    status in step; safe to run at any time (the nightly `consultations sync`).
    """
    now = now or utcnow()
    due = db.session.scalars(
        sa.select(Consultation).where(Consultation.status == "open", Consultation.closes_at <= now)
    ).all()
    due = [consultation for consultation in due if close_if_due(consultation, now)]
    if due:
        db.session.commit()
    return due
