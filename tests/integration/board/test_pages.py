"""Board pages, downloads and who may see them, on the hand-checked fixture."""
import csv
import io

import pytest
from openpyxl import load_workbook

from consult.extensions import db

from tests.integration.board.conftest import RAW_TOKEN, REDACTED_TOKEN
from tests.pagecheck import soup

BOARD_ROLES = ("admin", "officer", "board", "partner")
PAGES = (
    "/board/",
    "/board/board-test/",
    "/board/board-test/overview",
    "/board/board-test/matrix",
    "/board/board-test/priorities",
    "/board/board-test/themes/road-safety?area={north}",
    "/board/board-test/emerging",
    "/board/board-test/trend",
    "/board/board-test/report",
    "/board/all/",
)


def urls(board_data):
    return [page.format(north=board_data["builder"].north.id) for page in PAGES]


def test_anonymous_visitors_are_sent_to_sign_in(client, board_data):
    for url in urls(board_data) + ["/board/board-test/download/theme-matrix.csv"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ("admin", "officer", "board"))
def test_every_board_role_sees_every_page(client, auth, board_data, role):
    auth.login(role)
    for url in urls(board_data):
        assert client.get(url).status_code == 200, url


def test_partners_see_an_open_consultation_once_its_results_are_published(client, auth, board_data):
    auth.login("partner")
    assert all(client.get(url).status_code == 404 for url in urls(board_data) if "/board-test/" in url)
    board_data["current"].status = "published"
    db.session.commit()
    for url in urls(board_data):
        assert client.get(url).status_code == 200, url


def test_raw_text_never_reaches_a_board_page_or_download(client, auth, board_data):
    auth.login("board")
    bodies = [client.get(url).get_data(as_text=True) for url in urls(board_data)]
    north = board_data["builder"].north.id
    for key in ("theme-matrix", "emerging-concerns", "priorities"):
        bodies.append(client.get(f"/board/board-test/download/{key}.csv").get_data(as_text=True))
    bodies.append(client.get(f"/board/board-test/themes/road-safety/download/phrases.csv?area={north}").get_data(as_text=True))
    assert all(RAW_TOKEN not in body and "Jo Bloggs" not in body for body in bodies)
    assert any(REDACTED_TOKEN in body for body in bodies), "the drill-down quotes redacted text"


def matrix_cells(page):
    table = soup(page).find("table", id="matrix")
    return {
        row.th.get_text(" ", strip=True): [" ".join(td.get_text(" ", strip=True).split()) for td in row.find_all("td")]
        for row in table.find_all("tr")[1:]
    }


def test_matrix_page_shows_the_hand_checked_figures(client, auth, board_data):
    auth.login("board")
    page = client.get("/board/board-test/matrix")
    assert matrix_cells(page) == {
        "North": ["20", "60.0% (12) 1.20 × average", "fewer than 5"],
        "South": ["15", "fewer than 5", "60.0% (9) 1.71 × average ▲ higher than elsewhere"],
        "West": ["5", "not shown", "fewer than 5"],
        "All areas": ["40", "50.0% (20)", "35.0% (14)"],
    }
    body = soup(page).select_one(".board").get_text(" ").lower()
    assert "lift" not in body and "z-test" not in body
    assert soup(page).select_one("a[href='/board/board-test/#how-figures-are-worked-out']") is not None


def test_matrix_sorts_by_a_column_through_the_query_string(client, auth, board_data):
    auth.login("board")
    page = client.get("/board/board-test/matrix?sort=drugs&dir=desc")
    assert list(matrix_cells(page))[:3] == ["South", "North", "West"]
    heading = soup(page).find("th", attrs={"aria-sort": "descending"})
    assert "Drug dealing" in heading.get_text()


