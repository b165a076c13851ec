"""A consultation's survey (questions, options, areas) read once per process and reused until it changes.

Every survey page needs the whole survey, because skip logic looks at every question. Loading it
through the ORM on each request was most of a page's cost, so each app keeps read-only copies,
keyed by the consultation's random `revision`. Any change to a consultation, its questions, its
options or its areas gives it a new revision in the same transaction (the session events below),
and each request still reads the consultation's row, so every process sees an edit, a status
change or a new closing date on its next request.
"""
import threading
from itertools import chain

import sqlalchemy as sa
from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session, selectinload

from consult.extensions import db
from consult.models import Area, Consultation, Option, Question, Translation, consultation_areas
from consult.models.consultation import AreaRules, ConsultationRules, QuestionRules, new_revision

# Past this many consultations in one process, the copies are dropped and read again as needed.
MAX_COPIES = 64
STRUCTURE_TABLES = {"consultation", "question", "option", "area", "consultation_areas", "translation"}
_lock = threading.Lock()


class _Copy:
    """A model row's column values as plain attributes: no session, no lazy loading, and shared
    by every thread of the process, so it refuses to be changed."""

    def __init__(self, row, **related):
        for column in sa.inspect(type(row)).column_attrs:
            object.__setattr__(self, column.key, getattr(row, column.key))
        for name, value in related.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is a shared read-only copy: change the database instead")

    def __repr__(self):
        return f"<{type(self).__name__} {self.id}>"


class AreaCopy(AreaRules, _Copy):
    pass


class OptionCopy(_Copy):
    pass


class QuestionCopy(QuestionRules, _Copy):
    pass


class ConsultationCopy(ConsultationRules, _Copy):
    pass


def _copies():
    return current_app.extensions.setdefault("consult.survey_copies", {})


_consultations = Consultation.__table__
# What each request reads of the consultation's row: enough to know whether a copy is current.
SURVEY_ROW = (
    _consultations.c.id,
    _consultations.c.revision,
    _consultations.c.status,
    _consultations.c.opens_at,
    _consultations.c.closes_at,
)



def survey(slug):
    """The read-only survey residents see at `slug`, or None (unknown, or still a draft).

    One small query per call; the questions, options and areas are read only when they changed.
    """
    return survey_from_row(db.session.execute(sa.select(*SURVEY_ROW).where(_consultations.c.slug == slug)).first())


def survey_from_row(row):
    """survey() for a row whose first columns are SURVEY_ROW's, read by a caller's own query."""
    if row is None or row[2] == "draft":
        return None
    consultation_id, revision, status, opens_at, closes_at = row[:5]
    copies = _copies()
    cached = copies.get(consultation_id)
    if cached is not None and (cached.revision, cached.status, cached.opens_at, cached.closes_at) == (
        revision, status, opens_at, closes_at
    ):
        return cached
    fresh = _read(consultation_id)
    if fresh is not None and fresh.revision:
        with _lock:
            if len(copies) >= MAX_COPIES:
                copies.clear()
            copies[fresh.id] = fresh
    return fresh


def _read(consultation_id):
    consultation = db.session.scalar(
        sa.select(Consultation)
        .where(Consultation.id == consultation_id)
        .options(selectinload(Consultation.questions).selectinload(Question.options), selectinload(Consultation.areas))
        .execution_options(populate_existing=True)
    )
    if consultation is None:
        return None
    questions = tuple(
        QuestionCopy(question, options=tuple(OptionCopy(option) for option in question.options))
        for question in consultation.questions
    )
    areas = tuple(AreaCopy(area) for area in consultation.areas)
    translations = {}
    for language, key, text in db.session.execute(
        sa.select(Translation.language, Translation.key, Translation.text).where(Translation.consultation_id == consultation_id)
    ):
        translations.setdefault(language, {})[key] = text
    # `localised` holds this copy in each language residents asked for (services/survey/translated.py).
    return ConsultationCopy(consultation, questions=questions, areas=areas, translations=translations, localised={})


def _loaded(obj, name):
    """An attribute's value without loading anything (None when it is not loaded)."""
    return sa.inspect(obj).dict.get(name)


@event.listens_for(Session, "after_flush")
def _new_revision_for_changed_surveys(session, _context):
    consultation_ids, question_ids, area_ids = set(), set(), set()
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Consultation):
            consultation_ids.add(_loaded(obj, "id"))
        elif isinstance(obj, Translation):
            consultation_ids.add(_loaded(obj, "consultation_id"))
        elif isinstance(obj, Question):
            consultation_ids.add(_loaded(obj, "consultation_id"))
        elif isinstance(obj, Option):
            question_ids.add(_loaded(obj, "question_id"))
        elif isinstance(obj, Area):
            area_ids.add(_loaded(obj, "id"))
    question_ids.discard(None)
    area_ids.discard(None)
    if not (consultation_ids - {None} or question_ids or area_ids):
        return
    connection = session.connection()
    if question_ids:
        consultation_ids.update(connection.scalars(sa.select(Question.consultation_id).where(Question.id.in_(question_ids))))
    if area_ids:
        consultation_ids.update(
            connection.scalars(
                sa.select(consultation_areas.c.consultation_id).where(consultation_areas.c.area_id.in_(area_ids))
            )
        )
    consultation_ids.discard(None)
    if consultation_ids:
        connection.execute(
            sa.update(_consultations)
            .where(_consultations.c.id.in_(consultation_ids))
            .values(revision=new_revision())
        )


@event.listens_for(Session, "do_orm_execute")
def _new_revision_for_bulk_statements(state):
    """A bulk statement on the survey tables (demo reset, say) may touch any survey: all get a new revision."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if table is None or table.name not in STRUCTURE_TABLES:
        return
    state.session.connection().execute(sa.update(_consultations).values(revision=new_revision()))
