"""Who responded: respondents by age band and sex in each area, against the area's population.

Counted from the optional "About you" answers (services/consultations/equality.py), suppressed
like every other count. A group is named under-represented when its share of the area's
respondents (who gave an answer) is less than half its share of the population, and
over-represented when it is more than twice; a group whose count is too small to show is named
under-represented only when its population share would have given at least twice the
suppression threshold, so "fewer than N" is certainly less than half of that.
"""
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from consult.extensions import db
from consult.models import AreaPopulation, Answer, Option, Question, Response
from consult.services.consultations.equality import AGE_BANDS, AGE_TITLE, SECTION, SEX_TITLE, SEXES
from consult.services.summaries.suppression import count, suppress_line, threshold
from consult.services.summaries.tables import Percent, Table

UNDER, OVER = 0.5, 2.0


@dataclass
class AreaRepresentation:
    """One area's table (respondents and population shares by age band, then by sex) and its gaps in words."""

    area_name: str
    table: Table
    gaps: list = field(default_factory=list)
    has_population: bool = False


def _group_name(title, label):
    if title == AGE_TITLE:
        return f"People {label.lower()}" if label.startswith("Under") else f"People aged {label}"
    return f"{label}s"


def _respondents(filters):
    """{(area id, question title, option label): respondents} for the age and sex questions."""
    rows = db.session.execute(
        sa.select(Response.area_id, Question.title, Option.label, sa.func.count(sa.distinct(Response.id)))
        .join(Answer, Answer.response_id == Response.id)
        .join(Question, Question.id == Answer.question_id)
        .join(Option, Option.id == Answer.option_id)
        .where(*filters.conditions(), Question.section == SECTION, Question.title.in_((AGE_TITLE, SEX_TITLE)))
        .group_by(Response.area_id, Question.title, Option.label)
    ).all()
    return {(area_id, title, label): n for area_id, title, label, n in rows}


def _population(area_ids):
    """{area id: {(band, sex): people}}."""
    found = {}
    rows = db.session.scalars(sa.select(AreaPopulation).where(AreaPopulation.area_id.in_(area_ids))).all()
    for row in rows:
        found.setdefault(row.area_id, {})[(row.age_band, row.sex)] = row.people
    return found


def who_responded(filters, areas):
    """[AreaRepresentation] for each area the reader may see, in the order given."""
    areas = [area for area in areas if filters.shows_area(area.id) and filters.area_id in (None, area.id)]
    respondents = _respondents(filters)
    population = _population([area.id for area in areas])
    return [_area(area, respondents, population.get(area.id, {})) for area in areas]


def _area(area, respondents, cells):
    limit = threshold()
    rows, gaps = [], []
    for title, labels, people_of in (
        (AGE_TITLE, AGE_BANDS, lambda label: sum(n for (band, _sex), n in cells.items() if band == label)),
        (SEX_TITLE, SEXES, lambda label: sum(n for (_band, sex), n in cells.items() if sex == label)),
    ):
        values = [respondents.get((area.id, title, label), 0) for label in labels]
        answered = sum(values)
        counts = suppress_line(values)
        people = [people_of(label) for label in labels]
        total_people = sum(people)
        for label, cell, group_people in zip(labels, counts, people):
            share = Percent(cell.share_of(answered) if answered >= limit else None)
            population_share = Percent(group_people / total_people if total_people else None)
            gap = _gap(cell, share, population_share, answered, limit)
            if gap:
                gaps.append(f"{_group_name(title, label)} are {gap} in {area.name}.")
            rows.append(
                {
                    "label": _group_name(title, label),
                    "count": cell,
                    "percent": share,
                    "population": population_share,
                    "gap": gap.capitalize() if gap else "",
                }
            )
        rows.append({"label": "Answered" if title == AGE_TITLE else "Answered (sex)", "count": count(answered), "total": True,
                     "percent": Percent(None), "population": Percent(None), "gap": ""})
    table = Table(
        f"who-responded-{area.id}",
        f"Who responded in {area.name}",
        [("label", "Group"), ("count", "Respondents"), ("percent", "Share of respondents"),
         ("population", "Share of population"), ("gap", "Compared with the population")],
        rows,
        note="Shares of respondents count only those who gave an answer (not “Prefer not to say”).",
    )
    return AreaRepresentation(area.name, table, gaps, bool(cells))


