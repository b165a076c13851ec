"""A respondent raises a theme by writing about it or by ticking an option linked to it (issue 16)."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AuditEvent, Option, Question, Response, Theme
from consult.services import summaries
from consult.services.summaries import Filters
from consult.services.summaries.filters import Filters as FiltersClass
from consult.services.tagging.review import save_review
from tests.pagecheck import soup


def add_problems_question(board_data, ticks):
    """A "Which problems?" question on the current survey; `ticks` North respondents (by
    position) tick "Domestic abuse", linked to its theme, and write nothing about it."""
    current, b = board_data["current"], board_data["builder"]
    domestic = Theme(slug="domestic-abuse", name="Domestic abuse", position=3, terms=[])
    db.session.add(domestic)
    question = Question(position=4, kind="multiple", title="Which of these problems affect your area?")
    question.options = [Option(position=1, label="Domestic abuse"), Option(position=2, label="Speeding")]
    current.questions.append(question)
    db.session.flush()
    question.options[0].theme_id = domestic.id
    question.options[1].theme_id = b.road.id
    north = sorted((r for r in _responses(current) if r.area_id == b.north.id), key=lambda r: r.id)
    for response in north[:ticks]:
        response.answers.append(Answer(question=question, option_id=question.options[0].id))
    # Respondent 0 already wrote about road safety: ticking "Speeding" too still counts once.
    response = north[0]
    response.answers.append(Answer(question=question, option_id=question.options[1].id))
    db.session.commit()
    return question, domestic


def _responses(consultation):
    return db.session.scalars(sa.select(Response).where(Response.consultation_id == consultation.id)).all()


def north_cell(board_data, theme_slug, **filters):
    matrix = summaries.theme_matrix(Filters(consultation_id=board_data["current"].id, **filters), board_data["current"].areas)
    return matrix.cell(board_data["builder"].north.id, theme_slug)


def test_ticking_a_linked_option_raises_the_theme_with_nothing_written(board_data):
    add_problems_question(board_data, ticks=8)
    cell = north_cell(board_data, "domestic-abuse")
    # North has 20 respondents: 8 ticked "Domestic abuse", none wrote about it.
    assert cell.count.value == 8 and round(cell.share.value, 2) == 0.4
    communities = summaries.priorities(Filters(consultation_id=board_data["current"].id), board_data["current"])
    north = next(c for c in communities if c.area_id == board_data["builder"].north.id)
    domestic = next(p for p in north.priorities if p.theme.slug == "domestic-abuse")
    assert domestic.share.value == 0.4


def test_a_respondent_who_writes_and_ticks_counts_once_and_each_source_on_demand(monkeypatch, board_data):
    add_problems_question(board_data, ticks=8)
    # Road safety in North: 12 written (hand-checked fixture), respondent 0 also ticked "Speeding".
    assert north_cell(board_data, "road-safety").count.value == 12
    assert north_cell(board_data, "road-safety", source="written").count.value == 12
    assert north_cell(board_data, "road-safety", source="ticked").count.suppressed  # one respondent
    assert north_cell(board_data, "domestic-abuse", source="written").count.value == 0
    assert north_cell(board_data, "domestic-abuse", source="ticked").count.value == 8
    # Counting the answers directly (an answered-option filter) gives the same figures.
    with monkeypatch.context() as patched:
        patched.setattr(FiltersClass, "countable", property(lambda self: False))
        for source in ("all", "written", "ticked"):
            assert north_cell(board_data, "domestic-abuse", source=source).count.value == (0 if source == "written" else 8)


def test_an_officer_correcting_a_tag_still_moves_the_combined_count(auth, board_data):
    add_problems_question(board_data, ticks=8)
    before = north_cell(board_data, "drugs").count.value
    north = board_data["builder"].north.id
    answer = db.session.scalar(
        sa.select(Answer).join(Answer.response).where(Answer.text.like("North road 5 %"), Answer.response.has(area_id=north))
    )
    save_review(answer, [board_data["builder"].road.id, board_data["builder"].drugs.id], auth.user("officer"))
    assert north_cell(board_data, "drugs").count.value == before + 1


def test_linking_an_option_after_responses_moves_the_counts_at_once(board_data):
    question, domestic = add_problems_question(board_data, ticks=8)
    assert north_cell(board_data, "domestic-abuse").count.value == 8
    question.options[0].theme_id = None
    db.session.commit()
    assert north_cell(board_data, "domestic-abuse").count.value == 0
    question.options[0].theme_id = domestic.id
    db.session.commit()
    assert north_cell(board_data, "domestic-abuse").count.value == 8


def test_the_matrix_page_and_api_offer_each_source(client, auth, board_data):
    add_problems_question(board_data, ticks=8)
    auth.login("board")
    page = client.get("/board/board-test/matrix?source=ticked")
    assert page.status_code == 200
    assert "Only ticked options count here" in page.get_data(as_text=True)
    assert soup(page).select_one("#source option[selected]")["value"] == "ticked"
    bad = client.get("/board/board-test/matrix?source=gossip")
    assert bad.status_code == 200
    assert "Choose written or ticked, written only, or ticked only" in bad.get_data(as_text=True)
    api = client.get("/api/v1/summaries/board-test/matrix?source=written").get_json()
    assert api["source"] == "written" and api["filters"] == {"source": "written"}
    assert client.get("/api/v1/summaries/board-test/matrix?source=gossip").status_code == 400
    csv_text = client.get("/board/board-test/download/theme-matrix.csv").get_data(as_text=True)
    assert "Domestic abuse: respondents" in csv_text and "written or ticked" in csv_text


def test_an_officer_links_options_to_themes_in_the_builder(client, auth, board_data):
    question, domestic = add_problems_question(board_data, ticks=8)
    auth.login("officer")
    url = f"/manage/consultations/board-test/questions/{question.id}/themes"
    show = client.get("/manage/consultations/board-test").get_data(as_text=True)
    assert url in show
    form = client.get(url)
    assert form.status_code == 200
    assert "counts towards theme" in form.get_data(as_text=True)
    speeding = question.options[1]
    response = client.post(url, data={f"option-{question.options[0].id}": "", f"option-{speeding.id}": str(domestic.id)})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Option, question.options[0].id).theme_id is None
    assert db.session.get(Option, speeding.id).theme_id == domestic.id
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "question.themes_linked"))
    assert event is not None and event.detail["question"] == question.id
    # Only respondent 0 ticked "Speeding" now linked to domestic abuse: too few to show.
    assert north_cell(board_data, "domestic-abuse").count.suppressed


def test_a_theme_that_is_not_on_the_list_gets_a_polite_error(client, auth, board_data):
    question, _domestic = add_problems_question(board_data, ticks=8)
    auth.login("officer")
    url = f"/manage/consultations/board-test/questions/{question.id}/themes"
    for value in ("999999", "road; drop table"):
        response = client.post(url, data={f"option-{question.options[0].id}": value})
        assert response.status_code == 200
        page = soup(response)
        assert page.select_one(".error-summary") is not None
        assert "from the list, or (none)" in page.get_text()
    text_question = board_data["current"].questions[1]
    assert client.get(f"/manage/consultations/board-test/questions/{text_question.id}/themes").status_code == 404


def test_the_breakdown_by_source_hides_what_subtraction_would_reveal(client, auth, board_data):
    add_problems_question(board_data, ticks=8)
    table = summaries.theme_sources(Filters(consultation_id=board_data["current"].id))
    rows = {row["theme"]: row for row in table.rows}
    # Domestic abuse: 8 ticked, none written, 8 either: nothing small can be worked out.
    assert [rows["Domestic abuse"][k].public for k in ("either", "written", "ticked")] == [8, 0, 8]
    # Road safety: 20 written, 1 ticked (respondent 0, who also wrote): either 20; the single
    # ticker is hidden, and so is the written figure, or 20 - 20 + 1 would show one person did both.
    assert rows["Road safety"]["either"].public == 20
    assert rows["Road safety"]["ticked"].public == "fewer than 5"
    assert rows["Road safety"]["written"].public == "not shown"
    auth.login("board")
    page = client.get("/board/board-test/matrix").get_data(as_text=True)
    assert "How respondents raised each theme" in page
    north = board_data["builder"].north.id
    drill = client.get(f"/board/board-test/themes/domestic-abuse?area={north}").get_data(as_text=True)
    assert "8 respondents in North raised domestic abuse: 0 in a written answer and 8 by ticking" in drill
    api = client.get(f"/api/v1/summaries/board-test/themes/domestic-abuse?area={north}").get_json()
    assert api["respondents_by_source"] == {"theme": "Domestic abuse", "either": 8, "written": 0, "ticked": 8}
    download = client.get("/board/board-test/download/theme-sources.csv")
    assert download.status_code == 200 and "By ticking a linked answer" in download.get_data(as_text=True)


def test_a_source_view_hides_cells_the_combined_view_differs_from_by_a_few(board_data):
    question, _domestic = add_problems_question(board_data, ticks=8)
    # Road safety in North: 12 either way and 12 written (the one who ticked "Speeding" also wrote).
    assert north_cell(board_data, "road-safety", source="written").count.value == 12
    north = sorted((r for r in _responses(board_data["current"]) if r.area_id == board_data["builder"].north.id), key=lambda r: r.id)
    north[15].answers.append(Answer(question=question, option_id=question.options[1].id))  # wrote nothing about roads
    db.session.commit()
    assert north_cell(board_data, "road-safety").count.value == 13
    # One North respondent raised road safety only by ticking: 13 - 12 would point to them.
    cell = north_cell(board_data, "road-safety", source="written")
    assert cell.count.suppressed and cell.count.public == "not shown"


def test_a_link_to_a_retired_theme_can_be_kept_or_removed(client, auth, board_data):
    question, domestic = add_problems_question(board_data, ticks=8)
    domestic.active = False
    db.session.commit()
    auth.login("officer")
    url = f"/manage/consultations/board-test/questions/{question.id}/themes"
    assert "Domestic abuse" in client.get(url).get_data(as_text=True)
    first, second = (f"option-{o.id}" for o in question.options)
    kept = client.post(url, data={first: str(domestic.id), second: str(board_data["builder"].road.id)})
    assert kept.status_code == 302
    assert client.post(url, data={first: "", second: str(domestic.id)}).status_code == 302
    db.session.expire_all()
    assert [o.theme_id for o in db.session.get(Question, question.id).options] == [None, domestic.id]


def test_the_trend_by_source_hides_what_the_combined_trend_would_reveal(board_data):
    question, _domestic = add_problems_question(board_data, ticks=8)
    north = sorted((r for r in _responses(board_data["current"]) if r.area_id == board_data["builder"].north.id), key=lambda r: r.id)
    north[15].answers.append(Answer(question=question, option_id=question.options[1].id))  # ticks only: roads
    db.session.commit()
    current = board_data["current"].id

    def march_road(source):
        table, _themes = summaries.trend_by_month(Filters(consultation_id=current, source=source))
        return next(row for row in table.rows if row["period"] == "2026-03")["road-safety-count"]

    assert march_road("all").value == 13
    assert march_road("written").public == "not shown"  # 13 - 12 would point to one person
    assert march_road("ticked").public == "fewer than 5"
