"""The OpenAPI 3 description of the board API, written by hand (tested against the URL map)."""

FEWER_THAN = "A count, or the string \"fewer than N\" when it is under the suppression threshold."


def _filters():
    return [
        {"name": "area", "in": "query", "schema": {"type": "integer"}, "description": "Only responses from this area (id)."},
        {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Submitted on or after this date."},
        {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Submitted on or before this date."},
        {"name": "channel", "in": "query", "schema": {"type": "string", "enum": ["web", "paper", "import"]}},
        {"name": "option", "in": "query", "schema": {"type": "integer"}, "description": "Only respondents who chose this option (id) of a single-choice question of the consultation."},
        {"name": "source", "in": "query", "schema": {"type": "string", "enum": ["all", "written", "ticked"], "default": "all"},
         "description": "Theme figures count respondents who raised the theme in a written answer or by ticking an option linked to it (`all`), or by one source only."},
    ]


SCOPE = {
    "name": "scope",
    "in": "path",
    "required": True,
    "schema": {"type": "string"},
    "description": "A consultation's slug, or `all` for every consultation.",
}


def _get(summary, description, response_schema, parameters=(), filtered=True):
    return {
        "get": {
            "summary": summary,
            "description": description,
            "parameters": list(parameters) + (_filters() if filtered else []),
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": response_schema}}},
                "401": {"description": "Not signed in.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "400": {"description": "A filter is not valid.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "403": {"description": "The signed-in user's role may not read summaries, or the filters pick out too few people to show safely (see the message)."},
                "404": {"description": "Unknown consultation or theme.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "429": {"description": "Too many calls with this API token: wait and try again (see Retry-After).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                **({"503": {"description": "The figures are being brought up to date (after an upgrade): try again after Retry-After seconds.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}} if filtered else {}),
            },
        }
    }


def _object(**properties):
    return {"type": "object", "properties": properties}


TABLE = {"$ref": "#/components/schemas/Table"}


def endpoints(document):
    """The document's operations flattened for the API page: one dict per path and method."""
    found = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            found.append({
                "id": "endpoint-" + (path.strip("/").replace("/", "-").replace("{", "").replace("}", "").replace(".", "-") or "index"),
                "method": method.upper(),
                "path": path,
                "summary": operation["summary"],
                "description": operation["description"],
                "parameters": [
                    {
                        "name": p["name"],
                        "in": p["in"],
                        "required": p.get("required", False),
                        "type": _type_of(p.get("schema", {})),
                        "description": p.get("description", ""),
                    }
                    for p in operation["parameters"]
                ],
                "responses": [
                    {"code": code, "description": response["description"], "fields": _fields(response)}
                    for code, response in operation["responses"].items()
                ],
            })
    return found


def _type_of(schema):
    kind = schema.get("format") or schema.get("type", "")
    if "enum" in schema:
        kind += ": " + ", ".join(schema["enum"])
    return kind


def _fields(response):
    """The top-level fields of a JSON response, or of the schema it refers to."""
    for media, content in response.get("content", {}).items():
        schema = content.get("schema", {})
        if "$ref" in schema:
            return [schema["$ref"].rpartition("/")[2]]
        return sorted(schema.get("properties", {})) if media == "application/json" else []
    return []


def openapi_document():
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Consult board summaries API",
            "version": "1.0.0",
            "description": (
                "Read-only summaries of consultation responses for the partnership's board and partner "
                "agencies. Send a personal API token (made on your account's API tokens page) as "
                "`Authorization: Bearer <token>`, or sign in through /auth/login (session cookie). A token "
                "sees exactly what its owner sees, calls are rate-limited per token and each is recorded "
                "in the audit log; only GET is allowed. Counts under the suppression threshold read "
                "\"fewer than N\" and their percentages are null; only redacted text is ever returned."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/": _get(
                "Index", "What the API offers: links to this description and each resource, with {scope} for a consultation's slug or `all`.",
                _object(name={"type": "string"}, version={"type": "string"}, openapi={"type": "string"}, resources={"type": "object"}),
                filtered=False,
            ),
            "/openapi.json": _get("This description", "The OpenAPI document.", {"type": "object"}, filtered=False),
            "/docs": {
                "get": {
                    "summary": "This description as a web page",
                    "description": "The same description, readable by people (HTML).",
                    "parameters": [],
                    "responses": {"200": {"description": "OK", "content": {"text/html": {"schema": {"type": "string"}}}}},
                }
            },
            "/consultations": _get(
                "Consultations", "Consultations whose summaries the signed-in user may read (partners: published ones), newest first.",
                _object(consultations={"type": "array", "items": {"$ref": "#/components/schemas/Consultation"}}), filtered=False,
            ),
            "/summaries/{scope}/summary": _get(
                "Executive summary",
                "The consultation's dates, respondents in all and per area, responses per 1,000 residents (where the "
                "area's population is entered), the top three themes in each area, changes since the previous "
                "consultation, up to five typical redacted quotes and the number of safeguarding flags (a count only).",
                _object(
                    filters={"type": "object"},
                    consultation={"type": "object", "nullable": True, "description": "Null for `all`; else slug, title, status, opens_at, closes_at and closed (true once the closing date has passed)."},
                    generated_at={"type": "string", "format": "date-time"},
                    respondents={"description": FEWER_THAN},
                    areas={"type": "array", "items": {"$ref": "#/components/schemas/AreaSummary"}},
                    compared_with_previous={"type": "boolean"},
                    quotes={"type": "array", "items": _object(theme={"type": "string"}, text={"type": "string"})},
                    safeguarding_flags={"description": FEWER_THAN},
                ),
                [SCOPE],
            ),
            "/summaries/{scope}/overview": _get(
                "Overview", "Responses by area and by channel, and closed-question results: a grid's table has a column per scale point (point-1 is the first) and a row per statement; a ranking's rows carry a ranked score (Borda: with three ranks, 3 points for 1st, 2 for 2nd, 1 for 3rd), highest first.",
                _object(filters={"type": "object"}, responses_by_area=TABLE, responses_by_channel=TABLE, closed_questions={"type": "array", "items": TABLE}),
                [SCOPE],
            ),
            "/summaries/{scope}/matrix": _get(
                "Themes by area",
                "Share of respondents per area who raised each theme (in a written answer or by ticking an answer "
                "linked to it; `source` picks one), with lift and a significance mark; and how respondents raised each theme.",
                _object(filters={"type": "object"}, test={"type": "string"}, source={"type": "string", "enum": ["all", "written", "ticked"]},
                        themes={"type": "array", "items": {"type": "object"}}, table=TABLE, by_source=TABLE),
                [SCOPE],
            ),
            "/summaries/{scope}/priorities": _get(
                "Priorities by area", "Themes ranked by share in each area, with the change since the previous consultation.",
                _object(filters={"type": "object"}, compared_with={"type": "string", "description": "Which earlier consultation the changes compare with, in a sentence."}, table=TABLE), [SCOPE],
            ),
            "/summaries/{scope}/themes/{theme_slug}": _get(
                "Drill-down", "Sentiment, key phrases and typical redacted quotes for one theme (in the filtered area).",
                _object(filters={"type": "object"}, theme={"type": "object"}, respondents_by_source={"type": "object", "description": "Respondents raising the theme: either, written, ticked. " + FEWER_THAN}, answers={"description": FEWER_THAN}, sentiment=TABLE, phrases=TABLE, quotes={"type": "array", "items": {"type": "string"}}),
                [SCOPE, {"name": "theme_slug", "in": "path", "required": True, "schema": {"type": "string"}}],
            ),
            "/summaries/{scope}/emerging": _get(
                "Emerging concerns", "Frequent key phrases in text answers that no theme fits.",
                _object(filters={"type": "object"}, answers={"description": FEWER_THAN}, table=TABLE), [SCOPE],
            ),
            "/summaries/{scope}/trend": _get(
                "Trend", "Theme shares by month and by consultation.",
                _object(filters={"type": "object"}, by_month=TABLE, by_consultation=TABLE), [SCOPE],
            ),
            "/summaries/{scope}/who-responded": _get(
                "Who responded",
                "Respondents by age band and sex in each area (from the optional About you answers) against the area's "
                "population, with the gaps named: under-represented when the share of respondents is less than half the "
                "share of the population, over-represented when more than twice. Never per response.",
                _object(filters={"type": "object"}, areas={"type": "array", "items": _object(
                    area={"type": "string"}, population_entered={"type": "boolean"},
                    gaps={"type": "array", "items": {"type": "string"}}, table=TABLE,
                )}, weighted={"type": "array", "description": "Per single-choice or scale question: shares weighted by age band and sex, clearly labelled as weighted.", "items": TABLE}),
                [SCOPE],
            ),
        },
        "security": [{"bearerToken": []}, {"session": []}],
        "components": {
            "securitySchemes": {
                "bearerToken": {"type": "http", "scheme": "bearer", "description": "A personal API token, starting consult_."},
                "session": {"type": "apiKey", "in": "cookie", "name": "session", "description": "Signed in through /auth/login."},
            },
            "schemas": {
                "Error": _object(error={"type": "string"}, message={"type": "string"}, errors={"type": "object"}),
                "AreaSummary": _object(
                    area={"type": "string"},
                    respondents={"description": FEWER_THAN},
                    population={"type": "integer", "nullable": True},
                    responses_per_1000_residents={"type": "number", "nullable": True, "description": "Null when the population is not entered or the count is hidden (see note)."},
                    note={"type": "string"},
                    top_priorities={"type": "array", "items": _object(
                        theme={"type": "string"}, name={"type": "string"}, share={"type": "number"},
                        respondents={"description": FEWER_THAN},
                        compared_with_elsewhere={"type": "string", "enum": ["", "higher than elsewhere", "lower than elsewhere"]},
                    )},
                    previous_consultation={"type": "string", "nullable": True},
                    changes={"type": "array", "items": _object(theme={"type": "string"}, name={"type": "string"}, percentage_points={"type": "number"})},
                ),
                "Consultation": _object(
                    slug={"type": "string"}, title={"type": "string"}, status={"type": "string"},
                    opens_at={"type": "string", "format": "date-time", "nullable": True},
                    closes_at={"type": "string", "format": "date-time", "nullable": True},
                ),
                "Table": _object(
                    key={"type": "string"},
                    title={"type": "string"},
                    note={"type": "string"},
                    columns={"type": "array", "items": _object(key={"type": "string"}, heading={"type": "string"})},
                    rows={
                        "type": "array",
                        "description": "One object per row keyed by column key. " + FEWER_THAN + " Percentages are numbers from 0 to 100, or null when hidden.",
                        "items": {"type": "object"},
                    },
                ),
            }
        },
    }
