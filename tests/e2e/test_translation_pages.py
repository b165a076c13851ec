"""An officer translates a consultation's texts in Chromium with axe, and a resident sees them on a phone (issue #18)."""
import pytest

from tests.conftest import AuthActions
from tests.e2e.conftest import axe_violations, open_context, sign_in

pytestmark = pytest.mark.e2e
NEW_TITLE = "Twoje bezpieczeństwo w okolicy: ankieta"


def check(page):
    problems = axe_violations(page)
    assert problems == [], f"{page.url}: " + "; ".join(problems)


def test_officer_translates_a_title_and_a_polish_resident_reads_it(app, demo, live_server, browser):
    officer = AuthActions(app.test_client()).user("officer")
    context = open_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, officer, start=f"/manage/consultations/{demo.slug}")
    page.get_by_role("link", name="Translate its texts").click()
    assert page.locator("h1").inner_text().startswith("Translations of")
    check(page)
    page.get_by_role("link", name="Translate into Polski").click()
    check(page)
    title = page.locator("input.input").first  # the consultation's title comes first
    assert title.get_attribute("lang") == "pl"
    title.fill(NEW_TITLE)
    page.get_by_role("button", name="Save translations").click()
    assert "Translations saved." in page.locator("[role=status]").inner_text()
    check(page)
    context.close()

    context = open_context(browser, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(live_server + "/language/pl?next=/")
    page.get_by_role("link", name=NEW_TITLE).click()
    assert page.get_attribute("html", "lang") == "pl"
    assert page.locator("h1").inner_text() == NEW_TITLE
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    check(page)
    context.close()
