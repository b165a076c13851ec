"""The executive summary (/board/<slug>/ and the API): the hand-checked fixture's figures in plain words.

Populations added here: North 4,000 and South 2,500 residents, West not entered. Three more
themes are tagged on North's respondents (Litter 10, Parking 8, Noise 6), so North's top three
are Road safety 60%, Litter 50%, Parking 40%, and Noise (30%) is left out.
"""
import re
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import AnswerTheme, Response, Theme, utcnow
from consult.services.summaries.executive import per_thousand
from consult.services.summaries.suppression import count
from tests.integration.board.conftest import RAW_TOKEN, REDACTED_TOKEN
from tests.integration.manage.builder_helpers import draft_consultation
from tests.pagecheck import soup

JARGON = ("lift", "z-test", "p-value", "significan")


def responses(consultation, area=None):
    query = sa.select(Response).where(Response.consultation_id == consultation.id).order_by(Response.id)
    if area is not None:
        query = query.where(Response.area_id == area.id)
    return db.session.scalars(query).all()


@pytest.fixture
def summary_data(board_data):
    builder = board_data["builder"]
    builder.north.population = 4000
    builder.south.population = 2500
    north = responses(board_data["current"], builder.north)
    for position, (name, respondents) in enumerate([("Litter", 10), ("Parking", 8), ("Noise", 6)], start=3):
        theme = Theme(slug=name.lower(), name=name, position=position, terms=[])
        db.session.add(theme)
        for response in north[:respondents]:
            answer = next(a for a in response.answers if a.text and a.reviewed_at is None)
            answer.themes.append(AnswerTheme(theme=theme, source="auto"))
    db.session.commit()
    return board_data


def rows(page, table_id):
    table = page.find("table", id=table_id)
    return {
        tr.th.get_text(" ", strip=True): [" ".join(td.get_text(" ", strip=True).split()) for td in tr.find_all("td")]
        for tr in table.select("tbody tr")
    }


def body_without_explanation(page):
    board = page.select_one(".board")
    board.find(id="how-figures-are-worked-out").decompose()
    return board.get_text(" ", strip=True)


def test_the_board_opens_a_consultation_on_its_summary_and_keeps_the_overview_in_the_nav(client, auth, summary_data):
    auth.login("board")
    index = soup(client.get("/board/"))
    assert index.find("a", string="Board test survey")["href"] == "/board/board-test/"
    page = soup(client.get("/board/board-test/"))
    assert page.h1.get_text(strip=True) == "Executive summary"
    nav = [a.get_text(strip=True) for a in page.select(".board-nav a")]
    assert nav[:2] == ["Executive summary", "Overview"]
    assert page.select_one(".board-nav a[aria-current=page]").get_text(strip=True) == "Executive summary"
    assert client.get("/board/board-test/overview").status_code == 200


