"""Grid and ranking questions on the printed questionnaire and in paper entry."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer
from consult.services.consultations.lifecycle import open_consultation
from tests.integration.grid_helpers import add_grid_and_ranking
from tests.integration.manage.builder_helpers import draft_consultation
from tests.integration.manage.test_paper_responses import _entry
from tests.pagecheck import soup

URL = "/manage/consultations/safer-streets/paper"


@pytest.fixture
def opened(app):
    consultation = draft_consultation()
    add_grid_and_ranking(consultation)
    open_consultation(consultation, None)
    return consultation


def graded_entry(consultation, client, ranked):
    grid, ranking = consultation.questions[-2:]
    data = _entry(consultation, client)
    data.update({f"q{grid.id}-row_{o.id}": str(n) for n, o in enumerate(grid.options, start=1)})
    ids = {o.label: str(o.id) for o in ranking.options}
    data.update({f"q{ranking.id}-rank_{n}": ids[label] for n, label in enumerate(ranked, start=1)})
    return data


def test_printed_questionnaire_shows_the_grid_as_a_table_and_how_to_rank(opened, client, auth):
    auth.login("officer")
    page = soup(client.get("/manage/consultations/safer-streets/paper/print"))
    table = page.select_one("table.paper-grid")
    assert [th.get_text(strip=True) for th in table.select("th[scope=col]")] == ["Strongly agree", "Agree", "Disagree", "Strongly disagree"]
    assert [th.get_text(strip=True) for th in table.select("th[scope=row]")] == [
        "the police deal with the issues that matter", "the council keeps streets clean"]
    assert "Write 1 in the box by your first choice, 2 by your 2nd, 3 by your 3rd." in page.get_text(" ", strip=True)


def test_officer_enters_grid_and_ranking_answers_from_paper(opened, client, auth):
    auth.login("officer")
    grid, ranking = opened.questions[-2:]
    response = client.post(URL, data=graded_entry(opened, client, ["CCTV", "More patrols", "Youth clubs"]))
    assert response.status_code == 302, soup(response).select_one(".error-summary")
    rows = db.session.execute(
        sa.select(Answer.question_id, Answer.choice).where(Answer.question_id.in_([grid.id, ranking.id])).order_by(Answer.id)
    ).all()
    assert rows == [(grid.id, 1), (grid.id, 2), (ranking.id, 1), (ranking.id, 2), (ranking.id, 3)]


def test_a_repeated_priority_on_paper_is_an_error_naming_the_question(opened, client, auth):
    auth.login("officer")
    page = soup(client.post(URL, data=graded_entry(opened, client, ["CCTV", "CCTV", "Youth clubs"])))
    summary = page.select_one(".error-summary").get_text(" ", strip=True)
    number = len(opened.questions)
    assert f"Question {number}: You chose ‘CCTV’ as your 1st priority: choose a different 2nd priority" in summary
