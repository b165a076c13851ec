"""Protection against differencing: two views the board may show never differ by a few people.

Suppression hides small counts in one view, but subtracting two views that are each large (all
responses up to 1 December, and up to 30 November) can reveal the few people between them. So a
filtered view is withheld unless every group of respondents that separates it from a related
view is empty or at least the suppression threshold, overall and in every breakdown the pages
show (by area, by channel, by month). The related views are:

- the wider views: the same with any set of its filters (area, channel, answer, dates) removed;
- the other areas and channels beside its own, as suppress_line treats a line with a total;
- its date range stretched to the next week, before or after, that adds anyone.

Dates are whole weeks, Monday to Sunday (see filters.parse_filters). Then any two views we show
differ by nobody or by at least the threshold, and whatever a reader works out by subtracting
concerns a group of at least that many people, never one person. A view of fewer people than
the threshold is withheld too: even its zeros would say what they did not answer.
"""
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations

from consult.models import SummaryCount
from consult.services.summaries import tally
from consult.services.summaries.filters import Filters
from consult.services.summaries.suppression import is_small, suppress_line, threshold

ANY = object()
WITHHELD = (
    "These filters pick out too few people, or differ from a wider view by too few people, to show "
    "safely. Widen the dates or remove a filter."
)


def withheld_reason(filters):
    """None when the view may be shown; otherwise a sentence for the reader saying why not."""
    if filters.area_id is None and filters.channel is None and filters.option_id is None and not _dated(filters):
        return None  # the whole consultation (or all of them): related views are all inside it
    limit = threshold()
    cells = _cells(filters)
    view = _View.of(filters)
    if is_small(view.total(cells), limit):
        return WITHHELD
    shown = view.breakdown(cells)
    for wider in view.wider():
        if _differs_by_a_few(wider.breakdown(cells), shown, limit):
            return WITHHELD
    if view.area is not ANY and _hidden_in_line(cells, view, "area", limit):
        return WITHHELD
    if view.channel is not ANY and _hidden_in_line(cells, view, "channel", limit):
        return WITHHELD
    if _dated(filters) and _next_week_adds_a_few(cells, view, shown, limit):
        return WITHHELD
    return None


def _dated(filters):
    return filters.date_from is not None or filters.date_to is not None


class _View:
    """A view as the cells see it: each of area, channel and chose (answered the option) is ANY or a value."""

    def __init__(self, area=ANY, channel=ANY, chose=ANY, start=None, end=None):
        self.area, self.channel, self.chose, self.start, self.end = area, channel, chose, start, end

    @classmethod
    def of(cls, filters):
        return cls(
            area=ANY if filters.area_id is None else filters.area_id,
            channel=ANY if filters.channel is None else filters.channel,
            chose=ANY if filters.option_id is None else True,
            start=filters.date_from,
            end=filters.date_to,
        )

    def but(self, **changes):
        values = {"area": self.area, "channel": self.channel, "chose": self.chose, "start": self.start, "end": self.end}
        return _View(**{**values, **changes})

    def wider(self):
        """The views with any non-empty set of this one's filters removed."""
        removable = [name for name in ("area", "channel", "chose") if getattr(self, name) is not ANY]
        if self.start is not None or self.end is not None:
            removable.append("dates")
        for size in range(1, len(removable) + 1):
            for names in combinations(removable, size):
                changes = {name: ANY for name in names if name != "dates"}
                if "dates" in names:
                    changes.update(start=None, end=None)
                yield self.but(**changes)

    def holds(self, key, day):
        area, channel, chose = key
        return (
            (self.area is ANY or area == self.area)
            and (self.channel is ANY or channel == self.channel)
            and (self.chose is ANY or chose == self.chose)
            and (self.start is None or day >= self.start)
            and (self.end is None or day <= self.end)
        )

    def total(self, cells):
        return sum(n for (key, day), n in cells.items() if self.holds(key, day))

    def breakdown(self, cells):
        """Respondents in all, and by area, channel and month: what the pages show of a view."""
        found = defaultdict(int)
        for (key, day), n in cells.items():
            if self.holds(key, day):
                _add(found, key, day, n)
        return found


def _add(found, key, day, n):
    area, channel, _chose = key
    for part in ("all", ("area", area), ("channel", channel), ("month", day.year, day.month)):
        found[part] += n


def _differs_by_a_few(wider, narrower, limit):
    """True when some part is shown in both views (neither hidden as small) and differs by a few."""
    return any(_shown_apart_by_a_few(wider[part], narrower.get(part, 0), limit) for part in wider)


def _shown_apart_by_a_few(wider, narrower, limit):
    # A part hidden in either view ("fewer than N") cannot be subtracted.
    return not is_small(wider, limit) and not is_small(narrower, limit) and is_small(wider - narrower, limit)


def _hidden_in_line(cells, view, name, limit):
    """True when the view's own area (or channel) would be hidden beside the others', as a line
    whose total is shown: its count could otherwise be worked out from theirs."""
    values = sorted({key[0 if name == "area" else 1] for key, _day in cells} | {getattr(view, name)}, key=str)
    line = suppress_line([view.but(**{name: value}).total(cells) for value in values], limit)
    return line[values.index(getattr(view, name))].suppressed


def _next_week_adds_a_few(cells, view, shown, limit):
    """True when stretching the dates to the nearest earlier or later week that adds anyone adds
    fewer than the threshold to any part the pages show (`shown`: the view's own breakdown)."""
    undated = view.but(start=None, end=None)
    weekly = defaultdict(lambda: defaultdict(int))  # week -> part -> respondents
    for (key, day), n in cells.items():
        if undated.holds(key, day):
            _add(weekly[_monday(day)], key, day, n)
    parts = {part for counts in weekly.values() for part in counts}
    for part in parts:
        after = sorted(week for week, counts in weekly.items() if counts[part] and view.end is not None and week > view.end)
        before = sorted(week for week, counts in weekly.items() if counts[part] and view.start is not None and week < view.start)
        nearest = ([after[0]] if after else []) + ([before[-1]] if before else [])
        if any(_shown_apart_by_a_few(shown.get(part, 0) + weekly[week][part], shown.get(part, 0), limit) for week in nearest):
            return True
    return False


def _monday(day):
    return day - timedelta(days=day.weekday())


def _cells(filters):
    """{((area key, channel, chose), day): respondents} for the filters' consultation (or all),
    whatever the other filters; chose is whether they answered the filter's option (or None)."""
    scope = Filters(consultation_id=filters.consultation_id, consultation_ids=filters.consultation_ids, area_ids=filters.area_ids)
    cell = (SummaryCount.area_key, SummaryCount.channel, SummaryCount.day)
    everyone = {((area, channel), _as_date(day)): n for area, channel, day, n in tally.summed(scope, "respondents", *cell) if n}
    if filters.option_id is None:
        return {((*part, None), day): n for (part, day), n in everyone.items()}
    chose = {((area, channel), _as_date(day)): n for area, channel, day, n in tally.summed(replace(scope, option_id=filters.option_id), "respondents", *cell)}
    found = {}
    for (part, day), n in everyone.items():
        for answered, people in ((True, chose.get((part, day), 0)), (False, n - chose.get((part, day), 0))):
            if people:
                found[((*part, answered), day)] = people
    return found


def _as_date(value):
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
