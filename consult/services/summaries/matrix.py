"""The theme x community matrix: share of respondents per area who raised each theme (wrote or ticked)."""
from dataclasses import dataclass, field, replace

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Response, SummaryCount
from consult.models.summary import NO_AREA_KEY
from consult.services.summaries import stats
from consult.services.summaries import tally
from consult.services.summaries.base import NO_AREA, SOURCE_KINDS, SOURCE_NAMES, area_names, month_of, raised_themes, themes_for
from consult.services.summaries.tables import Percent, Ratio, Table
from consult.services.summaries.suppression import Count, count, is_small, suppress_grid

DENOMINATOR = "all respondents in the area who match the filters"


@dataclass
class Cell:
    count: object  # Count
    share: Percent
    lift: Ratio = Ratio(None)
    test: object = None  # stats.ZTest or None

    @property
    def mark(self):
        """'higher' / 'lower' when the area differs significantly from the rest, else ''."""
        return self.test.direction if self.test else ""


@dataclass
class Row:
    area_id: int | None
    name: str
    respondents: object  # Count
    cells: list = field(default_factory=list)


@dataclass
class Matrix:
    themes: list
    rows: list
    total: Row
    test_name: str = stats.TEST_NAME
    source: str = "all"

    def cell(self, area_id, theme_slug):
        index = [t.slug for t in self.themes].index(theme_slug)
        row = self.total if area_id == "all" else next(r for r in self.rows if r.area_id == area_id)
        return row.cells[index]

    def table(self):
        columns = [("area", "Area"), ("respondents", "Respondents")]
        for theme in self.themes:
            columns += [
                (f"{theme.slug}-count", f"{theme.name}: respondents"),
                (f"{theme.slug}-share", f"{theme.name}: share"),
                (f"{theme.slug}-lift", f"{theme.name}: lift"),
                (f"{theme.slug}-difference", f"{theme.name}: significant difference"),
            ]
        rows = []
        for row in self.rows + [self.total]:
            values = {"area": row.name, "respondents": row.respondents}
            for theme, cell in zip(self.themes, row.cells):
                values.update({
                    f"{theme.slug}-count": cell.count,
                    f"{theme.slug}-share": cell.share,
                    f"{theme.slug}-lift": cell.lift,
                    f"{theme.slug}-difference": cell.mark,
                })
            rows.append(values)
        note = f"Share of {DENOMINATOR} who raised the theme ({SOURCE_NAMES[self.source].lower()}). Lift = share in the area / share in all areas. Test: {self.test_name}."
        return Table("theme-matrix", "Themes by area", columns, rows, note)


def _grouping(by, counted):
    """The column to group by ("area", "month" or "consultation") in the counts or the responses."""
    if by == "area":
        return SummaryCount.area_key if counted else Response.area_id
    if by == "month":
        return month_of(SummaryCount.day if counted else Response.submitted_at)
    return SummaryCount.consultation_id if counted else Response.consultation_id


def _key(by, value):
    return None if by == "area" and value == NO_AREA_KEY else value


def theme_counts(filters, by):
    """{(group value, theme_id): respondents} raising each theme from filters.source (written,
    ticked or either). Counts distinct responses, so two tagged answers count one respondent."""
    if filters.counted(SOURCE_KINDS[filters.source]):
        rows = tally.summed(filters, SOURCE_KINDS[filters.source], _grouping(by, True), SummaryCount.item_id)
        return {(_key(by, group), theme_id): n for group, theme_id, n in rows}
    raised = raised_themes([_grouping(by, False).label("grouped")], filters.conditions(), filters.source)
    query = (
        sa.select(raised.c.grouped, raised.c.theme_id, sa.func.count(sa.distinct(raised.c.response_id)))
        .group_by(raised.c.grouped, raised.c.theme_id)
    )
    return {(group, theme_id): n for group, theme_id, n in db.session.execute(query).all()}


def respondent_counts(filters, by):
    """{group value: respondents}."""
    if filters.counted("respondents"):
        return {_key(by, group): n for group, n in tally.summed(filters, "respondents", _grouping(by, True))}
    group_by = _grouping(by, False)
    query = sa.select(group_by, sa.func.count()).select_from(Response).where(*filters.conditions()).group_by(group_by)
    return dict(db.session.execute(query).all())


