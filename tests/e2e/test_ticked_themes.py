"""An officer links a choice to a theme; a board member reads each source of a theme (issue 16), axe-clean."""
import random

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Question
from consult.services.demo.seed import add_synthetic_responses
from tests.conftest import AuthActions
from tests.e2e.conftest import axe_violations, open_context, sign_in

pytestmark = pytest.mark.e2e


def check(page):
    problems = axe_violations(page)
    assert problems == [], f"{page.url}: " + "; ".join(problems)


def test_officer_links_a_choice_and_the_board_shows_each_source(app, demo, live_server, browser):
    add_synthetic_responses(demo, 60, random.Random(3))
    problems = db.session.scalar(sa.select(Question).where(Question.title == "Which of these problems affect your area?"))
    officer = AuthActions(app.test_client()).user("officer")
    board = AuthActions(app.test_client()).user("board", email="board-e2e@example.org")
    context = open_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()

    sign_in(page, live_server, officer, f"/manage/consultations/{demo.slug}")
    page.get_by_role("link", name="Link answers to themes for question 3").click()
    assert page.locator("h1").inner_text() == "Link the answers to question 3 to themes"
    check(page)
    page.get_by_label("‘Hate crime’ counts towards theme").select_option(label="(none)")
    page.get_by_role("button", name="Save links").click()
    assert page.url.endswith(f"/manage/consultations/{demo.slug}#questions")
    db.session.expire_all()
    assert next(o for o in db.session.get(Question, problems.id).options if o.label == "Hate crime").theme_id is None
    context.clear_cookies()

    sign_in(page, live_server, board, f"/board/{demo.slug}/matrix")
    check(page)
    page.locator("details.filters summary").click()
    page.select_option("#source", "ticked")
    page.get_by_role("button", name="Apply filters").click()
    assert "source=ticked" in page.url
    assert "Only ticked options count here" in page.content()
    check(page)
    page.goto(f"{live_server}/board/{demo.slug}/priorities")
    assert page.locator(".comparison-note").count() == 1
    check(page)
    context.close()
