"""Stored hostile text never renders as markup, and never as a formula, anywhere it is shown.

Each example stores one generated payload through the real forms in every free-text place: a
consultation's details, its questions, hints and answer options, an area, a theme, a user's name,
residents' written answers (through the survey pages), a review note, a safeguarding note and a
published "You said, we did". Then every page of the app, read from the URL map and followed
through its links, is fetched as an admin: officer pages, board pages and downloads, the API, and
the public pages. HTML pages must show the payload only escaped, the API must carry it as plain
data, and no cell of any CSV or XLSX download may start a formula.
"""
import json
import re
from datetime import date
from html import unescape
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from consult.extensions import db, limiter
from consult.models import Answer, Area, Consultation, Response, Theme, User
from consult.cleaning import clean_text
from consult.services.consultations.outcomes import outcome_rows
from consult.services.summaries import TABLE_KEYS
from tests.conftest import empty_tables, make_app
from tests.fuzz.hostile import (
    FORMULA_PAYLOADS, MARKUP_PAYLOADS, assert_neutral_download, assert_no_injected_markup, body, officer_fuzz,
)
from tests.fuzz.routes import rules, urls

# Text around the payload: no control or line-separator characters, which the forms split on or drop.
around = st.text(alphabet=st.characters(exclude_categories=["Cc", "Cs", "Zl", "Zp"]), max_size=15)
payload = st.one_of(
    st.builds(lambda core, after: core + after, st.sampled_from(FORMULA_PAYLOADS + MARKUP_PAYLOADS), around),
    st.builds(lambda before, core, after: before + core + after, around, st.sampled_from(MARKUP_PAYLOADS), around),
).filter(lambda text: clean_text(text) and len(clean_text(text)) <= 110)
CANONICAL = '=HYPERLINK("http://evil.example")"><img src=x onerror=alert(1)><script>alert(1)</script>'
FLAGGED = "zebracrossing: my partner hits me and I am scared to go home"
HREF = re.compile(r'href="(/[^"#]*)"')


@pytest.fixture
def app(database_url):
    """Every count shown (threshold 1), so quotes and small tables carry the payload too."""
    app = make_app(database_url, SUPPRESSION_THRESHOLD=1)
    with app.app_context():
        yield app
        db.session.remove()
        empty_tables(db.engine)
        db.engine.dispose()


def _posted(client, url, data, status=302):
    response = client.post(url, data=data)
    assert response.status_code == status, f"{url}: {response.status_code} {body(response)[:300]}"
    return response


def _answer_survey(app, consultation, area, text):
    """A resident's visit, in a browser of their own: every question, check, submit."""
    resident = app.test_client()
    single, written, where = consultation.questions
    option = single.options[0]
    for number, data in ((1, {"answer": str(option.id)}), (2, {"answer": text}), (3, {"answer": str(area.id), "postcode": ""})):
        _posted(resident, f"/c/{consultation.slug}/q/{number}", data)
    _posted(resident, f"/c/{consultation.slug}/check", {})
    assert_no_injected_markup(body(resident.get(f"/c/{consultation.slug}/done")))


