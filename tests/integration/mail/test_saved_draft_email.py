"""Save and come back later: the resident may e-mail themselves the link; the address goes once it is sent."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Draft, OutboxMessage
from tests.integration.public.survey_helpers import typical_answers
from tests.pagecheck import soup

SLUG = "community-safety-survey"


def _save(client, consultation):
    page = soup(client.post(f"/c/{SLUG}/q/1", data={**typical_answers(consultation)[1], "save": "1"}))
    return page, page.select_one("#resume-code").get_text(strip=True)


def test_the_link_is_sent_through_the_outbox_and_the_address_is_then_forgotten(smtp_app, mailbox, app, client, demo):
    page, code = _save(client, demo)
    form = page.select_one(f"form[action='/c/{SLUG}/saved/email']")
    assert form.select_one("label[for=email]") is not None
    response = client.post(f"/c/{SLUG}/saved/email", data={"email": " Resident@Example.org ", "code": code})
    assert soup(response).h1.get_text() == "We have sent you the link"
    [message] = mailbox.to("resident@example.org")
    body = message.get_content()
    link = next(line for line in body.splitlines() if "/continue?code=" in line)
    assert code in body
    # Delivered, the message holding the address is deleted, and nothing else keeps it.
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage)) == 0
    assert "example.org" not in str(db.session.scalars(sa.select(Draft.answers)).all())
    other = app.test_client()
    filled = soup(other.get(link.strip().replace("http://localhost", "")))
    assert filled.select_one("input#code")["value"] == code
    assert other.post("/continue", data={"code": code}).status_code == 302


def test_a_bad_address_is_a_polite_error_keeping_the_code_on_the_page(smtp_app, mailbox, client, demo):
    _page, code = _save(client, demo)
    response = client.post(f"/c/{SLUG}/saved/email", data={"email": "not an address", "code": code})
    assert response.status_code == 400
    page = soup(response)
    assert page.title.get_text().startswith("Error: ") and page.select_one(".error-summary") is not None
    assert page.select_one("#resume-code").get_text(strip=True) == code
    assert mailbox.messages == []


def test_only_the_current_code_of_this_browser_can_be_emailed(smtp_app, mailbox, app, client, demo):
    _page, code = _save(client, demo)
    _save(client, demo)  # saving again: the first code no longer works
    client.post(f"/c/{SLUG}/saved/email", data={"email": "resident@example.org", "code": code})
    stranger = app.test_client()
    _save(stranger, demo)
    stranger.post(f"/c/{SLUG}/saved/email", data={"email": "resident@example.org", "code": code})
    assert mailbox.messages == []
