"""The "answered an option" filter reads maintained counts per option (summary_option_count):
its figures equal a plain count of the answers, before and after the answers change."""
from collections import Counter
from dataclasses import replace

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, Option, Response, SummaryOptionCount
from consult.services import summaries
from consult.services.summaries import Filters
from consult.services.summaries.drilldown import sentiment_bands
from consult.services.summaries.matrix import respondent_counts, theme_counts
from consult.services.summaries.tally_text import NEUTRAL_BAND


def effective_themes(answer):
    wanted = "officer" if answer.reviewed_at is not None else "auto"
    return {tag.theme_id for tag in answer.themes if tag.source == wanted}


def chosen_responses(consultation, option_id):
    responses = db.session.scalars(
        sa.select(Response).where(Response.consultation_id == consultation.id, Response.suspect_reason.is_(None))
    ).all()
    return [r for r in responses if any(a.option_id == option_id for a in r.answers)]


def plain_theme_counts(consultation, option_id, source="all"):
    """{(area_id, theme_id): respondents} counted in Python from the answers."""
    linked = {o.id: o.theme_id for o in db.session.scalars(sa.select(Option)).all() if o.theme_id}
    found = Counter()
    for response in chosen_responses(consultation, option_id):
        written = set().union(*(effective_themes(a) for a in response.answers if a.text is not None))
        ticked = {linked[a.option_id] for a in response.answers if a.option_id in linked}
        raised = {"all": written | ticked, "written": written, "ticked": ticked}[source]
        for theme_id in raised:
            found[(response.area_id, theme_id)] += 1
    return dict(found)


def plain_bands(consultation, option_id, theme_id):
    found = Counter()
    for response in chosen_responses(consultation, option_id):
        for answer in response.answers:
            if answer.sentiment is not None and theme_id in effective_themes(answer):
                s = answer.sentiment
                found["negative" if s < -NEUTRAL_BAND else "positive" if s > NEUTRAL_BAND else "neutral"] += 1
    return dict(found)


def assert_counts_match(consultation, b):
    for option in consultation.questions[0].options:
        filters = Filters(consultation_id=consultation.id, option_id=option.id)
        for source in ("all", "written", "ticked"):
            counted = {k: n for k, n in theme_counts(replace(filters, source=source), "area").items() if n}
            assert counted == plain_theme_counts(consultation, option.id, source), (option.label, source)
        people = Counter(r.area_id for r in chosen_responses(consultation, option.id))
        assert {k: n for k, n in respondent_counts(filters, "area").items() if n} == dict(people)
        chosen = chosen_responses(consultation, option.id)
        [safety] = summaries.closed_questions(filters, consultation)
        answered = Counter(a.option_id for r in chosen for a in r.answers if a.option_id is not None)
        assert safety.answered.value == len(chosen)
        assert [row["count"].value for row in safety.table.rows] == [answered[o.id] for o in consultation.questions[0].options]
        for theme in (b.road, b.drugs):
            assert {k: n for k, n in sentiment_bands(theme, filters).items() if n} == plain_bands(consultation, option.id, theme.id)


@pytest.fixture
def current(board_data):
    return board_data["current"]


def test_option_filter_figures_equal_a_plain_count_of_the_answers(current, board_data):
    assert_counts_match(current, board_data["builder"])
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SummaryOptionCount)) > 0


def test_option_filter_figures_follow_a_changed_answer_a_ticked_theme_and_a_new_respondent(current, board_data):
    b = board_data["builder"]
    safe, unsafe, _dont_know = current.questions[0].options
    assert_counts_match(current, b)
    # A respondent changes their answer, "Unsafe" starts counting towards drugs, and someone new answers.
    answer = db.session.scalars(sa.select(Answer).where(Answer.option_id == safe.id).order_by(Answer.id)).first()
    answer.option_id = unsafe.id
    unsafe.theme_id = b.drugs.id
    b.respondent(current, b.west, current.opens_at.replace(day=25), "West new", [b.road], "Unsafe", sentiment=-0.9)
    db.session.commit()
    assert_counts_match(current, b)


def test_matrix_and_trend_under_an_option_read_no_answers(current, board_data, monkeypatch):
    unsafe = next(o for o in current.questions[0].options if o.label == "Unsafe")
    filters = Filters(consultation_id=current.id, option_id=unsafe.id)
    # Counted first, so the pages below only sum the maintained counts.
    summaries.theme_matrix(filters, current.areas)
    statements = []
    monkeypatch.setattr(db.session, "execute", _recording(db.session.execute, statements))
    summaries.theme_matrix(filters, current.areas)
    theme_counts(filters, "month")
    assert statements and not any(" answer " in f" {s} " or "FROM answer" in s for s in statements)


def _recording(execute, statements):
    def run(statement, *args, **kwargs):
        statements.append(str(statement))
        return execute(statement, *args, **kwargs)
    return run
