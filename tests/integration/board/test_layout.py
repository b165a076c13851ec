"""How the board's pages read: the shaded matrix, round trend ticks, print-only wording, channels, dates."""
import re
from datetime import datetime, timedelta

from consult.extensions import db
from consult.models import utcnow
from tests.pagecheck import soup


def test_every_matrix_cell_is_shaded_and_still_carries_its_figures(client, auth, board_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/matrix"))
    table = page.find("table", id="matrix")
    assert table.caption is not None and table.find_all("th", scope="row") and table.find_all("th", scope="col")
    theme_cells = [td for tr in table.select("tbody tr, tfoot tr") for td in tr.find_all("td")[1:]]
    assert len(theme_cells) == 4 * 2
    assert all(re.fullmatch(r"numeric heat-[0-5]", " ".join(td["class"])) and td.get_text(strip=True) for td in theme_cells)
    # North's road share is 60.0% and the largest: the darkest band of steps of 20%.
    north = table.find("th", string="North").parent.find_all("td")
    assert north[1]["class"] == ["numeric", "heat-3"] and north[1].get_text(" ", strip=True).startswith("60.0%")
    key = page.find("p", class_="heat-key").get_text(" ", strip=True)
    assert "up to 20%" in key and "over 40% up to 60%" in key


def test_instructions_for_the_screen_are_marked_to_stay_off_paper(client, auth, board_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/report"))
    sort_hint = page.find(string=re.compile("Select a column heading to sort"))
    assert sort_hint.parent.name == "span" and "no-print" in sort_hint.parent["class"]
    assert "no-print" in page.find(string=re.compile("print command")).parent["class"]


def test_trend_axis_has_round_ticks_and_whole_labels(client, auth, board_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/trend"))
    month = page.find("figcaption", id="chart-month-summary").parent
    ticks = [t.get_text() for t in month.find_all("text", attrs={"text-anchor": "end"})]
    assert ticks == ["0%", "20%", "40%", "60%"]  # the largest share is 60.0% (North, March)
    by_consultation = page.find("figcaption", id="chart-consultation-summary").parent
    labels = [" ".join(t.get_text(" ").split()) for t in by_consultation.find_all("text", attrs={"text-anchor": "middle"})]
    assert labels == ["Earlier survey", "Board test survey"]


def test_imported_channel_appears_only_once_something_was_imported(client, auth, board_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/overview"))
    assert not page.find("option", value="import")
    assert "Imported" not in page.find("figcaption", id="chart-channel-summary").parent.get_text()

    b = board_data["builder"]
    for i in range(5):
        b.respondent(board_data["current"], b.north, datetime(2026, 3, 10, 12), f"Imported {i}", [], channel="import")
    db.session.commit()
    page = soup(client.get("/board/board-test/overview"))
    assert page.find("option", value="import") is not None
    assert "Imported" in page.find("figcaption", id="chart-channel-summary").parent.get_text()


def test_consultation_list_says_closes_or_closed_not_both(client, auth, board_data):
    current, earlier = board_data["current"], board_data["earlier"]
    current.closes_at = utcnow() + timedelta(days=30)
    earlier.closes_at = datetime(2025, 10, 1)
    db.session.commit()
    auth.login("board")
    text = " ".join(soup(client.get("/board/")).get_text(" ").split())
    assert "closes or closed" not in text
    assert "· closes " in text and "· closed 1 October 2025" in text
