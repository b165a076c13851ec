"""The "About you" pages on a phone and the board's "Who responded" page, in Chromium with axe (issue #18)."""
import pytest

from consult.extensions import db
from consult.models import Answer, Consultation, Option, Question, Response
from consult.services.consultations import equality
from tests.conftest import AuthActions
from tests.e2e.conftest import axe_violations, open_context

pytestmark = pytest.mark.e2e


def check(page):
    problems = axe_violations(page)
    assert problems == [], f"{page.url}: " + "; ".join(problems)


@pytest.fixture
def about_you(app, demo):
    """An open consultation of one question and the About you section, with 12 respondents in its first area."""
    question = Question(position=1, kind="single", title="Do you feel safe where you live?")
    question.options = [Option(position=1, label="Yes"), Option(position=2, label="No")]
    consultation = Consultation(slug="about-you", title="Feeling safe", status="open", areas=demo.areas[:2], questions=[question])
    db.session.add(consultation)
    db.session.commit()
    equality.add_equality_questions(consultation, None)
    age = next(q for q in consultation.questions if q.title == equality.AGE_TITLE)
    for i in range(12):
        band = age.options[7 if i < 7 else 2]  # 7 aged 75 or over, 5 aged 25 to 34: both shown
        db.session.add(Response(consultation=consultation, area=demo.areas[0], answers=[Answer(question=age, option_id=band.id)]))
    db.session.commit()
    return consultation


def test_about_you_pages_on_a_phone_and_who_responded_at_1280px(app, about_you, live_server, browser):
    context = open_context(browser, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server}/c/{about_you.slug}/q/1")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    assert "About you (optional)" in page.content()
    assert page.locator("h1, legend").first.inner_text().startswith(equality.AGE_TITLE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    check(page)
    page.get_by_label("Prefer not to say", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    assert "(optional)" in page.title()
    check(page)
    # The long ethnic group list must still fit the phone.
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Continue").click()
    assert "ethnic group" in page.title()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    check(page)
    context.close()

    user = AuthActions(app.test_client()).user("board")
    context = open_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server + "/auth/login")
    page.fill("#email", user.email)
    page.fill("#password", AuthActions.PASSWORD)
    page.locator("button[type=submit]").click()
    page.goto(f"{live_server}/board/{about_you.slug}/")
    page.get_by_role("link", name="Who responded").click()
    assert page.locator("h1").inner_text() == "Who responded"
    assert f"People aged 75 or over are over-represented in {about_you.areas[0].name}." in page.content()
    check(page)
    context.close()
