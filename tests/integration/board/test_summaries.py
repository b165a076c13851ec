"""The summaries service on the hand-checked fixture (see conftest.py for the table)."""
from datetime import date

import pytest

from consult.services import summaries
from consult.services.summaries import Filters

FEWER = "fewer than 5"
HIDDEN = "not shown"  # hidden by secondary suppression: not small itself


def public(table):
    return table.public_rows()


@pytest.fixture
def current(board_data):
    return board_data["current"]


@pytest.fixture
def b(board_data):
    return board_data["builder"]


def test_responses_by_area_with_shares_and_total(current):
    table = summaries.responses_by_area(Filters(consultation_id=current.id), current.areas)
    assert public(table) == [["North", 20, 50.0], ["South", 15, 37.5], ["West", 5, 12.5], ["All areas", 40, 100.0]]


def test_responses_by_channel_hide_two_paper_answers_and_the_online_count_that_would_give_them_away(current):
    table = summaries.responses_by_channel(Filters(consultation_id=current.id))
    # Nothing was imported, so there is no "Imported" line of zeros.
    assert public(table) == [["Online", HIDDEN, None], ["Paper form", FEWER, None], ["All channels", 40, 100.0]]


def test_closed_question_counts_and_percentages_include_dont_know(current):
    [result] = summaries.closed_questions(Filters(consultation_id=current.id), current)
    assert result.answered.value == 40
    assert public(result.table) == [["Safe", 20, 50.0], ["Unsafe", 15, 37.5], ["Don't know", 5, 12.5]]


def test_closed_question_in_one_area_gets_secondary_suppression(current, b):
    [result] = summaries.closed_questions(Filters(consultation_id=current.id, area_id=b.south.id), current)
    # 7 + 6 + 2 = 15: "Don't know" (2) is hidden, so the next smallest (6) is hidden too.
    assert public(result.table) == [["Safe", 7, 46.7], ["Unsafe", HIDDEN, None], ["Don't know", FEWER, None]]


def test_matrix_counts_distinct_respondents_by_effective_theme(current):
    matrix = summaries.theme_matrix(Filters(consultation_id=current.id), current.areas)
    assert [t.slug for t in matrix.themes] == ["road-safety", "drugs"]
    shown = {
        row.name: [str(row.respondents)] + [(str(c.count), str(c.share), str(c.lift), c.mark) for c in row.cells]
        for row in matrix.rows + [matrix.total]
    }
    assert shown == {
        # North road: 12 of 20 (the reviewed answer's auto road tag no longer counts; respondent 0's
        # two road answers count once). Drugs 3 (2 auto + 1 officer) is hidden.
        "North": ["20", ("12", "60.0%", "1.20", ""), (FEWER, "", "", "")],
        # South road 3 is hidden; drugs 9 of 15 = 60% against 35% overall: lift 1.71, z = 2.57.
        "South": ["15", (FEWER, "", "", ""), ("9", "60.0%", "1.71", "higher")],
        # West road 5 is hidden by secondary suppression: 20 - 12 - 3 would give it away.
        "West": ["5", (HIDDEN, "", "", ""), (FEWER, "", "", "")],
        "All areas": ["40", ("20", "50.0%", "1.00", ""), ("14", "35.0%", "1.00", "")],
    }


def test_matrix_sorts_by_a_theme_share_with_hidden_cells_last(current):
    matrix = summaries.theme_matrix(Filters(consultation_id=current.id), current.areas)
    assert [r.name for r in summaries.sort_matrix(matrix, "road-safety", descending=True)] == ["North", "South", "West"]
    assert [r.name for r in summaries.sort_matrix(matrix, "drugs", descending=True)] == ["South", "North", "West"]
    assert [r.name for r in summaries.sort_matrix(matrix, "respondents")] == ["West", "South", "North"]
    assert [r.name for r in summaries.sort_matrix(matrix, "area", descending=True)] == ["West", "South", "North"]


def test_matrix_for_one_area_still_compares_with_all_areas(current, b):
    matrix = summaries.theme_matrix(Filters(consultation_id=current.id, area_id=b.north.id), current.areas)
    assert [r.name for r in matrix.rows] == ["North"]
    assert str(matrix.rows[0].cells[0].lift) == "1.20"


