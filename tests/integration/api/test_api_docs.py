"""The API page for people: rendered by Consult from its own OpenAPI document, no script, no CDN."""
from consult.api.openapi import openapi_document
from tests.pagecheck import soup


def test_the_api_page_describes_every_endpoint_from_the_openapi_document(client, auth):
    auth.login("partner")
    response = client.get("/api/v1/docs")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = soup(response)
    document = openapi_document()
    headings = [h.get_text() for h in page.select(".api-endpoint h3")]
    assert headings == [f"GET {path}" for path in document["paths"]]
    overview = page.select_one("#endpoint-summaries-scope-overview")
    assert [th.get_text() for th in overview.select("table")[0].select("tbody th")] == ["scope", "area", "from", "to", "channel", "option", "source"]
    assert "401" in [th.get_text() for th in overview.select("table")[1].select("tbody th")]
    example = page.select_one(".code-example").get_text()
    assert example.startswith('curl -H "Authorization: Bearer consult_') and example.endswith("/api/v1/consultations")
    assert page.select_one("a[href='/account/api-tokens']") and page.select_one("a[href='/api/v1/openapi.json']")


def test_the_api_page_loads_nothing_from_elsewhere_and_runs_no_script(client, auth):
    auth.login("board")
    page = soup(client.get("/api/v1/docs"))
    assert page.find("script") is None
    sources = [tag.get("src") or tag.get("href") for tag in page.find_all(["link", "img", "script"])]
    assert all(not source.startswith(("http:", "https:", "//")) for source in sources if source)


def test_anonymous_visitors_are_sent_to_sign_in_for_the_api_page(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 302 and response.headers["Location"].startswith("/auth/login")


def test_the_api_index_and_the_tokens_page_link_to_the_api_page(client, auth):
    auth.login("board")
    assert client.get("/api/v1/").get_json()["docs"] == "/api/v1/docs"
    assert soup(client.get("/account/api-tokens")).select_one("main a[href='/api/v1/docs']")
