"""Residents' wording: check answers' links and button, question-specific errors, and the thank-you page's contact details."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Question, Response
from consult.services.partnership.contact import save_contact_details
from tests.integration.public.survey_helpers import complete_survey
from tests.pagecheck import soup

SLUG = "community-safety-survey"


def test_check_answers_links_the_privacy_notice_has_a_back_link_and_says_what_the_button_does(client, demo):
    page = soup(complete_survey(client, demo, submit=False))
    privacy = page.find("a", string="this consultation’s privacy notice")
    assert privacy["href"] == f"/c/{SLUG}#privacy"
    assert soup(client.get(f"/c/{SLUG}")).select_one("#privacy").get_text() == "Your privacy"
    back = page.select_one("a.back-link")
    assert back.get_text() == "Back"
    # The last question the resident answered (question 10: where they live).
    assert back["href"] == f"/c/{SLUG}/q/10"
    assert page.select_one("form button").get_text() == "Send my answers"


def test_a_required_question_left_blank_gets_the_officers_own_wording(client, demo):
    complete_survey(client, demo, submit=False)
    # The demo's officers wrote their own wording for question 2.
    page = soup(client.post(f"/c/{SLUG}/q/2", data={"answer": ""}))
    assert page.select_one(".error-summary a").get_text() == "Select how safe you feel after dark"
    question = demo.questions[1]
    question.error_message = "Tell us how safe you feel in the daytime"
    db.session.commit()
    page = soup(client.post(f"/c/{SLUG}/q/2", data={"answer": ""}))
    assert page.select_one(".error-summary a").get_text() == "Tell us how safe you feel in the daytime"
    assert "Tell us how safe you feel in the daytime" in page.select_one("#answer-error").get_text()


def test_without_a_wording_the_error_names_the_question(client, demo):
    text_question = next(q for q in demo.questions if q.kind == "long_text")
    text_question.required = True
    db.session.commit()
    number = demo.questions.index(text_question) + 1
    complete_survey(client, demo, submit=False)
    page = soup(client.post(f"/c/{SLUG}/q/{number}", data={"answer": ""}))
    assert page.select_one(".error-summary a").get_text() == f"Enter your answer to: {text_question.title}"


def test_officer_sets_the_wording_in_the_builder_and_residents_see_it(client, auth, app):
    from tests.integration.manage.builder_helpers import draft_consultation
    from consult.services.consultations.lifecycle import open_consultation

    consultation = draft_consultation()
    first = consultation.questions[0]
    auth.login("officer")
    form = {"kind": "single", "title": "Do you walk at night?", "required": "yes", "options": "Yes\nNo", "show_when": "",
            "error_message": "Say whether you walk at night"}
    edit = f"/manage/consultations/safer-streets/questions/{first.id}/edit"
    assert client.post(edit, data=form).status_code == 302
    assert db.session.get(Question, first.id).error_message == "Say whether you walk at night"
    assert 'value="Say whether you walk at night"' in client.get(edit).get_data(as_text=True)
    too_long = soup(client.post(edit, data={**form, "error_message": "x" * 301}))
    assert "Error message must be 300 characters or fewer" in too_long.select_one(".error-summary").get_text()
    open_consultation(consultation, None)
    auth.logout()
    page = soup(client.post("/c/safer-streets/q/1", data={}))
    assert page.select_one(".error-summary a").get_text() == "Say whether you walk at night"


def test_thank_you_page_says_how_to_contact_the_partnership_and_what_to_quote(client, auth, demo):
    save_contact_details("Consult@Example.org", "01900 123456", auth.user("admin"))
    complete_survey(client, demo)
    page = soup(client.get(f"/c/{SLUG}/done"))
    code = db.session.scalar(sa.select(Response.receipt_code))
    section = page.select_one("#contact-us").find_next("ul")
    assert section.select_one("a[href='mailto:consult@example.org']").get_text() == "consult@example.org"
    assert section.select_one("a[href='tel:01900123456']").get_text() == "01900 123456"
    quote = section.find_next("p").get_text()
    assert f"Quote your receipt code, {code[:5]}-{code[5:]}" in quote and demo.title in quote


def test_thank_you_page_leaves_out_contact_details_nobody_has_set(client, demo):
    complete_survey(client, demo)
    page = soup(client.get(f"/c/{SLUG}/done"))
    assert page.select_one("#contact-us") is None


def test_copying_a_consultation_keeps_the_officers_error_wording(app):
    from consult.services.consultations.builder import copy_as_draft
    from tests.integration.manage.builder_helpers import draft_consultation

    consultation = draft_consultation()
    consultation.questions[0].error_message = "Say whether you walk at night"
    db.session.commit()
    copy = copy_as_draft(consultation, None)
    assert copy.questions[0].error_message == "Say whether you walk at night"
    assert copy.questions[1].error_message == ""
