"""Officers delete a response on a resident's request, and keep or delete suspect responses."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AuditEvent, Response
from consult.services.survey.receipts import format_receipt_code
from tests.integration.public.survey_helpers import complete_survey
from tests.pagecheck import soup

SLUG = "community-safety-survey"


def _submitted(client, demo, **data):
    complete_survey(client, demo, submit=False)
    client.post(f"/c/{SLUG}/check", data=data)
    client.delete_cookie("session")
    return db.session.scalars(sa.select(Response).order_by(Response.id.desc())).first()


def test_officer_finds_a_response_by_receipt_code_and_deletes_it(client, demo, auth):
    response = _submitted(client, demo)
    code = format_receipt_code(response.receipt_code)
    auth.login("officer")
    found = client.post("/manage/responses/erase", data={"receipt": code.lower()})
    assert found.headers["Location"] == f"/manage/responses/erase/{response.receipt_code}"
    page = soup(client.get(found.headers["Location"]))
    assert "Community safety survey" in page.get_text() and "Speed bumps" not in page.get_text()
    done = client.post(found.headers["Location"])
    assert done.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Response)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Answer)) == 0
    event = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "response.erased")).one()
    assert event.user.role == "officer"
    assert "has been deleted" in soup(client.get("/manage/responses/erase")).get_text()


def test_unknown_receipt_code_gets_an_error_message(client, demo, auth):
    auth.login("officer")
    page = soup(client.post("/manage/responses/erase", data={"receipt": "ABCDE-FGHJK"}))
    assert page.title.get_text().startswith("Error: ")
    assert "No response has that receipt code" in page.select_one(".error-summary").get_text()
    assert client.get("/manage/responses/erase/ABCDEFGHJK").status_code == 404


def test_suspect_responses_are_listed_and_can_be_kept_or_deleted(client, demo, auth):
    spam = _submitted(client, demo, website="http://spam.example")
    other = _submitted(client, demo, website="buy now")
    auth.login("officer")
    page = soup(client.get("/manage/responses/suspect"))
    assert page.get_text().count("a field hidden from people was filled in") == 2
    client.post(f"/manage/responses/suspect/{spam.id}", data={"decision": "keep"})
    client.post(f"/manage/responses/suspect/{other.id}", data={"decision": "delete"})
    remaining = db.session.scalars(sa.select(Response)).all()
    assert [r.id for r in remaining] == [spam.id] and remaining[0].suspect_reason is None
    actions = set(db.session.scalars(sa.select(AuditEvent.action)))
    assert {"response.kept", "response.erased"} <= actions
    assert client.post(f"/manage/responses/suspect/{spam.id}", data={"decision": "keep"}).status_code == 404


def test_board_and_partner_cannot_erase_or_review_suspects(client, demo, auth):
    for role in ("board", "partner"):
        auth.login(role)
        assert client.get("/manage/responses/erase").status_code == 403
        assert client.get("/manage/responses/suspect").status_code == 403
        auth.logout()
