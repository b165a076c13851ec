"""Checks every HTML page a test fetches, in the style of GOV.UK Notify's client_request fixture."""
from collections import Counter

import html5lib
from babel.support import Translations
from bs4 import BeautifulSoup

from config import BASE_DIR
from flask import g, has_app_context
from flask.testing import FlaskClient


class PageProblem(AssertionError):
    pass


def error_prefix(page):
    """'Error: ' in the page's language ('Błąd: ' on a Polish page)."""
    language = (page.html.get("lang") if page.html else None) or "en"
    translations = Translations.load(str(BASE_DIR / "translations"), [language.split("-")[0]])
    return translations.gettext("Error:") + " "


def check_page(html, path=""):
    """Fail unless the page is valid HTML with one h1, a title that starts with it, unique ids,
    labelled inputs and forms with an action and a CSRF token. Returns the parsed page."""
    try:
        html5lib.HTMLParser(strict=True).parse(html)
    except html5lib.html5parser.ParseError as error:
        raise PageProblem(f"{path}: invalid HTML: {error}") from None
    page = BeautifulSoup(html, "html.parser")
    problems = []
    headings = page.find_all("h1")
    if len(headings) != 1:
        problems.append(f"expected exactly one <h1>, found {len(headings)}")
    # Browsers collapse white space in the title (document.title), as in the h1's text.
    title = " ".join(page.title.get_text(" ", strip=True).split()) if page.title else ""
    if headings:
        heading = " ".join(headings[0].get_text(" ", strip=True).split())
        prefix = error_prefix(page)
        bare_title = title.removeprefix(prefix)
        if not bare_title.startswith(heading):
            problems.append(f"title {title!r} does not start with the h1 {heading!r}")
        has_errors = page.select_one(".error-summary") is not None
        if has_errors != title.startswith(prefix):
            problems.append(f"the title must start with {prefix!r} exactly when the page shows errors")
    ids = Counter(tag["id"] for tag in page.find_all(id=True))
    problems += [f"duplicate id {name!r}" for name, count in ids.items() if count > 1]
    for form in page.find_all("form"):
        if not form.get("action"):
            problems.append("a form has no action")
        if form.get("method", "get").lower() == "post" and not form.find("input", attrs={"name": "csrf_token"}):
            problems.append("a POST form has no csrf_token")
    labelled = {label.get("for") for label in page.find_all("label")}
    for field in page.find_all(["input", "textarea", "select"]):
        if field.get("type") in ("hidden", "submit", "button"):
            continue
        if field.get("id") not in labelled:
            problems.append(f"field {field.get('name')!r} has no label")
    for tag in page.find_all(attrs={"aria-describedby": True}):
        problems += [f"aria-describedby points to missing id {ref!r}" for ref in tag["aria-describedby"].split() if ref not in ids]
    for link in page.select('a[href^="#"]'):
        if link["href"][1:] not in ids:
            problems.append(f"link to missing id {link['href']!r}")
    if problems:
        raise PageProblem(f"{path}: " + "; ".join(problems))
    return page


class CheckingClient(FlaskClient):
    """A test client that checks every HTML page it receives."""

    def open(self, *args, **kwargs):
        _start_request_with_empty_g()
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and not 300 <= response.status_code < 400:
            path = args[0] if args and isinstance(args[0], str) else kwargs.get("path", "")
            check_page(response.get_data(as_text=True), path)
        return response


def _start_request_with_empty_g():
    """Tests hold one app context open across requests, and Flask reuses it (and its `g`) for each
    request; a server gives every request a new one. Emptying `g` first keeps what a request
    remembers there (the signed-in user, the CSRF token) from leaking into the next."""
    if has_app_context():
        for name in list(g):
            g.pop(name)


def soup(response):
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")
