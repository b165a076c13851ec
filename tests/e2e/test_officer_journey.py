"""An officer runs a consultation end to end in Chromium, with axe-core on every page they see."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, Consultation, Response, SafeguardingAction
from tests.conftest import AuthActions
from tests.e2e.conftest import axe_violations, landed, open_context

pytestmark = pytest.mark.e2e

QUESTIONS = [
    ("One answer from a list", "Do you go out after dark?", "Yes\nNo", {}),
    ("Several answers from a list", "What worries you most?", "Litter\nSpeeding\nDrug dealing", {"none_of_these": True}),
    ("A scale (agree or satisfied)", "How satisfied are you with street lighting?", "", {"scale": "Satisfaction: very satisfied to very dissatisfied"}),
    ("A short written answer", "Which street feels least safe?", "", {"show_when": "Question 1: Do you go out after dark? – Yes", "optional": True}),
    ("A long written answer", "What would make you feel safer?", "", {}),
    ("Where they live (area and postcode)", "Where do you live?", "", {}),
]


class Officer:
    """The browser page, checking each page it lands on with axe and the one-h1 rule."""

    def __init__(self, page, base):
        self.page, self.base, self.seen = page, base, []

    def check(self):
        self.seen.append(self.page.url)
        landed(self.page)
        problems = axe_violations(self.page)
        assert problems == [], f"{self.page.url}: " + "; ".join(problems)

    def follow(self, name):
        """Follow a link, including links styled as buttons (role=button)."""
        page = self.page
        page.get_by_role("link", name=name, exact=True).or_(page.get_by_role("button", name=name, exact=True)).first.click()
        self.check()


def add_question(officer, kind, title, options, extra):
    page = officer.page
    officer.follow("Add a question")
    page.get_by_label(kind, exact=True).check()
    # The small script shows the answers box only for the kinds that have answers to choose from.
    assert page.get_by_label("Answers, one on each line").is_visible() == bool(options)
    page.get_by_label("Question", exact=True).fill(title)
    if extra.get("optional"):
        page.get_by_label("No, it is optional", exact=True).check()
    if options:
        page.get_by_label("Answers, one on each line").fill(options)
    if extra.get("none_of_these"):
        page.get_by_label("Add ‘None of these’ (several answers only)").check()
    if extra.get("scale"):
        page.get_by_label(extra["scale"]).check()
    if extra.get("show_when"):
        page.get_by_label("Show this question").select_option(label=extra["show_when"])
    page.get_by_role("button", name="Save question").click()
    assert page.locator(".error-summary").count() == 0, page.locator(".error-summary").inner_text()
    assert title in page.locator(".question-list").inner_text()


def test_officer_builds_opens_shares_enters_paper_reviews_acts_closes_and_publishes(app, demo, live_server, browser):
    user = AuthActions(app.test_client()).user("officer")
    context = open_context(browser, viewport={"width": 1024, "height": 900})
    officer = Officer(context.new_page(), live_server)
    page = officer.page

    page.goto(live_server + "/manage/")
    assert "/auth/login" in page.url
    officer.check()
    page.fill("#email", user.email)
    page.fill("#password", AuthActions.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.url.endswith("/manage/")
    officer.check()

    # Create: first a mistake, then put right.
    officer.follow("Create a consultation")
    page.get_by_label("Title", exact=True).fill("Safer nights in Whitehaven")
    page.fill("#closes_day", "31")
    page.fill("#closes_month", "2")
    page.fill("#closes_year", "2099")
    page.get_by_role("button", name="Save consultation").click()
    assert page.title().startswith("Error: ")
    officer.check()
    assert page.get_by_label("Title", exact=True).input_value() == "Safer nights in Whitehaven"
    page.fill("#closes_day", "28")
    page.get_by_label("Whitehaven", exact=True).check()
    page.get_by_label("Workington", exact=True).check()
    page.get_by_role("button", name="Save consultation").click()
    assert page.url.endswith("/manage/consultations/safer-nights-in-whitehaven"), page.locator("main").inner_text()
    officer.check()

    for kind, title, options, extra in QUESTIONS:
        add_question(officer, kind, title, options, extra)
    officer.check()
    consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == "safer-nights-in-whitehaven"))
    assert [q.kind for q in consultation.questions] == ["single", "multiple", "scale", "short_text", "long_text", "area"]

    # Preview the conditional question as a resident would see it.
    page.goto(live_server + "/manage/consultations/safer-nights-in-whitehaven/preview/q/4")
    officer.check()
    assert "Preview" in page.locator(".preview-banner").inner_text()
    page.goto(live_server + "/manage/consultations/safer-nights-in-whitehaven")

    officer.follow("Open the consultation")
    page.get_by_role("button", name="Open the consultation").click()
    officer.check()
    assert "Open" in page.locator(".caption .tag").inner_text()

    officer.follow("Share: link, QR code and poster")
    assert "/c/safer-nights-in-whitehaven" in page.locator(".share-link").inner_text()
    officer.follow("Open the printable poster")
    assert "No app needed" in page.locator(".poster").inner_text()
    assert page.locator("img.poster-qr").evaluate("img => img.complete && img.naturalWidth > 0")
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    page.emulate_media(media="screen")

    # A paper form with a disclosure on it, entered by the officer.
    page.goto(live_server + "/manage/consultations/safer-nights-in-whitehaven")
    officer.follow("Enter a paper response")
    page.locator("fieldset", has_text="Do you go out after dark?").get_by_label("Yes", exact=True).check()
    page.get_by_label("Speeding", exact=True).check()
    page.get_by_label("Fairly dissatisfied", exact=True).check()
    page.get_by_label("Which street feels least safe? (optional)").fill("The lane behind the bus station")
    page.get_by_label("What would make you feel safer?").fill(
        "Better lighting. My partner hits me when he has been drinking and I'm scared to go home."
    )
    page.get_by_label("Or the postcode written").fill("CA28 7AB")
    page.get_by_role("button", name="Save paper response").click()
    assert "Paper response saved." in page.locator(".notification").inner_text()
    officer.check()
    response = db.session.scalar(sa.select(Response).where(Response.consultation_id == consultation.id))
    assert response.channel == "paper" and response.area.name == "Whitehaven"

    # Review the tags of the written answers.
    page.goto(f"{live_server}/manage/review?consultation=safer-nights-in-whitehaven")
    officer.check()
    page.locator(".review-list tbody tr").first.get_by_role("link", name="Correct").click()
    officer.check()
    form = page.locator("form.review-form").first
    form.get_by_label("Road safety", exact=True).check()
    form.get_by_role("button", name="Save review").click()
    officer.check()
    assert "Tags saved for answer" in page.locator(".notification").inner_text()
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count(Answer.id)).where(Answer.reviewed_at.is_not(None))) == 1

    # Act on the safeguarding flag.
    flagged = db.session.scalar(sa.select(Answer).where(Answer.response_id == response.id, Answer.safeguarding_level != "none"))
    assert flagged is not None, "the disclosure should have been flagged"
    nav_link = page.locator(".manage-nav").get_by_role("link", name="Safeguarding")
    assert "1" in nav_link.locator(".count-badge").inner_text()
    nav_link.click()
    officer.check()
    page.get_by_role("link", name=f"Flag {flagged.id}").click()
    officer.check()
    page.get_by_label("Signposted to support", exact=True).check()
    page.get_by_label("Note").fill("Gave the National Domestic Abuse Helpline number by letter.")
    page.get_by_role("button", name="Record action").click()
    officer.check()
    assert db.session.scalar(sa.select(SafeguardingAction.kind).where(SafeguardingAction.answer_id == flagged.id)) == "signposted"

    # Close, then tell residents what happens next.
    page.goto(live_server + "/manage/consultations/safer-nights-in-whitehaven")
    officer.follow("Close the consultation")
    page.get_by_role("button", name="Close the consultation").click()
    officer.check()
    officer.follow("Write “You said, we did”")
    first = page.locator("fieldset.outcome-theme").first
    first.get_by_label("You said").fill("Speeding near the bus station worries you.")
    first.get_by_label("We will").fill("Police will run speed checks there every week this spring.")
    page.get_by_role("button", name="Save and check before publishing").click()
    officer.check()
    page.get_by_role("button", name="Publish to residents").click()
    officer.check()
    assert "Outcome published" in page.locator(".caption .tag").inner_text()

    page.goto(live_server + "/c/safer-nights-in-whitehaven")
    officer.check()
    outcome = page.locator(".outcome").inner_text()
    assert "You said, we did" in outcome and "speed checks there every week" in outcome
    assert len(officer.seen) >= 25
    context.close()
