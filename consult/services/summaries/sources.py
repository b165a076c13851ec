"""How respondents raised each theme: in a written answer, by ticking a linked option, or either."""
from dataclasses import replace

from consult.services.summaries.base import themes_for
from consult.services.summaries.matrix import theme_counts
from consult.services.summaries.suppression import Count, count, is_small
from consult.services.summaries.tables import Table

COLUMNS = [
    ("theme", "Theme"),
    ("either", "Respondents raising it (written or ticked)"),
    ("written", "In a written answer"),
    ("ticked", "By ticking a linked answer"),
]


def _totals(filters, source):
    """{theme_id: respondents} raising each theme from `source`, in the filtered responses."""
    found = {}
    for (_area, theme_id), n in theme_counts(replace(filters, source=source), "area").items():
        found[theme_id] = found.get(theme_id, 0) + n
    return found


def theme_sources(filters, themes=None):
    """A Table with, per theme, the respondents raising it either way and from each source.

    Each count is suppressed under the threshold. The two sources are also hidden ("not shown")
    when the people raising the theme one way only, or both ways, would be a few: they could be
    worked out from the three figures.
    """
    either, written, ticked = (_totals(filters, source) for source in ("all", "written", "ticked"))
    themes = themes if themes is not None else themes_for(either)
    rows = []
    for theme in themes:
        e, w, t = either.get(theme.id, 0), written.get(theme.id, 0), ticked.get(theme.id, 0)
        shown = count(e)
        derived = (e - w, e - t, w + t - e)
        hide = shown.suppressed or any(is_small(n) for n in derived)
        rows.append({
            "theme": theme.name,
            "either": shown,
            "written": _hidden(count(w)) if hide else count(w),
            "ticked": _hidden(count(t)) if hide else count(t),
        })
    note = "Each respondent counts once per theme, however many ways they raised it."
    return Table("theme-sources", "How respondents raised each theme", COLUMNS, rows, note)


def _hidden(found):
    return found if found.suppressed else Count(found.value, True, found.limit, secondary=True)
