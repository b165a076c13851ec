"""On a shared device, "Start again" clears the last resident's surveys and receipt code."""
from tests.integration.public.survey_helpers import complete_survey
from tests.pagecheck import soup

DONE = "/c/community-safety-survey/done"


def test_start_again_on_the_thank_you_page_hides_the_receipt_from_the_next_person(client, demo):
    complete_survey(client, demo)
    page = soup(client.get(DONE))
    assert page.select_one(".receipt")
    form = page.select_one("form.start-again")
    assert form["action"] == "/start-again"
    assert client.post(form["action"]).headers["Location"] == "/"
    assert client.get(DONE).headers["Location"].endswith("/c/community-safety-survey")  # no receipt any more


def test_the_home_page_offers_start_again_only_while_the_browser_holds_answers(client, demo):
    assert not soup(client.get("/")).select_one("form.start-again")
    complete_survey(client, demo, submit=False)
    assert soup(client.get("/")).select_one("form.start-again")
    client.post("/start-again")
    assert not soup(client.get("/")).select_one("form.start-again")
    assert client.get("/c/community-safety-survey/check").headers["Location"].endswith("/q/1")
