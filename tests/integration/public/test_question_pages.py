"""One question a page: the GOV.UK question-page pattern, validation and answers kept on error."""
import pytest

from tests.integration.public.survey_helpers import area_id, option_id, typical_answers
from tests.pagecheck import soup

URL = "/c/community-safety-survey/q/{}"


def test_first_question_has_back_link_progress_and_continue(client, demo):
    page = soup(client.get(URL.format(1)))
    assert page.select_one("a.back-link")["href"] == "/c/community-safety-survey"
    # Question 7 is shown only to victims of crime, so 9 of the 10 questions are in view.
    assert "Question 1 of 9" in page.select_one(".caption").get_text()
    assert page.select_one("legend h1").get_text(strip=True) == "How safe do you feel in your area during the day?"
    assert page.select_one("button[type=submit]").get_text() == "Continue"
    assert page.select_one("form")["novalidate"] is not None
    assert not page.select("[required]")


def test_optional_question_says_optional(client, demo):
    page = soup(client.get(URL.format(8)))
    assert "(optional)" in page.h1.get_text()
    assert page.select_one("textarea#answer")


def test_missing_answer_shows_error_summary_linked_to_the_field(client, demo):
    response = client.post(URL.format(1), data={})
    page = soup(response)
    assert response.status_code == 200
    assert page.title.get_text().startswith("Error: How safe do you feel")
    summary = page.select_one(".error-summary")
    assert summary.h2.get_text() == "There is a problem"
    link = summary.select_one("a")
    # Without an officer's own wording, the message names the question.
    assert link.get_text() == "Select an answer to: How safe do you feel in your area during the day?"
    assert link["href"] == "#answer"
    assert page.select_one("input#answer")
    assert "Select an answer to: How safe" in page.select_one("#answer-error").get_text()


def test_text_answer_too_long_is_kept_on_error(client, demo):
    text = "It is far too noisy. " * 300
    page = soup(client.post(URL.format(8), data={"answer": text}))
    assert "must be 5,000 characters or fewer" in page.select_one(".error-summary").get_text()
    assert page.select_one("textarea#answer").get_text() == text.strip()


def test_none_of_these_cannot_be_combined(client, demo):
    data = {"answer": [option_id(demo, 3, "Hate crime"), option_id(demo, 3, "None of these")]}
    page = soup(client.post(URL.format(3), data=data))
    assert "Select ‘None of these’ on its own, or untick it" in page.select_one(".error-summary").get_text()
    checked = [box["value"] for box in page.select("input[type=checkbox][checked]")]
    assert checked == data["answer"]


def test_multiple_choice_requires_one_answer_and_mentions_none_of_these(client, demo):
    page = soup(client.post(URL.format(3), data={}))
    # No wording of the officers' own: the default names the question.
    assert "Select at least one answer to: Which of these problems affect your area? (or ‘None of these’)" in page.get_text()


def test_option_from_another_question_is_refused(client, demo):
    page = soup(client.post(URL.format(1), data={"answer": option_id(demo, 2, "Very safe")}))
    assert "Select one of the answers shown" in page.get_text()


def test_scale_question_has_five_points_and_dont_know(client, demo):
    page = soup(client.get(URL.format(4)))
    labels = [label.get_text() for label in page.select(".choice-label")]
    assert labels == ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree", "Don't know"]
    assert page.select_one(".divider").get_text() == "or"


def test_saved_answer_is_shown_when_going_back(client, demo):
    chosen = option_id(demo, 1, "Very unsafe")
    assert client.post(URL.format(1), data={"answer": chosen}).status_code == 302
    page = soup(client.get(URL.format(1)))
    assert page.select_one("input[checked]")["value"] == chosen


def test_continue_goes_to_the_next_question(client, demo):
    response = client.post(URL.format(1), data={"answer": option_id(demo, 1, "Very safe")})
    assert response.headers["Location"] == URL.format(2)
    page = soup(client.get(URL.format(2)))
    assert page.select_one("a.back-link")["href"] == URL.format(1)


@pytest.mark.parametrize(
    "postcode, message",
    [
        ("not a postcode", "Enter a real postcode, like CA28 7AB, or leave it blank"),
        ("SW1A 1AA", "We could not match SW1A to an area in this consultation"),
    ],
)
def test_area_question_explains_a_postcode_it_cannot_use(client, demo, postcode, message):
    page = soup(client.post(URL.format(10), data={"postcode": postcode}))
    assert message in page.select_one(".error-summary").get_text()
    assert page.select_one(".error-summary a")["href"] == "#postcode"


