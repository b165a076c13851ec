"""Data protection: erasing a response on request, and anonymising responses past their retention."""
import logging
from datetime import timedelta

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AnswerTheme, Consultation, Draft, Response, utcnow
from consult.services.accounts import audit
from consult.services.mail import outbox
from consult.services.survey.receipts import normalise_receipt_code

log = logging.getLogger(__name__)


def find_by_receipt(code):
    """The response a resident's receipt code names, or None (also for a code that cannot exist)."""
    normalised = normalise_receipt_code(code)
    if normalised is None:
        return None
    return db.session.scalar(sa.select(Response).where(Response.receipt_code == normalised))


def erase_response(response, user=None):
    """Delete a response and everything stored with it, on the resident's request; audit-logged."""
    consultation_slug = response.consultation.slug
    db.session.execute(sa.update(Draft).where(Draft.response_id == response.id).values(response_id=None))
    db.session.delete(response)
    audit.record("response.erased", f"consultation:{consultation_slug}", user=user)
    db.session.commit()


def retention_cutoff(consultation):
    """When a consultation's responses are past retention: its closing time plus its retention period."""
    if consultation.closes_at is None:
        return None
    # A month is counted as 30 days and a half: 24 months is 732 days, never less than two years.
    return consultation.closes_at + timedelta(days=int(consultation.retention_months * 30.5))


def purge_expired(now=None):
    """Anonymise responses past their consultation's retention period, and delete outbox
    messages older than outbox.KEEP_DAYS; safe to run every night.

    Free text and everything derived from its words (redacted text, key phrases, evidence,
    safeguarding reasons) is removed; choices, areas, theme tags and sentiment stay, so the
    board's totals are unchanged. Returns {consultation slug: responses anonymised}.
    """
    now = now or utcnow()
    done = {}
    for consultation in db.session.scalars(sa.select(Consultation).where(Consultation.closes_at.is_not(None))):
        cutoff = retention_cutoff(consultation)
        if cutoff is None or cutoff > now:
            continue
        pending = (
            sa.select(Response.id)
            .where(Response.consultation_id == consultation.id, Response.anonymised_at.is_(None))
            .scalar_subquery()
        )
        answers = sa.select(Answer.id).where(Answer.response_id.in_(pending)).scalar_subquery()
        db.session.execute(sa.update(AnswerTheme).where(AnswerTheme.answer_id.in_(answers)).values(evidence=[]))
        db.session.execute(
            sa.update(Answer)
            .where(Answer.response_id.in_(pending))
            .values(text=None, redacted_text=None, phrases=None, safeguarding_reasons=None)
        )
        result = db.session.execute(
            sa.update(Response)
            .where(Response.consultation_id == consultation.id, Response.anonymised_at.is_(None))
            .values(anonymised_at=now, receipt_code=None)
        )
        if result.rowcount:
            done[consultation.slug] = result.rowcount
            audit.record("responses.anonymised", f"consultation:{consultation.slug}", user=None, count=result.rowcount)
            log.info("Anonymised %d responses of %s past retention", result.rowcount, consultation.slug)
    old_mail = outbox.purge_old(now)
    if old_mail:
        log.info("Deleted %d outbox messages older than %d days", old_mail, outbox.KEEP_DAYS)
    db.session.commit()
    return done


def suspect_responses(limit=200):
    """Responses that look automated and wait for an officer's decision, newest first."""
    return db.session.scalars(
        sa.select(Response).where(Response.suspect_reason.is_not(None)).order_by(Response.submitted_at.desc()).limit(limit)
    ).all()


def suspect_response(response_id):
    return db.session.scalar(
        sa.select(Response).where(Response.id == response_id, Response.suspect_reason.is_not(None))
    )


def decide_suspect(response, keep, user=None):
    """An officer's decision on a suspect response: keep it (it then counts) or delete it; audit-logged."""
    if not keep:
        erase_response(response, user)
        return
    audit.record("response.kept", f"consultation:{response.consultation.slug}", user=user, reason=response.suspect_reason)
    response.suspect_reason = None
    db.session.commit()
