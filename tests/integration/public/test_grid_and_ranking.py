"""Residents answer a grid (one radio group per statement) and a ranking (a select per rank)."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer
from tests.integration.grid_helpers import add_grid_and_ranking, grid_data, ranking_data
from tests.integration.public.survey_helpers import typical_answers
from tests.pagecheck import soup

SLUG = "community-safety-survey"


@pytest.fixture
def questions(demo):
    return add_grid_and_ranking(demo)


def walk_to(client, demo, number):
    """Answer the demo questions before `number` as a typical resident would."""
    answers = typical_answers(demo)
    url = f"/c/{SLUG}/q/1"
    while not url.endswith(f"/q/{number}"):
        current = int(url.split("/q/")[1])
        url = client.post(url, data=answers[current]).headers["Location"]


def test_grid_shows_one_group_per_statement_with_the_statement_as_legend(client, demo, questions):
    walk_to(client, demo, 11)
    page = soup(client.get(f"/c/{SLUG}/q/11"))
    assert page.h1.get_text(strip=True) == "How much do you agree?"
    legends = [legend.get_text(strip=True) for legend in page.select("fieldset legend")]
    assert legends == ["the police deal with the issues that matter", "the council keeps streets clean"]
    for fieldset in page.select("fieldset"):
        labels = [label.get_text(strip=True) for label in fieldset.select("label")]
        assert labels == ["Strongly agree", "Agree", "Disagree", "Strongly disagree"]


def test_a_blank_statement_gets_its_own_error_and_keeps_the_other_answer(client, demo, questions):
    grid, _ranking = questions
    walk_to(client, demo, 11)
    data = grid_data(grid, 2)
    page = soup(client.post(f"/c/{SLUG}/q/11", data=data))
    summary = [a.get_text(strip=True) for a in page.select(".error-summary a")]
    assert summary == ["Select an answer for: the council keeps streets clean"]
    second = grid.options[1]
    assert page.select(".error-summary a")[0]["href"] == f"#row_{second.id}"
    assert page.select_one(f"#row_{second.id}-error") is not None
    assert page.select_one(f"input[name=row_{grid.options[0].id}][value='2']").has_attr("checked")


def test_the_same_priority_twice_is_refused_with_a_clear_error(client, demo, questions):
    grid, ranking = questions
    walk_to(client, demo, 11)
    client.post(f"/c/{SLUG}/q/11", data=grid_data(grid, 1, 4))
    page = soup(client.post(f"/c/{SLUG}/q/12", data=ranking_data(ranking, "CCTV", "Youth clubs", "CCTV")))
    errors = [a.get_text(strip=True) for a in page.select(".error-summary a")]
    assert errors == ["You chose ‘CCTV’ as your 1st priority: choose a different 3rd priority"]
    assert [label.get_text(strip=True) for label in page.select("label")] == ["1st priority", "2nd priority", "3rd priority"]


def test_a_missing_rank_is_refused(client, demo, questions):
    grid, ranking = questions
    walk_to(client, demo, 11)
    client.post(f"/c/{SLUG}/q/11", data=grid_data(grid, 1, 4))
    page = soup(client.post(f"/c/{SLUG}/q/12", data=ranking_data(ranking, "CCTV")))
    errors = [a.get_text(strip=True) for a in page.select(".error-summary a")]
    assert errors == ["Choose your 2nd priority", "Choose your 3rd priority"]


def test_grid_and_ranking_answers_are_checked_and_stored(client, demo, questions):
    grid, ranking = questions
    walk_to(client, demo, 11)
    client.post(f"/c/{SLUG}/q/11", data=grid_data(grid, 2, 3))
    response = client.post(f"/c/{SLUG}/q/12", data=ranking_data(ranking, "Youth clubs", "CCTV", "More patrols"))
    assert response.headers["Location"].endswith("/check")
    text = soup(client.get(f"/c/{SLUG}/check")).get_text(" ", strip=True)
    assert "the police deal with the issues that matter: Agree" in text
    assert "1st: Youth clubs" in text
    client.post(f"/c/{SLUG}/check")
    rows = db.session.execute(
        sa.select(Answer.option_id, Answer.choice).where(Answer.question_id.in_([grid.id, ranking.id])).order_by(Answer.id)
    ).all()
    by_label = {o.id: o.label for o in grid.options + ranking.options}
    assert [(by_label[o], c) for o, c in rows] == [
        ("the police deal with the issues that matter", 2),
        ("the council keeps streets clean", 3),
        ("Youth clubs", 1),
        ("CCTV", 2),
        ("More patrols", 3),
    ]


@pytest.mark.parametrize("tamper, message", [
    ({"grid": "9"}, "Select one of the answers shown for: the police deal with the issues that matter"),
    ({"grid": "<script>"}, "Select one of the answers shown for: the police deal with the issues that matter"),
    ({"rank": "999999"}, "Choose your 1st priority from the list"),
    ({"rank": "x' OR 1=1"}, "Choose your 1st priority from the list"),
])
def test_tampered_answers_get_a_polite_error(client, demo, questions, tamper, message):
    grid, ranking = questions
    walk_to(client, demo, 11)
    if "grid" in tamper:
        data = grid_data(grid, 1, 1) | {f"row_{grid.options[0].id}": tamper["grid"]}
        page = soup(client.post(f"/c/{SLUG}/q/11", data=data))
    else:
        client.post(f"/c/{SLUG}/q/11", data=grid_data(grid, 1, 1))
        data = ranking_data(ranking, "CCTV", "Youth clubs", "More patrols") | {"rank_1": tamper["rank"]}
        page = soup(client.post(f"/c/{SLUG}/q/12", data=data))
    assert message in page.select_one(".error-summary").get_text(" ", strip=True)


def test_change_link_shows_the_saved_grid_and_ranking(client, demo, questions):
    grid, ranking = questions
    walk_to(client, demo, 11)
    client.post(f"/c/{SLUG}/q/11", data=grid_data(grid, 3, 4))
    client.post(f"/c/{SLUG}/q/12", data=ranking_data(ranking, "CCTV", "Youth clubs", "More patrols"))
    page = soup(client.get(f"/c/{SLUG}/q/11?change=1"))
    assert page.select_one(f"input[name=row_{grid.options[1].id}][value='4']").has_attr("checked")
    page = soup(client.get(f"/c/{SLUG}/q/12?change=1"))
    assert page.select_one("#rank_2 option[selected]").get_text() == "Youth clubs"


def test_an_optional_grid_and_ranking_may_be_left_blank(client, demo, questions):
    grid, ranking = questions
    grid.required = ranking.required = False
    db.session.commit()
    walk_to(client, demo, 11)
    assert client.post(f"/c/{SLUG}/q/11", data={}).headers["Location"].endswith("/q/12")
    assert client.post(f"/c/{SLUG}/q/12", data={}).headers["Location"].endswith("/check")
    assert "(optional)" in soup(client.get(f"/c/{SLUG}/q/12")).h1.get_text()
