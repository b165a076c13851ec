"""The board's pages at 1280 x 800 and printed on A4 in Chromium: nothing wider than the page, axe clean."""
import random
import re

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Theme
from consult.services.demo.seed import add_synthetic_responses
from tests.conftest import AuthActions
from tests.e2e.conftest import axe_violations, open_context, sign_in

pytestmark = pytest.mark.e2e

# The board prints on A4 landscape (297 mm wide) with 12 mm margins: 273 mm at 96 px to the inch.
A4_CONTENT_PX = round(273 / 25.4 * 96)
# What sticks out past the right edge of the page (or of a matrix's own box), ignoring hidden text.
WIDER_THAN_PAGE = """(limit) => {
  const found = [];
  for (const element of document.querySelectorAll('body *')) {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.clipPath === 'inset(50%)') continue;
    const box = element.getBoundingClientRect();
    if (box.width && box.right > limit + 1) found.push(element.tagName + '.' + element.className + ' ' + Math.round(box.right));
  }
  return {found: found.slice(0, 10), scrollWidth: document.documentElement.scrollWidth};
}"""
MATRIX_FITS = """() => {
  const table = document.querySelector('#matrix');
  const region = table.closest('.table-scroll');
  return {table: table.scrollWidth, region: region.clientWidth, right: table.getBoundingClientRect().right};
}"""


def check_axe(page):
    problems = axe_violations(page)
    assert problems == [], f"{page.url}: " + "; ".join(problems)


def pdf_pages(pdf):
    """Pages in a PDF (pypdf is not a dependency): Chromium writes one /Type /Page object a page."""
    assert pdf.startswith(b"%PDF")
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.fixture
def board_page(app, demo, live_server, browser):
    add_synthetic_responses(demo, 150, random.Random(7))
    user = AuthActions(app.test_client()).user("board")
    context = open_context(browser, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    sign_in(page, live_server, user, "/board/")
    assert page.url.endswith("/board/")
    yield page
    context.close()


def test_every_theme_of_the_matrix_fits_at_1280_px_without_scrolling(board_page, live_server, demo):
    page = board_page
    themes = db.session.scalars(sa.select(Theme).where(Theme.active)).all()
    for path in ("overview", "matrix", "report"):
        page.goto(f"{live_server}/board/{demo.slug}/{path}")
        fits = page.evaluate(MATRIX_FITS)
        assert fits["table"] <= fits["region"] and fits["right"] <= 1280, f"{path}: {fits}"
        headings = page.locator("#matrix thead th").all_inner_texts()
        assert all(any(theme.name in " ".join(h.split()) for h in headings) for theme in themes)
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        cells = page.locator("#matrix tbody td.numeric[class*='heat-']")
        assert cells.count() > 0 and all(text.strip() for text in cells.all_inner_texts()), "a number in every cell"


def test_board_pages_read_well_on_screen_and_are_axe_clean(board_page, live_server, demo):
    page = board_page
    theme = db.session.scalar(sa.select(Theme).where(Theme.slug == "antisocial-behaviour"))
    for path in ("", "overview", "matrix", f"themes/{theme.slug}?area={demo.areas[0].id}", "trend", "report"):
        page.goto(f"{live_server}/board/{demo.slug}/{path}")
        assert page.locator("h1").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280, path
        check_axe(page)
    page.goto(f"{live_server}/board/{demo.slug}/trend")
    ticks = page.locator("svg[aria-labelledby=chart-month-title] text[text-anchor=end]").evaluate_all(
        "texts => texts.map(text => text.textContent)"
    )
    assert ticks and ticks[0] == "0%" and all(re.fullmatch(r"\d+(\.\d+)?%", t) for t in ticks)


@pytest.mark.parametrize("path, least_pages", [("report", 4), ("matrix", 1)])
def test_printed_pages_fit_a4_with_no_on_screen_instructions(board_page, live_server, demo, path, least_pages):
    page = board_page
    page.goto(f"{live_server}/board/{demo.slug}/{path}")
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
    page.emulate_media(media="print")
    wide = page.evaluate(WIDER_THAN_PAGE, A4_CONTENT_PX)
    assert wide["found"] == [] and wide["scrollWidth"] <= A4_CONTENT_PX, wide
    printed = page.locator("body").inner_text()
    assert "Select a column heading to sort" not in printed
    assert "Use your browser's print command" not in printed
    for hidden in (".filters", ".board-nav", ".manage-nav", ".downloads", "button"):
        assert all(not element.is_visible() for element in page.locator(hidden).all()), hidden
    assert "Road safety" in printed and "All areas" in printed
    check_axe(page)

    # As a browser prints it: the page's own @page (A4 landscape) decides the paper.
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf_pages(pdf) >= least_pages
    # Chromium writes the page's title into the PDF's information as UTF-16 in hex.
    title = page.title().split(" – ")[0]
    assert ("FEFF" + title.encode("utf-16-be").hex().upper()).encode() in pdf, title
    sizes = {(round(float(w)), round(float(h))) for w, h in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)}
    assert sizes and all(abs(w - 842) <= 2 and abs(h - 595) <= 2 for w, h in sizes), f"A4 landscape pages, not {sizes}"
