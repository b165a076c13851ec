"""The admins' settings page: the partnership's contact details, checked, saved and logged."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import AuditEvent
from consult.services.partnership.contact import contact_details
from tests.pagecheck import soup


def test_only_admins_change_the_contact_details(client, auth):
    auth.login("officer")
    assert client.get("/manage/settings").status_code == 403
    assert client.post("/manage/settings", data={"email": "a@example.org", "phone": "01900 123456"}).status_code == 403
    assert contact_details().email == ""


def test_admin_saves_contact_details_shown_again_and_logged(client, auth):
    auth.login("admin")
    response = client.post("/manage/settings", data={"email": " Team@Example.org ", "phone": "+44 1900 123 456"})
    assert response.status_code == 302
    assert contact_details() == ("team@example.org", "+44 1900 123 456")
    page = soup(client.get("/manage/settings"))
    assert "Contact details saved." in page.select_one(".notification").get_text()
    assert page.select_one("input#email")["value"] == "team@example.org"
    assert page.select_one("input#phone")["value"] == "+44 1900 123 456"
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "settings.contact_changed"))
    assert event.user.role == "admin"
    # Saved again: still one row of settings.
    client.post("/manage/settings", data={"email": "other@example.org", "phone": "01900 654321"})
    assert contact_details() == ("other@example.org", "01900 654321")


def test_bad_contact_details_get_clear_errors_and_are_kept(client, auth):
    auth.login("admin")
    page = soup(client.post("/manage/settings", data={"email": "not an address", "phone": "call me"}))
    assert page.title.get_text().startswith("Error: Settings")
    assert [a.get_text() for a in page.select(".error-summary a")] == [
        "Enter an email address in the correct format, like name@example.org",
        "Enter a phone number in the correct format, like 01900 123456",
    ]
    assert page.select_one("input#phone")["value"] == "call me"
    blank = soup(client.post("/manage/settings", data={"email": "", "phone": ""}))
    assert [a.get_text() for a in blank.select(".error-summary a")] == ["Enter an email address", "Enter a phone number"]
    assert contact_details() == ("", "")
