"""The executive summary: one consultation at a glance, read from the other summaries.

Respondents and the "higher / lower than elsewhere" marks come from the theme matrix, the
ranking and the change since the previous consultation from priorities, the quotes from each
leading theme's typical quotes, picked as its drill-down picks them (redacted, never a flagged
answer). Only the safeguarding flag count is new here, and it is suppressed like every other count.
"""
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, Area, Response
from consult.models.response import FLAGGED_ONLY
from consult.services.summaries.drilldown import sentiment_bands, typical_quotes
from consult.services.summaries.matrix import theme_matrix
from consult.services.summaries.priorities import priorities
from consult.services.summaries.suppression import count

TOP_PRIORITIES = 3
CHANGES_PER_AREA = 3
QUOTES = 5
QUOTED_THEMES = 5
PER = 1000


@dataclass
class Dates:
    """When a consultation opened and closes, as of `now`: the template says "closed" or "closes"."""

    opens_at: datetime | None
    closes_at: datetime | None
    opened: bool
    closed: bool


@dataclass
class Priority:
    theme: object
    share: object  # Percent
    count: object  # Count
    difference: str  # "higher" / "lower" than elsewhere, or ""


@dataclass
class Change:
    theme: object
    points: float  # percentage points since the previous consultation


@dataclass
class AreaSummary:
    area_id: int | None
    name: str
    respondents: object  # Count
    population: int | None
    per_thousand: float | None  # responses per 1,000 residents, when both are known and shown
    priorities: list = field(default_factory=list)
    previous: object = None  # the Consultation compared with, or None
    changes: list = field(default_factory=list)

    @property
    def representative_note(self):
        """Why there is no rate, or "" when there is one."""
        if self.area_id is None:
            return "no area given"
        if self.population is None:
            return "population not entered"
        if self.respondents.secondary:
            return "not shown"  # hidden only so that a small count beside it cannot be worked out
        if self.per_thousand is None:
            return "too few responses to show"
        return ""


@dataclass
class Quote:
    theme: object
    text: str


@dataclass
class ExecutiveSummary:
    consultation: object  # or None for every consultation
    dates: Dates | None
    respondents: object  # Count
    areas: list
    quotes: list
    flags: object  # Count of answers flagged for safeguarding
    generated_at: datetime

    @property
    def compared(self):
        """True when some area has a change since an earlier consultation to show."""
        return any(area.changes for area in self.areas)


def consultation_dates(consultation, now):
    if consultation is None:
        return None
    opens_at, closes_at = consultation.opens_at, consultation.closes_at
    return Dates(opens_at, closes_at, opens_at is not None and opens_at <= now, closes_at is not None and closes_at <= now)


def per_thousand(respondents, population):
    """Responses per 1,000 residents, or None when the count is hidden or the population unknown."""
    if respondents.suppressed or not population:
        return None
    return respondents.value / population * PER


def flag_count(filters):
    """How many answers in the filtered responses were flagged for safeguarding: a count only.

    Read from the flagged answers (few, in a partial index of their own) towards their
    responses, never by scanning every answer.
    """
    flagged = db.session.scalar(
        sa.select(sa.func.count(Answer.id))
        .join(Response, Response.id == Answer.response_id)
        .where(sa.text(FLAGGED_ONLY), *filters.conditions())
    )
    return count(flagged or 0)


def _top(community, marks):
    """The first TOP_PRIORITIES themes raised by a shown number of respondents."""
    found = []
    for item in community.priorities:
        if item.count.suppressed or not item.count.value or item.share.value is None:
            continue
        found.append(Priority(item.theme, item.share, item.count, marks.get(item.theme.id, "")))
        if len(found) == TOP_PRIORITIES:
            break
    return found


def _changes(community):
    # Shown to one decimal place, so a change that rounds to 0.0 is no change.
    changes = [Change(item.theme, item.change) for item in community.priorities if item.change is not None and abs(item.change) >= 0.05]
    changes.sort(key=lambda change: (-abs(change.points), change.theme.position, change.theme.id))
    return changes[:CHANGES_PER_AREA]


