"""Areas: officers and admins enter each area's population; bad figures are explained politely."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Area, AuditEvent
from tests.pagecheck import soup


@pytest.fixture
def area(app):
    area = Area(name="Northtown", postcode_districts="NT1")
    db.session.add(area)
    db.session.commit()
    return area


@pytest.mark.parametrize("role", ("officer", "admin"))
def test_staff_enter_a_population_and_it_is_listed_and_logged(client, auth, area, role):
    auth.login(role)
    page = soup(client.get("/manage/areas"))
    assert "not entered" in page.select_one("tbody tr").get_text()
    response = client.post(f"/manage/areas/{area.id}", data={"population": "12,500"})
    assert response.headers["Location"] == "/manage/areas"
    db.session.refresh(area)
    assert area.population == 12500
    assert "12,500" in soup(client.get("/manage/areas")).select_one("tbody tr").get_text()
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "area.updated"))
    assert event.detail == {"population_before": None, "population": 12500}


def test_a_blank_population_means_not_known(client, auth, area):
    area.population = 900
    db.session.commit()
    auth.login("officer")
    assert soup(client.get(f"/manage/areas/{area.id}")).select_one("#population")["value"] == "900"
    client.post(f"/manage/areas/{area.id}", data={"population": "  "})
    db.session.refresh(area)
    assert area.population is None


@pytest.mark.parametrize("text, message", [
    ("12.5", "whole number"),
    ("lots", "whole number"),
    ("-3", "whole number"),
    ("0", "between 1 and 10,000,000"),
    ("10000001", "between 1 and 10,000,000"),
])
def test_bad_populations_are_explained_and_kept(client, auth, area, text, message):
    auth.login("officer")
    response = client.post(f"/manage/areas/{area.id}", data={"population": text})
    assert response.status_code == 200
    page = soup(response)
    assert message in page.select_one(".error-summary a").get_text()
    assert page.select_one("title").get_text().startswith("Error: ")
    assert page.select_one("#population")["value"] == text
    db.session.refresh(area)
    assert area.population is None


def test_board_members_and_partners_cannot_edit_areas(client, auth, area):
    for role in ("board", "partner"):
        auth.login(role)
        assert client.get("/manage/areas").status_code in (302, 403)
        assert client.post(f"/manage/areas/{area.id}", data={"population": "5"}).status_code in (302, 403)
        auth.logout()
    assert db.session.get(Area, area.id).population is None


def test_an_unknown_area_is_not_found(client, auth):
    auth.login("officer")
    assert client.get("/manage/areas/999").status_code == 404
