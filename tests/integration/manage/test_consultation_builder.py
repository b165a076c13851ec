"""Officers create and edit consultations and their questions in /manage, with GOV.UK-style errors."""
from datetime import datetime

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Consultation, Draft, Question, Response
from consult.services.survey.submission import store_response
from tests.integration.manage.builder_helpers import answers_for, areas, draft_consultation
from tests.pagecheck import soup

PAGES = [
    "/manage/",
    "/manage/consultations",
    "/manage/consultations/new",
    "/manage/consultations/safer-streets",
    "/manage/consultations/safer-streets/edit",
    "/manage/consultations/safer-streets/questions/new",
    "/manage/consultations/safer-streets/preview",
    "/manage/consultations/safer-streets/open",
]


@pytest.mark.parametrize("role", ["board", "partner"])
def test_board_and_partner_users_get_403_on_builder_pages(app, client, auth, role):
    draft_consultation()
    auth.login(role)
    for url in PAGES:
        assert client.get(url).status_code == 403, url
    assert client.post("/manage/consultations/new", data={"title": "Sneaky"}).status_code == 403
    assert db.session.scalar(sa.select(sa.func.count(Consultation.id))) == 1


def test_anonymous_visitors_are_sent_to_sign_in(app, client):
    draft_consultation()
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"], url


def _new_consultation_form(**overrides):
    data = {
        "title": "Night-time safety in Maryport",
        "slug": "",
        "summary": "Tell us about the town after dark.",
        "purpose": "",
        "how_answers_are_used": "",
        "privacy_notice": "No names are kept.",
        "minutes_to_complete": "4",
        "opens_day": "", "opens_month": "", "opens_year": "", "opens_time": "",
        "closes_day": "30", "closes_month": "6", "closes_year": "2099", "closes_time": "5pm",
        "areas": [str(area.id) for area in areas()],
        "retention_months": "18",
    }
    data.update(overrides)
    return data


def test_officer_creates_a_consultation_with_a_slug_from_the_title_and_uk_times(app, client, auth):
    auth.login("officer")
    form = client.get("/manage/consultations/new")
    assert "Written answers are deleted 24 months" in form.get_data(as_text=True)
    response = client.post("/manage/consultations/new", data=_new_consultation_form())
    assert response.status_code == 302
    consultation = db.session.scalar(sa.select(Consultation))
    assert consultation.slug == "night-time-safety-in-maryport"
    assert response.headers["Location"].endswith("/manage/consultations/night-time-safety-in-maryport")
    assert consultation.status == "draft" and consultation.retention_months == 18
    # 5pm on 30 June is British Summer Time: 4pm UTC.
    assert consultation.closes_at == datetime(2099, 6, 30, 16, 0)
    assert [a.name for a in consultation.areas] == ["Maryport", "Workington"]


def test_errors_are_summarised_and_answers_kept(app, client, auth):
    draft_consultation(with_questions=False)
    auth.login("officer")
    data = _new_consultation_form(title="Safer streets again", slug="safer-streets", minutes_to_complete="ten", closes_month="13")
    response = client.post("/manage/consultations/new", data=data)
    page = soup(response)
    assert response.status_code == 200
    assert page.title.get_text().startswith("Error: ")
    summary = [a.get_text() for a in page.select(".error-summary a")]
    assert summary == [
        "Another consultation already uses this web address. Choose a different one",
        "The minutes it takes must be a whole number from 1 to 120",
        "Closing date must be a real date, like 27 3 2027",
    ]
    assert [a["href"] for a in page.select(".error-summary a")] == ["#slug", "#minutes_to_complete", "#closes_day"]
    assert page.find(id="title")["value"] == "Safer streets again"
    assert page.find(id="minutes_to_complete")["value"] == "ten"
    assert db.session.scalar(sa.select(sa.func.count(Consultation.id))) == 1


@pytest.mark.parametrize("odd", ["²", "9" * 5000, "٣"])
def test_numbers_that_are_not_plain_digits_get_a_message_not_a_crash(app, client, auth, odd):
    """Plain digits 0-9 only. Found by tests/fuzz: str.isdigit() passed '²' and 5,000 nines, then int() or datetime() failed with a 500."""
    consultation = draft_consultation()
    auth.login("officer")
    data = _new_consultation_form(minutes_to_complete=odd, retention_months=odd, closes_day=odd)
    summary = soup(client.post("/manage/consultations/new", data=data)).select_one(".error-summary").get_text()
    assert "The minutes it takes must be a whole number from 1 to 120" in summary
    assert "The number of months must be a whole number from 1 to 120" in summary
    assert "Closing date must be a real date" in summary
    question = {"kind": "short_text", "title": "Which street?", "required": "no", "options": "", "scale": "agreement", "show_when": odd}
    page = soup(client.post(f"/manage/consultations/{consultation.slug}/questions/new", data=question))
    assert "Choose an answer to an earlier question" in page.select_one(".error-summary").get_text()


