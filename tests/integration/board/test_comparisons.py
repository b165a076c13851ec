"""Priorities compare each area with the latest earlier consultation that has data there (issue 16)."""
from datetime import datetime

from consult.extensions import db
from consult.models import Consultation
from consult.services import summaries
from consult.services.summaries import Filters
from tests.pagecheck import soup


def add_empty_consultation(board_data, status="closed"):
    """Opened between the earlier survey and the current one, over every area, with no responses."""
    b = board_data["builder"]
    empty = Consultation(slug="board-empty", title="Empty survey", status=status, opens_at=datetime(2026, 1, 1),
                         areas=[b.north, b.south, b.west])
    db.session.add(empty)
    db.session.commit()
    return empty


def by_name(board_data, **filter_values):
    current = board_data["current"]
    found = summaries.priorities(Filters(consultation_id=current.id, **filter_values), current)
    return {c.name: c for c in found}


def test_a_later_consultation_without_responses_is_passed_over(board_data):
    add_empty_consultation(board_data)
    communities = by_name(board_data)
    assert communities["South"].previous.slug == "board-earlier"
    assert communities["South"].priorities[0].change is not None
    assert communities["West"].previous is None  # only the empty survey covered West


def test_the_page_says_once_what_it_compares_with(client, auth, board_data):
    add_empty_consultation(board_data)
    auth.login("board")
    page = soup(client.get("/board/board-test/priorities"))
    text = page.get_text(" ")
    assert "Changes are compared, area by area, with the latest earlier consultation" in text
    assert "“Empty survey”" not in text  # (it is still listed in the filter form)
    assert "Compared with “Earlier survey”" in text
    assert text.count("No earlier consultation has enough responses here to compare with") == 1  # West
    tables = page.select("table")
    # North, South and West in order: West's table has no Change column at all.
    assert [("Change" in t.select_one("thead").get_text()) for t in tables] == [True, True, False]


def test_a_reader_who_may_not_see_the_earlier_consultation_gets_no_comparison(client, auth, board_data):
    add_empty_consultation(board_data, status="published")
    board_data["current"].status = "published"
    db.session.commit()
    auth.login("partner")  # sees published ones only: not the closed earlier survey
    body = client.get("/board/board-test/priorities").get_data(as_text=True)
    assert "Earlier survey" not in body and "not available" not in body
    assert body.count("No earlier consultation has enough responses in these areas to compare with") == 1
    api = client.get("/api/v1/summaries/board-test/priorities").get_json()
    assert api["compared_with"].startswith("No earlier consultation")
    assert all(row["previous"] == "" for row in api["table"]["rows"])


def test_one_earlier_consultation_for_every_area_shown_is_named_once(client, auth, board_data):
    add_empty_consultation(board_data)
    auth.login("board")
    south = board_data["builder"].south.id
    api = client.get(f"/api/v1/summaries/board-test/priorities?area={south}").get_json()
    assert api["compared_with"] == (
        "Changes are compared with “Earlier survey” (opened September 2025), "
        "the latest earlier consultation with responses in these areas."
    )
    page = soup(client.get(f"/board/board-test/priorities?area={south}")).get_text(" ")
    assert page.count("Earlier survey”") == 1
