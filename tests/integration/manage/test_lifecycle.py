"""Draft -> open -> closed: confirmation pages, the rules for opening, and closing by date."""
from datetime import timedelta

import sqlalchemy as sa

from consult.extensions import db
from consult.models import AuditEvent, utcnow
from consult.services.consultations.lifecycle import open_consultation, stage, sync_statuses
from tests.integration.manage.builder_helpers import draft_consultation
from tests.pagecheck import soup


def _actions():
    return db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()


def test_officer_opens_a_draft_after_a_confirmation_page(app, client, auth):
    consultation = draft_consultation()
    auth.login("officer")
    page = client.get("/manage/consultations/safer-streets/open")
    assert "Once the first person answers, the questions cannot change" in page.get_data(as_text=True)
    assert consultation.status == "draft"
    response = client.post("/manage/consultations/safer-streets/open")
    assert response.status_code == 302
    db.session.refresh(consultation)
    assert consultation.status == "open" and consultation.opens_at is not None
    assert consultation.accepting_responses()
    assert "consultation.opened" in _actions()
    assert client.get("/c/safer-streets").status_code == 200


def test_a_draft_without_questions_cannot_open(app, client, auth):
    consultation = draft_consultation(with_questions=False)
    auth.login("officer")
    overview = client.get("/manage/consultations/safer-streets").get_data(as_text=True)
    assert "Add at least one question." in overview
    refused = client.post("/manage/consultations/safer-streets/open")
    assert refused.status_code == 200
    assert soup(refused).title.get_text().startswith("Error: ")
    db.session.refresh(consultation)
    assert consultation.status == "draft"


def test_an_open_consultation_with_a_later_opening_date_is_scheduled(app):
    consultation = draft_consultation()
    consultation.opens_at = utcnow() + timedelta(days=2)
    db.session.commit()
    open_consultation(consultation, None)
    assert stage(consultation) == "scheduled" and not consultation.accepting_responses()
    assert stage(consultation, utcnow() + timedelta(days=3)) == "open"


def test_officer_closes_early_and_residents_see_the_closed_page(app, client, auth):
    consultation = draft_consultation()
    open_consultation(consultation, None)
    auth.login("officer")
    assert "Close “Safer streets” now" in client.get("/manage/consultations/safer-streets/close").get_data(as_text=True)
    client.post("/manage/consultations/safer-streets/close")
    db.session.refresh(consultation)
    assert consultation.status == "closed" and consultation.closes_at <= utcnow()
    auth.logout()
    assert "Safer streets: this consultation has closed" in client.get("/c/safer-streets").get_data(as_text=True)


def test_closing_an_already_closed_consultation_just_goes_back(app, client, auth):
    consultation = draft_consultation()
    consultation.status = "closed"
    db.session.commit()
    auth.login("officer")
    assert client.post("/manage/consultations/safer-streets/close").status_code == 302
    assert client.post("/manage/consultations/safer-streets/open").status_code == 302
    db.session.refresh(consultation)
    assert consultation.status == "closed"


def test_sync_closes_open_consultations_past_their_closing_date_only(app):
    due = draft_consultation("due")
    running = draft_consultation("running")
    for consultation in (due, running):
        open_consultation(consultation, None)
    due.closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert [c.slug for c in sync_statuses()] == ["due"]
    assert (due.status, running.status) == ("closed", "open")
    assert sync_statuses() == []


def test_cli_sync_closes_by_date_and_the_dashboard_shows_it_closed_without_writing(app, runner, client, auth):
    consultation = draft_consultation()
    open_consultation(consultation, None)
    consultation.closes_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    result = runner.invoke(args=["consultations", "sync"])
    assert result.exit_code == 0 and "Closed safer-streets" in result.output
    assert "No consultation needed closing." in runner.invoke(args=["consultations", "sync"]).output

    other = draft_consultation("later")
    open_consultation(other, None)
    other.closes_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    auth.login("officer")
    page = client.get("/manage/").get_data(as_text=True)
    db.session.refresh(other)
    assert other.status == "open"  # a page view writes nothing: residents meet it closed by its date
    assert "tell residents what happens next" in page
    assert client.get("/manage/consultations/later/outcome").status_code == 200


def test_status_changes_need_the_page_csrf_token(app, database_url):
    from tests.conftest import AuthActions, make_app

    consultation = draft_consultation()
    user = AuthActions(app.test_client()).user("officer")
    client = make_app(database_url, WTF_CSRF_ENABLED=True).test_client()
    token = soup(client.get("/auth/login")).find("input", attrs={"name": "csrf_token"})["value"]
    client.post("/auth/login", data={"email": user.email, "password": AuthActions.PASSWORD, "csrf_token": token})
    assert client.post("/manage/consultations/safer-streets/open").status_code == 400
    db.session.refresh(consultation)
    assert consultation.status == "draft"
    page = soup(client.get("/manage/consultations/safer-streets/open"))
    token = page.find("input", attrs={"name": "csrf_token"})["value"]
    assert client.post("/manage/consultations/safer-streets/open", data={"csrf_token": token}).status_code == 302
    db.session.refresh(consultation)
    assert consultation.status == "open"
