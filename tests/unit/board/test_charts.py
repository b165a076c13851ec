"""Chart geometry: round axis ticks, wrapped labels, and the matrix's shading and its contrast."""
import re
from pathlib import Path

import pytest

from consult.board import charts
from consult.services.summaries.matrix import Cell, Matrix, Row
from consult.services.summaries.suppression import Count
from consult.services.summaries.tables import Percent

CSS = (Path(__file__).resolve().parents[3] / "static" / "css" / "consult.css").read_text()
TEXT = "#0b0c0c"


@pytest.mark.parametrize("largest, step", [(27, 10), (12.5, 5), (10, 2), (4, 1), (0.8, 0.2), (0.3, 0.1), (100, 20), (33.3, 10), (51, 20)])
def test_nice_step_is_one_two_or_five_times_a_power_of_ten(largest, step):
    assert charts.nice_step(largest) == pytest.approx(step)


@pytest.mark.parametrize("largest, ticks", [(12, [0, 5, 10, 15]), (27, [0, 10, 20, 30]), (5, [0, 1, 2, 3, 4, 5]), (0, [0, 1])])
def test_round_ticks_start_at_zero_and_reach_the_largest(largest, ticks):
    assert charts.round_ticks(largest) == ticks


def test_tick_labels_read_as_round_percentages():
    assert [charts.percent_label(v) for v in charts.round_ticks(12)] == ["0%", "5%", "10%", "15%"]
    assert charts.percent_label(2.5) == "2.5%"


def test_long_labels_wrap_between_words_and_are_never_cut():
    lines = charts.wrap_label("Community safety survey autumn 2025", 14)
    assert lines == ["Community", "safety survey", "autumn 2025"]
    assert " ".join(lines) == "Community safety survey autumn 2025"


def _matrix(shares):
    themes = [type("Theme", (), {"slug": f"t{i}", "name": f"T{i}"})() for i in range(len(shares))]
    cells = [Cell(Count(10, False), Percent(share)) for share in shares]
    return Matrix(themes, [Row(1, "North", Count(100, False), cells)], Row("all", "All areas", Count(100, False), cells))


def test_heat_shading_has_round_bands_up_to_the_largest_share():
    scale = charts.HeatScale.for_matrix(_matrix([0.0, 0.03, 0.12, 0.27, None]))
    assert scale.step == 10
    assert [scale.level(Percent(v)) for v in (None, 0.0, 0.03, 0.10, 0.12, 0.27)] == [0, 0, 1, 1, 2, 3]
    assert scale.bands()[:2] == [(1, "up to 10%"), (2, "over 10% up to 20%")]
    assert scale.level(Percent(1.0)) == charts.HEAT_LEVELS


def _luminance(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_shade_keeps_text_contrast_of_at_least_4_5_to_1():
    shades = dict(re.findall(r"\.heat-(\d+) \{ background-color: (#[0-9a-f]{6}); \}", CSS))
    assert sorted(map(int, shades)) == list(range(charts.HEAT_LEVELS + 1))
    for level, colour in shades.items():
        assert contrast(TEXT, colour) >= 4.5, f"heat-{level} {colour}"
    # Text, links and the grey "× average" line in shaded cells are the dark text colour.
    assert (f'.matrix td[class*="heat-"] a, .matrix td[class*="heat-"] a:visited, '
            f'.matrix td[class*="heat-"] .meta {{ color: {TEXT}; }}') in CSS
    assert re.search(r"\.heat-swatch \{[^}]*color: " + TEXT, CSS)
    assert contrast("#ffffff", "#000000") == pytest.approx(21)