def key_quotes(filters, matrix, limit=QUOTES):
    """Distinct typical quotes from the most common themes, taken in turn, one theme after another."""
    leading = sorted(
        (pair for pair in zip(matrix.themes, matrix.total.cells) if not pair[1].count.suppressed and pair[1].count.value),
        key=lambda pair: (-pair[1].count.value, pair[0].position, pair[0].id),
    )[:QUOTED_THEMES]
    candidates = [(theme, _theme_quotes(theme, filters)) for theme, _cell in leading]
    quotes, seen = [], set()
    for turn in range(max((len(found) for _theme, found in candidates), default=0)):
        for theme, found in candidates:
            if turn < len(found) and found[turn] not in seen:
                seen.add(found[turn])
                quotes.append(Quote(theme, found[turn]))
                if len(quotes) == limit:
                    return quotes
    return quotes


def _theme_quotes(theme, filters):
    """The theme's typical quotes, as its drill-down shows them: none while its answers are too few to show."""
    if count(sum(sentiment_bands(theme, filters).values())).suppressed:
        return []
    return typical_quotes(theme, filters)


def executive_summary(filters, consultation, generated_at):
    """The summary of the filtered responses of `consultation` (None: every consultation) at `generated_at`."""
    areas = consultation.areas if consultation else ()
    matrix = theme_matrix(filters, areas)
    communities = {community.area_id: community for community in priorities(filters, consultation)}
    populations = _populations([row.area_id for row in matrix.rows])
    summaries = []
    for row in matrix.rows:
        community = communities.get(row.area_id)
        marks = {theme.id: cell.mark for theme, cell in zip(matrix.themes, row.cells)}
        population = populations.get(row.area_id)
        summaries.append(AreaSummary(
            row.area_id,
            row.name,
            row.respondents,
            population,
            per_thousand(row.respondents, population),
            _top(community, marks) if community else [],
            community.previous if community else None,
            _changes(community) if community else [],
        ))
    respondents = matrix.rows[0].respondents if filters.area_id is not None and matrix.rows else matrix.total.respondents
    return ExecutiveSummary(
        consultation,
        consultation_dates(consultation, generated_at),
        respondents,
        summaries,
        key_quotes(filters, matrix),
        flag_count(filters),
        generated_at,
    )


def _populations(area_ids):
    ids = [area_id for area_id in area_ids if area_id is not None]
    if not ids:
        return {}
    return dict(db.session.execute(sa.select(Area.id, Area.population).where(Area.id.in_(ids))).all())


def summary_json(summary):
    """The summary as the API returns it: counts public ("fewer than N"), shares in percent."""
    dates = summary.dates
    return {
        "consultation": None if summary.consultation is None else {
            "slug": summary.consultation.slug,
            "title": summary.consultation.title,
            "status": summary.consultation.status,
            "opens_at": dates.opens_at.isoformat() if dates.opens_at else None,
            "closes_at": dates.closes_at.isoformat() if dates.closes_at else None,
            "closed": dates.closed,
        },
        "generated_at": summary.generated_at.isoformat(),
        "respondents": summary.respondents.public,
        "areas": [
            {
                "area": area.name,
                "respondents": area.respondents.public,
                "population": area.population,
                "responses_per_1000_residents": None if area.per_thousand is None else round(area.per_thousand, 1),
                "note": area.representative_note,
                "top_priorities": [
                    {
                        "theme": item.theme.slug,
                        "name": item.theme.name,
                        "share": item.share.public,
                        "respondents": item.count.public,
                        "compared_with_elsewhere": f"{item.difference} than elsewhere" if item.difference else "",
                    }
                    for item in area.priorities
                ],
                "previous_consultation": area.previous.title if area.previous and area.changes else None,
                "changes": [
                    {"theme": change.theme.slug, "name": change.theme.name, "percentage_points": round(change.points, 1)}
                    for change in area.changes
                ],
            }
            for area in summary.areas
        ],
        "compared_with_previous": summary.compared,
        "quotes": [{"theme": quote.theme.slug, "text": quote.text} for quote in summary.quotes],
        "safeguarding_flags": summary.flags.public,
    }


__all__ = ["AreaSummary", "ExecutiveSummary", "executive_summary", "flag_count", "per_thousand", "summary_json"]
