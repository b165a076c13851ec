"""From first answer to thank-you: drafts on the server, skip logic, check answers, one response."""
import base64
import json
import zlib
from datetime import timedelta

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, Draft, Response, utcnow
from consult.services.survey.drafts import hash_token
from consult.services.survey.submission import submit_response
from tests.conftest import make_app
from tests.integration.public.survey_helpers import complete_survey, option_id, typical_answers
from tests.pagecheck import soup

SLUG = "community-safety-survey"


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_check_answers_lists_every_visible_answer_with_change_links(client, demo):
    page = soup(complete_survey(client, demo, submit=False))
    keys = [key.get_text() for key in page.select(".summary-key")]
    assert len(keys) == 9 and "Did you report it?" not in keys
    values = {key.get_text(): value.get_text(" ", strip=True) for key, value in zip(page.select(".summary-key"), page.select(".summary-value"))}
    assert values["Which of these problems affect your area?"] == "Drug dealing or drug use Speeding or dangerous driving"
    assert values["Which area do you live in?"] == "Whitehaven Postcode district CA28"
    change = page.select(".summary-actions a")[0]
    assert change["href"] == f"/c/{SLUG}/q/1?change=1"
    assert page.select_one("form button").get_text() == "Send my answers"


def test_change_link_returns_to_check_answers(client, demo):
    complete_survey(client, demo, submit=False)
    response = client.post(f"/c/{SLUG}/q/1?change=1", data={"answer": option_id(demo, 1, "Very safe")})
    assert response.headers["Location"] == f"/c/{SLUG}/check"
    page = soup(client.get(f"/c/{SLUG}/q/1?change=1"))
    assert page.select_one("a.back-link")["href"] == f"/c/{SLUG}/check"


def test_submit_stores_one_response_with_its_answers(client, demo):
    response = complete_survey(client, demo)
    assert response.headers["Location"] == f"/c/{SLUG}/done"
    stored = db.session.scalars(sa.select(Response)).one()
    assert stored.channel == "web"
    assert stored.area.name == "Whitehaven"
    assert stored.postcode_district == "CA28"
    texts = sorted(a.text for a in stored.answers if a.text)
    assert texts == ["Boy racers on the promenade every night, and drug dealing behind the chip shop.", "Speed bumps and more patrols."]
    problems = [a.option.label for a in stored.answers if a.question.position == 3]
    assert sorted(problems) == ["Drug dealing or drug use", "Speeding or dangerous driving"]


def test_thank_you_page_signposts_help(client, demo):
    complete_survey(client, demo)
    page = soup(client.get(f"/c/{SLUG}/done"))
    text = page.get_text(" ")
    assert page.h1.get_text() == "Thank you: your answers have been sent"
    for number in ("999", "101", "0800 555 111", "0808 2000 247"):
        assert number in text


def test_replayed_submit_never_creates_a_second_response(client, demo):
    complete_survey(client, demo)
    again = client.post(f"/c/{SLUG}/check")
    assert again.headers["Location"] == f"/c/{SLUG}/done"
    assert count(Response) == 1


def test_submit_racing_another_server_returns_the_stored_response(client, demo):
    from consult.services.survey.drafts import survey_and_draft

    complete_survey(client, demo, submit=False)
    with client.session_transaction() as session:
        _survey, draft = survey_and_draft(SLUG, session["drafts"][SLUG])
    # Another server stored this draft a moment ago, but this request read it before that.
    db.session.add(Response(consultation=demo, submission_key=draft.token_hash))
    db.session.commit()
    first = db.session.scalars(sa.select(Response)).one()
    assert submit_response(demo, draft).id == first.id
    assert count(Response) == 1


def test_full_postcode_is_never_stored(client, demo):
    complete_survey(client, demo, submit=False)
    draft = db.session.scalars(sa.select(Draft)).one()
    assert "7AB" not in json.dumps(draft.answers).upper()
    complete_survey(client, demo)
    assert db.session.scalars(sa.select(Response.postcode_district)).all() == ["CA28"]


def test_hidden_question_answers_are_not_stored(client, demo):
    complete_survey(client, demo, victim="Yes", submit=False)
    page = soup(client.get(f"/c/{SLUG}/check"))
    assert "Did you report it?" in page.get_text()
    client.post(f"/c/{SLUG}/q/6?change=1", data={"answer": option_id(demo, 6, "No")})
    page = soup(client.get(f"/c/{SLUG}/check"))
    assert "Did you report it?" not in page.get_text()
    client.post(f"/c/{SLUG}/check")
    stored = db.session.scalars(sa.select(Answer).where(Answer.question_id == demo.questions[6].id)).all()
    assert stored == []


