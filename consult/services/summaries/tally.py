"""Keeping the maintained counts (SummaryCount) true: mark changed cells stale, recount them.

Any write to a response, answer or tag, through the ORM or a bulk statement, marks the cells
of the responses it touches stale in the same transaction (SQLAlchemy session events, so the
submit, retag, review, erasure and demo code need no call of their own). Before the board
reads counts, `refresh()` recounts the stale cells from the answers with GROUP BY and clears
them. Bulk UPDATE and DELETE statements have their cells looked up from their WHERE clause
before they run; one this module cannot place (no WHERE, or moving responses between cells)
marks everything stale.
"""
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.visitors import replacement_traverse

from consult.extensions import db
from consult.models import (
    Answer, AnswerTheme, Option, Question, Response, SummaryCount, SummaryOptionCount, SummaryPhrase, SummaryStale, utcnow,
)
from consult.models.summary import NO_AREA_KEY, OPTION_BANDS, OPTION_COUNT_KINDS
from consult.services.summaries.base import SOURCE_KINDS, effective_tag, raised_themes
from consult.services.summaries.tally_text import band, recount_text

EVERYTHING = {"consultation_id": 0, "area_key": 0, "channel": "", "day": date(1970, 1, 1)}
# Past this many stale cells in a consultation, recounting it whole is quicker than cell by cell.
CELLS_PER_BATCH = 200
WATCHED = {"response", "answer", "answer_theme"}
COUNT_TABLES = (SummaryCount, SummaryOptionCount, SummaryPhrase)


def _day_of(column):
    if db.session.get_bind().dialect.name == "postgresql":
        return sa.cast(column, sa.Date)
    return sa.func.date(column)


def _cell(consultation_id, area_id, channel, submitted_at):
    return {
        "consultation_id": consultation_id,
        "area_key": area_id or NO_AREA_KEY,
        "channel": channel or "web",
        "day": (submitted_at or utcnow()).date(),
    }


_MARK_STALE = {}  # dialect name -> the INSERT ... ON CONFLICT DO NOTHING, built once (every submission runs it)


def _insert_ignoring_duplicates(connection, rows):
    if not rows:
        return
    dialect = connection.dialect.name
    if dialect not in _MARK_STALE:
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        _MARK_STALE[dialect] = insert(SummaryStale).on_conflict_do_nothing()
    unique = list({tuple(sorted(row.items())): row for row in rows}.values())
    connection.execute(_MARK_STALE[dialect], unique)


def _cells_of_responses(connection, response_ids):
    """The cells of stored responses, by id (looked up in the database)."""
    if not response_ids:
        return []
    found = connection.execute(
        sa.select(Response.consultation_id, Response.area_id, Response.channel, Response.submitted_at)
        .where(Response.id.in_(list(response_ids)))
    ).all()
    return [_cell(*row) for row in found]


def _response_ids_of_answers(connection, answer_ids):
    if not answer_ids:
        return set()
    return set(connection.scalars(sa.select(Answer.response_id).where(Answer.id.in_(list(answer_ids)))))