def test_closing_date_must_follow_the_opening_date(app, client, auth):
    auth.login("officer")
    data = _new_consultation_form(opens_day="1", opens_month="7", opens_year="2099", opens_time="9am", closes_month="6")
    page = soup(client.post("/manage/consultations/new", data=data))
    assert "Closing date must be after the opening date" in page.select_one(".error-summary").get_text()


def test_editing_keeps_the_details_shown_in_uk_time(app, client, auth):
    consultation = draft_consultation()
    consultation.closes_at = datetime(2099, 1, 15, 17, 30)  # GMT: the same in UK time
    db.session.commit()
    auth.login("officer")
    page = soup(client.get("/manage/consultations/safer-streets/edit"))
    assert [page.find(id=name)["value"] for name in ("closes_day", "closes_month", "closes_year", "closes_time")] == ["15", "1", "2099", "5:30pm"]
    data = _new_consultation_form(title="Safer streets 2099", slug="safer-streets", closes_day="15", closes_month="1", closes_year="2099", closes_time="5:30pm")
    assert client.post("/manage/consultations/safer-streets/edit", data=data).status_code == 302
    db.session.refresh(consultation)
    assert consultation.title == "Safer streets 2099" and consultation.closes_at == datetime(2099, 1, 15, 17, 30)


def test_officer_adds_a_question_of_each_kind_through_the_form(app, client, auth):
    consultation = draft_consultation(with_questions=False)
    auth.login("officer")
    url = "/manage/consultations/safer-streets/questions/new"
    posts = [
        {"kind": "single", "title": "Do you walk at night?", "required": "yes", "options": "Yes\nNo\n", "scale": "agreement", "show_when": ""},
        {"kind": "multiple", "title": "What worries you?", "required": "yes", "options": "Litter\r\nSpeeding", "none_of_these": "y", "scale": "agreement", "show_when": ""},
        {"kind": "scale", "title": "I am satisfied with street lighting", "required": "yes", "options": "", "scale": "satisfaction", "show_when": ""},
        {"kind": "short_text", "title": "Which street?", "required": "no", "options": "", "scale": "agreement", "show_when": "PLACEHOLDER"},
        {"kind": "long_text", "title": "What would help?", "required": "no", "options": "", "scale": "agreement", "show_when": ""},
        {"kind": "area", "title": "Where do you live?", "required": "yes", "options": "", "scale": "agreement", "show_when": ""},
    ]
    for data in posts:
        if data["show_when"] == "PLACEHOLDER":
            data["show_when"] = str(consultation.questions[0].options[0].id)
        response = client.post(url, data=data)
        assert response.status_code == 302, soup(response).select_one(".error-summary")
        db.session.expire_all()
    kinds = [(q.kind, q.required) for q in consultation.questions]
    assert kinds == [("single", True), ("multiple", True), ("scale", True), ("short_text", False), ("long_text", False), ("area", True)]
    assert [o.label for o in consultation.questions[1].options][-1] == "None of these"
    assert [o.label for o in consultation.questions[2].options] == [
        "Very satisfied", "Fairly satisfied", "Neither satisfied nor dissatisfied", "Fairly dissatisfied", "Very dissatisfied", "Don't know"]
    assert consultation.questions[3].show_when_option.label == "Yes"
    page = client.get("/manage/consultations/safer-streets").get_data(as_text=True)
    assert "Shown only when the answer to question 1 is “Yes”" in page


def test_a_choice_question_needs_two_answers_and_an_earlier_condition(app, client, auth):
    consultation = draft_consultation()
    auth.login("officer")
    later_option = consultation.questions[2].options[0].id
    edit = f"/manage/consultations/safer-streets/questions/{consultation.questions[0].id}/edit"
    response = client.post(edit, data={"kind": "single", "title": "Walk?", "required": "yes", "options": "Yes", "scale": "agreement", "show_when": str(later_option)})
    page = soup(response)
    assert page.title.get_text().startswith("Error: ")
    assert [a.get_text() for a in page.select(".error-summary a")] == [
        "Enter at least 2 answers, one on each line",
        "Choose an answer to an earlier question, or ‘Always show this question’",
    ]
    assert page.find(id="options").get_text() == "Yes"
    db.session.expire_all()
    assert consultation.questions[0].title == "Do you walk at night?"


