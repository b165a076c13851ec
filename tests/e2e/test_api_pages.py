"""A partner makes an API token and reads the API page in Chromium, with axe-core on each page."""
import pytest

from tests.conftest import AuthActions
from tests.e2e.conftest import axe_violations, open_context

pytestmark = pytest.mark.e2e


def check(page):
    problems = axe_violations(page)
    assert problems == [], f"{page.url}: " + "; ".join(problems)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_partner_makes_a_token_and_reads_the_api_page(app, live_server, browser, width):
    user = AuthActions(app.test_client()).user("partner")
    context = open_context(browser, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_server + "/account/api-tokens")
    page.fill("#email", user.email)
    page.fill("#password", AuthActions.PASSWORD)
    page.locator("button[type=submit]").click()
    assert page.url.endswith("/account/api-tokens")
    check(page)

    page.locator("button", has_text="Create token").click()
    assert page.locator(".error-summary").is_visible()
    check(page)
    page.fill("#name", "Analysts' dashboard")
    page.locator("label", has_text="90 days").click()
    page.locator("button", has_text="Create token").click()
    assert page.locator(".link-to-send code").inner_text().startswith("consult_")
    check(page)

    page.goto(live_server + "/account/api-tokens")
    assert page.locator("tbody tr").count() == 1
    check(page)
    page.locator("nav[aria-label=Board] a", has_text="API").first.click()
    assert page.url.endswith("/api/v1/docs")
    check(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
