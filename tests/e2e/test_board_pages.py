"""A board member signs in and reads the summaries in Chromium, with axe-core on each page."""
import random

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Theme
from consult.services.demo.seed import add_synthetic_responses
from tests.conftest import AuthActions
from tests.e2e.conftest import axe_violations, open_context

pytestmark = pytest.mark.e2e


def check(page):
    problems = axe_violations(page)
    assert problems == [], f"{page.url}: " + "; ".join(problems)


def test_board_member_reads_overview_matrix_drilldown_and_report(app, demo, live_server, browser):
    add_synthetic_responses(demo, 120, random.Random(5))
    user = AuthActions(app.test_client()).user("board")
    theme = db.session.scalar(sa.select(Theme).where(Theme.slug == "antisocial-behaviour"))
    area = demo.areas[0]
    context = open_context(browser, viewport={"width": 1024, "height": 900})
    page = context.new_page()

    page.goto(live_server + "/board/")
    assert "/auth/login" in page.url
    page.fill("#email", user.email)
    page.fill("#password", AuthActions.PASSWORD)
    page.locator("button[type=submit]").click()
    assert page.url.endswith("/board/")
    check(page)

    for path in ("", "matrix?sort=antisocial-behaviour&dir=desc", f"themes/{theme.slug}?area={area.id}", "trend", "report"):
        page.goto(f"{live_server}/board/{demo.slug}/{path}")
        assert page.locator("h1").count() == 1
        check(page)
    page.goto(f"{live_server}/board/{demo.slug}/")
    page.locator("details.filters summary").click()
    check(page)
    context.close()


def test_the_executive_summary_is_the_first_page_and_axe_clean_at_1280px(app, demo, live_server, browser):
    add_synthetic_responses(demo, 60, random.Random(7))
    user = AuthActions(app.test_client()).user("board")
    context = open_context(browser, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(live_server + "/auth/login")
    page.fill("#email", user.email)
    page.fill("#password", AuthActions.PASSWORD)
    page.locator("button[type=submit]").click()
    page.goto(live_server + "/board/")
    page.get_by_role("link", name=demo.title).click()
    assert page.locator("h1").inner_text() == "Executive summary"
    assert page.locator("#summary-representative tbody tr").count() == len(demo.areas)
    check(page)
    # Nothing on the summary is wider than the page at 1280px.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
