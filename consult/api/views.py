"""API views: parse the scope and filters, call the summaries service, return JSON.

Every count has been through small-number suppression: a hidden count reads "fewer than N"
and its percentage is null. Only redacted text ever appears (in drill-down quotes).
"""
from flask import abort, g, jsonify, render_template, request, url_for
from flask_login import current_user

from consult.api import bp
from consult.api.openapi import endpoints, openapi_document
from consult.models import utcnow
from consult.services import summaries
from consult.services.accounts import api_tokens
from consult.services.summaries import freshness

ALL = "all"


def json_error(error):
    return jsonify({"error": error.name, "message": error.description}), error.code


# Registered by code: the app's own HTML error pages are registered by code too, and win otherwise.
for _code in (400, 404, 405, 500):
    bp.register_error_handler(_code, json_error)


@bp.errorhandler(429)
def too_many_calls(_error):
    response = jsonify({"error": "Too Many Requests", "message": "Too many calls with this API token. Wait a minute and try again."})
    response.status_code = 429
    return response


@bp.errorhandler(freshness.Updating)
def updating(_error):
    """503 with Retry-After while a rebuild job brings the counts up to date, as the board's pages do."""
    response = jsonify({
        "error": "Service Unavailable",
        "message": "The figures are being brought up to date. Try again in a minute.",
        "retry_after_seconds": freshness.RETRY_AFTER,
    })
    response.status_code = 503
    response.headers["Retry-After"] = str(freshness.RETRY_AFTER)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.after_request
def log_token_use(response):
    """Every call made with a token is audit-logged and marks the token used. Calls refused by
    the rate limit are not: they read nothing, and a flood of them should cost no writes."""
    token = g.get("api_token")
    if token is not None and response.status_code != 429:
        api_tokens.record_use(token, request.method, request.path, response.status_code)
    return response


def _scope(scope):
    if scope == ALL:
        return None
    consultation = summaries.consultation_by_slug(scope, current_user.role, summaries.area_limit(current_user))
    if consultation is None:
        abort(404, description=f"There is no consultation {scope!r}.")
    return consultation


def _filtered(scope):
    """(consultation, filters); :raise 400: with the problems when a filter is not valid."""
    consultation = _scope(scope)
    freshness.ensure_fresh(consultation)
    # Every figure the API returns is limited here, once, to what the reader (or token) may see.
    area_ids = summaries.area_limit(current_user)
    visible = summaries.board_consultations(current_user.role, area_ids)
    filters, choices = summaries.parse_filters(request.args, consultation, visible, area_ids)
    if choices.errors:
        response = jsonify({"error": "Bad Request", "message": "Some filters are not valid.", "errors": choices.errors})
        response.status_code = 400
        abort(response)
    reason = summaries.withheld_reason(filters)
    if reason:
        response = jsonify({"error": "Forbidden", "message": reason})
        response.status_code = 403
        abort(response)
    return consultation, filters


def _filters_json(filters):
    return filters.query_args()


@bp.get("/")
def index():
    """What the API offers, with links, for a program finding its way."""
    base = url_for("api.index")
    summaries_of = f"{base}summaries/{{scope}}"
    return jsonify({
        "name": "Consult board summaries API",
        "version": "v1",
        "openapi": url_for("api.openapi"),
        "docs": url_for("api.docs"),
        "resources": {
            "consultations": url_for("api.consultations"),
            "summary": f"{summaries_of}/summary",
            "overview": f"{summaries_of}/overview",
            "matrix": f"{summaries_of}/matrix",
            "priorities": f"{summaries_of}/priorities",
            "theme": f"{summaries_of}/themes/{{theme_slug}}",
            "emerging": f"{summaries_of}/emerging",
            "trend": f"{summaries_of}/trend",
            "who_responded": f"{summaries_of}/who-responded",
        },
        "scope": "a consultation's slug, or all",
    })


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())


@bp.get("/docs")
def docs():
    """The API described for people, from the same OpenAPI document programs read."""
    document = openapi_document()
    return render_template(
        "api/docs.html", document=document, endpoints=endpoints(document),
        example_url=url_for("api.consultations", _external=True),
    )