def theme_matrix(filters, areas=()):
    """The matrix for the filtered responses, one row per area (the consultation's areas first).

    Counts under the threshold are suppressed, and secondary suppression runs down each column
    (areas add up to "All areas"); shares, lift and the test are shown only for shown cells.
    """
    selected = filters.area_id
    # Lift and the test compare an area with all areas, so the chosen area is picked out after.
    filters = filters.without_area()
    tagged = theme_counts(filters, "area")
    people = respondent_counts(filters, "area")
    themes = themes_for(theme_id for _area, theme_id in tagged)
    names = area_names()
    listed = [area.id for area in areas if filters.shows_area(area.id)]
    listed += sorted((a for a in people if a not in listed and a is not None), key=lambda a: names.get(a, ""))
    if None in people:
        listed.append(None)
    grid = [[people.get(a, 0)] + [tagged.get((a, t.id), 0) for t in themes] for a in listed]
    hide, hide_total = differing_from_either(filters, "area", listed, themes, grid)
    shown = suppress_grid(grid, columns_add_up=True, hide=hide)
    totals = [sum(column) for column in zip(*grid)] if grid else [0] * (len(themes) + 1)
    all_people = totals[0]
    total = Row("all", "All areas", count(all_people))
    for index, theme in enumerate(themes, start=1):
        theme_total = count(totals[index])
        if hide_total[index]:
            theme_total = Count(theme_total.value, True, theme_total.limit, secondary=not theme_total.suppressed)
        total.cells.append(Cell(theme_total, Percent(theme_total.share_of(total.respondents)), Ratio(1.0 if theme_total.share_of(total.respondents) else None)))
    rows = []
    for area_id, raw, cells in zip(listed, grid, shown):
        row = Row(area_id, names.get(area_id, NO_AREA) if area_id else NO_AREA, cells[0])
        for index, cell in enumerate(cells[1:], start=1):
            share = cell.share_of(row.respondents)
            visible = share is not None and not total.cells[index - 1].count.suppressed
            row.cells.append(
                Cell(
                    cell,
                    Percent(share),
                    Ratio(stats.lift(raw[index], raw[0], totals[index], all_people) if visible else None),
                    stats.area_against_rest(raw[index], raw[0], totals[index], all_people) if visible else None,
                )
            )
        rows.append(row)
    if selected is not None:
        rows = [row for row in rows if row.area_id == selected]
    return Matrix(themes, rows, total, source=filters.source)


def differing_from_either(filters, by, groups, themes, grid):
    """For a view of one source (written or ticked), the cells of `grid` (rows: `groups`; a
    respondents column, then one per theme) to hide because the combined figure ("written or
    ticked") differs from them by a few people, who would be found by subtracting one from the
    other; and the total row's. Returns (grid of booleans or None, list of booleans)."""
    width = len(themes) + 1
    if filters.source == "all":
        return None, [False] * width
    either = theme_counts(replace(filters, source="all"), by)
    hide = [[False] + [is_small(either.get((g, t.id), 0) - row[i]) for i, t in enumerate(themes, start=1)]
            for g, row in zip(groups, grid)]
    hide_total = [False] + [
        is_small(sum(either.get((g, t.id), 0) for g in groups) - sum(row[i] for row in grid))
        for i, t in enumerate(themes, start=1)
    ]
    return hide, hide_total


SORT_KEYS = ("area", "respondents")


def sort_matrix(matrix, key="area", descending=False):
    """Rows sorted by area name, respondents or a theme's share (given its slug).

    Suppressed values sort together below every shown value, then by area name, so the order
    never reveals anything a suppressed cell hides. Unknown keys sort by area name.
    """
    slugs = [t.slug for t in matrix.themes]
    if key == "respondents":
        def sort_key(row):
            return row.respondents.sort_key()
    elif key in slugs:
        index = slugs.index(key)

        def sort_key(row):
            return row.cells[index].share.sort_key()
    else:
        return sorted(matrix.rows, key=lambda row: row.name, reverse=descending)
    by_name = sorted(matrix.rows, key=lambda row: row.name)
    return sorted(by_name, key=sort_key, reverse=descending)
