"""Ranked priorities per community, with the change since the previous consultation there."""
from dataclasses import dataclass

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Consultation, consultation_areas
from consult.services.summaries.filters import Filters
from consult.services.summaries.matrix import theme_matrix
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


def previous_consultations(consultation):
    """{area_id: the latest consultation that opened before this one and covered the area}."""
    if consultation is None or consultation.opens_at is None:
        return {}
    rows = db.session.execute(
        sa.select(consultation_areas.c.area_id, Consultation)
        .join(Consultation, Consultation.id == consultation_areas.c.consultation_id)
        .where(Consultation.opens_at < consultation.opens_at, Consultation.id != consultation.id)
        .order_by(Consultation.opens_at)
    ).all()
    found = {}
    for area_id, earlier in rows:
        found[area_id] = earlier  # ordered by opens_at, so the latest wins
    return found


def priorities(filters, consultation=None, limit=None):
    """Per area, themes ranked by share of respondents (shown shares first, then suppressed)."""
    areas = consultation.areas if consultation else ()
    matrix = theme_matrix(filters, areas)
    previous = previous_consultations(consultation)
    earlier_matrices = {}
    for earlier in set(previous.values()):
        # Dates and answer filters belong to this consultation's questions, so only the channel carries over.
        earlier_matrices[earlier.id] = theme_matrix(Filters(consultation_id=earlier.id, channel=filters.channel), earlier.areas)
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


__all__ = ["Community", "Priority", "previous_consultations", "priorities", "priorities_table"]
