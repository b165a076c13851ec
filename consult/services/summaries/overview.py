"""Response counts by area and by channel, and the results of closed questions."""
from dataclasses import dataclass, replace

import sqlalchemy as sa

from consult.extensions import db
from consult.formatting import ordinal
from consult.models import Answer, Question, Response, SummaryCount
from consult.models.summary import NO_AREA_KEY
from consult.services.summaries import tally
from consult.services.summaries.base import NO_AREA, area_names
from consult.services.summaries.tables import Percent, Table
from consult.services.summaries.suppression import Count, count, suppress_grid

CHANNEL_NAMES = {"web": "Online", "paper": "Paper form", "import": "Imported"}


def _counted_line(key, title, heading, labelled_counts, total_label):
    """A table of label / count / percent with a total row; the counts add up to the total."""
    counts = suppress_grid([[value] for _label, value in labelled_counts], columns_add_up=True)
    total = count(sum(value for _label, value in labelled_counts))
    rows = [
        {"label": label, "count": cell[0], "percent": Percent(cell[0].share_of(total))}
        for (label, _value), cell in zip(labelled_counts, counts)
    ]
    rows.append({"label": total_label, "count": total, "percent": Percent(1.0 if not total.suppressed and total.value else None), "total": True})
    return Table(key, title, [("label", heading), ("count", "Responses"), ("percent", "Share of responses")], rows)


def responses_by_area(filters, areas=()):
    """Responses per area (every area of the consultation is listed, even with none)."""
    if filters.counted("respondents"):
        found = {None if a == NO_AREA_KEY else a: n for a, n in tally.summed(filters, "respondents", SummaryCount.area_key)}
    else:
        found = dict(
            db.session.execute(
                sa.select(Response.area_id, sa.func.count()).where(*filters.conditions()).group_by(Response.area_id)
            ).all()
        )
    names = area_names()
    listed = [area.id for area in areas if filters.shows_area(area.id)]
    listed += sorted((a for a in found if a not in listed and a is not None), key=lambda a: names.get(a, ""))
    labelled = [(names.get(a, NO_AREA), found.get(a, 0)) for a in listed]
    if None in found:
        labelled.append((NO_AREA, found[None]))
    return _counted_line("responses-by-area", "Responses by area", "Area", labelled, "All areas")


def responses_by_channel(filters):
    if filters.counted("respondents"):
        found = dict(tally.summed(filters, "respondents", SummaryCount.channel))
    else:
        found = dict(
            db.session.execute(
                sa.select(Response.channel, sa.func.count()).where(*filters.conditions()).group_by(Response.channel)
            ).all()
        )
    # "Imported" only once something was imported: a line of zeros for a channel not in use misleads.
    labelled = [(CHANNEL_NAMES.get(c, c), found.get(c, 0)) for c in CHANNEL_NAMES if c != "import" or found.get(c)]
    return _counted_line("responses-by-channel", "Responses by channel", "Channel", labelled, "All channels")


def channels_used(filters):
    """The channels anyone answered by in the filters' consultations, whatever the other filters."""
    scope = replace(filters, area_id=None, date_from=None, date_to=None, channel=None, option_id=None)
    return {channel for channel, n in tally.summed(scope, "respondents", SummaryCount.channel) if n}


@dataclass
class QuestionResult:
    question: Question
    answered: object  # Count of respondents who answered
    table: Table
    chart_key: str | None = "count"  # the column the bar chart draws; None: the table alone (a grid)


def closed_questions(filters, consultation):
    """Counts and percentages of each option of the consultation's single, multiple and scale
    questions ("Don't know" included). Percentages are of the respondents who answered."""
    if consultation is None:
        return []
    graded = [q for q in consultation.questions if q.kind in ("grid", "ranking")]
    questions = [q for q in consultation.questions if q.kind in ("single", "multiple", "scale")]
    if not questions and not graded:
        return []
    multiple = [q.id for q in questions if q.kind == "multiple"]
    if filters.counted("option"):
        question_of = {o.id: q.id for q in questions for o in q.options}
        counts = {(question_of[o], o): n for o, n in tally.summed(filters, "option", SummaryCount.item_id) if o in question_of}
        respondents = {q: n for q, n in tally.summed(filters, "question", SummaryCount.item_id) if q in multiple}
    else:
        counts, respondents = _live_option_counts(filters, [q.id for q in questions], multiple)
    results = []
    for number, question in enumerate(questions, start=1):
        values = [counts.get((question.id, option.id), 0) for option in question.options]
        adds_up = question.kind != "multiple"
        answered = count(sum(values) if adds_up else respondents.get(question.id, 0))
        cells = suppress_grid([[v] for v in values], columns_add_up=adds_up)
        rows = [
            {"label": option.label, "count": cell[0], "percent": Percent(cell[0].share_of(answered))}
            for option, cell in zip(question.options, cells)
        ]
        note = "People could choose more than one answer, so percentages add up to more than 100." if not adds_up else ""
        table = Table(
            f"question-{question.position}",
            question.title,
            [("label", "Answer"), ("count", "Respondents"), ("percent", "Share of those who answered")],
            rows,
            note,
        )
        results.append(QuestionResult(question, answered, table))
    results += _graded_questions(filters, graded)
    return sorted(results, key=lambda result: result.question.position)


