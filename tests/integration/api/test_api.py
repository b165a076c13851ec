"""The read-only JSON API: same figures as the pages, suppression applied, every route documented."""
import json
import re

import pytest

from tests.integration.board.conftest import RAW_TOKEN, REDACTED_TOKEN, build_board_fixture

FEWER = "fewer than 5"
HIDDEN = "not shown"  # hidden by secondary suppression: not small itself


@pytest.fixture
def board_data(app):
    return build_board_fixture()


def rows(table):
    return [[row[column["key"]] for column in table["columns"]] for row in table["rows"]]


def test_anonymous_callers_get_401_with_a_json_body_not_a_redirect(client, board_data):
    for path in ("/api/v1/", "/api/v1/summaries/board-test/matrix"):
        response = client.get(path)
        assert response.status_code == 401 and response.mimetype == "application/json"
        assert response.get_json()["error"] == "Unauthorized"


def test_the_api_answers_with_an_index_of_its_resources(client, auth, board_data):
    auth.login("partner")
    body = client.get("/api/v1/").get_json()
    assert body["openapi"] == "/api/v1/openapi.json"
    assert body["resources"]["consultations"] == "/api/v1/consultations"
    assert body["resources"]["overview"] == "/api/v1/summaries/{scope}/overview"
    for template in body["resources"].values():
        path = template.replace("{scope}", "all").replace("{theme_slug}", "road-safety")
        assert client.get(path).status_code in (200, 404), path


@pytest.mark.parametrize("role", ["admin", "officer", "board", "partner"])
def test_every_board_role_may_read(client, auth, board_data, role):
    auth.login(role)
    assert client.get("/api/v1/consultations").status_code == 200


def test_consultations_are_listed(client, auth, board_data):
    auth.login("board")
    found = client.get("/api/v1/consultations").get_json()["consultations"]
    assert [c["slug"] for c in found] == ["board-test", "board-earlier"]


def test_matrix_has_the_hand_checked_figures(client, auth, board_data):
    auth.login("board")
    body = client.get("/api/v1/summaries/board-test/matrix").get_json()
    assert "two-proportion z-test" in body["test"]
    assert [t["slug"] for t in body["themes"]] == ["road-safety", "drugs"]
    assert rows(body["table"]) == [
        ["North", 20, 12, 60.0, 1.2, "", FEWER, None, None, ""],
        ["South", 15, FEWER, None, None, "", 9, 60.0, 1.71, "higher"],
        ["West", 5, HIDDEN, None, None, "", FEWER, None, None, ""],
        ["All areas", 40, 20, 50.0, 1.0, "", 14, 35.0, 1.0, ""],
    ]


def test_overview_with_a_filter(client, auth, board_data):
    auth.login("board")
    south = board_data["builder"].south.id
    body = client.get(f"/api/v1/summaries/board-test/overview?area={south}").get_json()
    assert body["filters"] == {"area": south}
    assert rows(body["closed_questions"][0]) == [["Safe", 7, 46.7], ["Unsafe", HIDDEN, None], ["Don't know", FEWER, None]]
    assert rows(body["responses_by_channel"])[-1] == ["All channels", 15, 100.0]


def test_drilldown_quotes_only_redacted_text(client, auth, board_data):
    auth.login("board")
    north = board_data["builder"].north.id
    response = client.get(f"/api/v1/summaries/board-test/themes/road-safety?area={north}")
    body = response.get_json()
    assert body["answers"] == 13
    assert rows(body["sentiment"]) == [["Negative", HIDDEN, None], ["Neutral", FEWER, None], ["Positive", 5, 38.5]]
    # "North road 4 ..." says what "North road 5 ..." says but for a number: quoted once (issue 16).
    assert body["quotes"] == ["North road 5 SHOWNOKAPI", "North road extra SHOWNOKAPI"]
    assert RAW_TOKEN not in response.get_data(as_text=True)


def test_no_api_output_contains_raw_text(client, auth, board_data):
    auth.login("board")
    north = board_data["builder"].north.id
    bodies = [
        client.get(url).get_data(as_text=True)
        for url in (
            "/api/v1/summaries/board-test/overview",
            "/api/v1/summaries/all/matrix",
            "/api/v1/summaries/board-test/priorities",
            f"/api/v1/summaries/all/themes/road-safety?area={north}",
            "/api/v1/summaries/board-test/emerging",
            "/api/v1/summaries/board-test/trend",
        )
    ]
    assert all(RAW_TOKEN not in body for body in bodies)
    assert REDACTED_TOKEN in "".join(bodies), "the drill-down quotes redacted text"


def test_emerging_priorities_and_trend(client, auth, board_data):
    auth.login("board")
    emerging = client.get("/api/v1/summaries/board-test/emerging").get_json()
    assert emerging["answers"] == 10 and rows(emerging["table"]) == [["broken lights", 10]]
    priorities = rows(client.get("/api/v1/summaries/board-test/priorities").get_json()["table"])
    assert ["South", 1, "Drug dealing", 9, 60.0, 10.0, "Earlier survey"] in priorities
    trend = client.get("/api/v1/summaries/board-test/trend").get_json()
    assert rows(trend["by_month"]) == [["2026-03", 20, 12, 60.0, FEWER, None], ["2026-04", 20, 8, 40.0, HIDDEN, None]]


def test_bad_filters_and_unknown_names_get_json_errors(client, auth, board_data):
    auth.login("board")
    bad = client.get("/api/v1/summaries/board-test/matrix?channel=fax&to=soon")
    assert bad.status_code == 400
    assert bad.get_json()["errors"] == {"channel": "Choose web, paper or import", "to": "Enter a real date in the form YYYY-MM-DD, for example 2026-11-01"}
    missing = client.get("/api/v1/summaries/nope/matrix")
    assert missing.status_code == 404 and missing.get_json()["error"] == "Not Found"


def test_openapi_documents_every_api_route(app, client, auth):
    auth.login("board")
    response = client.get("/api/v1/openapi.json")
    document = json.loads(response.get_data(as_text=True))
    assert document["openapi"].startswith("3.")
    documented = set(document["paths"])
    routes = {
        re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
    }
    assert routes == documented
    for path, item in document["paths"].items():
        names = {p["name"] for p in item["get"]["parameters"] if p["in"] == "path"}
        assert names == set(re.findall(r"{(\w+)}", path)), path
    refs = re.findall(r'"#/components/schemas/(\w+)"', json.dumps(document))
    assert set(refs) <= set(document["components"]["schemas"])
