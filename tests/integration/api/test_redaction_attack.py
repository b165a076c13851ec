"""Issue 15, part 1: quotes in the API never carry the personal details residents wrote.

The attack: five road-safety answers with names, phone numbers and e-mail addresses in one area,
then a board member or partner asks for that theme's drill-down in that area from today.
"""
from datetime import datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer
from tests.integration.board.conftest import build_board_fixture
from tests.integration.public.survey_helpers import area_id, complete_survey

SLUG = "community-safety-survey"

ANSWERS = [
    "Boy racers speed down our street every night. I told Kev Rigg about it, ring me on 07700.900.555",
    "Speeding cars outside the school in Workington, ask tony bewley or email bob dot lee at outlook dot com",
    "Boy racers on the main road, mrs hodgson next door saw them, call 0 7700 900 555 or kim(at)example.net",
    "Speeding cars from 22 church street, the car is ab12 cde, his insta: kevr99, phone (01946) 123456",
    "Boy racers speeding every night. Sarah Jenkins at number 40 saw it, kim [at] example [dot] net",
]
DETAILS = [
    "Kev", "Rigg", "07700", "900.555", "tony", "bewley", "bob dot lee", "outlook", "hodgson",
    "0 7700 900 555", "kim", "example", "22 church street", "ab12 cde", "kevr99", "01946",
    "123456", "Sarah", "Jenkins", "number 40",
]


def _attack(app, demo):
    workington = area_id(demo, "Workington")
    for text in ANSWERS:
        complete_survey(app.test_client(), demo, q8=text, q10=workington)  # five residents
    return workington


def _drilldown(client, auth, area):
    auth.login("board")
    today = datetime.now(ZoneInfo("Europe/London")).date().isoformat()
    response = client.get(f"/api/v1/summaries/{SLUG}/themes/road-safety?area={area}&from={today}")
    assert response.status_code == 200
    return response


def _leaked(body):
    return [detail for detail in DETAILS if detail.lower() in body.lower()]


def test_quotes_from_five_answers_in_one_area_carry_no_personal_details(app, client, auth, demo):
    area = _attack(app, demo)
    response = _drilldown(client, auth, area)
    assert response.get_json()["quotes"], "the attack needs quotes to look at"
    assert _leaked(response.get_data(as_text=True)) == []


def test_answers_stored_by_older_redaction_are_redacted_again_when_quoted(app, client, auth, demo):
    area = _attack(app, demo)
    # As if stored by a redactor that missed everything: the board must not trust what is stored.
    for answer in db.session.scalars(sa.select(Answer).where(Answer.text.in_(ANSWERS))):
        answer.redacted_text = answer.text
    db.session.commit()
    response = _drilldown(client, auth, area)
    quotes = response.get_json()["quotes"]
    assert quotes and any("[name]" in quote for quote in quotes)
    assert _leaked(response.get_data(as_text=True)) == []


def test_key_phrases_that_todays_redaction_would_change_are_not_listed(client, auth, app):
    board = build_board_fixture()
    # As if kept from answers redacted by older code, which let a name through as a phrase.
    for answer in db.session.scalars(sa.select(Answer).where(Answer.phrases.is_not(None))):
        if "speeding cars" in (answer.phrases or []):
            answer.phrases = [*answer.phrases, "kev rigg"]
    db.session.commit()
    auth.login("board")
    north = board["builder"].north.id
    body = client.get(f"/api/v1/summaries/board-test/themes/road-safety?area={north}").get_json()
    phrases = [row["phrase"] for row in body["phrases"]["rows"]]
    assert "speeding cars" in phrases
    assert "kev rigg" not in phrases
