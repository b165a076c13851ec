"""'Tell me when the results are published': given on the thank-you page, kept apart, used once, then deleted."""
import re

import sqlalchemy as sa

from consult.extensions import db
from consult.models import OutboxMessage, ResultsSubscription, Theme
from consult.services.consultations.lifecycle import close_consultation
from tests.integration.public.survey_helpers import complete_survey
from tests.pagecheck import soup

SLUG = "community-safety-survey"


def _subscribe(client, email="Resident@Example.org"):
    return client.post(f"/c/{SLUG}/results-email", data={"email": email})


def _publish(client, auth, consultation):
    close_consultation(consultation, None)
    auth.login("officer")
    drugs = db.session.scalar(sa.select(Theme).where(Theme.slug == "substance-misuse"))
    client.post(f"/manage/consultations/{SLUG}/outcome", data={f"heard-{drugs.id}": "Dealing worries you.", f"did-{drugs.id}": "More patrols."})
    return client.post(f"/manage/consultations/{SLUG}/outcome/publish")


def test_thank_you_page_offers_the_results_email_with_plain_consent_text(client, demo):
    complete_survey(client, demo)
    page = soup(client.get(f"/c/{SLUG}/done"))
    form = page.select_one(f"form[action='/c/{SLUG}/results-email']")
    assert form is not None and form.select_one("label[for=email]").get_text(" ", strip=True) == "Your e-mail address (optional)"
    text = page.get_text(" ", strip=True)
    assert "one e-mail when the results are published, then delete your address" in text
    assert "nothing linking the two" in text and "withdraw" in text


def test_address_is_kept_apart_then_used_once_when_results_are_published(smtp_app, mailbox, client, auth, demo):
    complete_survey(client, demo)
    page = soup(_subscribe(client))
    assert page.h1.get_text() == "We will tell you when the results are published"
    [confirmation] = mailbox.to("resident@example.org")
    assert "/results-email/stop/" in confirmation["List-Unsubscribe"]
    [row] = db.session.scalars(sa.select(ResultsSubscription)).all()
    # Nothing in the row points at the response: no id, no receipt code, only the day (and the
    # page language, for the e-mail's wording).
    assert set(ResultsSubscription.__table__.columns.keys()) == {"key", "consultation_id", "email", "given_on", "language"}
    assert not row.key.isdigit()

    response = _publish(client, auth, demo)
    assert response.status_code == 302
    [results] = [message for message in mailbox.to("resident@example.org") if message["Subject"].startswith("The results are published")]
    assert "http://localhost/c/community-safety-survey" in results.get_content()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ResultsSubscription)) == 0
    client.post(f"/manage/consultations/{SLUG}/outcome/publish")  # published again: nobody is told twice
    assert len(mailbox.to("resident@example.org")) == 2


def test_the_same_address_twice_is_kept_once(client, demo):
    complete_survey(client, demo)
    _subscribe(client)
    _subscribe(client, " resident@example.ORG ")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ResultsSubscription)) == 1


def test_unsubscribe_link_deletes_the_address_in_one_click(smtp_app, mailbox, client, auth, demo):
    complete_survey(client, demo)
    stop = soup(_subscribe(client)).find("a", string="Delete my e-mail address now")["href"]
    emailed = re.search(r"http://localhost(/results-email/stop/\S+)", mailbox.messages[0].get_content()).group(1)
    assert emailed == stop
    page = soup(client.get(stop))
    assert page.h1.get_text() == "Your e-mail address has been deleted"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ResultsSubscription)) == 0
    assert client.get(stop).status_code == 200  # a second click is fine
    _publish(client, auth, demo)
    assert [message["Subject"] for message in mailbox.messages if message["Subject"].startswith("The results are published")] == []


def test_a_tampered_unsubscribe_link_is_refused_politely(client, demo):
    complete_survey(client, demo)
    stop = soup(_subscribe(client)).find("a", string="Delete my e-mail address now")["href"]
    response = client.get(stop[:-3] + "xyz")
    assert response.status_code == 404 and soup(response).h1.get_text() == "This link does not work"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ResultsSubscription)) == 1


def test_a_wrong_address_is_explained_on_the_thank_you_page(client, demo):
    complete_survey(client, demo)
    response = _subscribe(client, "not an address")
    page = soup(response)
    assert response.status_code == 400
    assert page.title.get_text().startswith("Error: ")
    assert [link.get_text() for link in page.select(".error-summary a")] == ["Enter an email address in the correct format, like name@example.org"]
    assert page.select_one("#email")["value"] == "not an address"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ResultsSubscription)) == 0


def test_only_someone_who_has_just_answered_can_give_an_address(client, demo):
    response = _subscribe(client)
    assert response.status_code == 302 and response.headers["Location"] == f"/c/{SLUG}"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ResultsSubscription)) == 0


def test_giving_an_address_is_rate_limited_like_other_public_posts(database_url, demo):
    from tests.conftest import make_app

    limited = make_app(database_url, SUBMIT_RATE_LIMIT="2 per minute").test_client()
    statuses = [limited.post(f"/c/{SLUG}/results-email", data={"email": "a@example.org"}).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]


def test_publishing_from_a_service_call_still_tells_residents(app, client, demo):
    from consult.services.consultations.outcomes import publish_outcome, save_outcome

    app.config["PUBLIC_BASE_URL"] = "https://haveyoursay.example.org"
    complete_survey(client, demo)
    _subscribe(client)
    close_consultation(demo, None)
    drugs = db.session.scalar(sa.select(Theme).where(Theme.slug == "substance-misuse"))
    save_outcome(demo, "", {drugs.id: ("Dealing worries you.", "More patrols.")}, None)
    publish_outcome(demo, None)
    [told] = db.session.scalars(sa.select(OutboxMessage).where(OutboxMessage.kind == "results_published")).all()
    assert "https://haveyoursay.example.org/c/community-safety-survey" in told.body_text
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ResultsSubscription)) == 0
