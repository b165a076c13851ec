"""The theme editor: admins change names, terms and use, add themes, and re-analyse answers."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import AuditEvent, Theme
from tests.integration.manage.answer_helpers import text_answer
from tests.pagecheck import soup


def test_officers_cannot_edit_themes(client, auth):
    auth.login("officer")
    assert client.get("/manage/themes").status_code == 403
    assert client.post("/manage/themes/reanalyse").status_code == 403


def test_list_fills_the_default_themes(client, auth):
    auth.login("admin")
    page = soup(client.get("/manage/themes"))
    assert len(page.select("tbody tr")) == db.session.scalar(sa.select(sa.func.count(Theme.id))) > 3


def test_editing_a_theme_saves_and_logs_what_changed(client, auth):
    auth.login("admin")
    client.get("/manage/themes")
    theme = db.session.scalars(sa.select(Theme).order_by(Theme.position)).first()
    page = soup(client.get(f"/manage/themes/{theme.slug}"))
    assert page.select_one("#name")["value"] == theme.name
    response = client.post(f"/manage/themes/{theme.slug}", data={"name": "Renamed", "description": "", "terms": "alpha\n\n beta \nalpha"})
    assert response.headers["Location"] == "/manage/themes"
    db.session.refresh(theme)
    assert (theme.name, theme.terms, theme.active) == ("Renamed", ["alpha", "beta"], False)
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "theme.updated"))
    assert event.detail == {"changed": ["name", "description", "terms", "active"]}


def test_bad_theme_input_is_explained(client, auth):
    auth.login("admin")
    client.get("/manage/themes")
    theme = db.session.scalars(sa.select(Theme)).first()
    page = soup(client.post(f"/manage/themes/{theme.slug}", data={"name": " ", "terms": "x", "active": "y"}))
    assert page.select_one(".error-summary a").get_text() == "Enter a name for the theme"
    page = soup(client.post(f"/manage/themes/{theme.slug}", data={"name": "Fine", "terms": "", "active": "y"}))
    assert page.select_one(".error-summary a").get_text() == "Enter at least one term, or make the theme inactive"


def test_adding_a_theme_checks_the_slug(client, auth):
    auth.login("admin")
    client.get("/manage/themes")
    existing = db.session.scalars(sa.select(Theme)).first()
    for slug, message in [("Dog Fouling!", "lower-case letters"), (existing.slug, "already a theme")]:
        page = soup(client.post("/manage/themes/new", data={"slug": slug, "name": "Dog fouling", "terms": "dog mess", "active": "y"}))
        assert message in page.select_one(".error-summary a").get_text()
    response = client.post("/manage/themes/new", data={"slug": "dog-fouling", "name": "Dog fouling", "terms": "dog mess\ndog poo", "active": "y"})
    assert response.headers["Location"] == "/manage/themes"
    added = db.session.scalar(sa.select(Theme).where(Theme.slug == "dog-fouling"))
    assert added.terms == ["dog mess", "dog poo"] and added.active
    assert db.session.scalar(sa.select(AuditEvent.target).where(AuditEvent.action == "theme.created")) == "theme:dog-fouling"


def test_reanalyse_applies_a_new_theme_to_stored_answers(client, auth):
    answer = text_answer("There is dog mess all over the path by the school")
    auth.login("admin")
    client.post("/manage/themes/new", data={"slug": "dog-fouling", "name": "Dog fouling", "terms": "dog mess", "active": "y"})
    response = client.post("/manage/themes/reanalyse")
    assert response.headers["Location"] == "/manage/themes"
    assert "Re-analysed 1 written answer with the current themes" in client.get("/manage/themes").get_data(as_text=True)
    db.session.refresh(answer)
    assert "dog-fouling" in [tag.theme.slug for tag in answer.themes if tag.source == "auto"]
    assert db.session.scalar(sa.select(AuditEvent.detail).where(AuditEvent.action == "theme.retagged")) == {"answers": 1}
