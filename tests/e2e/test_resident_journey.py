"""A resident on a phone answers the demo survey in Chromium, with axe-core on every page."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, Response, ResultsSubscription
from tests.e2e.conftest import axe_violations, open_context, serving

pytestmark = pytest.mark.e2e


def check(page, visited):
    visited.append(page.url)
    problems = axe_violations(page)
    assert problems == [], f"{page.url}: " + "; ".join(problems)
    fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert fits, f"{page.url} scrolls sideways"


def choose(page, label):
    page.get_by_label(label, exact=True).check()


def test_resident_completes_the_survey_on_a_phone(live_server, phone):
    page, visited = phone, []
    page.goto(live_server + "/")
    check(page, visited)
    page.get_by_role("link", name="Community safety survey").click()
    check(page, visited)
    page.get_by_role("button", name="Start now").click()

    # A mistake first: Continue without an answer, then put it right.
    page.get_by_role("button", name="Continue").click()
    assert page.title().startswith("Error: ")
    assert page.locator(".error-summary").is_visible()
    check(page, visited)
    page.locator(".error-summary a").click()
    choose(page, "Fairly safe")
    page.get_by_role("button", name="Continue").click()

    check(page, visited)
    choose(page, "Fairly unsafe")
    page.get_by_role("button", name="Continue").click()
    check(page, visited)
    choose(page, "Drug dealing or drug use")
    choose(page, "Speeding or dangerous driving")
    page.get_by_role("button", name="Continue").click()
    for label in ("Disagree", "Don't know"):
        check(page, visited)
        choose(page, label)
        page.get_by_role("button", name="Continue").click()
    check(page, visited)
    choose(page, "Yes")
    page.get_by_role("button", name="Continue").click()
    assert "Did you report it?" in page.locator("h1").inner_text()
    check(page, visited)
    choose(page, "No")
    page.get_by_role("button", name="Continue").click()
    check(page, visited)
    page.locator("textarea").fill("Cars racing down Lowther Street at night and kids on scramblers in the park.")
    page.get_by_role("button", name="Continue").click()
    check(page, visited)
    page.get_by_role("button", name="Continue").click()  # optional: left blank
    check(page, visited)
    page.get_by_label("Or enter your postcode").fill("CA28 7AB")
    page.get_by_role("button", name="Continue").click()

    assert page.locator("h1").inner_text() == "Check your answers before sending them"
    check(page, visited)
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_role("button", name="Send my answers").wait_for(state="detached")
    assert page.locator("h1").inner_text() == "Thank you: your answers have been sent"
    check(page, visited)
    assert "0808 2000 247" in page.content()

    # Back then send again (a replay) stores nothing more.
    page.go_back()
    if page.get_by_role("button", name="Send my answers").count():
        page.get_by_role("button", name="Send my answers").click()

    db.session.expire_all()
    responses = db.session.scalars(sa.select(Response)).all()
    assert len(responses) == 1
    assert responses[0].area.name == "Whitehaven" and responses[0].postcode_district == "CA28"
    texts = db.session.scalars(sa.select(Answer.text).where(Answer.text.is_not(None))).all()
    assert texts == ["Cars racing down Lowther Street at night and kids on scramblers in the park."]

    # "Tell me when the results are published", a mistake first (with CSRF on, as in production).
    page.goto(live_server + "/c/community-safety-survey/done")
    page.get_by_label("Your e-mail address (optional)").fill("not an address")
    page.get_by_role("button", name="Tell me when the results are published").click()
    assert page.title().startswith("Error: ")
    check(page, visited)
    page.get_by_label("Your e-mail address (optional)").fill("resident@example.org")
    page.get_by_role("button", name="Tell me when the results are published").click()
    assert page.locator("h1").inner_text() == "We will tell you when the results are published"
    check(page, visited)
    page.get_by_role("link", name="Delete my e-mail address now").click()
    assert page.locator("h1").inner_text() == "Your e-mail address has been deleted"
    check(page, visited)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ResultsSubscription)) == 0
    assert len(visited) >= 17


def test_question_page_fits_a_320px_screen_and_works_without_javascript(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/c/community-safety-survey/q/3")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320
    box = page.locator(".choice").first.bounding_box()
    assert box["height"] >= 44
    page.get_by_label("Hate crime").check()
    page.get_by_role("button", name="Continue").click()
    assert "Question 4 of 9" in page.locator(".caption").inner_text()
    context.close()


def test_resident_saves_on_one_phone_and_continues_on_another_at_375px(browser, live_server):
    visited = []
    first = open_context(browser, viewport={"width": 375, "height": 812})
    page = first.new_page()
    page.goto(live_server + "/c/community-safety-survey/q/1")
    choose(page, "Fairly safe")
    page.get_by_role("button", name="Continue").click()
    choose(page, "Fairly unsafe")
    page.get_by_role("button", name="Save and come back later").click()
    assert page.locator("h1").inner_text() == "Your answers are saved"
    check(page, visited)
    code = page.locator("#resume-code").inner_text().strip()
    first.close()

    second = open_context(browser, viewport={"width": 375, "height": 812})
    page = second.new_page()
    page.goto(live_server + "/")
    page.get_by_role("link", name="Continue a saved response").click()
    check(page, visited)
    page.get_by_label("Continue a saved response").fill("ABCD-EFGH-JKMN-PQRS")
    page.get_by_role("button", name="Continue").click()
    assert page.title().startswith("Error: ")
    check(page, visited)
    page.get_by_label("Continue a saved response").fill(code.lower())
    page.get_by_role("button", name="Continue").click()
    assert "Question 3 of" in page.locator(".caption").inner_text()
    check(page, visited)
    page.get_by_role("link", name="Back").click()
    assert page.get_by_label("Fairly unsafe", exact=True).is_checked()
    second.close()


def test_resident_answers_a_grid_and_a_ranking_on_a_375px_phone(browser, live_server, demo):
    from tests.e2e.conftest import open_context
    from tests.integration.grid_helpers import add_grid_and_ranking

    grid, ranking = add_grid_and_ranking(demo)
    context = open_context(browser, viewport={"width": 375, "height": 812}, java_script_enabled=True)
    page, visited = context.new_page(), []
    page.goto(live_server + "/c/community-safety-survey/q/1")
    for label in ("Fairly safe", "Fairly unsafe", "Hate crime", "Disagree", "Don't know", "No"):
        choose(page, label)
        page.get_by_role("button", name="Continue").click()
    for _blank_or_typed in range(2):
        page.get_by_role("button", name="Continue").click()
    page.get_by_label("Or enter your postcode").fill("CA28 7AB")
    page.get_by_role("button", name="Continue").click()

    assert page.locator("h1").inner_text() == "How much do you agree?"
    check(page, visited)
    police = page.get_by_role("group", name="the police deal with the issues that matter")
    police.get_by_label("Agree", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    assert page.locator(".error-summary a").inner_text() == "Select an answer for: the council keeps streets clean"
    check(page, visited)
    page.get_by_role("group", name="the council keeps streets clean").get_by_label("Strongly disagree").check()
    page.get_by_role("button", name="Continue").click()

    assert page.locator("h1").inner_text() == "Choose your top three priorities, in order"
    check(page, visited)
    page.get_by_label("1st priority").select_option(label="Youth clubs")
    page.get_by_label("2nd priority").select_option(label="Youth clubs")
    page.get_by_label("3rd priority").select_option(label="CCTV")
    page.get_by_role("button", name="Continue").click()
    assert "choose a different 2nd priority" in page.locator(".error-summary").inner_text()
    check(page, visited)
    page.get_by_label("2nd priority").select_option(label="More patrols")
    page.get_by_role("button", name="Continue").click()

    assert page.locator("h1").inner_text() == "Check your answers before sending them"
    assert "1st: Youth clubs" in page.content()
    check(page, visited)
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_role("button", name="Send my answers").wait_for(state="detached")
    db.session.expire_all()
    ranked = db.session.execute(
        sa.select(Answer.option_id, Answer.choice).where(Answer.question_id == ranking.id).order_by(Answer.choice)
    ).all()
    labels = {o.id: o.label for o in ranking.options}
    assert [(labels[o], c) for o, c in ranked] == [("Youth clubs", 1), ("More patrols", 2), ("CCTV", 3)]
    context.close()


def test_resident_answers_in_polish_on_a_phone(live_server, phone):
    """Polish chosen on the first page: every page after it is in Polish, marked lang="pl", and axe-clean."""
    page, visited = phone, []
    page.goto(live_server + "/")
    page.get_by_role("link", name="Polski").click()
    assert page.get_attribute("html", "lang") == "pl"
    assert page.locator("h1").inner_text() == "Wyraź swoje zdanie o bezpieczeństwie w okolicy"
    check(page, visited)
    # The demo survey carries an officer's Polish translation of its own texts.
    page.get_by_role("link", name="Ankieta o bezpieczeństwie w Twojej okolicy").click()
    check(page, visited)
    page.get_by_role("button", name="Rozpocznij").click()

    page.get_by_role("button", name="Dalej").click()
    assert page.title().startswith("Błąd: ")
    assert page.locator(".error-summary-title").inner_text() == "Wystąpił problem"
    check(page, visited)
    for label in ("Raczej bezpiecznie", "Raczej niebezpiecznie", "Przestępstwa z nienawiści", "Nie zgadzam się", "Nie wiem", "Nie"):
        assert page.get_attribute("html", "lang") == "pl"
        assert "Pytanie" in page.locator(".caption").inner_text()
        choose(page, label)
        page.get_by_role("button", name="Dalej").click()
    for _blank_or_typed in range(2):
        page.get_by_role("button", name="Dalej").click()
    check(page, visited)
    page.get_by_label("Albo wpisz swój kod pocztowy").fill("CA28 7AB")
    page.get_by_role("button", name="Dalej").click()

    assert page.locator("h1").inner_text() == "Sprawdź odpowiedzi przed wysłaniem"
    check(page, visited)
    page.get_by_role("button", name="Wyślij odpowiedzi").click()
    page.get_by_role("button", name="Wyślij odpowiedzi").wait_for(state="detached")
    assert page.locator("h1").inner_text() == "Dziękujemy: Twoje odpowiedzi zostały wysłane"
    assert page.get_attribute("html", "lang") == "pl"
    check(page, visited)


@pytest.fixture
def rtl_server(app, database_url, demo):
    """The live site offering Arabic too (no catalogue: English words, laid out right to left)."""
    with serving(database_url, LANGUAGES=("en", "pl", "ar")) as url:
        yield url


def test_a_right_to_left_language_is_mirrored_accessible_and_fits_360px(browser, rtl_server):
    context = open_context(browser, viewport={"width": 360, "height": 740}, java_script_enabled=True)
    page, visited = context.new_page(), []
    page.goto(rtl_server + "/language/ar?next=/")
    for path in ("/", "/c/community-safety-survey", "/c/community-safety-survey/q/3", "/c/community-safety-survey/q/10", "/privacy"):
        page.goto(rtl_server + path)
        assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
        check(page, visited)
    # Mirrored: each tick box sits at the right-hand end of its choice, the label to its left.
    page.goto(rtl_server + "/c/community-safety-survey/q/3")
    choice = page.locator(".choice").first.bounding_box()
    tick_box = page.locator(".choice-input").first.bounding_box()
    assert abs((tick_box["x"] + tick_box["width"]) - (choice["x"] + choice["width"])) < 1
    page.get_by_role("button").first.click()  # Continue with nothing ticked: the error is laid out too
    check(page, visited)
    context.close()
