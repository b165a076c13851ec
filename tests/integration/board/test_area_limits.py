"""Who sees what, by role, consultation status and area: a partner account an admin limits to
some areas sees only those areas' figures, on every board page, download and API response,
signed in or with a personal API token; another area is refused politely (issue #16)."""
from datetime import datetime

import pytest

from consult.extensions import db
from consult.services.accounts import api_tokens
from consult.services.summaries import TABLE_KEYS
from tests.integration.board.conftest import Builder

STATUSES = ("draft", "open", "closed", "published")
ROLES = ("admin", "officer", "board", "partner", "limited partner")
CAN_SEE = {
    "partner": {"published"},
    "limited partner": {"published"},
    "board": {"open", "closed", "published"},
    "officer": set(STATUSES),
    "admin": set(STATUSES),
}
PAGES = ("", "matrix", "priorities", "emerging", "trend", "report", "themes/road-safety", "themes/drugs")
API = ("overview", "matrix", "priorities", "emerging", "trend", "themes/road-safety", "themes/drugs")


@pytest.fixture
def surveys(app):
    """One consultation per status over North and South: 6 North respondents writing about road
    safety, 6 South respondents about drug dealing; and a published one covering South only."""
    b = Builder()
    when = datetime(2026, 3, 10, 12)
    for number, status in enumerate(STATUSES):
        consultation = b.consultation(f"survey-{status}", f"The {status} survey", datetime(2026, 3, 1 + number), [b.north, b.south], status=status)
        for i in range(6):
            b.respondent(consultation, b.north, when, f"North answer {i}", [b.road], "Safe", phrases=["speeding cars"])
            b.respondent(consultation, b.south, when, f"South answer {i}", [b.drugs], "Unsafe", phrases=["needles found"])
    elsewhere = b.consultation("south-only", "The Southside survey", datetime(2026, 2, 1), [b.south], status="published")
    for i in range(6):
        b.respondent(elsewhere, b.south, when, f"South only {i}", [b.drugs], "Unsafe")
    db.session.commit()
    return b


def sign_in(auth, role, builder):
    """Sign in as `role` ("limited partner" is a partner an admin limited to North)."""
    if role != "limited partner":
        return auth.login(role)
    user = auth.user("partner", "limited@example.org")
    user.areas = [builder.north]
    db.session.commit()
    auth.login("partner", "limited@example.org")
    return user


def bearer(user):
    _token, secret = api_tokens.create_token(user, "tests", 30)
    return {"Authorization": f"Bearer {secret}"}


def rows(table):
    return [[row[column["key"]] for column in table["columns"]] for row in table["rows"]]


@pytest.mark.parametrize("area", ["North", "South"])
@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_each_status_and_area_only_as_allowed(client, auth, surveys, role, status, area):
    user = sign_in(auth, role, surveys)
    area_id = {"North": surveys.north.id, "South": surveys.south.id}[area]
    visible = status in CAN_SEE[role]
    refused = role == "limited partner" and area == "South"
    page = client.get(f"/board/survey-{status}/?area={area_id}")
    api_path = f"/api/v1/summaries/survey-{status}/overview?area={area_id}"
    session_call = client.get(api_path)
    auth.logout()
    token_call = client.get(api_path, headers=bearer(user))
    for call in (session_call, token_call):
        assert call.mimetype == "application/json"
    if not visible:
        assert page.status_code == session_call.status_code == token_call.status_code == 404
        return
    text = page.get_data(as_text=True)
    if refused:
        assert page.status_code == 200 and "Choose an area from the list" in text
        assert "South" not in text.replace("Southside", "")
        for call in (session_call, token_call):
            assert call.status_code == 400 and call.get_json()["errors"] == {"area": "Choose an area from the list"}
        return
    assert page.status_code == 200 and "Choose an area from the list" not in text
    for call in (session_call, token_call):
        assert call.status_code == 200
        by_area = {label: count for label, count, _share in rows(call.get_json()["responses_by_area"])}
        assert by_area[area] == by_area["All areas"] == 6


@pytest.mark.parametrize("how", ["session", "token"])
def test_a_limited_partner_sees_only_their_areas_figures_everywhere(client, auth, surveys, how):
    user = sign_in(auth, "limited partner", surveys)
    headers = {}
    if how == "token":
        auth.logout()
        headers = bearer(user)
    else:
        for page in PAGES:
            body = client.get(f"/board/survey-published/{page}").get_data(as_text=True)
            assert "South" not in body and "needles" not in body, page
        for key in TABLE_KEYS + ("question-1",):
            download = client.get(f"/board/survey-published/download/{key}.csv")
            assert download.status_code == 200 and "South" not in download.get_data(as_text=True), key
        assert "South" not in client.get("/board/all/matrix").get_data(as_text=True)
    for endpoint in API:
        for scope in ("survey-published", "all"):
            body = client.get(f"/api/v1/summaries/{scope}/{endpoint}", headers=headers).get_data(as_text=True)
            assert "South" not in body and "needles" not in body, (scope, endpoint)
    overview = client.get("/api/v1/summaries/survey-published/overview", headers=headers).get_json()
    assert rows(overview["responses_by_area"]) == [["North", 6, 100.0], ["All areas", 6, 100.0]]
    matrix = client.get("/api/v1/summaries/survey-published/matrix", headers=headers).get_json()
    assert [row[0] for row in rows(matrix["table"])] == ["North", "All areas"]
    quotes = client.get("/api/v1/summaries/survey-published/themes/road-safety", headers=headers).get_json()["quotes"]
    assert quotes and all(quote.startswith("North answer") for quote in quotes)


def test_an_unlimited_partner_sees_every_area_of_a_published_consultation(client, auth, surveys):
    auth.login("partner")
    overview = client.get("/api/v1/summaries/survey-published/overview").get_json()
    assert rows(overview["responses_by_area"]) == [["North", 6, 50.0], ["South", 6, 50.0], ["All areas", 12, 100.0]]


def test_a_consultation_outside_a_limited_partners_areas_is_neither_listed_nor_shown(client, auth, surveys):
    sign_in(auth, "limited partner", surveys)
    assert "Southside" not in client.get("/board/").get_data(as_text=True)
    listed = [c["slug"] for c in client.get("/api/v1/consultations").get_json()["consultations"]]
    assert listed == ["survey-published"]
    assert client.get("/board/south-only/").status_code == 404
    assert client.get("/api/v1/summaries/south-only/overview").status_code == 404


def test_an_admins_new_limit_applies_from_the_next_request(client, auth, surveys):
    user = auth.login("partner")
    assert "South" in client.get("/board/survey-published/").get_data(as_text=True)
    user.areas = [surveys.north]
    db.session.commit()
    assert "South" not in client.get("/board/survey-published/").get_data(as_text=True)