def _store_everywhere(app, client, auth, text):
    """The payload in every free-text place, through the forms; returns the URL values for the pages."""
    db.session.remove()
    empty_tables(db.engine)
    limiter.reset()
    auth.login("admin")
    hostile_area, other_area = Area(name=text, postcode_districts="CA99"), Area(name="Maryport", postcode_districts="CA15")
    db.session.add_all([hostile_area, other_area])
    db.session.commit()
    _posted(client, "/manage/themes/new", {"slug": "hostile-theme", "name": text, "description": text, "terms": "zebracrossing", "active": "y"})
    invited = _posted(client, "/manage/users/invite", {"email": "hostile@example.org", "name": text, "role": "board"}, status=200)
    token = re.search(r"/auth/set-password/([A-Za-z0-9_-]+)", body(invited)).group(1)
    details = {
        "title": text, "slug": "", "summary": text, "purpose": text, "how_answers_are_used": text, "privacy_notice": text,
        "minutes_to_complete": "5", "closes_day": "27", "closes_month": "3", "closes_year": str(date.today().year + 2),
        "closes_time": "5pm", "retention_months": "24", "areas": [str(hostile_area.id), str(other_area.id)],
    }
    slug = urlsplit(_posted(client, "/manage/consultations/new", details).headers["Location"]).path.rsplit("/", 1)[1]
    for kind, options in (("single", f"{text}\nSafe"), ("long_text", ""), ("area", "")):
        question = {"kind": kind, "title": text, "hint": text, "required": "yes", "options": options, "scale": "agreement", "show_when": ""}
        _posted(client, f"/manage/consultations/{slug}/questions/new", question)
    _posted(client, f"/manage/consultations/{slug}/open", {})
    consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == slug))
    for answer in (f"{text} zebracrossing lights needed", f"{FLAGGED} {text}"):
        _answer_survey(app, consultation, hostile_area, answer)
    answers = db.session.scalars(sa.select(Answer).where(Answer.text.is_not(None)).order_by(Answer.id)).all()
    flag = next(answer for answer in answers if answer.safeguarding_level != "none")
    theme = db.session.scalar(sa.select(Theme).where(Theme.slug == "hostile-theme"))
    _posted(client, f"/manage/review/{answers[0].id}", {"themes": [str(theme.id)], "note": text})
    _posted(client, f"/manage/safeguarding/{flag.id}", {"kind": "referred_police", "note": text})
    _posted(client, f"/manage/consultations/{slug}/close", {})
    outcome = {"introduction": text}
    for row_theme, _count, _item in outcome_rows(consultation):
        outcome[f"heard-{row_theme.id}"] = outcome[f"did-{row_theme.id}"] = text
    _posted(client, f"/manage/consultations/{slug}/outcome", outcome)
    _posted(client, f"/manage/consultations/{slug}/outcome/publish", {})
    return consultation, {
        "slug": slug, ("manage.theme_edit", "slug"): theme.slug, "scope": [slug, "all"], "theme_slug": theme.slug,
        "key": list(TABLE_KEYS), ("board.drilldown_download", "key"): ["sentiment", "phrases"], "fmt": ["csv", "xlsx"],
        "number": [1, 2, 3], "question_id": [q.id for q in consultation.questions], "answer_id": [a.id for a in answers],
        "user_id": db.session.scalar(sa.select(User.id).where(User.email == "hostile@example.org")),
        "code": db.session.scalar(sa.select(Response.receipt_code).limit(1)), "token": token,
    }


def _every_page(client, values, limit=500):
    """Every GET route with the stored objects' values, then every link on the pages fetched.

    Board pages are visited once per path (their filter and sort links vary only the query);
    theme pages only for the hostile theme, so the crawl stays the size of the app, not the taxonomy.
    """
    queue = [url for rule in rules(client.application, "GET") for url in urls(client.application, rule, values)]
    queue += [f"/manage/consultations/{values['slug']}/export.{kind}?raw=1" for kind in ("csv", "xlsx")]
    seen, fetched = set(), {}
    while queue:
        url = queue.pop(0)
        path = urlsplit(url).path
        key = path if path.startswith("/board/") else url
        if key in seen or path.startswith("/static/") or ("/themes/" in path and values["theme_slug"] not in path):
            continue
        seen.add(key)
        response = client.get(url)
        response.get_data()  # a streamed download is read now, inside its own request's context
        response.close()
        assert response.status_code in (200, 302, 404, 409), f"{url}: {response.status_code}"
        fetched[url] = response
        if response.mimetype == "text/html":
            queue += [unescape(href) for href in HREF.findall(body(response))]
        assert len(fetched) < limit, "the crawl is not finding an end"
    return fetched


def _json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


# An example fetches every page of the app (about 130): two generated payloads, and the one above.
@settings(officer_fuzz, max_examples=max(2, officer_fuzz.max_examples // 6))
@example(text=CANONICAL)
@given(text=payload)
def test_stored_hostile_text_never_renders_as_markup_or_a_formula(app, client, auth, text):
    consultation, values = _store_everywhere(app, client, auth, text)
    stored = clean_text(text)
    assert consultation.title == stored and consultation.questions[0].options[0].label == stored
    escaped, shown, cells, api = str(escape(stored)), set(), [], []
    for url, response in _every_page(client, values).items():
        if response.mimetype in ("text/html", "image/svg+xml"):  # the QR code's SVG carries the title
            html = body(response)
            assert_no_injected_markup(html)
            if escaped in html and response.mimetype == "text/html":
                shown.add(urlsplit(url).path.split("/")[1])
        elif response.mimetype == "application/json":
            api += _json_strings(json.loads(body(response)))
        elif response.status_code == 200 and response.mimetype in ("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"):
            try:
                cells += assert_neutral_download(response)
            except AssertionError as problem:
                raise AssertionError(f"{url}: {problem}") from None
    # The payload was really there to be escaped: on officer, board and resident pages alike.
    assert {"manage", "board"} <= shown and shown & {"", "c"}, f"shown escaped only under {shown}"
    assert stored in api, "the API carries the text as data, unescaped"
    neutral = "'" + stored if stored.startswith(("=", "+", "-", "@")) else stored
    assert any(neutral in str(cell) for cell in cells), "downloads hold the text, neutralised"