@bp.get("/consultations")
def consultations():
    found = summaries.board_consultations(current_user.role, summaries.area_limit(current_user))
    return jsonify({
        "consultations": [
            {
                "slug": c.slug,
                "title": c.title,
                "status": c.status,
                "opens_at": c.opens_at.isoformat() if c.opens_at else None,
                "closes_at": c.closes_at.isoformat() if c.closes_at else None,
            }
            for c in found
        ]
    })


@bp.get("/summaries/<scope>/summary")
def summary(scope):
    """The executive summary, with the same visibility and suppression as the board's page."""
    consultation, filters = _filtered(scope)
    found = summaries.executive_summary(filters, consultation, utcnow())
    return jsonify({"filters": _filters_json(filters), **summaries.summary_json(found)})


@bp.get("/summaries/<scope>/overview")
def overview(scope):
    consultation, filters = _filtered(scope)
    areas = consultation.areas if consultation else ()
    return jsonify({
        "filters": _filters_json(filters),
        "responses_by_area": summaries.responses_by_area(filters, areas).as_json(),
        "responses_by_channel": summaries.responses_by_channel(filters).as_json(),
        "closed_questions": [result.table.as_json() for result in summaries.closed_questions(filters, consultation)],
    })


@bp.get("/summaries/<scope>/matrix")
def matrix(scope):
    consultation, filters = _filtered(scope)
    found = summaries.theme_matrix(filters, consultation.areas if consultation else ())
    return jsonify({
        "filters": _filters_json(filters),
        "test": found.test_name,
        "source": found.source,
        "themes": [{"slug": t.slug, "name": t.name} for t in found.themes],
        "table": found.table().as_json(),
        "by_source": summaries.theme_sources(filters, found.themes).as_json(),
    })


@bp.get("/summaries/<scope>/priorities")
def priorities(scope):
    consultation, filters = _filtered(scope)
    communities = summaries.priorities(filters, consultation)
    return jsonify({
        "filters": _filters_json(filters),
        "compared_with": summaries.comparison_note(communities),
        "table": summaries.priorities_table(communities).as_json(),
    })


@bp.get("/summaries/<scope>/themes/<theme_slug>")
def drilldown(scope, theme_slug):
    consultation, filters = _filtered(scope)
    theme = summaries.theme_by_slug(theme_slug)
    if theme is None:
        abort(404, description=f"There is no theme {theme_slug!r}.")
    detail = summaries.drilldown(theme, filters)
    return jsonify({
        "filters": _filters_json(filters),
        "theme": {"slug": theme.slug, "name": theme.name},
        "respondents_by_source": summaries.theme_sources(filters, [theme]).as_json()["rows"][0],
        "answers": detail.answers.public,
        "sentiment": detail.sentiment.as_json(),
        "phrases": detail.phrases.as_json(),
        "quotes": list(detail.quotes),
    })


@bp.get("/summaries/<scope>/emerging")
def emerging(scope):
    _consultation, filters = _filtered(scope)
    answers, table = summaries.emerging_concerns(filters)
    return jsonify({"filters": _filters_json(filters), "answers": answers.public, "table": table.as_json()})


@bp.get("/summaries/<scope>/trend")
def trend(scope):
    _consultation, filters = _filtered(scope)
    return jsonify({
        "filters": _filters_json(filters),
        "by_month": summaries.trend_by_month(filters)[0].as_json(),
        "by_consultation": summaries.trend_by_consultation(filters)[0].as_json(),
    })


@bp.get("/summaries/<scope>/who-responded")
def who_responded(scope):
    """Respondents by age band and sex per area against its population (suppressed), with the gaps in words."""
    consultation, filters = _filtered(scope)
    areas = consultation.areas if consultation else summaries.filters.filter_choices(None, filters.area_ids).areas
    return jsonify({
        "filters": _filters_json(filters),
        "areas": [
            {"area": found.area_name, "population_entered": found.has_population, "gaps": found.gaps, "table": found.table.as_json()}
            for found in summaries.who_responded(filters, areas)
        ],
        "weighted": [table.as_json() for table in summaries.weighted_answers(filters, consultation, areas)],
    })
