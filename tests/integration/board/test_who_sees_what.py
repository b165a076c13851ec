"""Who reads which consultation's summaries, on the board's pages and in the API: partners only
published ones, board members anything residents have answered, and only officers and admins a
draft (found in review: a partner could read a draft's title, questions and options)."""
import pytest

from consult.extensions import db
from tests.integration.manage.builder_helpers import draft_consultation

STATUSES = ("draft", "open", "closed", "published")
CAN_SEE = {
    "partner": {"published"},
    "board": {"open", "closed", "published"},
    "officer": set(STATUSES),
    "admin": set(STATUSES),
}


@pytest.fixture
def one_of_each(app, demo):
    for status in STATUSES:
        consultation = draft_consultation(f"survey-{status}")
        consultation.title = f"The {status} survey"
        consultation.status = status
    db.session.commit()


@pytest.mark.parametrize("role", sorted(CAN_SEE))
@pytest.mark.parametrize("status", STATUSES)
def test_the_board_and_the_api_show_each_role_only_what_it_may_see(client, auth, one_of_each, role, status):
    auth.login(role)
    expected = 200 if status in CAN_SEE[role] else 404
    assert client.get(f"/board/survey-{status}/").status_code == expected
    assert client.get(f"/board/survey-{status}/overview").status_code == expected
    assert client.get(f"/api/v1/summaries/survey-{status}/overview").status_code == expected
    assert client.get(f"/api/v1/summaries/survey-{status}/summary").status_code == expected
    listed = {c["slug"] for c in client.get("/api/v1/consultations").get_json()["consultations"]}
    index = client.get("/board/").get_data(as_text=True)
    shown_in_list = status in CAN_SEE[role] and status != "draft"  # a draft has nothing to summarise yet
    assert (f"survey-{status}" in listed) is shown_in_list
    assert (f"The {status} survey" in index) is shown_in_list


def test_a_partners_all_consultations_view_counts_only_published_ones(client, auth, app, demo):
    import random

    from consult.services.demo.seed import add_synthetic_responses

    add_synthetic_responses(demo, 20, random.Random(1))  # the open survey
    auth.login("partner")
    body = client.get("/api/v1/summaries/all/overview").get_json()
    assert body["responses_by_area"]["rows"][-1][body["responses_by_area"]["columns"][1]["key"]] == 0
    auth.logout()
    auth.login("board")
    body = client.get("/api/v1/summaries/all/overview").get_json()
    assert body["responses_by_area"]["rows"][-1][body["responses_by_area"]["columns"][1]["key"]] == 20


@pytest.mark.parametrize("role", sorted(CAN_SEE))
def test_every_board_page_says_who_is_signed_in_with_sign_out_and_officers_get_their_workspace(client, auth, demo, role):
    from tests.pagecheck import soup

    user = auth.login(role)
    for path in ("/board/", "/board/community-safety-survey/trend" if role != "partner" else "/board/all/"):
        page = soup(client.get(path))
        bar = page.select_one("nav[aria-label=Board]")
        assert f"Signed in as {user.display_name}" in bar.get_text()
        assert bar.select_one("form[action='/auth/logout'] button").get_text() == "Sign out"
        assert bool(bar.select_one("a[href='/manage/']")) is (role in ("admin", "officer"))


def test_officers_have_a_link_to_the_board(client, auth, demo):
    from tests.pagecheck import soup

    auth.login("officer")
    assert soup(client.get("/manage/")).select_one("nav.manage-nav a[href='/board/']")
