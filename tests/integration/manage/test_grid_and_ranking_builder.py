"""Officers build grid and ranking questions, with errors for what cannot work, and preview them."""
from consult.extensions import db
from tests.integration.manage.builder_helpers import draft_consultation
from tests.pagecheck import soup

URL = "/manage/consultations/safer-streets/questions/new"


def post(client, **data):
    form = {"required": "yes", "options": "", "scale": "agreement", "ranks": "3", "show_when": ""}
    form.update(data)
    return client.post(URL, data=form)


def test_officer_adds_a_grid_and_a_ranking_and_edits_the_ranking(app, client, auth):
    consultation = draft_consultation(with_questions=False)
    auth.login("officer")
    response = post(client, kind="grid", title="How much do you agree?", options="The police listen\nThe council acts", scale="agreement")
    assert response.status_code == 302
    response = post(client, kind="ranking", title="Your top priorities", options="Patrols\nLighting\nCCTV\nYouth clubs", ranks="2")
    assert response.status_code == 302
    db.session.expire_all()
    grid, ranking = consultation.questions
    assert [o.label for o in grid.options] == ["The police listen", "The council acts"]
    assert grid.scale_points[0] == "Strongly agree" and len(grid.scale_points) == 5
    assert ranking.ranks == 2 and len(ranking.options) == 4
    edit = f"/manage/consultations/safer-streets/questions/{ranking.id}/edit"
    page = soup(client.get(edit))
    assert page.select_one("#ranks")["value"] == "2"
    data = {"kind": "ranking", "title": "Your top priorities", "required": "yes", "options": "Patrols\nLighting\nCCTV", "scale": "agreement", "ranks": "3", "show_when": ""}
    assert client.post(edit, data=data).status_code == 302
    db.session.expire_all()
    assert ranking.ranks == 3 and [o.label for o in ranking.options] == ["Patrols", "Lighting", "CCTV"]


def test_a_ranking_cannot_ask_for_more_ranks_than_answers(app, client, auth):
    draft_consultation(with_questions=False)
    auth.login("officer")
    page = soup(post(client, kind="ranking", title="Top priorities", options="Patrols\nLighting", ranks="3"))
    assert "Ask people to rank 2 or fewer" in page.select_one(".error-summary").get_text()
    page = soup(post(client, kind="ranking", title="Top priorities", options="Patrols\nLighting", ranks="many"))
    assert "Enter how many to rank, from 2 to 5" in page.select_one(".error-summary").get_text()


def test_a_grid_needs_two_statements(app, client, auth):
    draft_consultation(with_questions=False)
    auth.login("officer")
    page = soup(post(client, kind="grid", title="How much do you agree?", options="Only one"))
    assert "Enter at least 2 answers" in page.select_one(".error-summary").get_text()


def test_preview_shows_the_grid_and_checks_a_repeated_priority(app, client, auth):
    consultation = draft_consultation(with_questions=False)
    auth.login("officer")
    post(client, kind="grid", title="How much do you agree?", options="The police listen\nThe council acts")
    post(client, kind="ranking", title="Your top priorities", options="Patrols\nLighting\nCCTV")
    db.session.expire_all()
    page = soup(client.get("/manage/consultations/safer-streets/preview/q/1"))
    assert [l.get_text(strip=True) for l in page.select("fieldset legend")] == ["The police listen", "The council acts"]
    patrols = str(consultation.questions[1].options[0].id)
    page = soup(client.post("/manage/consultations/safer-streets/preview/q/2", data={"rank_1": patrols, "rank_2": patrols, "rank_3": ""}))
    text = page.select_one(".error-summary").get_text(" ", strip=True)
    assert "You chose ‘Patrols’ as your 1st priority: choose a different 2nd priority" in text
