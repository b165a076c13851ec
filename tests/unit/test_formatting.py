"""Dates and times read the way UK public services write them, in UK time."""
from datetime import datetime

import pytest

from consult.formatting import long_date, long_datetime, ordinal, time_waited


def test_long_date():
    assert long_date(datetime(2026, 11, 26, 10, 0)) == "26 November 2026"


def test_long_datetime_in_winter_is_gmt():
    assert long_datetime(datetime(2026, 1, 5, 17, 0)) == "5pm on 5 January 2026"
    assert long_datetime(datetime(2026, 1, 5, 23, 59)) == "11:59pm on 5 January 2026"
    assert long_datetime(datetime(2026, 1, 5, 12, 0)) == "midday on 5 January 2026"


def test_long_datetime_in_summer_is_bst():
    # 23:00 UTC on 30 June is midnight on 1 July in the UK.
    assert long_datetime(datetime(2026, 6, 30, 23, 0)) == "midnight on 1 July 2026"
    assert long_date(datetime(2026, 6, 30, 23, 30)) == "1 July 2026"


def test_missing_dates_render_empty():
    assert long_date(None) == "" and long_datetime(None) == ""


def test_time_waited_reads_in_the_largest_whole_unit():
    start = datetime(2026, 1, 5, 9, 0)
    assert time_waited(start, datetime(2026, 1, 5, 9, 0, 30)) == "less than a minute"
    assert time_waited(start, datetime(2026, 1, 5, 9, 1)) == "1 minute"
    assert time_waited(start, datetime(2026, 1, 5, 12, 59)) == "3 hours"
    assert time_waited(start, datetime(2026, 1, 6, 9, 0)) == "1 day"
    assert time_waited(start, datetime(2026, 1, 7, 20, 0)) == "2 days"


@pytest.mark.parametrize("number, text", [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd"), (111, "111th")])
def test_ordinal(number, text):
    assert ordinal(number) == text
