"""Drafts: a resident's answers kept between survey pages, read with the survey in one query."""
import hashlib
import secrets
from datetime import datetime, timedelta
from typing import NamedTuple

import sqlalchemy as sa
from flask import current_app

from consult.extensions import db
from consult.models import Consultation, Draft, utcnow
from consult.services.survey.snapshots import SURVEY_ROW, survey_from_row


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _draft_lifetime():
    return timedelta(hours=current_app.config["DRAFT_TTL_HOURS"])


class OpenDraft(NamedTuple):
    """A resident's draft not yet submitted. Drafts are read and written without the ORM,
    because these are the busiest statements of the service."""

    id: int
    token: str
    answers: dict
    started_at: datetime

    @property
    def token_hash(self):
        return hash_token(self.token)


_drafts = Draft.__table__


# Core statements built once for the drafts that every survey page reads and writes.
_KEEP_ANSWERS = (
    sa.update(_drafts)
    # Not once it is submitted: a late save then starts a new draft instead of changing a sent one.
    .where(_drafts.c.id == sa.bindparam("draft_id"), _drafts.c.response_id.is_(None))
    .values(
        answers=sa.bindparam("new_answers", type_=_drafts.c.answers.type),
        updated_at=sa.bindparam("now"),
        # A draft saved for later keeps its longer keeping date while the resident carries on.
        expires_at=sa.case(
            (_drafts.c.saved_until > sa.bindparam("expires", type_=_drafts.c.expires_at.type), _drafts.c.saved_until),
            else_=sa.bindparam("expires", type_=_drafts.c.expires_at.type),
        ),
    )
)


_NEW_DRAFT = (
    sa.insert(_drafts).values(
        token_hash=sa.bindparam("token_hash"),
        consultation_id=sa.bindparam("consultation_id"),
        answers=sa.bindparam("answers", type_=_drafts.c.answers.type),
        started_at=sa.bindparam("now"),
        updated_at=sa.bindparam("now"),
        expires_at=sa.bindparam("expires"),
    )
)


_consultations = Consultation.__table__


_SURVEY_AND_DRAFT = (
    sa.select(*SURVEY_ROW, _drafts.c.id.label("draft_id"), _drafts.c.answers, _drafts.c.started_at)
    .select_from(
        _consultations.outerjoin(
            _drafts,
            sa.and_(
                _drafts.c.consultation_id == _consultations.c.id,
                _drafts.c.token_hash == sa.bindparam("token_hash"),
                _drafts.c.response_id.is_(None),
                _drafts.c.expires_at > sa.bindparam("now"),
            ),
        )
    )
    .where(_consultations.c.slug == sa.bindparam("slug"))
)


def survey_and_draft(slug, token, now=None):
    """The survey at `slug` (as snapshots.survey gives it) and the resident's unexpired,
    unsubmitted draft for it, read in one query, since every survey page needs both:
    (survey or None, OpenDraft or None)."""
    token = token if token and isinstance(token, str) else None
    params = {"slug": slug, "token_hash": hash_token(token) if token else "", "now": now or utcnow()}
    row = db.session.execute(_SURVEY_AND_DRAFT, params).first()
    consultation = survey_from_row(row)
    draft_id, answers, started_at = row[-3:] if row else (None, None, None)
    if consultation is None or draft_id is None:
        return consultation, None
    return consultation, OpenDraft(draft_id, token, dict(answers or {}), started_at)


def save_answer(consultation, draft, question, value, now=None):
    """Keep one answer in the resident's open draft (from survey_and_draft), or in a new draft when
    there is none; commits.

    Returns the token for the draft, which the caller keeps in the resident's session.
    """
    now = now or utcnow()
    expires = now + _draft_lifetime()
    if draft is not None:
        answers = {**draft.answers, str(question.id): value}
        kept = db.session.execute(_KEEP_ANSWERS, {"draft_id": draft.id, "new_answers": answers, "now": now, "expires": expires})
        db.session.commit()
        if kept.rowcount:
            return draft.token
    token = secrets.token_urlsafe(32)
    db.session.execute(_NEW_DRAFT, {
        "token_hash": hash_token(token), "consultation_id": consultation.id, "answers": {str(question.id): value},
        "now": now, "expires": expires,
    })
    db.session.commit()
    return token


def purge_expired_drafts(now=None):
    """Delete drafts past their expiry time; returns how many went."""
    result = db.session.execute(sa.delete(Draft).where(Draft.expires_at <= (now or utcnow())))
    db.session.commit()
    return result.rowcount
