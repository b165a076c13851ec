"""A live server on loopback and Debian's Chromium driven by Playwright, with axe-core on each page."""
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from tests.conftest import AuthActions, make_app

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(message):
    # CI installs Chromium and axe-core, so a missing one there is a failure, not a skip.
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def serving(database_url, **settings):
    """An app with CSRF on (and `settings`), served by a real HTTP server on 127.0.0.1; yields its URL."""
    served = make_app(database_url, WTF_CSRF_ENABLED=True, **settings)
    server = make_server("127.0.0.1", 0, served, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture
def live_server(app, database_url, demo):
    """The app served on 127.0.0.1 for the length of a test."""
    with serving(database_url) as url:
        yield url


@pytest.fixture
def browser():
    chromium = shutil.which("chromium")
    if chromium is None:
        _missing("Chromium is not installed: run `apt-get install chromium` (Debian) to run the browser tests")
    if not AXE.exists():
        _missing("axe-core is not installed: run `npm ci` in the repository to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def open_context(browser, **options):
    """A browser context with the site's Content-Security-Policy enforced, as residents get it.

    Chromium reports each thing the policy refused on the console; they are collected in
    `csp_refusals` so that axe_violations reports them too.
    """
    context = browser.new_context(**options)
    refusals = []
    context.on("console", lambda message: refusals.append(message.text) if "Content Security Policy" in message.text else None)
    context.csp_refusals = refusals
    return context


@pytest.fixture
def phone(browser):
    """A phone-sized page (390 x 844)."""
    context = open_context(browser, viewport={"width": 390, "height": 844}, java_script_enabled=True)
    page = context.new_page()
    yield page
    context.close()


def landed(page):
    """Wait until the page a click led to has loaded and has its one h1.

    A click that submits a form or follows a link returns before the next page is parsed; reading
    the page at once can see a document without its heading yet (it did once in CI, on a loaded
    machine). `expect` retries until the heading is there (up to its timeout)."""
    expect(page.locator("h1")).to_have_count(1)
    page.wait_for_load_state("load")


def axe_violations(page):
    """Run axe-core's WCAG 2.2 A and AA rules on the page; returns readable violations, and
    anything the Content-Security-Policy refused so far in this page's context."""
    # Evaluated through the browser's debugging protocol, which the page's CSP does not govern:
    # the policy stays enforced for everything the page itself loads.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
    ]
    return violations + [f"CSP refused: {text}" for text in getattr(page.context, "csp_refusals", [])]


def sign_in(page, live_server, user, start="/auth/login"):
    """Sign `user` in through the form, reached at `start` (a protected page sends the browser there)."""
    page.goto(live_server + start)
    page.fill("#email", user.email)
    page.fill("#password", AuthActions.PASSWORD)
    page.locator("button[type=submit]").click()