@event.listens_for(Session, "after_flush")
def _mark_flushed_changes(session, _context):
    cells, response_ids, answer_ids = [], set(), set()
    flushed = list(session.new) + list(session.dirty) + list(session.deleted)
    # Answers and tags of a response flushed with them (a new submission) need no lookup: the
    # response's own cells are marked below.
    in_flush = {obj.id for obj in flushed if isinstance(obj, Response)}
    answers_in_flush = {obj.id: obj.response_id for obj in flushed if isinstance(obj, Answer)}
    for obj in flushed:
        if isinstance(obj, Response):
            cells.append(_cell(obj.consultation_id, obj.area_id, obj.channel, obj.submitted_at))
            state = sa.inspect(obj)
            for name in ("area_id", "channel", "submitted_at", "consultation_id"):
                if state.attrs[name].history.deleted:
                    previous = {n: state.attrs[n].history.deleted[0] if state.attrs[n].history.deleted else getattr(obj, n)
                                for n in ("consultation_id", "area_id", "channel", "submitted_at")}
                    cells.append(_cell(**previous))
                    break
        elif isinstance(obj, Answer) and obj.response_id is not None:
            response_ids.add(obj.response_id)
        elif isinstance(obj, AnswerTheme) and obj.answer_id is not None:
            if answers_in_flush.get(obj.answer_id) is not None:
                response_ids.add(answers_in_flush[obj.answer_id])
            else:
                answer_ids.add(obj.answer_id)
    response_ids -= in_flush
    relinked = {obj.question_id for obj in flushed if isinstance(obj, Option) and _theme_link_changed(obj)}
    if not (cells or response_ids or answer_ids or relinked):
        return
    connection = session.connection()
    cells += _cells_of_questions(connection, relinked)
    response_ids |= _response_ids_of_answers(connection, answer_ids)
    _insert_ignoring_duplicates(connection, cells + _cells_of_responses(connection, response_ids))


def _theme_link_changed(option):
    """True when an option's link to a theme changed (or a linked option went), so every
    respondent who ticked it may raise another theme."""
    state = sa.inspect(option)
    if state.deleted or state.was_deleted:
        return option.theme_id is not None
    return bool(state.attrs["theme_id"].history.deleted) and option.question_id is not None


def _cells_of_questions(connection, question_ids):
    """Every cell of the consultations these questions belong to (a rare builder edit)."""
    if not question_ids:
        return []
    consultations = sa.select(Question.consultation_id).where(Question.id.in_(list(question_ids)))
    day = _day_of(Response.submitted_at)
    found = connection.execute(
        sa.select(Response.consultation_id, Response.area_id, Response.channel, day)
        .where(Response.consultation_id.in_(consultations))
        .group_by(Response.consultation_id, Response.area_id, Response.channel, day)
    ).all()
    return [
        {"consultation_id": c, "area_key": a or NO_AREA_KEY, "channel": ch or "web", "day": _as_date(d)}
        for c, a, ch, d in found
    ]


def _as_date(value):
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


@event.listens_for(Session, "do_orm_execute")
def _mark_bulk_statements(state):
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if table is None or table.name not in WATCHED:
        return
    connection = state.session.connection()
    params = state.parameters
    rows = params if isinstance(params, list) else [params] if params else []
    if state.is_insert and rows:
        if table.name == "response":
            cells = [_cell(r.get("consultation_id"), r.get("area_id"), r.get("channel"), r.get("submitted_at")) for r in rows]
        elif table.name == "answer":
            cells = _cells_of_responses(connection, {r["response_id"] for r in rows if r.get("response_id")})
        else:
            ids = _response_ids_of_answers(connection, {r["answer_id"] for r in rows if r.get("answer_id")})
            cells = _cells_of_responses(connection, ids)
        _insert_ignoring_duplicates(connection, cells)
    elif (state.is_update or state.is_delete) and _placeable(state.statement):
        _insert_ignoring_duplicates(connection, _cells_matching(connection, table.name, state.statement.whereclause))
    else:
        _insert_ignoring_duplicates(connection, [EVERYTHING])


def _placeable(statement):
    """True when the rows a bulk UPDATE or DELETE touches stay in their cells, so their cells
    can be found before it runs (a response moved to another area, channel or day cannot)."""
    if statement.whereclause is None:
        return False
    if statement.table.name != "response" or statement.is_delete:
        return True
    moving = {"consultation_id", "area_id", "channel", "submitted_at"}
    return not moving & set(statement.compile().params)


def _cells_matching(connection, table_name, whereclause):
    """The cells of the responses a bulk statement's WHERE clause reaches, looked up before it runs."""
    if table_name == "response":
        ids = sa.select(Response.id).where(whereclause)
    elif table_name == "answer":
        ids = sa.select(Answer.response_id).where(whereclause)
    else:
        ids = sa.select(Answer.response_id).join(AnswerTheme, AnswerTheme.answer_id == Answer.id).where(whereclause)
    found = connection.execute(
        sa.select(Response.consultation_id, Response.area_id, Response.channel, Response.submitted_at)
        .where(Response.id.in_(ids))
    ).all()
    return [_cell(*row) for row in found]


