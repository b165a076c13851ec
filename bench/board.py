"""Benchmark: the board's overview page and theme x area matrix at N responses, next to bare SQL.

Run from the repository root: ``python bench/board.py [N ...]`` (default 10000 100000 1000000).
Each N is seeded once with the demo's synthetic responses into its own SQLite file,
/tmp/bench-board-N.db, and reused on later runs (seeding resumes if it was interrupted).
With DATABASE_URL set (e.g. PostgreSQL) that one database is used and topped up or reseeded
for each N. Prints, per N: responses, answers, the one-off recount of the maintained counts
(summary_count) from the answers, then the overview page and the executive summary (the
board's first page) through the Flask test client (signed in as a board member), the matrix
service call, and two bare SQL figures for the
matrix on the same data: the GROUP BY over the answers and tags themselves (what the board
would run without maintained counts) and the GROUP BY over summary_count (what it runs).
Then, for the pages issue 19 names, one line each beside the equivalent bare SQL on the same
data: the drill-down of the most raised theme, the matrix under every filter of the board (area,
channel, a week's dates, an answered option, written only, ticked only) and the trend.
Timings are the median of five runs after one warm-up (three for bare SQL over the answers).
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import datetime, time as dt_time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CONSULT_ENV", "testing")

import sqlalchemy as sa  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from config import engine_options  # noqa: E402
from consult import create_app  # noqa: E402
from consult.extensions import db  # noqa: E402
from consult.models import Answer, AnswerTheme, Consultation, Option, Question, Response, Theme  # noqa: E402
from consult.services import summaries  # noqa: E402
from consult.services.summaries import tally  # noqa: E402
from consult.services.summaries.filters import week_end, week_start  # noqa: E402
from consult.services.demo.seed import clear_all, seed_demo  # noqa: E402
from consult.services.accounts.users import create_user, find_user  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000)
RUNS = 5
EMAIL = "bench-board@example.org"
PASSWORD = "a long benchmark password for the board"
SLUG = "community-safety-survey"

BARE_MATRIX = """
SELECT r.area_id, t.theme_id, COUNT(DISTINCT a.response_id)
FROM answer_theme t JOIN answer a ON a.id = t.answer_id JOIN response r ON r.id = a.response_id
WHERE r.consultation_id = :c
  AND ((a.reviewed_at IS NULL AND t.source = 'auto') OR (a.reviewed_at IS NOT NULL AND t.source = 'officer'))
GROUP BY r.area_id, t.theme_id
"""
BARE_RESPONDENTS = "SELECT area_id, COUNT(*) FROM response WHERE consultation_id = :c GROUP BY area_id"
# The same, under one filter of the board: {where} is ANDed onto the responses.
BARE_FILTERED = """
SELECT r.area_id, t.theme_id, COUNT(DISTINCT a.response_id)
FROM answer_theme t JOIN answer a ON a.id = t.answer_id JOIN response r ON r.id = a.response_id
WHERE r.consultation_id = :c {where}
  AND ((a.reviewed_at IS NULL AND t.source = 'auto') OR (a.reviewed_at IS NOT NULL AND t.source = 'officer'))
GROUP BY r.area_id, t.theme_id
"""
BARE_TICKED = """
SELECT r.area_id, o.theme_id, COUNT(DISTINCT a.response_id)
FROM option o JOIN answer a ON a.question_id = o.question_id AND a.option_id = o.id JOIN response r ON r.id = a.response_id
WHERE o.theme_id IS NOT NULL AND r.consultation_id = :c {where}
GROUP BY r.area_id, o.theme_id
"""
BARE_FILTERED_RESPONDENTS = "SELECT area_id, COUNT(*) FROM response r WHERE r.consultation_id = :c {where} GROUP BY area_id"
# The drill-down's sentiment bands and the trend's months, counted from the answers.
BARE_DRILLDOWN = """
SELECT CASE WHEN a.sentiment < -0.05 THEN 'negative' WHEN a.sentiment > 0.05 THEN 'positive' ELSE 'neutral' END AS band, COUNT(*)
FROM answer_theme t JOIN answer a ON a.id = t.answer_id JOIN response r ON r.id = a.response_id
WHERE t.theme_id = :theme AND r.consultation_id = :c AND a.sentiment IS NOT NULL
  AND ((a.reviewed_at IS NULL AND t.source = 'auto') OR (a.reviewed_at IS NOT NULL AND t.source = 'officer'))
GROUP BY band
"""
BARE_TREND = """
SELECT {month}, t.theme_id, COUNT(DISTINCT a.response_id)
FROM answer_theme t JOIN answer a ON a.id = t.answer_id JOIN response r ON r.id = a.response_id
WHERE r.consultation_id = :c
  AND ((a.reviewed_at IS NULL AND t.source = 'auto') OR (a.reviewed_at IS NOT NULL AND t.source = 'officer'))
