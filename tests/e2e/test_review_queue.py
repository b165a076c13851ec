"""The tag review queue in Chromium at desktop and phone widths: compact, axe clean, bulk confirm works."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer
from consult.services.tagging import review
from tests.conftest import AuthActions
from tests.e2e.conftest import axe_violations, landed, open_context, sign_in
from tests.integration.manage.answer_helpers import text_answer, theme

pytestmark = pytest.mark.e2e

LONG = ("The street lights on the lane behind the bus station have been out for weeks and people "
        "walk home in the dark past the empty units, which feels unsafe late at night.")


def _answers():
    litter, lighting = theme("litter-e2e", "Litter"), theme("lighting-e2e", "Street lighting")
    made = [text_answer(LONG, auto=[(lighting, 0.2)])]
    made += [text_answer(f"Bins overflowing on street {number}", auto=[(litter, 0.4 + number / 100)]) for number in range(8)]
    return made


def _check(page):
    landed(page)
    problems = axe_violations(page)
    assert problems == [], f"{page.url}: " + "; ".join(problems)


@pytest.mark.parametrize("width", [1280, 375])
def test_review_queue_is_compact_accessible_and_confirms_a_selection(app, demo, live_server, browser, width, monkeypatch):
    monkeypatch.setattr(review, "PAGE_SIZE", 6)
    made = _answers()
    user = AuthActions(app.test_client()).user("officer")
    context = open_context(browser, viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, user)
    page.goto(f"{live_server}/manage/review?consultation=street-safety")
    _check(page)
    rows = page.locator(".review-list tbody tr")
    assert rows.count() == 6
    # Nothing wider than the screen, and a page of answers is short, not one long form per answer.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    row_height = page.locator(".review-list").bounding_box()["height"] / 6
    assert row_height < (140 if width < 600 else 90), row_height

    # The long answer opens to its full text without any script.
    long_row = rows.filter(has_text="The street lights on the lane")
    assert not long_row.locator(".answer-text").is_visible()
    long_row.locator("summary").click()
    assert long_row.locator(".answer-text").is_visible()
    _check(page)

    # Filter to one theme, tick two answers and confirm them.
    page.get_by_label("Theme").select_option(label="Litter")
    page.get_by_label("Confidence").select_option(value="low")
    page.get_by_role("button", name="Show answers").click()
    assert "theme=litter-e2e" in page.url and "confidence=low" in page.url
    rows = page.locator(".review-list tbody tr")
    chosen = [int(rows.nth(index).locator("input[name=answers]").get_attribute("value")) for index in range(2)]
    for answer_id in chosen:
        page.get_by_label(f"Select answer {answer_id}", exact=True).check()
    page.get_by_role("button", name="Confirm selected").first.click()
    assert "Tags saved for 2 answers." in page.locator(".notification").inner_text()
    assert "theme=litter-e2e" in page.url
    _check(page)
    db.session.expire_all()
    reviewed = db.session.scalars(sa.select(Answer.id).where(Answer.reviewed_at.is_not(None))).all()
    assert sorted(reviewed) == sorted(chosen)

    # Paging keeps the filters.
    page.goto(f"{live_server}/manage/review?consultation=street-safety")
    page.get_by_role("link", name="Next page").click()
    assert "page=2" in page.url and "consultation=street-safety" in page.url
    _check(page)
    assert len(made) == 9
    context.close()