def test_move_buttons_reorder_and_refuse_to_break_skip_logic(app, client, auth):
    consultation = draft_consultation()
    auth.login("officer")
    second, conditional = consultation.questions[1], consultation.questions[3]
    url = f"/manage/consultations/safer-streets/questions/{second.id}/move"
    assert client.post(url, data={"direction": "down"}).status_code == 302
    db.session.expire_all()
    assert consultation.questions.index(second) == 2
    client.post(f"/manage/consultations/safer-streets/questions/{conditional.id}/move", data={"direction": "up"})
    client.post(f"/manage/consultations/safer-streets/questions/{conditional.id}/move", data={"direction": "up"})
    refused = client.post(f"/manage/consultations/safer-streets/questions/{conditional.id}/move", data={"direction": "up"})
    assert refused.status_code == 409 and "must stay after it" in refused.get_data(as_text=True)


def test_remove_asks_first_then_removes(app, client, auth):
    consultation = draft_consultation()
    auth.login("officer")
    last = consultation.questions[-1]
    url = f"/manage/consultations/safer-streets/questions/{last.id}/remove"
    assert "Remove question 5" in client.get(url).get_data(as_text=True)
    assert client.post(url).status_code == 302
    assert db.session.get(Question, last.id) is None
    refused = client.post(f"/manage/consultations/safer-streets/questions/{consultation.questions[0].id}/remove")
    assert refused.status_code == 200 and soup(refused).title.get_text().startswith("Error: ")


def test_questions_are_locked_after_the_first_response_with_an_offer_to_copy(app, client, auth):
    consultation = draft_consultation()
    store_response(consultation, answers_for(consultation), channel="paper")
    db.session.commit()
    auth.login("officer")
    page = client.get("/manage/consultations/safer-streets").get_data(as_text=True)
    assert "the questions cannot change" in page and "copy it as a new draft" in page
    assert "Add a question" not in page
    assert client.get("/manage/consultations/safer-streets/questions/new").status_code == 409
    copied = client.post("/manage/consultations/safer-streets/copy")
    assert copied.headers["Location"].endswith("/manage/consultations/safer-streets-copy")
    assert len(db.session.scalar(sa.select(Consultation).where(Consultation.slug == "safer-streets-copy")).questions) == 5


def test_preview_shows_the_resident_pages_of_a_draft_and_saves_nothing(app, client, auth):
    consultation = draft_consultation()
    auth.login("officer")
    start = soup(client.get("/manage/consultations/safer-streets/preview"))
    assert "Preview" in start.select_one(".preview-banner").get_text()
    assert start.select_one(".button-start")["href"] == "/manage/consultations/safer-streets/preview/q/1"
    blank = client.post("/manage/consultations/safer-streets/preview/q/1", data={})
    assert soup(blank).title.get_text().startswith("Error: ")
    yes = str(consultation.questions[0].options[0].id)
    moved_on = client.post("/manage/consultations/safer-streets/preview/q/1", data={"answer": yes})
    assert moved_on.headers["Location"].endswith("/preview/q/2")
    conditional = soup(client.get("/manage/consultations/safer-streets/preview/q/4"))
    assert "only when they answer “Yes” to question 1" in conditional.select_one(".preview-banner").get_text()
    assert db.session.scalar(sa.select(sa.func.count(Draft.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0
    # Residents still cannot open the draft itself.
    client.post("/auth/logout")
    assert client.get("/c/safer-streets").status_code == 404


def test_preview_of_a_consultation_without_questions_goes_straight_to_the_end(app, client, auth):
    draft_consultation(with_questions=False)
    auth.login("officer")
    start = soup(client.get("/manage/consultations/safer-streets/preview"))
    assert start.select_one(".button-start")["href"] == "/manage/consultations/safer-streets/preview/end"
    assert client.get("/manage/consultations/safer-streets/preview/end").status_code == 200


def test_an_empty_title_asks_for_a_title_not_the_optional_web_address(app, client, auth):
    auth.login("officer")
    page = soup(client.post("/manage/consultations/new", data=_new_consultation_form(title="", slug="")))
    assert [a.get_text() for a in page.select(".error-summary a")] == ["Enter a title"]
    assert [a["href"] for a in page.select(".error-summary a")] == ["#title"]
    assert "web address" not in page.select_one(".error-summary").get_text()
    assert db.session.scalar(sa.select(sa.func.count(Consultation.id))) == 0


def test_question_action_buttons_name_their_own_question_for_screen_readers(app, client, auth):
    consultation = draft_consultation()
    auth.login("officer")
    page = soup(client.get(f"/manage/consultations/{consultation.slug}"))
    items = page.select(".question-item")
    assert len(items) == len(consultation.questions) >= 3
    for number, item in enumerate(items, start=1):
        names = [control.get_text(" ", strip=True) for control in item.select(".question-actions a, .question-actions button")]
        expected = ["Edit question", *(["Move up question"] if number > 1 else []),
                    *(["Move down question"] if number < len(items) else []), "Remove question"]
        assert names == [f"{name} {number}" for name in expected]
