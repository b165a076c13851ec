"""Theme shares over time: by month of submission and by consultation."""
from dataclasses import replace

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Consultation
from consult.services.summaries.base import themes_for
from consult.services.summaries.matrix import differing_from_either, respondent_counts, theme_counts
from consult.services.summaries.tables import Percent, Table
from consult.services.summaries.suppression import suppress_grid


def _trend_table(key, title, first_heading, periods, people, tagged, filters, by):
    """Rows are periods (label, group value); a theme's counts add up over the periods."""
    themes = themes_for(theme_id for _group, theme_id in tagged)
    grid = [[people.get(group, 0)] + [tagged.get((group, t.id), 0) for t in themes] for _label, group in periods]
    hide, _total = differing_from_either(filters, by, [group for _label, group in periods], themes, grid)
    shown = suppress_grid(grid, columns_add_up=True, hide=hide)
    columns = [("period", first_heading), ("respondents", "Respondents")]
    for theme in themes:
        columns += [(f"{theme.slug}-count", f"{theme.name}: respondents"), (f"{theme.slug}-share", f"{theme.name}: share")]
    rows = []
    for (label, _group), cells in zip(periods, shown):
        row = {"period": label, "respondents": cells[0]}
        for theme, cell in zip(themes, cells[1:]):
            row[f"{theme.slug}-count"] = cell
            row[f"{theme.slug}-share"] = Percent(cell.share_of(cells[0]))
        rows.append(row)
    table = Table(key, title, columns, rows, "Share of respondents in the period who raised the theme.")
    return table, themes


def trend_by_month(filters):
    """Theme shares by calendar month (UTC) of submission, oldest first."""
    people = respondent_counts(filters, "month")
    tagged = theme_counts(filters, "month")
    periods = [(m, m) for m in sorted(people)]
    return _trend_table("trend-by-month", "Theme shares by month", "Month", periods, people, tagged, filters, "month")


def trend_by_consultation(filters):
    """Theme shares in each consultation (oldest first), with the other filters applied."""
    filters = replace(filters, consultation_id=None, option_id=None)
    people = respondent_counts(filters, "consultation")
    tagged = theme_counts(filters, "consultation")
    consultations = db.session.scalars(
        sa.select(Consultation).where(Consultation.id.in_(list(people))).order_by(Consultation.opens_at, Consultation.id)
    ).all()
    periods = [(c.title, c.id) for c in consultations]
    return _trend_table(
        "trend-by-consultation", "Theme shares by consultation", "Consultation", periods, people, tagged, filters, "consultation"
    )