GROUP BY 1, t.theme_id
"""
BARE_COUNTS = """
SELECT area_key, item_id, SUM(count) FROM summary_count WHERE kind = :kind AND consultation_id = :c
GROUP BY area_key, item_id
"""


def timed(action, runs=RUNS):
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def prepare(url, size):
    """A migrated database holding exactly `size` synthetic responses; returns the app."""
    app = create_app({
        "SQLALCHEMY_DATABASE_URI": url,
        "SQLALCHEMY_ENGINE_OPTIONS": engine_options(url),
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
    })
    with app.app_context():
        upgrade()
        survey = db.session.scalar(sa.select(Consultation).where(Consultation.slug == SLUG))
        have = 0 if survey is None else db.session.scalar(
            sa.select(sa.func.count()).select_from(Response).where(Response.consultation_id == survey.id)
        )
        if have > size:
            clear_all()
            have = 0
        if have < size:
            started = time.perf_counter()
            # All of them in the open survey, whose board pages are the ones measured.
            seed_demo(responses=size - have, seed=2026 + have, progress=_progress(size - have), closed_share=0)
            print(f"  seeded {size - have:,} responses in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        if find_user(EMAIL) is None:
            create_user(EMAIL, "board", PASSWORD, name="Benchmark")
            db.session.commit()
        with db.engine.connect() as connection:
            connection.execute(sa.text("ANALYZE"))
            connection.commit()
    return app


def _progress(total):
    done = [0]

    def report(count):
        done[0] += count
        if done[0] % 50_000 < count:
            print(f"  ... {done[0]:,} / {total:,}", file=sys.stderr)

    return report


def measure(app):
    with app.app_context():
        survey = db.session.scalar(sa.select(Consultation).where(Consultation.slug == SLUG))
        responses = db.session.scalar(sa.select(sa.func.count()).select_from(Response).where(Response.consultation_id == survey.id))
        answers = db.session.scalar(sa.select(sa.func.count()).select_from(Answer))
        filters = summaries.Filters(consultation_id=survey.id)
        areas = list(survey.areas)

        def matrix():
            summaries.theme_matrix(filters, areas)
            db.session.rollback()

        def bare():
            db.session.execute(sa.text(BARE_MATRIX), {"c": survey.id}).all()
            db.session.execute(sa.text(BARE_RESPONDENTS), {"c": survey.id}).all()
            db.session.rollback()

        def bare_counts():
            db.session.execute(sa.text(BARE_COUNTS), {"c": survey.id, "kind": "theme"}).all()
            db.session.execute(sa.text(BARE_COUNTS), {"c": survey.id, "kind": "respondents"}).all()
            db.session.rollback()

        started = time.perf_counter()
        tally.rebuild()
        recount_s = time.perf_counter() - started
        matrix_ms = timed(matrix)
        bare_ms = timed(bare, runs=3)
        counts_ms = timed(bare_counts)
    client = app.test_client()
    signed_in = client.post("/auth/login", data={"email": EMAIL, "password": PASSWORD})
    assert signed_in.status_code == 302, "could not sign in"

    def page(path):
        def fetch():
            response = client.get(f"/board/{SLUG}/{path}")
            assert response.status_code == 200, (path, response.status_code)
        return fetch

    overview_ms = timed(page("overview"))
    summary_ms = timed(page(""))
    pages = pages_beside_bare_sql(app, page)
    return (responses, answers, recount_s, overview_ms, summary_ms, matrix_ms, bare_ms, counts_ms), pages


def pages_beside_bare_sql(app, page):
    """[(page, filter, page ms, bare SQL ms)] for the drill-down, the matrix under each filter and the trend."""
    with app.app_context():
        survey = db.session.scalar(sa.select(Consultation).where(Consultation.slug == SLUG))
        area = survey.areas[0].id
        # The first choice of the first single-choice question: the "answered an option" filter.
        option = db.session.scalar(
            sa.select(Option.id).join(Question, Question.id == Option.question_id)
            .where(Question.consultation_id == survey.id, Question.kind == "single")
            .order_by(Question.position, Option.position)
        )
        first = db.session.scalar(sa.select(sa.func.min(Response.submitted_at)).where(Response.consultation_id == survey.id))
        # A whole week (the board widens dates to Monday to Sunday) a week after the first response.
        week_from = week_start(first.date() + timedelta(days=7))
        week_to = week_end(week_from)
        theme = db.session.scalar(
            sa.select(Theme).join(AnswerTheme, AnswerTheme.theme_id == Theme.id)
            .group_by(Theme.id).order_by(sa.func.count().desc()).limit(1)
        )
        month = "to_char(r.submitted_at, 'YYYY-MM')" if db.engine.dialect.name == "postgresql" else "strftime('%Y-%m', r.submitted_at)"
        params = {
            "c": survey.id, "area": area, "option": option, "theme": theme.id,
            "start": datetime.combine(week_from, dt_time.min), "end": datetime.combine(week_to, dt_time.max),
        }
        filters = [
            ("none", "", BARE_FILTERED, ""),
            ("area", f"area={area}", BARE_FILTERED, "AND r.area_id = :area"),
            ("channel", "channel=paper", BARE_FILTERED, "AND r.channel = 'paper'"),
            ("dates", f"from={week_from}&to={week_to}", BARE_FILTERED, "AND r.submitted_at >= :start AND r.submitted_at <= :end"),
            ("option", f"option={option}", BARE_FILTERED, "AND r.id IN (SELECT response_id FROM answer WHERE option_id = :option)"),
            ("written", "source=written", BARE_FILTERED, ""),
            ("ticked", "source=ticked", BARE_TICKED, ""),
        ]

        def bare(*queries):
            def run():
                for query in queries:
                    db.session.execute(sa.text(query), params).all()
                db.session.rollback()
            return lambda: timed(run, runs=3)

        plans = [("drill-down", "none", f"themes/{theme.slug}", bare(BARE_DRILLDOWN))]
        for name, args, query, where in filters:
            respondents = BARE_FILTERED_RESPONDENTS.format(where=where)
            plans.append(("matrix", name, f"matrix?{args}", bare(query.format(where=where), respondents)))
        for name, args, _query, where in filters:
            if name != "none":
                plans.append(("drill-down", name, f"themes/{theme.slug}?{args}", bare(BARE_DRILLDOWN.replace("GROUP BY", f"{where} GROUP BY"))))
        plans.append(("trend", "none", "trend", bare(BARE_TREND.format(month=month))))
        plans.append(("trend", "option", f"trend?option={option}", bare(
            BARE_TREND.format(month=month).replace("GROUP BY", "AND r.id IN (SELECT response_id FROM answer WHERE option_id = :option) GROUP BY")
        )))
        plans.append(("summary", "option", f"?option={option}", bare(BARE_FILTERED.format(where=filters[4][3]), BARE_FILTERED_RESPONDENTS.format(where=filters[4][3]))))
    found = []
    for kind, name, path, bare_sql in plans:
        page_ms = timed(page(path))
        with app.app_context():
            bare_ms = bare_sql()
        print(f"  {kind:<11} {name:<8} page {page_ms:9.1f} ms   bare SQL {bare_ms:9.1f} ms", file=sys.stderr)
        found.append((kind, name, page_ms, bare_ms))
    return found


def main(argv):
    sizes = [int(arg.replace("_", "").replace("k", "000").replace("M", "000000")) for arg in argv] or SIZES
    shared_url = os.environ.get("DATABASE_URL")
    rows, pages = [], []
    for size in sizes:
        url = shared_url or f"sqlite:////tmp/bench-board-{size}.db"
        print(f"N = {size:,} on {url.split(':')[0]}", file=sys.stderr)
        app = prepare(url, size)
        figures, timed_pages = measure(app)
        rows.append((url.split(":")[0].split("+")[0], *figures))
        pages.append((size, timed_pages))
        with app.app_context():
            db.engine.dispose()
    print(
        f"{'database':<10} {'responses':>10} {'answers':>11} {'recount s':>10} {'overview ms':>12} {'summary ms':>11} {'matrix ms':>10} "
        f"{'bare SQL on answers ms':>23} {'bare SQL on counts ms':>22} {'overview / bare on answers':>27}"
    )
    for name, responses, answers, recount_s, overview_ms, summary_ms, matrix_ms, bare_ms, counts_ms in rows:
        print(
            f"{name:<10} {responses:>10,} {answers:>11,} {recount_s:>10.1f} {overview_ms:>12.1f} {summary_ms:>11.1f} {matrix_ms:>10.1f} "
            f"{bare_ms:>23.1f} {counts_ms:>22.1f} {overview_ms / bare_ms:>27.2f}"
        )
    print(f"\n{'N':>10} {'page':<11} {'filter':<8} {'page ms':>9} {'bare SQL ms':>12}")
    for size, timed_pages in pages:
        for kind, name, page_ms, bare_ms in timed_pages:
            print(f"{size:>10,} {kind:<11} {name:<8} {page_ms:>9.1f} {bare_ms:>12.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
