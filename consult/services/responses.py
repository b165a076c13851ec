"""A resident's path through a survey: drafts that keep answers, skip logic, and submission."""
import hashlib
import logging
import secrets
from datetime import datetime, timedelta
from typing import NamedTuple

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError

from consult.extensions import db
from consult.models import Answer, Consultation, Draft, Response, utcnow
from consult.services.receipts import new_receipt_code
from consult.services.snapshots import SURVEY_ROW, survey_from_row
from consult.services.tagging import Analyser, insert_text_answers

log = logging.getLogger(__name__)


class IncompleteResponse(Exception):
    """Raised by submit when a question that must be answered has no answer yet."""

    def __init__(self, question):
        super().__init__(f"Question {question.id} has no answer")
        self.question = question


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


class SentResponse(NamedTuple):
    """What the thank-you page says about a submitted draft's response."""

    receipt_code: str
    safeguarding_level: str


_drafts = Draft.__table__
_responses = Response.__table__
_answers = Answer.__table__
# Core statements built once for the drafts that every survey page reads and writes.
_KEEP_ANSWERS = (
    sa.update(_drafts)
    # Not once it is submitted: a late save then starts a new draft instead of changing a sent one.
    .where(_drafts.c.id == sa.bindparam("draft_id"), _drafts.c.response_id.is_(None))
    .values(
        answers=sa.bindparam("new_answers", type_=_drafts.c.answers.type),
        updated_at=sa.bindparam("now"),
        expires_at=sa.bindparam("expires"),
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
# The draft's copy of free text is not kept once the response holds it.
_MARK_SENT = (
    sa.update(_drafts)
    .where(_drafts.c.id == sa.bindparam("draft_id"))
    .values(response_id=sa.bindparam("sent_id"), answers={}, updated_at=sa.bindparam("now"), expires_at=sa.bindparam("expires"))
)
_LEVEL_RANK = sa.case((_answers.c.safeguarding_level == "urgent", 2), (_answers.c.safeguarding_level == "concern", 1), else_=0)
_SENT = (
    sa.select(_responses.c.receipt_code, sa.func.max(_LEVEL_RANK))
    .select_from(_drafts.join(_responses, _drafts.c.response_id == _responses.c.id).outerjoin(_answers, _answers.c.response_id == _responses.c.id))
    .where(
        _drafts.c.token_hash == sa.bindparam("token_hash"),
        _drafts.c.consultation_id == sa.bindparam("consultation_id"),
        _drafts.c.expires_at > sa.bindparam("now"),
    )
    .group_by(_responses.c.id, _responses.c.receipt_code)
)
LEVELS = {2: "urgent", 1: "concern"}


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


def sent_response(consultation, token, now=None):
    """The response the resident's draft was submitted as (a SentResponse), or None."""
    if not token or not isinstance(token, str):
        return None
    params = {"token_hash": hash_token(token), "consultation_id": consultation.id, "now": now or utcnow()}
    found = db.session.execute(_SENT, params).first()
    return SentResponse(found[0], LEVELS.get(found[1] or 0, "none")) if found else None


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


def chosen_option_ids(question, value):
    if question.kind in ("single", "scale"):
        return [value] if isinstance(value, int) else []
    if question.kind == "multiple":
        return [v for v in value or [] if isinstance(v, int)]
    return []


def has_answer(question, value):
    if question.kind in ("single", "scale", "multiple"):
        valid = {option.id for option in question.options}
        return any(option_id in valid for option_id in chosen_option_ids(question, value))
    if question.kind == "area":
        return bool(value) and bool(value.get("area_id"))
    return bool(value and str(value).strip())


def visible_questions(questions, answers):
    """The questions shown for these answers: skip logic hides those whose condition fails."""
    visible = []
    chosen = set()
    for question in questions:
        if question.show_when_option_id is None or question.show_when_option_id in chosen:
            visible.append(question)
            chosen.update(chosen_option_ids(question, answers.get(str(question.id))))
    return visible


def first_unseen(questions, answers):
    """The first visible question the resident has not reached yet, or None."""
    for question in visible_questions(questions, answers):
        if str(question.id) not in answers:
            return question
    return None


def suspect_reason(draft, honeypot, now):
    """Why this submission looks automated, or None. Suspect responses are kept, for review."""
    if honeypot:
        return "a field hidden from people was filled in"
    seconds = (now - draft.started_at).total_seconds()
    if seconds < current_app.config.get("MIN_COMPLETION_SECONDS", 0):
        return f"completed in {max(0, int(seconds))} seconds"
    return None


def submit_response(consultation, draft, channel="web", now=None, honeypot=""):
    """Store an OpenDraft's answers as one Response, once, in one transaction, text answers analysed.

    Only questions still visible are stored. A draft submitted a moment before by another
    request (a double click, a second tab, another server) returns that response instead, so a
    draft never stores twice.
    :raise IncompleteResponse: when a visible question was never reached or a required one is empty.
    """
    now = now or utcnow()
    try:
        response = store_response(
            consultation, draft.answers, channel, now, submission_key=draft.token_hash,
            suspect=suspect_reason(draft, honeypot, now),
        )
        db.session.connection().execute(
            _MARK_SENT, {"draft_id": draft.id, "sent_id": response.id, "now": now, "expires": now + _draft_lifetime()}
        )
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        existing = db.session.scalar(sa.select(Response).where(Response.submission_key == draft.token_hash))
        if existing is None:
            raise
        return existing
    return response


def store_response(consultation, answers, channel="web", now=None, submission_key=None, suspect=None):
    """Store one Response holding `answers` (question id as text -> value, as a draft keeps them),
    text answers analysed and tagged, in the current transaction; the caller commits.

    Only questions still visible are stored. The response is flushed here and its answers go in
    a few bulk statements (a row at a time through the ORM was most of a submission's cost), so
    a duplicate `submission_key` raises IntegrityError from this call. `suspect` is why the
    response looks automated, if it does.

    :raise IncompleteResponse: when a visible question was never reached or a required one is empty.
    """
    now = now or utcnow()
    visible = visible_questions(consultation.questions, answers)
    for question in visible:
        value = answers.get(str(question.id))
        if str(question.id) not in answers or (question.required and not has_answer(question, value)):
            raise IncompleteResponse(question)
    # Ids, not relationships: `consultation` may be the survey's read-only copy (services/snapshots.py).
    response = Response(
        consultation_id=consultation.id,
        channel=channel,
        submitted_at=now,
        submission_key=submission_key,
        receipt_code=new_receipt_code(),
        suspect_reason=suspect,
    )
    choices, texts = [], []
    for question in visible:
        _answer_rows(response, question, answers.get(str(question.id)), choices, texts)
    # Before any write of ours: the first use may store the default themes on a connection of its own.
    analyser = Analyser() if texts else None
    for row in texts:
        # Analysed now, before the first write: on SQLite that write holds the database's one write
        # lock until the commit, and every other resident's answer waited out the analysis.
        analyser(row["text"])
    db.session.add(response)
    db.session.flush()
    for row in choices + texts:
        row["response_id"] = response.id
    if choices:
        # Straight to the connection, as insert_text_answers explains: the flush above marked the
        # response's cells in the maintained counts.
        db.session.connection().execute(_answers.insert(), choices)
    if texts:
        for row in insert_text_answers(texts, analyser, now):
            if row["safeguarding_level"] != "none":
                # Officers see the answer in their queue; the log says only that there is one.
                log.warning("Safeguarding flag (%s) on a new answer", row["safeguarding_level"])
    return response


def _answer_rows(response, question, value, choices, texts):
    """Add the rows that store one question's answer to `choices` or `texts` (the area question
    is stored on the response itself)."""
    if question.kind == "area":
        if value and value.get("area_id"):
            response.area_id = value["area_id"]
        response.postcode_district = (value or {}).get("district")
        return
    if question.is_text:
        if value and value.strip():
            texts.append({"question_id": question.id, "text": value})
        return
    valid = {option.id for option in question.options}
    for option_id in chosen_option_ids(question, value):
        if option_id in valid:
            choices.append({"question_id": question.id, "option_id": option_id})


def purge_expired_drafts(now=None):
    """Delete drafts past their expiry time; returns how many went."""
    result = db.session.execute(sa.delete(Draft).where(Draft.expires_at <= (now or utcnow())))
    db.session.commit()
    return result.rowcount
