"""Hostile input for the fuzz tests: payloads, hypothesis strategies, and the checks every answer must pass.

A page passes when it holds no markup an attacker typed (no injected script, element or event
handler); a spreadsheet passes when no text cell can run as a formula, by the rule the exports
apply (consult/services/consultations/exports.py: a cell starting with = + - @ tab or CR gets a leading ').
"""
import csv
import gzip
import io
import os
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

MARKUP_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
]
FORMULA_PAYLOADS = [
    '=HYPERLINK("http://evil.example","click")',
    "+SUM(1,2)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
PAYLOADS = [
    *MARKUP_PAYLOADS,
    *FORMULA_PAYLOADS,
    "' OR 1=1 --",
    "\u202egnp.exe",
    "\x00\x00NUL",
    "😀" * 50,
    "ﷺ مرحبا بالعالم",
    "A" * 6000,
]
# Huge texts repeat a generated piece: a form of many 6,000-character fields stays cheap to generate.
huge_text = st.builds(lambda piece, size: (piece * size)[:size], st.text(min_size=1, max_size=30), st.integers(4000, 6000))
hostile_text = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=400), huge_text)
# Fits any box with a limit (of 120 characters or more) and is not blank: the saving path runs.
short_hostile_text = st.one_of(
    st.sampled_from([p for p in PAYLOADS if len(p) <= 120 and p.strip("\x00 \t\r")]),
    st.text(min_size=1, max_size=120).filter(lambda text: text.strip()),
)
# For fields that expect a number: digits Python's str.isdigit() accepts but int() may not, huge ones.
NUMBERISH = ["²", "1²", "٣", "１２", "99999999999999999999", "9" * 5000, "-1", "0", "1e3", "2,5", "0x1F", "⅓"]
hostile_number = st.one_of(
    st.sampled_from(NUMBERISH), st.text(alphabet=st.characters(categories=["Nd", "No", "Nl"]), max_size=30), hostile_text
)
# Raw form values that are not UTF-8: lone continuation bytes, an encoded lone surrogate, overlongs.
INVALID_UTF8 = [b"\xff\xfe", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80abc", b"\xf4\x90\x80\x80", b"caf\xe9"]
invalid_utf8 = st.one_of(st.sampled_from(INVALID_UTF8), st.binary(max_size=200))

fuzz = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
# Officer forms re-render every field on a problem, and every page is checked: fewer, larger examples.
# FUZZ_EXAMPLES=500 runs a deeper search by hand; the suite keeps to a few seconds a form.
officer_fuzz = settings(fuzz, max_examples=int(os.environ.get("FUZZ_EXAMPLES", "12")))

_OWN_SCRIPT = re.compile(r"^/static/[^\s<>]+$")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[-+]?[0-9]+(\.[0-9]+)?$")


def body(response):
    data = response.get_data()
    if response.headers.get("Content-Encoding") == "gzip":
        data = gzip.decompress(data)
    return data.decode()


class _Elements(HTMLParser):
    """Every start tag's name and attributes, as a browser would read them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def assert_no_injected_markup(html):
    """No payload's markup survives unescaped, and nothing on the page could run script: no
    inline event handler, no javascript: link, no script but our own static files."""
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>"):
        assert payload not in html
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.tags:
        handlers = [name for name in attrs if name.startswith("on")]
        assert not handlers, f"<{tag}> with event handler {handlers}"
        links = [value for name, value in attrs.items() if name in ("href", "src", "action", "formaction")]
        assert not any((value or "").strip().lower().startswith("javascript:") for value in links), f"<{tag}> {attrs}"
        if tag == "script":
            assert _OWN_SCRIPT.match(attrs.get("src") or ""), f"script not from /static: {attrs}"


def form_bytes(fields):
    """An application/x-www-form-urlencoded body from (name, bytes value) pairs, bytes kept as they are."""
    from urllib.parse import quote_from_bytes

    return b"&".join(quote_from_bytes(name.encode()).encode() + b"=" + quote_from_bytes(value).encode() for name, value in fields)


def post_raw(client, url, fields):
    """Post values that are not valid UTF-8 (a browser never would; a script can)."""
    return client.post(url, data=form_bytes(fields), content_type="application/x-www-form-urlencoded")


def answered_politely(client, response, allowed=(200, 302, 303, 400, 413)):
    """The response is an allowed status with no injected markup; a redirect's target page too."""
    assert response.status_code in allowed, f"{response.status_code}: {body(response)[:500]}"
    event(f"status {response.status_code}")  # pytest --hypothesis-show-statistics: did examples get saved?
    if response.mimetype == "text/html":
        assert_no_injected_markup(body(response))
    if response.status_code in (302, 303):
        landing = client.get(response.headers["Location"])
        assert landing.status_code == 200, f"redirect to {response.headers['Location']}: {landing.status_code}"
        assert_no_injected_markup(body(landing))
    return response


def is_neutral_cell(value):
    """True when a spreadsheet shows the cell as text or a plain number, never as a formula."""
    if not isinstance(value, str):
        return True
    return not value.startswith(FORMULA_START) or bool(_NUMBER.match(value))


def csv_cells(data):
    """Every cell of a CSV download (UTF-8, with or without a byte-order mark)."""
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def xlsx_cells(data):
    """Every cell of an XLSX download as (value, openpyxl data type); 'f' is a formula."""
    workbook = load_workbook(io.BytesIO(data))
    return [(cell.value, cell.data_type) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def assert_neutral_download(response):
    """Every cell of a CSV or XLSX download is text or a number; returns the cell values."""
    assert response.status_code == 200
    if response.mimetype == "text/csv":
        values = csv_cells(response.get_data())
    else:
        cells = xlsx_cells(response.get_data())
        formulas = [value for value, kind in cells if kind == "f"]
        assert not formulas, f"formula cells: {formulas[:3]!r}"
        values = [value for value, _kind in cells]
    live = [value for value in values if not is_neutral_cell(value)]
    assert not live, f"cells that run as formulas: {[v[:80] for v in live[:3]]!r}"
    return values
