"""The board's counts of grid statements per scale point and rankings' scores, suppressed, kept incrementally."""
import pytest

from consult.extensions import db
from consult.models import Consultation
from consult.services import summaries
from consult.services.summaries import Filters
from consult.services.survey.submission import store_response
from tests.integration.grid_helpers import add_grid_and_ranking
from tests.pagecheck import soup

FEWER = "fewer than 5"


@pytest.fixture
def graded(app):
    consultation = Consultation(slug="graded", title="Graded", status="open")
    db.session.add(consultation)
    db.session.flush()
    grid, ranking = add_grid_and_ranking(consultation)
    return consultation, grid, ranking


def answer(consultation, grid, ranking, points, ranked, times):
    police, council = grid.options
    ids = {option.label: option.id for option in ranking.options}
    for _ in range(times):
        store_response(consultation, {
            str(grid.id): {str(police.id): points[0], str(council.id): points[1]},
            str(ranking.id): [ids[label] for label in ranked],
        })
    db.session.commit()


def results(consultation):
    return {r.question.kind: r for r in summaries.closed_questions(Filters(consultation_id=consultation.id), consultation)}


def test_grid_counts_each_statement_per_scale_point_with_suppression(graded):
    consultation, grid, ranking = graded
    answer(consultation, grid, ranking, (1, 3), ["CCTV", "Youth clubs", "More patrols"], 6)
    answer(consultation, grid, ranking, (2, 3), ["Youth clubs", "CCTV", "Better lighting"], 2)
    table = results(consultation)["grid"].table
    assert table.headings() == ["Statement", "Strongly agree", "Agree", "Disagree", "Strongly disagree", "Answered"]
    # The 2 "Agree" are small; the 6 beside them would give them away (the row total is shown).
    assert table.public_rows() == [
        ["the police deal with the issues that matter", "not shown", FEWER, 0, 0, 8],
        ["the council keeps streets clean", 0, 0, 8, 0, 8],
    ]


def test_ranking_shows_a_borda_score_highest_first_and_hides_small_ones(graded):
    consultation, grid, ranking = graded
    answer(consultation, grid, ranking, (1, 3), ["CCTV", "Youth clubs", "More patrols"], 6)
    answer(consultation, grid, ranking, (2, 3), ["Youth clubs", "CCTV", "Better lighting"], 2)
    result = results(consultation)["ranking"]
    assert result.answered.value == 8
    # CCTV 6x3 + 2x2 = 22; Youth clubs 6x2 + 2x3 = 18; More patrols 6x1 = 6; Better lighting 2x1 (2 people).
    assert result.table.public_rows() == [
        ["CCTV", 22, 8, 6],
        ["Youth clubs", 18, 8, FEWER],
        ["More patrols", 6, 6, 0],
        ["Better lighting", FEWER, FEWER, 0],
    ]
    assert "3 points for each 1st place" in result.table.note


def test_counts_follow_new_responses_incrementally(graded):
    consultation, grid, ranking = graded
    answer(consultation, grid, ranking, (1, 3), ["CCTV", "Youth clubs", "More patrols"], 5)
    assert results(consultation)["ranking"].table.public_rows()[0] == ["CCTV", 15, 5, 5]
    answer(consultation, grid, ranking, (1, 3), ["CCTV", "Youth clubs", "More patrols"], 1)
    assert results(consultation)["ranking"].table.public_rows()[0] == ["CCTV", 18, 6, 6]
    assert results(consultation)["grid"].table.public_rows()[0][1] == 6


def test_an_area_filter_the_counts_cannot_serve_still_counts_live(graded):
    consultation, grid, ranking = graded
    answer(consultation, grid, ranking, (1, 3), ["CCTV", "Youth clubs", "More patrols"], 5)
    filters = Filters(consultation_id=consultation.id, option_id=ranking.options[3].id)
    by_kind = {r.question.kind: r for r in summaries.closed_questions(filters, consultation)}
    assert by_kind["ranking"].table.public_rows()[0] == ["CCTV", 15, 5, 5]


def test_exports_give_a_column_per_statement_and_per_rank(graded):
    from consult.services.consultations.exports import export_rows

    consultation, grid, ranking = graded
    answer(consultation, grid, ranking, (2, 4), ["CCTV", "Youth clubs", "More patrols"], 1)
    header, row = list(export_rows(consultation))[:2]
    cells = dict(zip(header, row))
    assert cells["Q1. How much do you agree?: the police deal with the issues that matter"] == "Agree"
    assert cells["Q1. How much do you agree?: the council keeps streets clean"] == "Strongly disagree"
    assert cells["Q2. Choose your top three priorities, in order: 1st"] == "CCTV"
    assert cells["Q2. Choose your top three priorities, in order: 3rd"] == "More patrols"


def test_board_overview_shows_the_grid_table_and_the_ranking_chart(client, auth, graded):
    consultation, grid, ranking = graded
    answer(consultation, grid, ranking, (1, 3), ["CCTV", "Youth clubs", "More patrols"], 6)
    auth.login("board")
    page = soup(client.get("/board/graded/overview"))
    tables = {t.select_one("caption").get_text(strip=True): t for t in page.select("table")}
    grid_rows = [[c.get_text(strip=True) for c in tr.select("th, td")] for tr in tables["How much do you agree?"].select("tbody tr")]
    assert grid_rows[0] == ["the police deal with the issues that matter", "6", "0", "0", "0", "6"]
    assert "Choose your top three priorities, in order: the largest is “CCTV” with 18." in page.get_text(" ", strip=True)


def test_api_overview_carries_grid_and_ranking_tables(client, auth, graded):
    consultation, grid, ranking = graded
    answer(consultation, grid, ranking, (1, 3), ["CCTV", "Youth clubs", "More patrols"], 6)
    auth.login("board")
    body = client.get("/api/v1/summaries/graded/overview").get_json()
    grid_json, ranking_json = body["closed_questions"]
    assert [c["key"] for c in grid_json["columns"]] == ["label", "point-1", "point-2", "point-3", "point-4", "answered"]
    assert ranking_json["rows"][0] == {"label": "CCTV", "score": 18, "count": 6, "first": 6}
    assert ranking_json["rows"][-1] == {"label": "Better lighting", "score": 0, "count": 0, "first": 0}


def test_board_downloads_the_ranking_as_csv(client, auth, graded):
    consultation, grid, ranking = graded
    answer(consultation, grid, ranking, (1, 3), ["CCTV", "Youth clubs", "More patrols"], 6)
    auth.login("board")
    text = client.get("/board/graded/download/question-2.csv").get_data(as_text=True)
    lines = text.strip().splitlines()
    assert lines[0].lstrip("\ufeff") == "Option,Ranked score,Respondents ranking it,Ranked 1st"
    assert lines[1] == "CCTV,18,6,6"