def _graded_questions(filters, questions):
    """Grids (statements by scale point) and rankings (a ranked score), from the counts per choice."""
    if not questions:
        return []
    ids = [q.id for q in questions]
    if filters.countable:
        question_of = {o.id: q.id for q in questions for o in q.options}
        choices = {
            (o, c): n for o, c, n in tally.summed(filters, "choice", SummaryCount.item_id, SummaryCount.choice) if o in question_of
        }
        respondents = {q: n for q, n in tally.summed(filters, "question", SummaryCount.item_id) if q in ids}
    else:
        choices, respondents = _live_choice_counts(filters, ids)
    results = []
    for question in questions:
        answered = count(respondents.get(question.id, 0))
        if question.kind == "grid":
            results.append(QuestionResult(question, answered, grid_table(question, choices), chart_key=None))
        else:
            results.append(QuestionResult(question, answered, ranking_table(question, choices), chart_key="score"))
    return results


def grid_table(question, choices):
    """One row per statement, one column per scale point, and how many answered the statement."""
    points = list(enumerate(question.scale_points or [], start=1))
    values = [[choices.get((option.id, n), 0) for n, _label in points] for option in question.options]
    cells = suppress_grid(values, rows_add_up=True)
    rows = []
    for option, line, row_cells in zip(question.options, values, cells):
        row = {"label": option.label, "answered": count(sum(line))}
        row.update({f"point-{n}": cell for (n, _label), cell in zip(points, row_cells)})
        rows.append(row)
    columns = [("label", "Statement"), *[(f"point-{n}", label) for n, label in points], ("answered", "Answered")]
    return Table(f"question-{question.position}", question.title, columns, rows)


def ranking_table(question, choices):
    """Each option's ranked score (Borda: with three ranks, 3 points for 1st, 2 for 2nd, 1 for 3rd)
    and how many ranked it at all, highest score first. A score is hidden with its count, as a
    score from a few people could be worked back to them."""
    ranks = question.rank_count
    rows = []
    for option in question.options:
        by_rank = [choices.get((option.id, rank), 0) for rank in range(1, ranks + 1)]
        ranked = count(sum(by_rank))
        score = sum((ranks + 1 - rank) * n for rank, n in enumerate(by_rank, start=1))
        first = count(by_rank[0]) if by_rank else count(0)
        rows.append({
            "label": option.label,
            "score": Count(score, ranked.suppressed, ranked.limit),
            "count": ranked,
            "first": first,
        })
    rows.sort(key=lambda row: -row["score"].sort_key())
    note = (
        f"The score gives {ranks} points for each 1st place, {ranks - 1} for 2nd and so on down to 1 point "
        f"for {ordinal(ranks)}; a higher score means a higher priority."
    )
    columns = [("label", "Option"), ("score", "Ranked score"), ("count", "Respondents ranking it"), ("first", "Ranked 1st")]
    return Table(f"question-{question.position}", question.title, columns, rows, note)


def _live_choice_counts(filters, ids):
    """Counts per option and choice straight from the answers, for filters the maintained counts cannot apply."""
    choices = {
        (option_id, choice): n
        for option_id, choice, n in db.session.execute(
            sa.select(Answer.option_id, Answer.choice, sa.func.count())
            .join(Response, Response.id == Answer.response_id)
            .where(Answer.question_id.in_(ids), Answer.choice.is_not(None), *filters.conditions())
            .group_by(Answer.option_id, Answer.choice)
        ).all()
    }
    respondents = dict(
        db.session.execute(
            sa.select(Answer.question_id, sa.func.count(sa.distinct(Answer.response_id)))
            .join(Response, Response.id == Answer.response_id)
            .where(Answer.question_id.in_(ids), *filters.conditions())
            .group_by(Answer.question_id)
        ).all()
    )
    return choices, respondents


def _live_option_counts(filters, ids, multiple):
    """Option counts straight from the answers, for filters the maintained counts cannot apply."""
    counts = {
        (question_id, option_id): n
        for question_id, option_id, n in db.session.execute(
            sa.select(Answer.question_id, Answer.option_id, sa.func.count())
            .join(Response, Response.id == Answer.response_id)
            .where(Answer.question_id.in_(ids), Answer.option_id.is_not(None), *filters.conditions())
            .group_by(Answer.question_id, Answer.option_id)
        ).all()
    }
    respondents = {}
    if multiple:
        respondents = dict(
            db.session.execute(
                sa.select(Answer.question_id, sa.func.count(sa.distinct(Answer.response_id)))
                .join(Response, Response.id == Answer.response_id)
                .where(Answer.question_id.in_(multiple), Answer.option_id.is_not(None), *filters.conditions())
                .group_by(Answer.question_id)
            ).all()
        )
    return counts, respondents