def test_area_question_refuses_a_postcode_from_another_area(client, demo):
    data = {"answer": area_id(demo, "Keswick"), "postcode": "CA28 7AB"}
    page = soup(client.post(URL.format(10), data=data))
    assert "CA28 is in Whitehaven, not Keswick" in page.get_text()


def test_area_question_needs_an_area_or_postcode(client, demo):
    page = soup(client.post(URL.format(10), data={}))
    assert "Select your area, or enter your postcode" in page.get_text()


def test_survey_links_and_redirects_follow_the_prefix_the_site_is_served_under(client, demo):
    answers = typical_answers(demo)
    for prefix in ("", "/consult", ""):
        base = f"http://localhost{prefix}"
        sent = client.post("/c/community-safety-survey/q/1", data=answers[1], base_url=base)
        assert sent.headers["Location"] == f"{prefix}/c/community-safety-survey/q/2"
        page = soup(client.get("/c/community-safety-survey/q/2", base_url=base))
        assert page.select_one("a.back-link")["href"] == f"{prefix}/c/community-safety-survey/q/1"
        first = soup(client.get("/c/community-safety-survey/q/1", base_url=base))
        assert first.select_one("a.back-link")["href"] == f"{prefix}/c/community-safety-survey"


def test_each_resident_sees_their_own_choice_ticked_whoever_came_before(app, demo):
    fairly, very = option_id(demo, 1, "Fairly safe"), option_id(demo, 1, "Very safe")

    def ticked(client):
        return [box["value"] for box in soup(client.get(URL.format(1))).select("input[name=answer][checked]")]

    first, second, third = app.test_client(), app.test_client(), app.test_client()
    assert ticked(first) == ticked(second) == []
    first.post(URL.format(1), data={"answer": fairly})
    second.post(URL.format(1), data={"answer": very})
    for _ in range(2):
        assert ticked(first) == [fairly] and ticked(second) == [very] and ticked(third) == []


def test_each_resident_sees_where_they_are_in_their_own_route(app, demo):
    """Question 7 is asked of victims only, so the area question is 10 of 10 for them and 9 of 9 for others."""
    from tests.integration.public.survey_helpers import complete_survey

    whitehaven = area_id(demo, "Whitehaven")
    seen = {}
    for victim in ("Yes", "No", "Yes", "No"):
        client = app.test_client()
        complete_survey(client, demo, victim=victim, submit=False, q10=whitehaven)
        for number in (1, 10):
            page = soup(client.get(URL.format(number)))
            seen.setdefault(victim, set()).add((page.select_one(".caption").get_text(), page.select_one("a.back-link")["href"]))
    assert seen == {
        "Yes": {("Community safety survey · Question 1 of 10", "/c/community-safety-survey"),
                ("Community safety survey · Question 10 of 10", URL.format(9))},
        "No": {("Community safety survey · Question 1 of 9", "/c/community-safety-survey"),
               ("Community safety survey · Question 9 of 9", URL.format(9))},
    }


def test_a_residents_own_words_and_postcode_are_shown_to_them_and_nobody_else(app, demo):
    client = app.test_client()
    words = "Somebody keeps racing past number 12 at night"
    answers = typical_answers(demo)
    answers[8] = {"answer": words}
    answers[10] = {"answer": "", "postcode": "CA28 7XY"}
    for number in (1, 2, 3, 4, 5, 6, 8, 9, 10):
        assert client.post(URL.format(number), data=answers[number]).status_code == 302
    assert words in soup(client.get(URL.format(8))).select_one("textarea").get_text()
    assert soup(client.get(URL.format(10))).select_one("input[name=postcode]")["value"] == "CA28"
    other = app.test_client()
    assert words not in other.get(URL.format(8)).get_data(as_text=True)
    assert soup(other.get(URL.format(10))).select_one("input[name=postcode]")["value"] == ""


def test_a_page_with_a_problem_is_never_kept_for_the_next_view(client, demo):
    page = soup(client.post(URL.format(1), data={}))
    assert "Select an answer to: How safe" in page.select_one("#answer-error").get_text()
    again = soup(client.get(URL.format(1)))
    assert not again.select(".error-summary, #answer-error, .form-group-error")


def test_a_page_opened_to_change_an_answer_posts_back_to_itself_and_returns_to_check(client, demo):
    from tests.integration.public.survey_helpers import complete_survey

    complete_survey(client, demo, submit=False)
    for url in (URL.format(2) + "?change=1", URL.format(2)):
        page = soup(client.get(url))
        assert page.select_one("form[method=post]")["action"] == url
    changed = client.post(URL.format(2) + "?change=1", data={"answer": option_id(demo, 2, "Very safe")})
    assert changed.headers["Location"] == "/c/community-safety-survey/check"