def test_skip_logic_shows_follow_up_when_answer_matches(client, demo):
    complete_survey(client, demo, victim="Yes")
    stored = db.session.scalars(sa.select(Answer).where(Answer.question_id == demo.questions[6].id)).one()
    assert stored.option.label == "Yes, to the police"


def test_check_answers_sends_resident_to_first_unanswered_question(client, demo):
    client.post(f"/c/{SLUG}/q/1", data=typical_answers(demo)[1])
    assert client.get(f"/c/{SLUG}/check").headers["Location"] == f"/c/{SLUG}/q/2"


def test_answers_live_on_the_server_not_in_the_cookie(app, client, demo, database_url):
    long_answer = "Cars race down the bypass every night. " * 100
    client.post(f"/c/{SLUG}/q/8", data={"answer": long_answer})
    cookie = client.get_cookie("session").value
    payload = cookie.split(".")[0] if not cookie.startswith(".") else cookie.split(".")[1]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    if cookie.startswith("."):
        raw = zlib.decompress(raw)
    assert b"bypass" not in raw and b"Cars" not in raw
    # A second app server with the same secret and database continues the same draft.
    other = make_app(database_url).test_client()
    other.set_cookie("session", cookie)
    page = soup(other.get(f"/c/{SLUG}/q/8"))
    assert page.select_one("textarea").get_text() == long_answer.strip()


def test_expired_draft_is_not_used_and_is_purged(client, demo, runner):
    client.post(f"/c/{SLUG}/q/1", data=typical_answers(demo)[1])
    draft = db.session.scalars(sa.select(Draft)).one()
    draft.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    page = soup(client.get(f"/c/{SLUG}/q/1"))
    assert not page.select("input[checked]")
    result = runner.invoke(args=["purge-drafts"])
    assert result.exit_code == 0 and "Removed 1 expired draft." in result.output
    assert count(Draft) == 0


def test_thank_you_without_a_submission_goes_back_to_the_start(client, demo):
    assert client.get(f"/c/{SLUG}/done").headers["Location"] == f"/c/{SLUG}"


def test_draft_token_is_stored_only_as_a_hash(client, demo):
    client.post(f"/c/{SLUG}/q/1", data=typical_answers(demo)[1])
    with client.session_transaction() as session:
        token = session["drafts"][SLUG]
    draft = db.session.scalars(sa.select(Draft)).one()
    assert draft.token_hash == hash_token(token) and token not in draft.token_hash


def test_answering_again_after_submitting_starts_a_new_draft_and_leaves_the_sent_one(client, demo):
    complete_survey(client, demo)
    sent = db.session.scalars(sa.select(Draft)).one()
    client.post(f"/c/{SLUG}/q/1", data=typical_answers(demo)[1])
    db.session.expire_all()
    drafts = db.session.scalars(sa.select(Draft).order_by(Draft.id)).all()
    assert len(drafts) == 2 and drafts[0].id == sent.id
    assert drafts[0].answers == {} and drafts[0].response_id is not None
    assert drafts[1].response_id is None and len(drafts[1].answers) == 1
    assert count(Response) == 1


def test_a_save_that_loses_the_race_with_submit_goes_to_a_new_draft(client, demo):
    from consult.services.survey.drafts import save_answer, survey_and_draft

    complete_survey(client, demo, submit=False)
    with client.session_transaction() as session:
        token = session["drafts"][SLUG]
    copy, seen = survey_and_draft(SLUG, token)
    submit_response(copy, seen)  # another tab sends the answers first
    first = str(copy.questions[0].id)
    new_token = save_answer(copy, seen, copy.questions[0], seen.answers[first])
    assert new_token != token
    sent = db.session.scalars(sa.select(Draft).where(Draft.token_hash == hash_token(token))).one()
    assert sent.answers == {} and sent.response_id is not None
    assert survey_and_draft(SLUG, new_token)[1].answers == {first: seen.answers[first]}


def test_pages_that_change_nothing_in_the_session_send_no_cookie(client, demo):
    client.get(f"/c/{SLUG}/q/1")  # the session's CSRF secret is made here
    first = client.post(f"/c/{SLUG}/q/1", data=typical_answers(demo)[1])
    assert "session=" in first.headers.get("Set-Cookie", "")  # the new draft's token
    assert "Set-Cookie" not in client.get(f"/c/{SLUG}/q/2").headers
    assert "Set-Cookie" not in client.post(f"/c/{SLUG}/q/2", data=typical_answers(demo)[2]).headers
