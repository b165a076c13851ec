"""Submitting a survey: a draft's answers stored as one Response, once, text answers analysed first."""
import logging
from typing import NamedTuple

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError

from consult.extensions import db
from consult.models import Answer, Draft, Response, utcnow
from consult.services.mail.alerts import queue_urgent_alert
from consult.services.survey.drafts import _draft_lifetime, hash_token
from consult.services.survey.receipts import new_receipt_code
from consult.services.survey.skip_logic import chosen_option_ids, graded_choices, has_answer, visible_questions
from consult.services.tagging.store import Analyser, insert_text_answers

_drafts = Draft.__table__
log = logging.getLogger(__name__)


class IncompleteResponse(Exception):
    """Raised by submit when a question that must be answered has no answer yet."""

    def __init__(self, question):
        super().__init__(f"Question {question.id} has no answer")
        self.question = question


class SentResponse(NamedTuple):
    """What the thank-you page says about a submitted draft's response."""

    receipt_code: str
    safeguarding_level: str


_responses = Response.__table__


_answers = Answer.__table__


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


def sent_response(consultation, token, now=None):
    """The response the resident's draft was submitted as (a SentResponse), or None."""
    if not token or not isinstance(token, str):
        return None
    params = {"token_hash": hash_token(token), "consultation_id": consultation.id, "now": now or utcnow()}
    found = db.session.execute(_SENT, params).first()
    return SentResponse(found[0], LEVELS.get(found[1] or 0, "none")) if found else None


def suspect_reason(draft, honeypot, now):
    """Why this submission looks automated, or None. Suspect responses are kept, for review."""
    if honeypot:
        return "a field hidden from people was filled in"
    seconds = (now - draft.started_at).total_seconds()
    if seconds < current_app.config.get("MIN_COMPLETION_SECONDS", 0):
        return f"completed in {max(0, int(seconds))} seconds"
    return None


def submit_response(consultation, draft, channel="web", now=None, honeypot="", language=None):
    """Store an OpenDraft's answers as one Response, once, in one transaction, text answers analysed.

    Only questions still visible are stored. A draft submitted a moment before by another
    request (a double click, a second tab, another server) returns that response instead, so a
    draft never stores twice. `language` is the one the resident chose for the pages: a hint
    for judging which language their written answers are in.
    :raise IncompleteResponse: when a visible question was never reached or a required one is empty.
    """
    now = now or utcnow()
    try:
        response = store_response(
            consultation, draft.answers, channel, now, submission_key=draft.token_hash,
            suspect=suspect_reason(draft, honeypot, now), language=language,
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


def store_response(consultation, answers, channel="web", now=None, submission_key=None, suspect=None, language=None):
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
    analyser = Analyser(hint=language) if texts else None
    if texts:
        # Analysed now, before the first write: on SQLite that write holds the database's one write
        # lock until the commit, and every other resident's answer waited out the analysis.
        analyser.prepare([row["text"] for row in texts])
    db.session.add(response)
    db.session.flush()
    for row in choices + texts:
        row["response_id"] = response.id
    if choices:
        # Straight to the connection, as insert_text_answers explains: the flush above marked the
        # response's cells in the maintained counts.
        db.session.connection().execute(_answers.insert(), choices)
    if texts:
        urgent = False
        for row in insert_text_answers(texts, analyser, now):
            if row["safeguarding_level"] != "none":
                # Officers see the answer in their queue; the log says only that there is one.
                log.warning("Safeguarding flag (%s) on a new answer", row["safeguarding_level"])
                urgent = urgent or row["safeguarding_level"] == "urgent"
        if urgent:
            queue_urgent_alert(response)  # committed with the response, delivered after it
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
    if question.kind in ("grid", "ranking"):
        choices.extend(
            {"question_id": question.id, "option_id": option_id, "choice": choice}
            for option_id, choice in graded_choices(question, value)
            if option_id in valid
        )
        return
    for option_id in chosen_option_ids(question, value):
        if option_id in valid:
            choices.append({"question_id": question.id, "option_id": option_id, "choice": None})
