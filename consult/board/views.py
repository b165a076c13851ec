"""Board pages: each view reads the scope and filters, calls the summaries service, renders."""
from flask import Response, abort, redirect, render_template, request, url_for
from flask_login import current_user

from consult.board import bp, charts
from consult.models import utcnow
from consult.services import summaries
from consult.services.summaries import export, freshness
from consult.services.summaries.stats import TEST_NAME

ALL = "all"
PAGES = ("summary", "overview", "matrix", "priorities", "emerging", "trend", "who_responded", "report")
# The query arguments a board page reads; only these are carried into links and redirects, so
# nothing a visitor adds reaches url_for (as `_external`, `_method` or an endpoint's own name).
PAGE_ARGS = ("area", "from", "to", "channel", "option", "source", "sort", "dir")
FORMATS = {"csv": "text/csv; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _scope(scope):
    """The consultation a URL names, or None for "all consultations". :raise 404: unknown slug."""
    if scope == ALL:
        return None
    consultation = summaries.consultation_by_slug(scope, current_user.role, summaries.area_limit(current_user))
    if consultation is None:
        abort(404)
    return consultation


class Withheld(Exception):
    """A filtered view that could be subtracted from another to reveal a few people (differencing.py)."""

    def __init__(self, context):
        super().__init__(context["withheld"])
        self.context = context


@bp.errorhandler(Withheld)
def withheld(error):
    return render_template("board/withheld.html", **error.context)


@bp.errorhandler(freshness.Updating)
def updating(error):
    """503 with Retry-After: the figures are temporarily unavailable, and no cache keeps this page."""
    body = render_template("board/updating.html", consultation=error.consultation, job=error.job, retry_after=freshness.RETRY_AFTER)
    return body, 503, {"Retry-After": str(freshness.RETRY_AFTER), "Cache-Control": "no-store"}


def _context(scope, page):
    """What every board page shows around its figures.

    :raise Withheld: when the filters may not be shown.
    :raise Updating: while the figures are being brought up to date.
    """
    consultation = _scope(scope)
    freshness.ensure_fresh(consultation)
    # Every figure on every page (and download) is limited here, once, to what the reader may see.
    area_ids = summaries.area_limit(current_user)
    visible = summaries.board_consultations(current_user.role, area_ids)
    filters, choices = summaries.parse_filters(request.args, consultation, visible, area_ids)
    context = {
        "scope": scope,
        "page": page,
        "consultation": consultation,
        "consultations": visible,
        "filters": filters,
        "choices": choices,
        "area": summaries.area_by_id(filters.area_id),
        "args": filters.query_args(),
        "args_without_area": {k: v for k, v in filters.query_args().items() if k != "area"},
        "has_error": bool(choices.errors),
        "withheld": summaries.withheld_reason(filters),
        "channels_used": summaries.channels_used(filters),
    }
    if context["withheld"]:
        raise Withheld(context)
    return context


def _page_args():
    """This request's known page arguments that have a value."""
    return {name: request.args[name] for name in PAGE_ARGS if request.args.get(name, "").strip()}


@bp.get("/")
def index():
    found = summaries.board_consultations(current_user.role, summaries.area_limit(current_user))
    return render_template("board/index.html", consultations=found)


@bp.get("/filter")
def filter_redirect():
    """The filter form's target: move the consultation choice into the URL, keep the rest."""
    page = request.args.get("page", "summary")
    scope = request.args.get("consultation") or ALL
    args = _page_args()
    if page == "drilldown" and request.args.get("theme"):
        return redirect(url_for("board.drilldown", scope=scope, theme_slug=request.args["theme"], **args))
    if page not in PAGES:
        page = "summary"
    return redirect(url_for(f"board.{page}", scope=scope, **args))


@bp.get("/<scope>/")
def summary(scope):
    """The executive summary: the board's first page for a consultation."""
    context = _context(scope, "summary")
    found = summaries.executive_summary(context["filters"], context["consultation"], utcnow())
    return render_template("board/summary.html", summary=found, **context)


@bp.get("/<scope>/overview")
def overview(scope):
    context = _context(scope, "overview")
    consultation, filters = context["consultation"], context["filters"]
    areas = consultation.areas if consultation else ()
    matrix = summaries.theme_matrix(filters, areas)
    sort, descending = _sort()
    return render_template(
        "board/overview.html",
        by_area=summaries.responses_by_area(filters, areas),
        by_channel=summaries.responses_by_channel(filters),
        questions=summaries.closed_questions(filters, consultation),
        matrix=matrix,
        rows=summaries.sort_matrix(matrix, sort, descending),
        sort=sort,
        descending=descending,
        **context,
    )


def _sort():
    return request.args.get("sort", "area"), request.args.get("dir") == "desc"


@bp.get("/<scope>/matrix")
def matrix(scope):
    context = _context(scope, "matrix")
    consultation = context["consultation"]
    matrix = summaries.theme_matrix(context["filters"], consultation.areas if consultation else ())
    sort, descending = _sort()
    rows = summaries.sort_matrix(matrix, sort, descending)
    sources = summaries.theme_sources(context["filters"], matrix.themes)
    return render_template(
        "board/matrix.html", matrix=matrix, rows=rows, sort=sort, descending=descending, sources=sources, **context
    )


@bp.get("/<scope>/priorities")
def priorities(scope):
    context = _context(scope, "priorities")
    communities = summaries.priorities(context["filters"], context["consultation"])
    return render_template(
        "board/priorities.html", communities=communities, comparison=summaries.comparison_note(communities), **context
    )


@bp.get("/<scope>/themes/<theme_slug>")
def drilldown(scope, theme_slug):
    """Sentiment, key phrases and typical quotes for one theme, in the filtered area (or all).

    :raise 404: unknown consultation or theme.
    """
    context = _context(scope, "matrix")
    theme = _theme(theme_slug)
    area_name = context["area"].name if context["area"] else "All areas"
    detail = summaries.drilldown(theme, context["filters"], area_name)
    sources = summaries.theme_sources(context["filters"], [theme])
    return render_template("board/drilldown.html", detail=detail, theme=theme, sources=sources, **context)


def _theme(slug):
    theme = summaries.theme_by_slug(slug)
    if theme is None:
        abort(404)
    return theme


@bp.get("/<scope>/emerging")
def emerging(scope):
    context = _context(scope, "emerging")
    answers, table = summaries.emerging_concerns(context["filters"])
    other_languages = summaries.awaiting_review_in_other_languages(context["filters"])
    return render_template("board/emerging.html", answers=answers, table=table, other_languages=other_languages, **context)


@bp.get("/<scope>/trend")
def trend(scope):
    context = _context(scope, "trend")
    by_month, month_themes = summaries.trend_by_month(context["filters"])
    by_consultation, consultation_themes = summaries.trend_by_consultation(context["filters"])
    return render_template(
        "board/trend.html",
        by_month=by_month,
        month_themes=month_themes,
        by_consultation=by_consultation,
        consultation_themes=consultation_themes,
        **context,
    )


@bp.get("/<scope>/who-responded")
def who_responded(scope):
    """Respondents by age band and sex in each area against its population, with the gaps in words."""
    context = _context(scope, "who_responded")
    consultation = context["consultation"]
    areas = consultation.areas if consultation else context["choices"].areas
    return render_template(
        "board/who_responded.html",
        areas=summaries.who_responded(context["filters"], areas),
        weighted=summaries.weighted_answers(context["filters"], consultation, areas),
        **context,
    )


@bp.get("/<scope>/report")
def report(scope):
    """Every summary on one printable page (A4, a page break between sections), the executive summary first."""
    context = _context(scope, "report")
    consultation, filters = context["consultation"], context["filters"]
    summary = summaries.executive_summary(filters, consultation, utcnow())
    areas = consultation.areas if consultation else ()
    matrix = summaries.theme_matrix(filters, areas)
    by_month, month_themes = summaries.trend_by_month(filters)
    communities = summaries.priorities(filters, consultation, limit=5)
    return render_template(
        "board/report.html",
        summary=summary,
        by_area=summaries.responses_by_area(filters, areas),
        by_channel=summaries.responses_by_channel(filters),
        questions=summaries.closed_questions(filters, consultation),
        matrix=matrix,
        rows=matrix.rows,
        sort="area",
        descending=False,
        communities=communities,
        comparison=summaries.comparison_note(communities),
        emerging=summaries.emerging_concerns(filters)[1],
        by_month=by_month,
        month_themes=month_themes,
        **context,
    )


@bp.get("/<scope>/download/<key>.<fmt>")
def download(scope, key, fmt):
    """A summary table as CSV or XLSX. :raise 404: unknown table or format."""
    consultation = _scope(scope)
    filters = _context(scope, "overview")["filters"]
    table = summaries.summary_table(key, consultation, filters) if fmt in FORMATS else None
    if table is None:
        abort(404)
    return _file(table, f"{scope}-{key}", fmt)


@bp.get("/<scope>/themes/<theme_slug>/download/<key>.<fmt>")
def drilldown_download(scope, theme_slug, key, fmt):
    """The drill-down's sentiment or phrase table as CSV or XLSX. :raise 404: unknown table."""
    theme = _theme(theme_slug)
    filters = _context(scope, "matrix")["filters"]
    if key not in ("sentiment", "phrases") or fmt not in FORMATS:
        abort(404)
    table = getattr(summaries.drilldown(theme, filters), key)
    return _file(table, f"{scope}-{theme.slug}-{key}", fmt)


def _file(table, name, fmt):
    body = export.table_csv(table) if fmt == "csv" else export.table_xlsx(table)
    return Response(
        body,
        mimetype=FORMATS[fmt].split(";")[0],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"', "Cache-Control": "no-store"},
    )


@bp.context_processor
def board_helpers():
    def download_href(key):
        """A function of the format, for the downloads macro."""
        def href(fmt):
            return url_for("board.download", scope=request.view_args.get("scope", ALL), key=key, fmt=fmt, **_page_args())
        return href

    return {"charts": charts, "download_href": download_href, "test_name": TEST_NAME}
