"""Ranked priorities per community, with the change since the previous consultation there."""
from dataclasses import dataclass

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Consultation, SummaryCount, consultation_areas
from consult.services.summaries import tally
from consult.services.summaries.filters import Filters
from consult.services.summaries.matrix import theme_matrix
from consult.services.summaries.suppression import is_small
from consult.services.summaries.tables import Percent, Table


@dataclass
class Priority:
    rank: int
    theme: object
    count: object  # Count
    share: Percent
    change: float | None  # percentage points since the previous consultation, when both shown


@dataclass
class Community:
    area_id: int | None
    name: str
    respondents: object
    priorities: list
    previous: Consultation | None


def previous_consultations(consultation, allowed_ids=None):
    """{area_id: the latest consultation that opened before this one, covered the area and has
    enough respondents there to show a share (at least the threshold)}.

    `allowed_ids` limits the choice to the consultations the reader may see (None: any). An
    earlier consultation with no responses in an area is passed over for an older one with some.
    """
    if consultation is None or consultation.opens_at is None:
        return {}
    where = [Consultation.opens_at < consultation.opens_at, Consultation.id != consultation.id, Consultation.status != "draft"]
    if allowed_ids is not None:
        where.append(Consultation.id.in_(allowed_ids))
    rows = db.session.execute(
        sa.select(consultation_areas.c.area_id, Consultation)
        .join(Consultation, Consultation.id == consultation_areas.c.consultation_id)
        .where(*where)
        .order_by(Consultation.opens_at, Consultation.id)
    ).all()
    if not rows:
        return {}
    people = {
        (consultation_id, area_id): n
        for consultation_id, area_id, n in tally.summed(Filters(), "respondents", SummaryCount.consultation_id, SummaryCount.area_key)
    }
    found = {}
    for area_id, earlier in rows:
        respondents = people.get((earlier.id, area_id), 0)
        if respondents and not is_small(respondents):
            found[area_id] = earlier  # ordered by opens_at, so the latest with respondents wins
    return found


def comparison_note(communities):
    """One sentence saying what the changes are compared with, for the top of the page."""
    earlier = {c.previous.id: c.previous for c in communities if c.previous is not None}
    if not earlier:
        return "No earlier consultation has enough responses in these areas to compare with, so no change is shown."
    if len(earlier) == 1 and all(c.previous is not None for c in communities):
        only = next(iter(earlier.values()))
        return f"Changes are compared with “{only.title}”{_opened(only)}, the latest earlier consultation with responses in these areas."
    return (
        "Changes are compared, area by area, with the latest earlier consultation that had enough responses there "
        "(named under each area)."
    )


def _opened(consultation):
    return f" (opened {consultation.opens_at:%B %Y})" if consultation.opens_at else ""


def priorities(filters, consultation=None, limit=None):
    """Per area, themes ranked by share of respondents (shown shares first, then suppressed)."""
    areas = consultation.areas if consultation else ()
    matrix = theme_matrix(filters, areas)
    # The reader's consultations (parse_filters sets them); None, as from the CLI, means any.
    previous = previous_consultations(consultation, filters.consultation_ids)
    earlier_matrices = {}
    for earlier in set(previous.values()):
        # Dates and answer filters belong to this consultation's questions, so only the channel
        # and the source of themes carry over.
        earlier_filters = Filters(consultation_id=earlier.id, channel=filters.channel, source=filters.source)
        earlier_matrices[earlier.id] = theme_matrix(earlier_filters, earlier.areas)
    communities = []
    for row in matrix.rows:
        earlier = previous.get(row.area_id)
        earlier_row = None
        if earlier is not None:
            earlier_row = next((r for r in earlier_matrices[earlier.id].rows if r.area_id == row.area_id), None)
        ranked = sorted(
            zip(matrix.themes, row.cells), key=lambda pair: (-pair[1].share.sort_key(), pair[0].position, pair[0].id)
        )
        items = []
        for rank, (theme, cell) in enumerate(ranked, start=1):
            change = None
            if earlier_row is not None and cell.share.value is not None:
                before = _share_of(earlier_matrices[earlier.id], earlier_row, theme)
                if before is not None:
                    change = (cell.share.value - before) * 100
            items.append(Priority(rank, theme, cell.count, cell.share, change))
        communities.append(Community(row.area_id, row.name, row.respondents, items[:limit] if limit else items, earlier))
    return communities


def _share_of(matrix, row, theme):
    for other, cell in zip(matrix.themes, row.cells):
        if other.id == theme.id:
            return cell.share.value
    return None


def priorities_table(communities):
    rows = []
    for community in communities:
        for item in community.priorities:
            rows.append({
                "area": community.name,
                "rank": item.rank,
                "theme": item.theme.name,
                "count": item.count,
                "share": item.share,
                "change": "" if item.change is None else round(item.change, 1),
                "previous": community.previous.title if community.previous else "",
            })
    columns = [
        ("area", "Area"), ("rank", "Rank"), ("theme", "Theme"), ("count", "Respondents"), ("share", "Share"),
        ("change", "Change since previous consultation (percentage points)"), ("previous", "Previous consultation"),
    ]
    return Table("priorities", "Priorities by area", columns, rows)


__all__ = ["Community", "Priority", "comparison_note", "previous_consultations", "priorities", "priorities_table"]
