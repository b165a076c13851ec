"""The board's summaries, aggregated in SQL (GROUP BY in the database, never answer by answer).

Every count passes through consult.services.summaries.suppression before it leaves this package, and
every summary is (or offers) a `Table`, so pages, charts, CSV, XLSX and the API show the same
figures. Modules: executive (the one-page summary, from the others), filters (which responses),
overview (counts, closed questions), matrix (theme x area), sources (written, ticked or either),
priorities, drilldown (theme x area detail, emerging concerns), trend, export
(CSV, XLSX), tally and tally_text (the maintained counts in summary_count and summary_phrase,
kept true by session events and recounted per stale cell; see consult/models/summary.py).

Summaries read the maintained counts unless an answered-option filter is set, which they do
not know; then they count the answers directly with the same rules (tests check both agree).
Key phrases are unnested in SQL (json_each on SQLite, json_array_elements_text on PostgreSQL)
when the counts are recounted, so no answer is loaded into Python.
"""
from consult.services.summaries.differencing import withheld_reason
from consult.services.summaries.drilldown import (
    Drilldown, awaiting_review_in_other_languages, drilldown, emerging_concerns,
)
from consult.services.summaries.executive import executive_summary, summary_json
from consult.services.summaries.filters import Filters, parse_filters
from consult.services.summaries.matrix import Matrix, sort_matrix, theme_matrix
from consult.services.summaries.overview import channels_used, closed_questions, responses_by_area, responses_by_channel
from consult.services.summaries.priorities import comparison_note, priorities, priorities_table
from consult.services.summaries.representation import AreaRepresentation, weighted_answers, who_responded
from consult.services.summaries.scope import area_by_id, area_limit, board_consultations, consultation_by_slug, theme_by_slug
from consult.services.summaries.sources import theme_sources
from consult.services.summaries.tables import Percent, Ratio, Table
from consult.services.summaries.trend import trend_by_consultation, trend_by_month

TABLE_KEYS = (
    "responses-by-area",
    "responses-by-channel",
    "theme-matrix",
    "theme-sources",
    "priorities",
    "emerging-concerns",
    "trend-by-month",
    "trend-by-consultation",
)


def summary_table(key, consultation, filters):
    """One summary table by key (see TABLE_KEYS, plus question-N for closed questions), or None."""
    areas = consultation.areas if consultation else ()
    if key == "responses-by-area":
        return responses_by_area(filters, areas)
    if key == "responses-by-channel":
        return responses_by_channel(filters)
    if key == "theme-matrix":
        return theme_matrix(filters, areas).table()
    if key == "theme-sources":
        return theme_sources(filters)
    if key == "priorities":
        return priorities_table(priorities(filters, consultation))
    if key == "emerging-concerns":
        return emerging_concerns(filters)[1]
    if key == "trend-by-month":
        return trend_by_month(filters)[0]
    if key == "trend-by-consultation":
        return trend_by_consultation(filters)[0]
    if key.startswith("question-"):
        return next((r.table for r in closed_questions(filters, consultation) if r.table.key == key), None)
    return None


__all__ = [
    "TABLE_KEYS",
    "Drilldown",
    "Filters",
    "Matrix",
    "Percent",
    "Ratio",
    "Table",
    "area_by_id",
    "area_limit",
    "board_consultations",
    "channels_used",
    "closed_questions",
    "comparison_note",
    "consultation_by_slug",
    "drilldown",
    "emerging_concerns",
    "awaiting_review_in_other_languages",
    "executive_summary",
    "parse_filters",
    "priorities",
    "priorities_table",
    "responses_by_area",
    "responses_by_channel",
    "sort_matrix",
    "summary_json",
    "summary_table",
    "theme_by_slug",
    "theme_matrix",
    "theme_sources",
    "trend_by_consultation",
    "trend_by_month",
    "withheld_reason",
]
