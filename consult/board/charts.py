"""Geometry for the server-built SVG charts and the matrix's shading: bars, lines, round ticks.

Colours are the Okabe-Ito palette (safe for colour-blind readers); lines also differ by dash
and marker shape, and every chart has its data table and a one-sentence summary.
"""
import math
from dataclasses import dataclass

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#E69F00", "#56B4E9")
DASHES = ("", "8 4", "2 3", "10 3 2 3", "4 4", "1 6", "12 6")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "circle", "square")
BAR_WIDTH = 300
ROW = 46
LINE_WIDTH, LEFT, TOP = 690, 56, 16
PLOT_W, PLOT_H = 560, 220
TICK_LINE = 15  # height of one line of a period label under the plot
HEAT_LEVELS = 5  # shades of the matrix, .heat-0 (none) to .heat-5 (in static/css/consult.css)


def nice_step(largest, most_ticks=5):
    """The smallest of 1, 2 or 5 times a power of ten that covers `largest` in `most_ticks` steps.

    nice_step(27) == 10 (0, 10, 20, 30), nice_step(12.5) == 5, nice_step(0.8) == 0.2.
    """
    if largest <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(largest / most_ticks))
    for multiple in (1, 2, 5, 10):
        step = multiple * magnitude
        # Rounded, so 0.3 / 0.1 counts as 3 steps, not 3.0000000000000004.
        if math.ceil(round(largest / step, 9)) <= most_ticks:
            return step
    return 10 * magnitude


def round_ticks(largest, most_ticks=5):
    """Ticks from 0 in nice steps, the last at or above `largest`: round_ticks(12) == [0, 5, 10, 15]."""
    step = nice_step(largest, most_ticks)
    count = max(1, math.ceil(round(largest / step, 9)))
    return [round(step * k, 9) for k in range(count + 1)]


def percent_label(value):
    """A tick's label: 5 -> "5%", 2.5 -> "2.5%", 0.2 -> "0.2%"."""
    return f"{value:g}%"


def wrap_label(text, width):
    """`text` in lines of at most `width` characters, broken between words (a longer word keeps its line)."""
    lines = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


@dataclass(frozen=True)
class HeatScale:
    """Shading for the matrix's shares: equal bands of a round width from 0 to the largest share."""

    step: float  # percentage points per band

    @classmethod
    def for_matrix(cls, matrix):
        shares = [cell.share.public for row in matrix.rows + [matrix.total] for cell in row.cells]
        largest = max([s for s in shares if s is not None] + [0])
        return cls(nice_step(largest, HEAT_LEVELS) if largest else 1)

    def level(self, share):
        """0 for no share (none, or zero), else 1..HEAT_LEVELS, darker for larger shares."""
        if share.public is None or share.public == 0:
            return 0
        return min(HEAT_LEVELS, max(1, math.ceil(round(share.public / self.step, 9))))

    def bands(self):
        """(level, label) for the key under the matrix."""
        found = []
        for level in range(1, HEAT_LEVELS + 1):
            low, high = (level - 1) * self.step, level * self.step
            found.append((level, f"over {low:g}% up to {high:g}%" if low else f"up to {high:g}%"))
        return found


def bar_chart(table, label_key="label", count_key="count", percent_key="percent"):
    """Bars for the table's rows (total rows left out). Suppressed rows get no bar, only text."""
    rows = [row for row in table.rows if not row.get("total")]
    largest = max([row[count_key].shown or 0 for row in rows] + [1])
    bars = []
    for index, row in enumerate(rows):
        cell = row[count_key]
        percent = row.get(percent_key)
        value = str(cell) + (f" ({percent})" if percent is not None and str(percent) else "")
        width = 0 if cell.suppressed else round(BAR_WIDTH * cell.value / largest, 1)
        bars.append({"label": row[label_key], "y": index * ROW, "width": width, "text": value, "text_x": width + 8})
    # A narrow drawing scales up on phones, so its 15-unit text stays readable there.
    return {"bars": bars, "height": max(ROW, len(rows) * ROW), "width": 480, "summary": bar_summary(table, rows, label_key, count_key)}