def _gap(cell, share, population_share, answered, limit):
    """"under-represented", "over-represented" or "" (see the module's rule)."""
    if population_share.value is None or answered < limit:
        return ""
    if cell.suppressed:
        expected = population_share.value * answered
        return "under-represented" if not cell.secondary and expected >= 2 * limit else ""
    if share.value is None:
        return ""
    if share.value < UNDER * population_share.value:
        return "under-represented"
    if population_share.value and share.value > OVER * population_share.value:
        return "over-represented"
    return ""


def weighted_answers(filters, consultation, areas):
    """[Table] per single-choice or scale question: shares of respondents who gave their age band and
    sex, plainly and weighted so each age band and sex counts as its share of the population.

    Only areas with population figures take part. Cells (age band x sex) with fewer respondents than
    the suppression threshold are left out of the weighting, so no small group's answers can be
    worked out from a weighted share; a share is shown only where its plain count is shown.
    """
    if consultation is None:
        return []
    areas = [area for area in areas if filters.shows_area(area.id) and filters.area_id in (None, area.id)]
    by_area = _population([area.id for area in areas])
    population = {}
    for cells in by_area.values():
        for cell, people in cells.items():
            population[cell] = population.get(cell, 0) + people
    area_ids = list(by_area)
    questions = [q for q in consultation.questions if q.kind in ("single", "scale") and not q.section and q.options]
    if not population or not questions:
        return []
    by_cell = _answers_by_cell(filters, area_ids, [q.id for q in questions])
    limit = threshold()
    tables = []
    for question in questions:
        per_cell = {}
        for (band, sex, question_id, option_id), n in by_cell.items():
            if question_id == question.id:
                per_cell.setdefault((band, sex), {})[option_id] = n
        usable = {cell: found for cell, found in per_cell.items() if sum(found.values()) >= limit and population.get(cell)}
        people = sum(population[cell] for cell in usable)
        values = [sum(found.get(option.id, 0) for found in per_cell.values()) for option in question.options]
        counts = suppress_line(values)
        answered = sum(values)
        rows = []
        for option, cell_count in zip(question.options, counts):
            weighted = None
            if not cell_count.suppressed and people:
                weighted = sum(population[cell] / people * found.get(option.id, 0) / sum(found.values()) for cell, found in usable.items())
            rows.append({"label": option.label, "count": cell_count, "percent": Percent(cell_count.share_of(answered)), "weighted": Percent(weighted)})
        tables.append(Table(
            f"weighted-question-{question.position}",
            f"{question.title} (weighted by age band and sex)",
            [("label", "Answer"), ("count", "Respondents who gave age and sex"), ("percent", "Share, not weighted"),
             ("weighted", "Share, weighted by age band and sex")],
            rows,
            note="Weighted shares count each age band and sex as its share of the population of the areas with figures; "
                 f"groups with fewer than {limit} respondents are left out of the weighting.",
        ))
    return tables


def _answers_by_cell(filters, area_ids, question_ids):
    """{(age band, sex, question id, option id): respondents} for respondents who gave both."""
    found = {}
    age_answer, sex_answer, main = aliased(Answer), aliased(Answer), aliased(Answer)
    age_option, sex_option = aliased(Option), aliased(Option)
    age_question, sex_question = aliased(Question), aliased(Question)
    rows = db.session.execute(
        sa.select(age_option.label, sex_option.label, main.question_id, main.option_id, sa.func.count(sa.distinct(Response.id)))
        .join(age_answer, age_answer.response_id == Response.id)
        .join(age_question, sa.and_(age_question.id == age_answer.question_id, age_question.section == SECTION, age_question.title == AGE_TITLE))
        .join(age_option, age_option.id == age_answer.option_id)
        .join(sex_answer, sex_answer.response_id == Response.id)
        .join(sex_question, sa.and_(sex_question.id == sex_answer.question_id, sex_question.section == SECTION, sex_question.title == SEX_TITLE))
        .join(sex_option, sex_option.id == sex_answer.option_id)
        .join(main, main.response_id == Response.id)
        .where(*filters.conditions(), Response.area_id.in_(area_ids), main.question_id.in_(question_ids), main.option_id.is_not(None))
        .group_by(age_option.label, sex_option.label, main.question_id, main.option_id)
    ).all()
    for band, sex, question_id, option_id, n in rows:
        if band in AGE_BANDS and sex in SEXES:
            found[(band, sex, question_id, option_id)] = n
    return found