def test_overview_charts_have_a_summary_and_a_data_table(client, auth, board_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/overview"))
    figure = page.find("figcaption", id="chart-area-summary").parent
    assert figure.find("svg")["role"] == "img"
    assert "the largest is “North” with 20" in figure.figcaption.get_text()
    rows = [[c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in figure.find("details").find_all("tr")[1:]]
    assert rows == [["North", "20", "50.0%"], ["South", "15", "37.5%"], ["West", "5", "12.5%"], ["All areas", "40", "100.0%"]]
    channel = page.find("figcaption", id="chart-channel-summary").parent
    assert "fewer than 5" in channel.find("svg").get_text()


def test_drilldown_page_quotes_typical_redacted_answers(client, auth, board_data):
    auth.login("board")
    north = board_data["builder"].north.id
    page = soup(client.get(f"/board/board-test/themes/road-safety?area={north}"))
    assert page.h1.get_text(strip=True) == "Road safety in North"
    quotes = [q.get_text(strip=True) for q in page.find_all("blockquote")]
    # "North road 4 ..." says what "North road 5 ..." says but for a number: quoted once (issue 16).
    assert quotes == ["North road 5 SHOWNOKAPI", "North road extra SHOWNOKAPI"]


def test_trend_page_draws_lines_with_their_table(client, auth, board_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/trend"))
    month = page.find("figcaption", id="chart-month-summary").parent
    assert month.find("polyline") is not None
    assert "in 2026-04 the most common of the themes shown was Road safety, for 40.0%" in month.figcaption.get_text()


def test_report_is_printable_with_a_section_per_summary(client, auth, board_data):
    auth.login("board")
    page = soup(client.get("/board/board-test/report"))
    # The executive summary, six summaries, then how the figures are worked out.
    assert len(page.select("section.report-section")) == 8


def test_bad_filters_are_explained_and_the_page_still_shows(client, auth, board_data):
    auth.login("board")
    response = client.get("/board/board-test/?from=2026-02-30&to=2025-01-01&area=9999")
    page = soup(response)
    assert response.status_code == 200
    assert page.title.get_text().startswith("Error: ")
    messages = [a.get_text(strip=True) for a in page.select(".error-summary a")]
    assert messages == ["Choose an area from the list", "Enter a real date in the form YYYY-MM-DD, for example 2026-11-01"]


def test_far_dates_and_an_answer_filter_across_all_consultations_are_handled(client, auth, board_data):
    """Found by tests/fuzz: 'to' 9999-12-31 was a 500, and an answer filter across all consultations
    (where none is offered) linked its error to a list the page did not show."""
    auth.login("board")
    for url in ("/board/all/?from=0001-01-01&to=9999-12-31&option=99", "/board/board-test/matrix?to=9999-12-31"):
        response = client.get(url)
        assert response.status_code == 200 and soup(response).select_one(".error-summary") is None, url


def test_filter_form_moves_the_consultation_into_the_address(client, auth, board_data):
    auth.login("board")
    response = client.get("/board/filter?page=trend&consultation=board-test&channel=web&area=")
    assert response.headers["Location"] == "/board/board-test/trend?channel=web"


@pytest.mark.parametrize("extra", ["scope=x", "endpoint=x", "_method=POST", "_external=1", "_scheme=https", "key=x&fmt=pdf"])
def test_filter_and_download_links_carry_only_the_known_filters(client, auth, board_data, extra):
    """Found in the security review: unknown query arguments reached url_for (a 500, or an
    absolute link built from the Host header)."""
    auth.login("board")
    response = client.get(f"/board/filter?page=overview&consultation=board-test&sort=area&{extra}")
    assert response.status_code == 302
    assert response.headers["Location"] == "/board/board-test/overview?sort=area"
    page = client.get(f"/board/board-test/overview?sort=area&{extra}")
    assert page.status_code == 200
    links = [a["href"] for a in soup(page).select("a[href*='/download/']")]
    assert links and all(link.startswith("/board/board-test/download/") and link.endswith("?sort=area") for link in links)


def test_unknown_consultation_theme_or_table_is_not_found(client, auth, board_data):
    auth.login("board")
    assert client.get("/board/nope/").status_code == 404
    assert client.get("/board/board-test/themes/nope").status_code == 404
    assert client.get("/board/board-test/download/nope.csv").status_code == 404
    assert client.get("/board/board-test/download/theme-matrix.pdf").status_code == 404


def test_matrix_csv_has_the_same_figures(client, auth, board_data):
    auth.login("board")
    response = client.get("/board/board-test/download/theme-matrix.csv")
    assert response.headers["Content-Disposition"] == 'attachment; filename="board-test-theme-matrix.csv"'
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:6] == ["Area", "Respondents", "Road safety: respondents", "Road safety: share", "Road safety: lift", "Road safety: significant difference"]
    assert rows[1:5] == [
        ["North", "20", "12", "60.0", "1.2", "", "fewer than 5", "", "", ""],
        ["South", "15", "fewer than 5", "", "", "", "9", "60.0", "1.71", "higher"],
        ["West", "5", "not shown", "", "", "", "fewer than 5", "", "", ""],
        ["All areas", "40", "20", "50.0", "1.0", "", "14", "35.0", "1.0", ""],
    ]


def test_closed_question_xlsx_has_the_same_figures(client, auth, board_data):
    auth.login("board")
    south = board_data["builder"].south.id
    response = client.get(f"/board/board-test/download/question-1.xlsx?area={south}")
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[:4] == [
        ["Answer", "Respondents", "Share of those who answered"],
        ["Safe", 7, 0.467],  # a share is a fraction shown as a percentage, rounded as on the page
        ["Unsafe", "not shown", None],
        ["Don't know", "fewer than 5", None],
    ]


def test_trend_csv_applies_secondary_suppression(client, auth, board_data):
    auth.login("board")
    text = client.get("/board/board-test/download/trend-by-month.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[1:3] == [["2026-03", "20", "12", "60.0", "fewer than 5", ""], ["2026-04", "20", "8", "40.0", "not shown", ""]]
