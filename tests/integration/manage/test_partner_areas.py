"""Admins limit a partner account to some areas on the user's page; each change is audit-logged."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Area, AuditEvent
from tests.pagecheck import soup


def make_areas():
    areas = [Area(name=name, postcode_districts="") for name in ("Cleator Moor", "Maryport", "Whitehaven")]
    db.session.add_all(areas)
    db.session.commit()
    return areas


def test_an_admin_limits_a_partner_to_some_areas_and_it_is_audit_logged(client, auth):
    cleator, maryport, whitehaven = make_areas()
    partner = auth.user("partner")
    admin = auth.login("admin")
    page = soup(client.get(f"/manage/users/{partner.id}"))
    assert [label.get_text() for label in page.select("input[name=areas] + label")] == ["Cleator Moor", "Maryport", "Whitehaven"]
    response = client.post(f"/manage/users/{partner.id}/areas", data={"areas": [str(whitehaven.id), str(maryport.id)]})
    assert response.status_code == 302
    db.session.refresh(partner)
    assert [area.name for area in partner.areas] == ["Maryport", "Whitehaven"]
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "user.areas_changed"))
    assert event.user_id == admin.id and event.target == f"user:{partner.id}"
    assert event.detail == {"old": [], "new": ["Maryport", "Whitehaven"]}
    checked = soup(client.get(f"/manage/users/{partner.id}")).select("input[name=areas][checked]")
    assert [box["value"] for box in checked] == [str(maryport.id), str(whitehaven.id)]
    assert "Partner agency (Maryport, Whitehaven only)" in client.get("/manage/users").get_data(as_text=True)

    client.post(f"/manage/users/{partner.id}/areas", data={})
    db.session.refresh(partner)
    assert partner.areas == []
    events = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "user.areas_changed").order_by(AuditEvent.id)).all()
    assert events[-1].detail == {"old": ["Maryport", "Whitehaven"], "new": []}


def test_an_unknown_area_is_refused_politely(client, auth):
    make_areas()
    partner = auth.user("partner")
    auth.login("admin")
    for value in ("99999", "north"):
        page = soup(client.post(f"/manage/users/{partner.id}/areas", data={"areas": value}))
        assert page.select_one(".error-summary a[href='#areas']").get_text() == "Choose areas from the list"
        assert page.title.get_text().startswith("Error: ")
    db.session.refresh(partner)
    assert partner.areas == []


def test_only_partner_accounts_offer_an_area_limit(client, auth):
    area, *_ = make_areas()
    board = auth.user("board")
    auth.login("admin")
    assert not soup(client.get(f"/manage/users/{board.id}")).select("input[name=areas]")
    response = client.post(f"/manage/users/{board.id}/areas", data={"areas": str(area.id)}, follow_redirects=True)
    assert "Only a partner agency" in soup(response).select_one(".notification").get_text()
    db.session.refresh(board)
    assert board.areas == []


def test_only_admins_limit_areas(client, auth):
    area, *_ = make_areas()
    partner = auth.user("partner")
    auth.login("officer")
    assert client.post(f"/manage/users/{partner.id}/areas", data={"areas": str(area.id)}).status_code == 403
    db.session.refresh(partner)
    assert partner.areas == []