def test_date_and_channel_filters(current):
    april = summaries.responses_by_area(Filters(consultation_id=current.id, date_from=date(2026, 4, 1), date_to=date(2026, 4, 10)), current.areas)
    assert public(april)[:3] == [["North", 0, 0.0], ["South", 15, 100.0], ["West", 0, 0.0]]
    paper = summaries.responses_by_channel(Filters(consultation_id=current.id, channel="paper"))
    assert public(paper)[-1] == ["All channels", FEWER, None]


def test_option_filter_keeps_respondents_who_chose_it(current):
    unsafe = next(o for o in current.questions[0].options if o.label == "Unsafe")
    table = summaries.responses_by_area(Filters(consultation_id=current.id, option_id=unsafe.id), current.areas)
    # North 8, South 6, West 1: West is hidden, and South with it (15 - 8 would give West away).
    assert public(table) == [["North", 8, 53.3], ["South", HIDDEN, None], ["West", FEWER, None], ["All areas", 15, 100.0]]


def test_priorities_rank_themes_and_show_change_since_the_previous_consultation(current):
    communities = {c.name: c for c in summaries.priorities(Filters(consultation_id=current.id), current)}
    south = communities["South"]
    assert south.previous.slug == "board-earlier"
    assert [(p.rank, p.theme.slug, str(p.share)) for p in south.priorities] == [(1, "drugs", "60.0%"), (2, "road-safety", "")]
    # 9/15 = 60% now against 5/10 = 50% in the earlier survey.
    assert south.priorities[0].change == pytest.approx(10.0)
    # North's earlier road count (3) is hidden, so no change can be shown.
    north = communities["North"]
    assert north.priorities[0].theme.slug == "road-safety" and north.priorities[0].change is None
    assert communities["West"].previous is None


def test_drilldown_sentiment_phrases_and_typical_quotes(current, b):
    detail = summaries.drilldown(b.road, Filters(consultation_id=current.id, area_id=b.north.id), "North")
    assert detail.answers.value == 13
    # negative 5, neutral 3, positive 5: neutral is hidden and so is the first of the two fives.
    assert public(detail.sentiment) == [["Negative", HIDDEN, None], ["Neutral", FEWER, None], ["Positive", 5, 38.5]]
    # "school run" is in only 4 answers: too rare to list.
    assert public(detail.phrases) == [["speeding cars", 13]]
    # Median sentiment 0.0; closest first, ties by text; answer 6 (sentiment 0.0) is flagged, never quoted.
    # "North road 4 ..." says what "North road 5 ..." says but for a number: quoted once (issue 16).
    assert detail.quotes == ["North road 5 SHOWNOKAPI", "North road extra SHOWNOKAPI"]


def test_no_quotes_where_the_count_is_too_small(current, b):
    detail = summaries.drilldown(b.drugs, Filters(consultation_id=current.id, area_id=b.north.id), "North")
    assert detail.answers.suppressed and detail.quotes == []


def test_emerging_concerns_are_phrases_of_answers_without_an_effective_theme(current):
    answers, table = summaries.emerging_concerns(Filters(consultation_id=current.id))
    assert answers.value == 10
    assert public(table) == [["broken lights", 10]]


def test_trend_by_month(current):
    table, themes = summaries.trend_by_month(Filters(consultation_id=current.id))
    assert table.headings()[:4] == ["Month", "Respondents", "Road safety: respondents", "Road safety: share"]
    # Drugs: March 3 is hidden, so April's 11 is hidden too (14 - 3).
    assert public(table) == [["2026-03", 20, 12, 60.0, FEWER, None], ["2026-04", 20, 8, 40.0, HIDDEN, None]]


def test_trend_by_consultation_covers_every_consultation(current):
    table, _themes = summaries.trend_by_consultation(Filters(consultation_id=current.id))
    # Road: the earlier 3 is hidden, so the current 20 is hidden too.
    assert public(table) == [["Earlier survey", 20, FEWER, None, 5, 25.0], ["Board test survey", 40, HIDDEN, None, 14, 35.0]]


def test_a_higher_threshold_hides_more(app, current):
    app.config["SUPPRESSION_THRESHOLD"] = 10
    table = summaries.responses_by_area(Filters(consultation_id=current.id), current.areas)
    assert public(table) == [["North", 20, 50.0], ["South", HIDDEN, None], ["West", "fewer than 10", None], ["All areas", 40, 100.0]]
