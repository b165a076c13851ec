"""The printable paper questionnaire, its skip instructions in words, and paper responses' receipt codes."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Response
from consult.services.consultations.lifecycle import open_consultation
from consult.services.consultations.paper_form import paper_questions
from consult.services.consultations.questions import QuestionSpec, add_question
from tests.integration.manage.builder_helpers import draft_consultation
from tests.pagecheck import soup

PRINT = "/manage/consultations/safer-streets/paper/print"


@pytest.fixture
def opened(app):
    consultation = draft_consultation()
    open_consultation(consultation, None)
    return consultation


def test_consultation_page_links_to_the_printable_questionnaire(app, client, auth):
    draft_consultation()
    auth.login("officer")
    page = soup(client.get("/manage/consultations/safer-streets"))
    assert page.find("a", string="Print the paper questionnaire (A4)")["href"] == PRINT


def test_questionnaire_has_the_intro_boxes_lines_privacy_notice_and_reference_box(app, client, auth):
    consultation = draft_consultation()
    auth.login("officer")
    response = client.get(PRINT)
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text() == "Safer streets"
    assert page.select_one(".lead").get_text() == "Tell us about your street."
    assert "For office use: reference" in page.select_one(".paper-office").get_text()
    assert page.select_one(".paper-notice").get_text() == "No names."
    questions = page.select(".paper-question")
    assert [q.h3.get_text(" ", strip=True) for q in questions] == [
        "1. Do you walk at night?", "2. What worries you?", "3. Streets are well lit",
        "4. What would help? (optional)", "5. Where do you live?",
    ]
    # One box to tick per answer; the areas for the area question; a written answer gets a box to write in.
    boxes = [len(q.select(".paper-box")) for q in questions]
    assert boxes == [2, 3, 6, 0, 2]
    assert "Tick all that apply." in questions[1].get_text() and "Tick one box." in questions[2].get_text()
    assert [label.get_text(strip=True) for label in questions[4].select(".paper-boxes li")] == ["Maryport", "Workington"]
    assert questions[3].select(".paper-write-long") and questions[4].select(".paper-write-short")
    assert page.find("link", href=lambda href: href and "css/paper.css" in href)
    assert len(consultation.questions) == 5


def test_skip_logic_is_written_out_as_instructions(app, client, auth):
    draft_consultation()
    auth.login("officer")
    questions = soup(client.get(PRINT)).select(".paper-question")
    go_to = [[p.get_text() for p in q.select(".paper-go-to")] for q in questions]
    # Question 4 is asked only after ‘Yes’ at question 1; questions 2 and 3 are asked either way.
    assert go_to == [[], [], ["If you did not answer ‘Yes’ at question 1, go to question 5."], [], []]
    assert "Answer this question only if you answered ‘Yes’ at question 1." in questions[3].get_text()


def test_skipping_past_the_last_question_sends_residents_to_the_end(app):
    consultation = draft_consultation(with_questions=False)
    add_question(consultation, QuestionSpec(kind="single", title="Any problems?", options=["Yes", "No", "Not sure"]), None)
    yes = consultation.questions[0].options[0].id
    add_question(consultation, QuestionSpec(kind="long_text", title="Tell us more", show_when_option_id=yes), None)
    add_question(consultation, QuestionSpec(kind="long_text", title="Anything else?", show_when_option_id=yes), None)
    first, second, third = paper_questions(consultation)
    assert first.go_to == ["If you answered ‘No’ or ‘Not sure’, you have finished: go to the end of this form."]
    assert second.only_if == third.only_if == "Answer this question only if you answered ‘Yes’ at question 1."
    assert second.go_to == third.go_to == []


def test_a_one_answer_question_routes_each_answer_to_its_own_question(app):
    consultation = draft_consultation(with_questions=False)
    add_question(consultation, QuestionSpec(kind="single", title="Were you a victim?", options=["Yes", "No", "Rather not say"]), None)
    yes, no = (option.id for option in consultation.questions[0].options[:2])
    add_question(consultation, QuestionSpec(kind="short_text", title="What happened?", show_when_option_id=yes), None)
    add_question(consultation, QuestionSpec(kind="short_text", title="Why not?", show_when_option_id=no), None)
    add_question(consultation, QuestionSpec(kind="short_text", title="Anything else?"), None)
    first, second, third, _fourth = paper_questions(consultation)
    assert first.go_to == ["If you answered ‘No’, go to question 3.", "If you answered ‘Rather not say’, go to question 4."]
    assert second.go_to == ["If you did not answer ‘No’ at question 1, go to question 4."]
    assert third.only_if == "Answer this question only if you answered ‘No’ at question 1."


def test_paper_entry_page_follows_the_same_numbering_and_instructions(opened, client, auth):
    auth.login("officer")
    page = soup(client.get("/manage/consultations/safer-streets/paper"))
    assert [h.get_text() for h in page.select(".paper-question h2")] == [f"Question {n}" for n in range(1, 6)]
    assert "The sheet says: Answer this question only if you answered ‘Yes’ at question 1." in page.get_text()
    assert page.find("a", string="printed questionnaire")["href"] == PRINT


def test_a_paper_response_gets_a_receipt_code_shown_to_the_officer_once(opened, client, auth):
    auth.login("officer")
    form = soup(client.get("/manage/consultations/safer-streets/paper"))
    q = opened.questions
    data = {
        "entry_key": form.find("input", attrs={"name": "entry_key"})["value"],
        f"q{q[0].id}-answer": str(q[0].options[1].id),
        f"q{q[1].id}-answer": [str(q[1].options[0].id)],
        f"q{q[2].id}-answer": str(q[2].options[0].id),
        f"q{q[4].id}-answer": str(opened.areas[0].id),
    }
    saved = client.post("/manage/consultations/safer-streets/paper", data=data)
    assert saved.status_code == 302
    code = db.session.scalar(sa.select(Response.receipt_code))
    assert code and len(code) == 10
    assert code not in saved.headers["Location"]
    page = soup(client.get(saved.headers["Location"]))
    assert page.select_one(".notification .receipt").get_text() == f"{code[:5]}-{code[5:]}"
    # Shown once: reloading the page does not show it to the next person at the desk.
    assert code[:5] not in client.get(saved.headers["Location"]).get_data(as_text=True)
