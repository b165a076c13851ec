"""Privacy of small numbers: counts under the threshold are shown as "fewer than N", everywhere.

Primary suppression hides every count from 1 up to the threshold (SUPPRESSION_THRESHOLD,
default 5). A zero is shown: it says nobody gave that answer, which points to no one, and
hiding zeros would force needless secondary suppression of large counts beside them.
Secondary suppression hides one more cell in a row or column whose total is shown when that
line has exactly one hidden cell, since the hidden value would otherwise be total minus the
rest; such a cell reads "not shown", never "fewer than N", since it is not small itself. Every table, chart, CSV, XLSX and API output takes its counts from here.
"""
from dataclasses import dataclass

from flask import current_app, has_app_context

DEFAULT_THRESHOLD = 5
NOT_SHOWN = "not shown"


def threshold():
    if has_app_context():
        return int(current_app.config.get("SUPPRESSION_THRESHOLD", DEFAULT_THRESHOLD))
    return DEFAULT_THRESHOLD


def fewer_than(limit):
    return f"fewer than {limit}"


@dataclass(frozen=True)
class Count:
    """A count as it may be shown: its value is never exposed when suppressed."""

    value: int
    suppressed: bool
    limit: int = DEFAULT_THRESHOLD
    # Hidden only so that a small count beside it cannot be worked out: it is not small itself,
    # so it must not read "fewer than N".
    secondary: bool = False

    @property
    def shown(self):
        """The number, or None when suppressed."""
        return None if self.suppressed else self.value

    @property
    def public(self):
        """What CSV, XLSX and the API carry: the number, "fewer than N", or "not shown"."""
        return self._hidden_text() if self.suppressed else self.value

    def _hidden_text(self):
        return NOT_SHOWN if self.secondary else fewer_than(self.limit)

    def share_of(self, total):
        """A fraction of `total` (a Count or int), or None when either is suppressed or empty."""
        if self.suppressed:
            return None
        if isinstance(total, Count):
            if total.suppressed:
                return None
            total = total.value
        return self.value / total if total else None

    def __str__(self):
        return self._hidden_text() if self.suppressed else f"{self.value:,}"

    def sort_key(self):
        """Suppressed counts sort together below every shown count, so order leaks nothing."""
        return -1 if self.suppressed else self.value


def is_small(value, limit=None):
    limit = threshold() if limit is None else limit
    return 0 < value < limit


def count(value, limit=None):
    """A single count with primary suppression only (use suppress_grid for tables with totals)."""
    limit = threshold() if limit is None else limit
    return Count(int(value), is_small(value, limit), limit)


def suppress_grid(grid, limit=None, rows_add_up=False, columns_add_up=False, hide=None):
    """Suppress a table of counts; returns a grid of Count with the same shape.

    rows_add_up / columns_add_up say which lines have a total shown elsewhere that equals the
    sum of the line's cells (e.g. areas in a column add up to "all areas"). Only such lines get
    secondary suppression: when exactly one of their cells is hidden and their total is shown,
    the smallest shown cell is hidden too, repeated until no hidden value can be worked out.
    `hide` (a grid of booleans) hides more cells as "not shown": ones another view of the same
    figures would reveal a few people by subtraction from.
    """
    limit = threshold() if limit is None else limit
    values = [[int(v) for v in row] for row in grid]
    small = [[is_small(v, limit) for v in row] for row in values]
    hidden = [list(row) for row in small]
    for r, row in enumerate(hide or []):
        for c, extra in enumerate(row):
            hidden[r][c] = hidden[r][c] or bool(extra)
    lines = []
    if rows_add_up:
        lines += [[(r, c) for c in range(len(row))] for r, row in enumerate(values)]
    if columns_add_up and values:
        width = max(len(row) for row in values)
        lines += [[(r, c) for r in range(len(values)) if c < len(values[r])] for c in range(width)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            total = sum(values[r][c] for r, c in line)
            if is_small(total, limit):
                continue  # the total itself is hidden, so nothing can be worked out from it
            secret = [(r, c) for r, c in line if hidden[r][c]]
            if len(secret) != 1:
                continue
            shown = [(r, c) for r, c in line if not hidden[r][c] and values[r][c] > 0]
            if not shown:
                continue
            r, c = min(shown, key=lambda cell: (values[cell[0]][cell[1]], cell))
            hidden[r][c] = True
            changed = True
    return [
        [Count(v, h, limit, secondary=h and not s) for v, h, s in zip(row, flags, smalls)]
        for row, flags, smalls in zip(values, hidden, small)
    ]


def suppress_line(values, limit=None, adds_up=True):
    """One line of counts (e.g. responses by channel) whose total is shown."""
    return suppress_grid([list(values)], limit, rows_add_up=adds_up)[0]
