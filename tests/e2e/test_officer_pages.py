"""The theme editor (term help, every problem at once, re-analysis progress) and a safeguarding flag's
level change, in Chromium with axe on each page."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Job, Answer
from tests.conftest import AuthActions
from tests.e2e.conftest import axe_violations, landed, open_context, sign_in
from tests.integration.manage.answer_helpers import text_answer

pytestmark = pytest.mark.e2e


def _check(page):
    landed(page)
    problems = axe_violations(page)
    assert problems == [], f"{page.url}: " + "; ".join(problems)


def test_theme_editor_and_flag_level_change(app, demo, live_server, browser):
    admin = AuthActions(app.test_client()).user("admin")
    context = open_context(browser, viewport={"width": 375, "height": 800})
    page = context.new_page()
    sign_in(page, live_server, admin)

    page.goto(live_server + "/manage/themes/new")
    page.get_by_text("How to write terms, with examples").click()
    assert page.locator("#term-syntax table").is_visible()
    _check(page)
    page.get_by_label("Short name").fill("dog-fouling")
    page.get_by_label("Name", exact=True).fill("Dog fouling")
    page.get_by_label("Terms").fill("dog mess\nman +\nanti*social")
    page.get_by_role("button", name="Save theme").click()
    assert page.title().startswith("Error: ")
    assert page.locator(".error-summary li").count() == 2
    _check(page)
    page.get_by_label("Terms").fill("dog mess\ndog poo")
    page.get_by_role("button", name="Save theme").click()
    _check(page)
    page.get_by_role("button", name="Re-analyse answers now").click()
    assert "/manage/themes/reanalyse/" in page.url
    assert "Re-analysed" in page.locator(".job-progress").inner_text()
    _check(page)
    assert db.session.scalar(sa.select(Job.status)) == "done"

    # Made after the re-analysis, which would have judged this made-up text afresh.
    flag = text_answer("A made-up worry about home", level="concern", reasons=["fear at home"], age_minutes=200)

    page.goto(live_server + "/manage/safeguarding")
    assert "waiting 3 hours" in page.locator("td.waiting").first.inner_text()
    _check(page)
    page.get_by_role("link", name=f"Flag {flag.id}").click()
    page.get_by_label("Urgent", exact=True).check()
    page.get_by_label("Why are you changing the level?").fill("Spoke to the school: the risk is now")
    page.get_by_role("button", name="Change level").click()
    assert "changed from concern to urgent" in page.locator(".notification").inner_text()
    assert "Reason: Spoke to the school" in page.locator(".action-history").inner_text()
    _check(page)
    db.session.expire_all()
    assert db.session.get(Answer, flag.id).safeguarding_level == "urgent"
    context.close()