def test_respondents_and_responses_per_thousand_residents_per_area(client, auth, summary_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/"))
    assert page.select_one("#summary-respondents").get_text(strip=True) == "40"
    assert rows(page, "summary-representative") == {
        "North": ["20", "4,000", "5.0"],
        "South": ["15", "2,500", "6.0"],
        "West": ["5", "", "population not entered"],
    }
    assert page.select_one("#summary-representative tfoot").get_text(" ", strip=True) == "All areas 40"


def test_a_rate_is_never_shown_for_a_hidden_count():
    assert per_thousand(count(3), 1000) is None
    assert per_thousand(count(30), None) is None
    assert per_thousand(count(30), 1500) == pytest.approx(20.0)


def test_top_three_priorities_in_each_area_in_plain_words(client, auth, summary_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/"))
    assert rows(page, "summary-priorities") == {
        "North": [
            "Road safety: 60.0% of respondents",
            "Litter: 50.0% of respondents (higher than elsewhere)",
            "Parking: 40.0% of respondents (higher than elsewhere)",
        ],
        "South": ["Drug dealing: 60.0% of respondents (higher than elsewhere)", "", ""],
        "West": ["Too few respondents raised a theme to show."],
    }


def test_the_page_speaks_plain_english_and_explains_the_terms_in_one_section(client, auth, summary_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/"))
    method = page.find(id="how-figures-are-worked-out").get_text(" ", strip=True)
    assert "lift" in method and "two-proportion z-test" in method and "p-value" in method
    assert "1,000 residents" in method and "fewer than 5" in method
    body = body_without_explanation(page).lower()
    assert not [word for word in JARGON if word in body]
    assert "higher than elsewhere" in body


def test_the_other_board_pages_leave_the_jargon_to_the_explanation(client, auth, summary_data):
    auth.login("board")
    north = summary_data["builder"].north.id
    for path in ("overview", "matrix", "priorities", "emerging", "trend", f"themes/road-safety?area={north}"):
        text = soup(client.get(f"/board/board-test/{path}")).select_one(".board").get_text(" ", strip=True).lower()
        assert not [word for word in JARGON if word in text], path


def test_changes_since_the_previous_consultation_come_from_the_priorities(client, auth, summary_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/"))
    # South: drugs 9 of 15 (60%) now against 5 of 10 (50%) in the earlier survey. North's earlier
    # road (3) is hidden, so no change; its new themes were raised by nobody then. No change is 0.0.
    changes = [" ".join(li.get_text(" ", strip=True).split()) for li in page.select("#summary-changes li")]
    assert changes == [
        "North , compared with “Earlier survey”: Litter up 50.0 percentage points; Parking up 40.0 percentage points; Noise up 30.0 percentage points.",
        "South , compared with “Earlier survey”: Drug dealing up 10.0 percentage points.",
    ]
    earlier = soup(client.get("/board/board-earlier/"))
    assert "no earlier consultation with responses" in earlier.select_one("#summary-changes").get_text()


def test_five_distinct_redacted_quotes_never_a_flagged_answer(client, auth, summary_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/"))
    quotes = [q.get_text(strip=True) for q in page.select("#summary-quotes blockquote")]
    assert len(quotes) == 5 and len(set(quotes)) == 5
    assert all(REDACTED_TOKEN in q for q in quotes)
    text = page.get_text()
    assert RAW_TOKEN not in text and "Jo Bloggs" not in text
    assert "North road 6 " not in text  # respondent 6's answer is flagged for safeguarding


def test_safeguarding_flags_are_a_suppressed_count_only(client, auth, summary_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/"))
    assert page.select_one("#summary-flags").get_text(strip=True) == "fewer than 5"
    flagged = [a for r in responses(summary_data["current"]) for a in r.answers if a.text and a.safeguarding_level == "none"][:5]
    for answer in flagged:
        answer.safeguarding_level = "urgent"
        answer.safeguarding_reasons = ["SECRETREASON"]
    db.session.commit()
    page = soup(client.get("/board/board-test/"))
    assert page.select_one("#summary-flags").get_text(strip=True) == "6"
    assert "SECRETREASON" not in page.get_text()


def test_dates_read_closes_on_or_closed_on_never_both(client, auth, summary_data):
    auth.login("board")
    current = summary_data["current"]
    current.closes_at = utcnow() + timedelta(days=30)
    db.session.commit()
    dates = soup(client.get("/board/board-test/")).select_one("#summary-dates").get_text(" ", strip=True)
    assert dates.startswith("Opened on 1 March 2026; closes on ")
    current.closes_at = datetime(2026, 5, 1, 12)
    db.session.commit()
    dates = soup(client.get("/board/board-test/")).select_one("#summary-dates").get_text(" ", strip=True)
    assert dates == "Opened on 1 March 2026; closed on 1 May 2026."
    index = client.get("/board/").get_data(as_text=True)
    assert "closed 1 May 2026" in index and "closes or closed" not in index


def test_the_page_says_when_it_was_generated(client, auth, summary_data):
    auth.login("board")
    generated = soup(client.get("/board/board-test/")).select_one("#summary-generated").get_text(strip=True)
    assert re.fullmatch(r"\S+ on \d{1,2} \w+ \d{4} \(UK time\)", generated)


def test_the_printed_report_starts_with_the_summary_and_ends_with_the_explanation(client, auth, summary_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/report"))
    sections = page.select("section.report-section")
    assert sections[0].h2.get_text(strip=True) == "At a glance"
    assert sections[0].select_one("#summary-flags") is not None
    assert sections[-1]["id"] == "how-figures-are-worked-out"


def test_drafts_are_hidden_from_partners_and_board_members(client, auth, summary_data):
    draft = draft_consultation("secret-draft")
    draft.title = "DRAFTTITLE"
    db.session.commit()
    for role in ("partner", "board"):
        auth.login(role)
        assert client.get("/board/secret-draft/").status_code == 404
        assert client.get("/board/secret-draft/report").status_code == 404
        assert client.get("/api/v1/summaries/secret-draft/summary").status_code == 404
        assert "DRAFTTITLE" not in client.get("/board/all/").get_data(as_text=True)
        auth.logout()
    auth.login("partner")
    assert client.get("/board/board-test/").status_code == 404
    summary_data["current"].status = "published"
    db.session.commit()
    assert client.get("/board/board-test/").status_code == 200


def test_the_api_summary_has_the_same_figures_and_suppression(client, auth, summary_data):
    auth.login("board")
    assert client.get("/api/v1/").get_json()["resources"]["summary"] == "/api/v1/summaries/{scope}/summary"
    body = client.get("/api/v1/summaries/board-test/summary").get_json()
    assert body["consultation"]["slug"] == "board-test" and body["consultation"]["closed"] is False
    assert body["respondents"] == 40
    assert body["safeguarding_flags"] == "fewer than 5"
    areas = {a["area"]: a for a in body["areas"]}
    assert [areas[n]["responses_per_1000_residents"] for n in ("North", "South", "West")] == [5.0, 6.0, None]
    assert areas["West"]["note"] == "population not entered"
    assert [p["name"] for p in areas["North"]["top_priorities"]] == ["Road safety", "Litter", "Parking"]
    assert areas["South"]["top_priorities"][0]["compared_with_elsewhere"] == "higher than elsewhere"
    assert areas["South"]["changes"] == [{"theme": "drugs", "name": "Drug dealing", "percentage_points": 10.0}]
    assert areas["South"]["previous_consultation"] == "Earlier survey"
    assert len({q["text"] for q in body["quotes"]}) == 5
    text = str(body)
    assert RAW_TOKEN not in text and "lift" not in text.lower()


def test_a_filtered_summary_that_would_single_out_a_few_people_is_withheld(client, auth, summary_data):
    """Two of the forty answered on paper: the same differencing rules as every board page."""
    auth.login("board")
    page = soup(client.get("/board/board-test/?channel=paper"))
    assert page.h1.get_text(strip=True) == "These figures are withheld"
    assert page.select_one("#summary-flags") is None
    assert client.get("/api/v1/summaries/board-test/summary?channel=paper").status_code == 403


def test_the_demo_summary_shows_a_rate_for_every_town_with_enough_respondents(client, auth, demo):
    import random

    from consult.services.demo.seed import add_synthetic_responses

    add_synthetic_responses(demo, 60, random.Random(3))
    populations = {area.name: area.population for area in demo.areas}
    auth.login("board")
    page = soup(client.get(f"/board/{demo.slug}/"))
    shown = rows(page, "summary-representative")
    assert set(shown) >= set(populations)
    rates = 0
    for name, (respondents, residents, rate) in shown.items():
        assert residents == f"{populations[name]:,}"
        if respondents.isdigit():
            assert rate == f"{int(respondents) / populations[name] * 1000:.1f}"
            rates += 1
        else:
            assert rate in ("too few responses to show", "not shown")
    assert rates >= 2
    priorities = rows(page, "summary-priorities")
    assert all(len(cells) in (1, 3) for cells in priorities.values())
    assert len(page.select("#summary-quotes blockquote")) == 5
