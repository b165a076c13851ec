"""Save and come back later: a resume code shown once, continued once on any device, kept SAVED_DRAFT_DAYS."""
import re
from datetime import timedelta

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Draft, utcnow
from tests.integration.public.survey_helpers import typical_answers
from tests.pagecheck import soup

SLUG = "community-safety-survey"
CODE = re.compile(r"^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$")


def _answer_first_two(client, consultation):
    answers = typical_answers(consultation)
    client.post(f"/c/{SLUG}/q/1", data=answers[1])
    client.post(f"/c/{SLUG}/q/2", data=answers[2])


def _save(client, consultation, number=3, data=None):
    response = client.post(f"/c/{SLUG}/q/{number}", data={**(data or typical_answers(consultation)[number]), "save": "1"})
    assert response.status_code == 200
    page = soup(response)
    return page, page.select_one("#resume-code").get_text(strip=True)


def test_every_question_page_has_a_save_button_in_its_form(client, demo):
    page = soup(client.get(f"/c/{SLUG}/q/1"))
    buttons = page.select("form button[type=submit]")
    assert [button.get_text(strip=True) for button in buttons] == ["Continue", "Save and come back later"]
    assert buttons[1]["name"] == "save"


def test_saving_keeps_this_pages_answer_and_shows_a_code_stored_only_hashed(client, app, demo):
    _answer_first_two(client, demo)
    page, code = _save(client, demo)
    assert CODE.match(code)
    assert page.h1.get_text() == "Your answers are saved"
    assert "We keep your answers for 30 days" in page.get_text(" ", strip=True)
    [draft] = db.session.scalars(sa.select(Draft)).all()
    assert set(draft.answers) == {str(q.id) for q in demo.questions[:3]}
    assert code not in str(draft.resume_code_hash) and code.replace("-", "") not in str(draft.resume_code_hash)
    assert draft.saved_until - utcnow() > timedelta(days=29)
    assert draft.expires_at >= draft.saved_until
    # The code is shown once: no page of this browser shows it again.
    for url in (f"/c/{SLUG}/q/3", f"/c/{SLUG}/check", "/", "/continue"):
        assert code not in client.get(url, follow_redirects=True).get_data(as_text=True)


def test_an_invalid_answer_does_not_stop_the_save_and_the_page_says_so(client, demo):
    _answer_first_two(client, demo)
    page, code = _save(client, demo, number=3, data={"answer": "not-an-option"})
    assert CODE.match(code)
    assert "Your answer on the last page was not saved" in page.get_text(" ", strip=True)
    [draft] = db.session.scalars(sa.select(Draft)).all()
    assert str(demo.questions[2].id) not in draft.answers


def test_a_blank_first_page_still_saves_an_empty_draft(client, demo):
    page, code = _save(client, demo, number=1, data={})
    assert "was not saved" not in page.get_text(" ", strip=True)
    assert CODE.match(code)


def test_the_code_resumes_on_a_new_device_at_the_first_unanswered_page(app, client, demo):
    _answer_first_two(client, demo)
    _page, code = _save(client, demo)
    other = app.test_client()
    response = other.post("/continue", data={"code": code.lower().replace("-", " ")})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/c/{SLUG}/q/4")
    page = soup(other.get(f"/c/{SLUG}/q/3"))
    assert page.select_one("input[name=answer][checked]") is not None
    # The first browser no longer holds the draft: one resident, one device at a time.
    assert client.get(f"/c/{SLUG}/check").headers["Location"].endswith("/q/1")


def test_a_code_works_once_and_saving_again_issues_a_new_one(app, client, demo):
    _answer_first_two(client, demo)
    _page, code = _save(client, demo)
    first = app.test_client()
    assert first.post("/continue", data={"code": code}).status_code == 302
    reused = app.test_client().post("/continue", data={"code": code})
    assert reused.status_code == 400
    assert "Each code works once" in soup(reused).get_text(" ", strip=True)
    _page, new_code = _save(first, demo, number=4)
    assert new_code != code
    assert app.test_client().post("/continue", data={"code": new_code}).status_code == 302


def test_a_wrong_code_gets_a_polite_error_in_the_page(client, demo):
    response = client.post("/continue", data={"code": "ABCD-EFGH-JKMN-PQRS"})
    assert response.status_code == 400
    page = soup(response)
    assert page.title.get_text().startswith("Error: ")
    assert "We could not find answers saved with this code" in page.select_one(".error-summary").get_text()
    short = soup(client.post("/continue", data={"code": "abc"}))
    assert "Enter your code" in short.select_one(".error-summary").get_text()


def test_an_expired_code_gets_a_polite_message(app, client, demo):
    _answer_first_two(client, demo)
    _page, code = _save(client, demo)
    db.session.execute(sa.update(Draft).values(saved_until=utcnow() - timedelta(minutes=1)))
    db.session.commit()
    response = app.test_client().post("/continue", data={"code": code})
    assert response.status_code == 400
    assert "this code has expired" in soup(response).get_text(" ", strip=True)


def test_entering_codes_is_rate_limited_per_address(app, client, demo):
    app.config["RESUME_RATE_LIMIT"] = "3 per minute"
    statuses = [client.post("/continue", data={"code": "ABCD-EFGH-JKMN-PQRS"}).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]


def test_the_email_link_fills_in_the_code(client, demo):
    page = soup(client.get("/continue?code=ABCD-EFGH-JKMN-PQRS"))
    assert page.select_one("input#code")["value"] == "ABCD-EFGH-JKMN-PQRS"


def test_no_email_form_when_mail_is_not_configured(client, demo):
    page, _code = _save(client, demo, number=1, data=typical_answers(demo)[1])
    assert page.select_one("input[name=email]") is None
    assert client.post(f"/c/{SLUG}/saved/email", data={"email": "a@example.org", "code": _code}).status_code == 404


def test_purge_drafts_removes_expired_saved_drafts_and_keeps_current_ones(app, client, runner, demo):
    _answer_first_two(client, demo)
    _save(client, demo)
    other = app.test_client()
    _save(other, demo, number=1, data=typical_answers(demo)[1])
    old, current = db.session.scalars(sa.select(Draft).order_by(Draft.id)).all()
    past = utcnow() - timedelta(days=1)
    db.session.execute(sa.update(Draft).where(Draft.id == old.id).values(saved_until=past, expires_at=past))
    db.session.commit()
    result = runner.invoke(args=["purge-drafts"])
    assert "Removed 1 expired draft." in result.output
    assert db.session.scalars(sa.select(Draft.id)).all() == [current.id]


def test_answering_on_after_saving_keeps_the_saved_drafts_keeping_date(client, demo):
    _answer_first_two(client, demo)
    _save(client, demo)
    assert client.post(f"/c/{SLUG}/q/3", data=typical_answers(demo)[3]).status_code == 302
    [draft] = db.session.scalars(sa.select(Draft)).all()
    db.session.refresh(draft)
    assert str(demo.questions[2].id) in draft.answers
    assert draft.expires_at - utcnow() > timedelta(days=29)


def test_the_start_and_privacy_pages_tell_residents_about_saving(client, demo):
    start = soup(client.get(f"/c/{SLUG}"))
    assert start.find("a", string="Continue a saved response")["href"] == "/continue"
    assert "we keep them for 30 days" in soup(client.get("/privacy")).get_text(" ", strip=True)