def refresh():
    """Recount every stale cell and clear it; commits. Returns how many cells were recounted."""
    stale = db.session.execute(sa.select(SummaryStale)).scalars().all()
    if not stale:
        return 0
    cells = [(s.consultation_id, s.area_key, s.channel, s.day) for s in stale]
    # Clear the marks first: a submission committing meanwhile marks its cell again once this
    # transaction ends, so a response the recount below does not see is recounted next time.
    for item in stale:
        db.session.delete(item)
    db.session.flush()
    try:
        if any(c[0] == 0 for c in cells):
            _recount(None)
        else:
            by_consultation = {}
            for cell in cells:
                by_consultation.setdefault(cell[0], []).append(cell)
            for consultation_id, some in by_consultation.items():
                if len(some) > CELLS_PER_BATCH:
                    _recount([Response.consultation_id == consultation_id], lambda model: [model.consultation_id == consultation_id])
                else:
                    for start in range(0, len(some), 50):
                        _recount_cells(some[start:start + 50])
        db.session.commit()
    except IntegrityError:
        # Another request recounted the same cells at the same moment: its counts stand.
        db.session.rollback()
    return len(cells)


def _recount_cells(cells):
    day = _day_of(Response.submitted_at)
    match = sa.or_(*[
        sa.and_(
            Response.consultation_id == c,
            sa.func.coalesce(Response.area_id, NO_AREA_KEY) == a,
            Response.channel == ch,
            day == d,
        )
        for c, a, ch, d in cells
    ])

    def stored(model):
        return [sa.or_(*[
            sa.and_(model.consultation_id == c, model.area_key == a, model.channel == ch, model.day == d)
            for c, a, ch, d in cells
        ])]

    # Bounds on submitted_at let the (consultation, submitted_at) index narrow the scan to those days.
    days = [d for _c, _a, _ch, d in cells]
    bounds = [
        Response.submitted_at >= datetime.combine(min(days), time.min),
        Response.submitted_at < datetime.combine(max(days) + timedelta(days=1), time.min),
    ]
    _recount([match, *bounds], stored)


def _recount(response_where=None, stored=None):
    """Delete and recount the counts of the responses matching `response_where` (None: all);
    `stored(model)` gives the conditions on a count table for the same cells (None: all)."""
    # Suspect responses (spam traps) are not counted until an officer keeps them.
    response_where = [*(response_where or []), Response.suspect_reason.is_(None)]
    for model in COUNT_TABLES:
        db.session.execute(sa.delete(model).where(*(stored(model) if stored else [])))
    day = _day_of(Response.submitted_at)
    area = sa.func.coalesce(Response.area_id, sa.literal_column(str(NO_AREA_KEY)))
    cell = [Response.consultation_id, area, Response.channel, day]
    columns = ["consultation_id", "area_key", "channel", "day", "kind", "item_id", "count"]
    # A grid's statement per scale point, a ranking's option per rank.
    db.session.execute(sa.insert(SummaryCount).from_select(
        [*columns, "choice"],
        sa.select(*cell, sa.literal("choice"), Answer.option_id, sa.func.count(), Answer.choice)
        .select_from(Answer).join(Response, Response.id == Answer.response_id)
        .where(Answer.option_id.is_not(None), Answer.choice.is_not(None), *response_where)
        .group_by(*cell, Answer.option_id, Answer.choice),
    ))
    queries = [
        sa.select(*cell, sa.literal("respondents"), sa.literal(0), sa.func.count())
        .where(*response_where)
        .group_by(*cell),
        sa.select(*cell, sa.literal("option"), Answer.option_id, sa.func.count())
        .select_from(Answer).join(Response, Response.id == Answer.response_id)
        .where(Answer.option_id.is_not(None), *response_where)
        .group_by(*cell, Answer.option_id),
        sa.select(*cell, sa.literal("question"), Answer.question_id, sa.func.count(sa.distinct(Answer.response_id)))
        .select_from(Answer).join(Response, Response.id == Answer.response_id)
        .where(Answer.option_id.is_not(None), *response_where)
        .group_by(*cell, Answer.question_id),
    ]
    names = ["consultation_id", "area_key", "channel", "day"]
    for source, kind in SOURCE_KINDS.items():
        raised = raised_themes([c.label(n) for c, n in zip(cell, names)], response_where, source)
        grouped = [raised.c[n] for n in names]
        queries.append(
            sa.select(*grouped, sa.literal(kind), raised.c.theme_id, sa.func.count(sa.distinct(raised.c.response_id)))
            .group_by(*grouped, raised.c.theme_id)
        )
    for query in queries:
        db.session.execute(sa.insert(SummaryCount).from_select(columns, query))
    _recount_options(cell, response_where)
    recount_text(cell, response_where)


