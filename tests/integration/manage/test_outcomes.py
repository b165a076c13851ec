"""'You said, we did': written per theme after closing, published, shown to residents as plain text."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import AuditEvent, Theme
from consult.services.consultations.lifecycle import close_consultation, open_consultation
from consult.services.consultations.paper import enter_paper_response
from tests.integration.manage.builder_helpers import answers_for, draft_consultation
from tests.pagecheck import soup


@pytest.fixture
def closed(app):
    consultation = draft_consultation()
    open_consultation(consultation, None)
    enter_paper_response(consultation, answers_for(consultation, text="Drug dealing behind the shops every night"), "k" * 20, None)
    close_consultation(consultation, None)
    return consultation


def _theme(slug):
    return db.session.scalar(sa.select(Theme).where(Theme.slug == slug))


def test_nothing_to_write_before_closing(app, client, auth):
    consultation = draft_consultation()
    open_consultation(consultation, None)
    auth.login("officer")
    assert client.get("/manage/consultations/safer-streets/outcome").status_code == 409


def test_form_lists_themes_most_mentioned_first_with_counts(closed, client, auth):
    auth.login("officer")
    page = soup(client.get("/manage/consultations/safer-streets/outcome"))
    first = page.select_one(".outcome-theme legend").get_text(" ", strip=True)
    assert first.endswith("(1 written answer)")


def test_officer_writes_publishes_and_residents_read_it_escaped(closed, client, auth):
    auth.login("officer")
    drugs = _theme("substance-misuse")
    data = {
        "introduction": "312 people took part. <script>alert(1)</script>",
        f"heard-{drugs.id}": "Dealing behind the shops worries you.",
        f"did-{drugs.id}": "Police will patrol there on Friday nights.",
    }
    response = client.post("/manage/consultations/safer-streets/outcome", data=data)
    assert response.headers["Location"].endswith("/outcome/publish")
    check = client.get("/manage/consultations/safer-streets/outcome/publish").get_data(as_text=True)
    assert "Police will patrol there on Friday nights." in check
    db.session.refresh(closed)
    assert closed.status == "closed" and closed.outcome.published_at is None

    client.post("/manage/consultations/safer-streets/outcome/publish")
    db.session.refresh(closed)
    assert closed.status == "published" and closed.outcome.published_at is not None
    assert "consultation.published" in db.session.scalars(sa.select(AuditEvent.action)).all()

    auth.logout()
    public = client.get("/c/safer-streets")
    body = public.get_data(as_text=True)
    section = soup(public).select_one(".outcome")
    assert section.h2.get_text() == "You said, we did"
    assert section.h3.get_text() == drugs.name
    assert "Police will patrol there on Friday nights." in section.get_text()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body
    listed = soup(client.get("/")).select(".consultation-list a")
    assert [a["href"] for a in listed] == ["/c/safer-streets"]


def test_each_theme_needs_both_what_was_heard_and_what_will_be_done(closed, client, auth):
    auth.login("officer")
    theme = db.session.scalars(sa.select(Theme)).first()
    response = client.post("/manage/consultations/safer-streets/outcome", data={"introduction": "", f"heard-{theme.id}": "Too much litter"})
    page = soup(response)
    assert page.title.get_text().startswith("Error: ")
    assert page.select_one(".error-summary a")["href"] == f"#did-{theme.id}"
    assert page.find(id=f"heard-{theme.id}").get_text() == "Too much litter"
    db.session.refresh(closed)
    assert closed.outcome is None


def test_publishing_an_empty_reply_is_refused(closed, client, auth):
    auth.login("officer")
    response = client.post("/manage/consultations/safer-streets/outcome/publish")
    assert soup(response).title.get_text().startswith("Error: ")
    db.session.refresh(closed)
    assert closed.status == "closed"


def test_unpublished_reply_is_not_shown_to_residents(closed, client, auth):
    auth.login("officer")
    theme = db.session.scalars(sa.select(Theme)).first()
    client.post("/manage/consultations/safer-streets/outcome", data={f"heard-{theme.id}": "Secret draft", f"did-{theme.id}": "Not yet"})
    auth.logout()
    assert "Secret draft" not in client.get("/c/safer-streets").get_data(as_text=True)


@pytest.mark.parametrize("role", ["board", "partner"])
def test_other_roles_cannot_write_or_publish(closed, client, auth, role):
    auth.login(role)
    assert client.get("/manage/consultations/safer-streets/outcome").status_code == 403
    assert client.post("/manage/consultations/safer-streets/outcome/publish").status_code == 403
