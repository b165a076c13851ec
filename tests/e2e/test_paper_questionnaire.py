"""The paper questionnaire printed by Chromium to an A4 PDF: it fits the page and carries every question."""
import re

import pytest

from tests.conftest import AuthActions
from tests.e2e.conftest import axe_violations, landed, open_context
from tests.e2e.pdf_text import pdf_pages_and_text

pytestmark = pytest.mark.e2e

# A4 is 210 mm wide; the print stylesheet leaves 15 mm margins, so 180 mm (680 CSS px) to print on.
PRINTABLE_WIDTH = 680


def _squashed(text):
    return re.sub(r"\s+", "", text)


def test_paper_questionnaire_prints_on_a4_with_every_question_and_is_accessible_on_screen(app, demo, live_server, browser):
    user = AuthActions(app.test_client()).user("officer")
    context = open_context(browser, viewport={"width": 1024, "height": 900})
    page = context.new_page()
    page.goto(live_server + "/auth/login")
    page.fill("#email", user.email)
    page.fill("#password", AuthActions.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server}/manage/consultations/{demo.slug}")
    page.get_by_role("link", name="Print the paper questionnaire (A4)").click()
    page.wait_for_url(f"**/manage/consultations/{demo.slug}/paper/print")
    landed(page)
    problems = axe_violations(page)
    assert problems == [], "; ".join(problems)

    page.emulate_media(media="print")
    page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 900})
    assert page.locator(".site-header").is_hidden() and page.locator(".no-print").is_hidden()
    too_wide = page.evaluate(
        """(width) => [...document.querySelectorAll('body *')]
             .filter(el => el.getBoundingClientRect().right > width + 0.5)
             .map(el => el.tagName + '.' + el.className)""",
        PRINTABLE_WIDTH,
    )
    assert too_wide == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PRINTABLE_WIDTH

    pdf = page.pdf(format="A4", print_background=True)
    assert re.search(rb"/MediaBox \[0 0 595\.9\d* 842\.8\d*\]", pdf), "not an A4 page"
    pages, text = pdf_pages_and_text(pdf)
    assert 1 < pages < 10
    for number, question in enumerate(demo.questions, start=1):
        assert _squashed(f"{number}. {question.title}") in text, question.title
    assert _squashed("For office use: reference") in text
    assert _squashed("If you answered ‘No’ or ‘Prefer not to say’, go to question 8.") in text
    assert _squashed(demo.privacy_notice)[:60] in text
    context.close()