def _recount_options(cell, response_where):
    """Insert the SummaryOptionCount rows of the responses matching `response_where`: per chosen
    option, its respondents, their closed answers, those of them raising each theme by each source,
    and their tagged text answers by sentiment band."""
    columns = ["consultation_id", "area_key", "channel", "day", "option_id", "kind", "item_id", "count"]
    queries = [
        sa.select(*cell, Answer.option_id, sa.literal("respondents"), sa.literal(0), sa.func.count(sa.distinct(Answer.response_id)))
        .select_from(Answer).join(Response, Response.id == Answer.response_id)
        .where(Answer.option_id.is_not(None), *response_where)
        .group_by(*cell, Answer.option_id),
    ]
    names = ["consultation_id", "area_key", "channel", "day"]
    chosen = aliased(Answer, name="chosen")
    # The closed questions' answers of the respondents who chose each option.
    answered = (
        sa.select().select_from(Answer).join(Response, Response.id == Answer.response_id)
        .join(chosen, sa.and_(chosen.response_id == Answer.response_id, chosen.option_id.is_not(None)))
        .where(Answer.option_id.is_not(None), *response_where)
    )
    queries += [
        answered.add_columns(*cell, chosen.option_id, sa.literal("option"), Answer.option_id, sa.func.count(sa.distinct(Answer.id)))
        .group_by(*cell, chosen.option_id, Answer.option_id),
        answered.add_columns(*cell, chosen.option_id, sa.literal("question"), Answer.question_id, sa.func.count(sa.distinct(Answer.response_id)))
        .group_by(*cell, chosen.option_id, Answer.question_id),
    ]
    for source, kind in SOURCE_KINDS.items():
        raised = raised_themes([c.label(n) for c, n in zip(cell, names)], response_where, source)
        grouped = [raised.c[n] for n in names]
        queries.append(
            sa.select(*grouped, chosen.option_id, sa.literal(kind), raised.c.theme_id, sa.func.count(sa.distinct(raised.c.response_id)))
            .select_from(raised).join(chosen, sa.and_(chosen.response_id == raised.c.response_id, chosen.option_id.is_not(None)))
            .group_by(*grouped, chosen.option_id, raised.c.theme_id)
        )
    tagged_answer = sa.func.count(sa.distinct(Answer.id))
    queries.append(
        sa.select(*cell, chosen.option_id, band(), AnswerTheme.theme_id, tagged_answer)
        .select_from(AnswerTheme)
        .join(Answer, Answer.id == AnswerTheme.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .join(chosen, sa.and_(chosen.response_id == Answer.response_id, chosen.option_id.is_not(None)))
        .where(effective_tag(), Answer.sentiment.is_not(None), *response_where)
        .group_by(*cell, chosen.option_id, band(), AnswerTheme.theme_id)
    )
    for query in queries:
        db.session.execute(sa.insert(SummaryOptionCount).from_select(columns, query))


def consultations_to_rebuild():
    """The ids of every consultation with responses or counts, for rebuild()."""
    with_responses = sa.select(Response.consultation_id)
    with_counts = sa.select(SummaryCount.consultation_id)
    return sorted(set(db.session.scalars(with_responses.union(with_counts)).all()))


def rebuild(progress=None):
    """Recount everything from the answers (after a restore, or to check), one consultation per
    transaction so each one's figures are whole at every moment; commits. Calls ``progress(1)``
    after each consultation. Returns how many consultations were recounted."""
    ids = consultations_to_rebuild()
    # Cleared first: anything submitted during the rebuild marks its cell again.
    db.session.execute(sa.delete(SummaryStale))
    for model in COUNT_TABLES:
        db.session.execute(sa.delete(model).where(model.consultation_id.not_in(ids)))
    db.session.commit()
    for consultation_id in ids:
        _recount([Response.consultation_id == consultation_id], lambda model: [model.consultation_id == consultation_id])
        db.session.commit()
        if progress:
            progress(1)
    return len(ids)


def summed(filters, kind, *group_by):
    """[(*group values, total)] of the maintained counts of `kind` matching the filters. Under an
    answered option they come from SummaryOptionCount, which knows only OPTION_COUNT_KINDS (see
    Filters.counted); `group_by` names SummaryCount's columns, read from whichever table answers."""
    refresh()
    model = SummaryCount
    where = []
    if filters.option_id is not None:
        if kind not in OPTION_COUNT_KINDS:
            raise ValueError(f"no maintained {kind!r} counts per option")
        model = SummaryOptionCount
        where.append(SummaryOptionCount.option_id == filters.option_id)
        group_by = [_on(model, column) for column in group_by]
    where += [model.kind == kind, *filters.count_conditions(model)]
    query = sa.select(*group_by, sa.func.sum(model.count)).where(*where).group_by(*group_by)
    return [(*row[:-1], int(row[-1])) for row in db.session.execute(query).all()]


def summed_option_bands(filters, theme_id):
    """[(band, text answers)] carrying the theme, of the respondents who answered filters.option_id."""
    refresh()
    query = (
        sa.select(SummaryOptionCount.kind, sa.func.sum(SummaryOptionCount.count))
        .where(
            SummaryOptionCount.option_id == filters.option_id, SummaryOptionCount.kind.in_(OPTION_BANDS),
            SummaryOptionCount.item_id == theme_id, *filters.count_conditions(SummaryOptionCount),
        )
        .group_by(SummaryOptionCount.kind)
    )
    return [(kind, int(n)) for kind, n in db.session.execute(query).all()]


def summed_text(filters, kind, theme_id=0, limit=None, at_least=None, blank=False):
    """[(phrase, total)] of SummaryPhrase rows of `kind` (and theme) matching the filters,
    largest first; `at_least` drops rarer phrases in SQL. The blank phrase (the count of
    answers) is left out, or with `blank` is the only one returned."""
    refresh()
    where = [
        SummaryPhrase.kind == kind,
        SummaryPhrase.theme_id == theme_id,
        SummaryPhrase.phrase == "" if blank else SummaryPhrase.phrase != "",
    ]
    where += filters.count_conditions(SummaryPhrase)
    total = sa.func.sum(SummaryPhrase.count)
    query = sa.select(SummaryPhrase.phrase, total).where(*where).group_by(SummaryPhrase.phrase)
    if at_least is not None:
        query = query.having(total >= at_least)
    query = query.order_by(total.desc(), SummaryPhrase.phrase)
    if limit is not None:
        query = query.limit(limit)
    return [(phrase, int(n)) for phrase, n in db.session.execute(query).all()]


def _on(model, column):
    """`column` of SummaryCount (or an expression over one, such as a month) on `model` instead."""
    return replacement_traverse(
        column, {}, lambda element: model.__table__.c[element.key] if getattr(element, "table", None) is SummaryCount.__table__ else None
    )