def bar_summary(table, rows, label_key, count_key):
    shown = [row for row in rows if not row[count_key].suppressed and row[count_key].value]
    if not shown:
        return f"{table.title}: every figure is too small to show."
    top = max(shown, key=lambda row: row[count_key].value)
    hidden = sum(1 for row in rows if row[count_key].suppressed)
    extra = f" {hidden} figure{'s are' if hidden != 1 else ' is'} too small to show." if hidden else ""
    return f"{table.title}: the largest is “{top[label_key]}” with {top[count_key]}.{extra}"


def leading_themes(table, themes, limit=5):
    """The `limit` themes with the most respondents over the table's periods (shown counts only)."""
    def total(theme):
        return sum((row[f"{theme.slug}-count"].shown or 0) for row in table.rows)

    return sorted(themes, key=lambda theme: (-total(theme), theme.position))[:limit]


def line_chart(table, themes, period_key="period"):
    """Theme share lines over the table's periods; a suppressed point is a gap in its line."""
    periods = [row[period_key] for row in table.rows]
    shares = [[row[f"{t.slug}-share"].value for row in table.rows] for t in themes]
    top = max([v for line in shares for v in line if v is not None] + [0.01])
    levels = round_ticks(top * 100)
    ceiling = levels[-1] / 100
    step = PLOT_W / max(1, len(periods) - 1) if len(periods) > 1 else 0
    # Labels wrap to the room between two ticks (about 7 units a character at 13 units high).
    label_chars = max(8, int((step or PLOT_W) / 7.5))

    def x(i):
        return round(LEFT + (i * step if len(periods) > 1 else PLOT_W / 2), 1)

    def y(v):
        return round(TOP + PLOT_H - v / ceiling * PLOT_H, 1)

    series = []
    for index, (theme, line) in enumerate(zip(themes, shares)):
        segments, current = [], []
        points = []
        for i, value in enumerate(line):
            if value is None:
                if current:
                    segments.append(current)
                current = []
                continue
            current.append(f"{x(i)},{y(value)}")
            points.append({"x": x(i), "y": y(value)})
        if current:
            segments.append(current)
        series.append({
            "name": theme.name,
            "colour": PALETTE[index % len(PALETTE)],
            "dash": DASHES[index % len(DASHES)],
            "marker": MARKERS[index % len(MARKERS)],
            "segments": [" ".join(s) for s in segments],
            "points": points,
        })
    grid = [{"y": y(level / 100), "label": percent_label(level)} for level in levels]
    ticks = [{"x": x(i), "lines": wrap_label(p, label_chars)} for i, p in enumerate(periods)]
    tallest = max([len(tick["lines"]) for tick in ticks] + [1])
    legend_top = TOP + PLOT_H + 32 + TICK_LINE * tallest
    height = legend_top + 24 * len(series) + 8
    return {
        "series": series, "grid": grid, "ticks": ticks, "left": LEFT, "right": LEFT + PLOT_W,
        "bottom": TOP + PLOT_H, "legend_top": legend_top, "height": height, "width": LINE_WIDTH,
        "summary": line_summary(table, themes, periods),
    }


def line_summary(table, themes, periods):
    if not periods or not themes:
        return f"{table.title}: there are no responses to show yet."
    last = table.rows[-1]
    shown = [(last[f"{t.slug}-share"].value, t.name) for t in themes if last[f"{t.slug}-share"].value is not None]
    if not shown:
        return f"{table.title}: in {periods[-1]} every figure is too small to show."
    share, name = max(shown)
    return f"{table.title}: in {periods[-1]} the most common of the themes shown was {name}, for {share * 100:.1f}% of respondents."
