"""Paper responses: typed in by an officer, checked and analysed like the web, stored once, logged."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AuditEvent, Response
from consult.services.consultations.lifecycle import open_consultation
from tests.integration.manage.builder_helpers import draft_consultation
from tests.pagecheck import soup


@pytest.fixture
def opened(app):
    consultation = draft_consultation()
    open_consultation(consultation, None)
    return consultation


def _entry(consultation, client, walk="Yes", text="Kids on scramblers outside 14 Curzon Street every night, ring me on 07700 900123", **extra):
    page = soup(client.get("/manage/consultations/safer-streets/paper"))
    q = consultation.questions
    data = {
        "entry_key": page.find("input", attrs={"name": "entry_key"})["value"],
        f"q{q[0].id}-answer": str(next(o.id for o in q[0].options if o.label == walk)),
        f"q{q[1].id}-answer": [str(q[1].options[0].id), str(q[1].options[1].id)],
        f"q{q[2].id}-answer": str(q[2].options[1].id),
        f"q{q[3].id}-answer": text,
        f"q{q[4].id}-answer": "",
        f"q{q[4].id}-postcode": "CA15 6AB",
    }
    data.update(extra)
    return data


def test_officer_enters_a_paper_response_stored_and_analysed_like_the_web(opened, client, auth):
    auth.login("officer")
    data = _entry(opened, client)
    response = client.post("/manage/consultations/safer-streets/paper", data=data)
    assert response.status_code == 302 and response.headers["Location"].endswith("/paper?saved=1")
    stored = db.session.scalar(sa.select(Response))
    assert stored.channel == "paper"
    assert stored.area.name == "Maryport" and stored.postcode_district == "CA15"
    text = db.session.scalar(sa.select(Answer).where(Answer.text.is_not(None)))
    assert text.analysed_at is not None and text.redacted_text is not None
    assert "07700" not in text.redacted_text and "[phone]" in text.redacted_text
    assert len([a for a in stored.answers if a.option_id]) == 4
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "response.paper_entered"))
    assert event.user.role == "officer" and event.detail == {"response": stored.id}
    confirmation = client.get(response.headers["Location"])
    assert "Paper response saved." in confirmation.get_data(as_text=True)


def test_sending_the_same_sheet_twice_stores_it_once(opened, client, auth):
    auth.login("officer")
    data = _entry(opened, client)
    client.post("/manage/consultations/safer-streets/paper", data=data)
    again = client.post("/manage/consultations/safer-streets/paper", data=data)
    assert again.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 1


def test_answers_the_paper_form_said_to_skip_are_not_stored(opened, client, auth):
    auth.login("officer")
    client.post("/manage/consultations/safer-streets/paper", data=_entry(opened, client, walk="No"))
    assert db.session.scalar(sa.select(sa.func.count(Answer.id)).where(Answer.text.is_not(None))) == 0
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 1


def test_errors_use_the_resident_path_checks_and_keep_what_was_typed(opened, client, auth):
    auth.login("officer")
    q = opened.questions
    data = _entry(opened, client, **{
        f"q{q[0].id}-answer": "",
        f"q{q[1].id}-answer": [str(q[1].options[0].id), str(q[1].options[2].id)],
        f"q{q[4].id}-postcode": "not a postcode",
    })
    response = client.post("/manage/consultations/safer-streets/paper", data=data)
    page = soup(response)
    assert page.title.get_text().startswith("Error: ")
    assert [a.get_text() for a in page.select(".error-summary a")] == [
        "Question 1: Select an answer to: Do you walk at night?",
        "Question 2: Select ‘None of these’ on its own, or untick it",
        "Question 5: Enter a real postcode, like CA28 7AB, or leave it blank",
    ]
    assert page.find(id=f"q{q[3].id}-answer").get_text() == data[f"q{q[3].id}-answer"]
    assert page.find(id=f"q{q[4].id}-postcode")["value"] == "not a postcode"
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0


def test_a_draft_takes_no_paper_responses(app, client, auth):
    draft_consultation()
    auth.login("officer")
    assert client.get("/manage/consultations/safer-streets/paper").status_code == 409


@pytest.mark.parametrize("role", ["board", "partner"])
def test_only_officers_and_admins_enter_paper_responses(opened, client, auth, role):
    auth.login(role)
    assert client.post("/manage/consultations/safer-streets/paper", data={"entry_key": "x" * 20}).status_code == 403
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0
