"""Officers type dates and times in UK local time; they are stored as naive UTC."""
from datetime import datetime

import pytest

from consult.manage.uk_dates import DateProblem, parse_time, parse_uk_datetime, uk_parts


@pytest.mark.parametrize(
    "text, expected",
    [("9am", (9, 0)), ("9:30am", (9, 30)), ("12am", (0, 0)), ("12pm", (12, 0)), ("5.15pm", (17, 15)),
     ("17:30", (17, 30)), ("0930", None), ("midday", (12, 0)), ("midnight", (0, 0)), ("13pm", None), ("25:00", None)],
)
def test_times_are_read_the_ways_people_write_them(text, expected):
    if expected is None:
        with pytest.raises(DateProblem):
            parse_time(text)
    else:
        assert parse_time(text) == expected


def test_summer_time_is_an_hour_ahead_of_utc_and_winter_time_is_utc():
    assert parse_uk_datetime("1", "7", "2027", "5pm", "9am") == datetime(2027, 7, 1, 16, 0)
    assert parse_uk_datetime("1", "12", "2027", "5pm", "9am") == datetime(2027, 12, 1, 17, 0)


def test_a_blank_date_is_no_date_even_with_the_suggested_time():
    assert parse_uk_datetime("", "", "", "9am", "9am") is None


def test_a_blank_time_uses_the_default():
    assert parse_uk_datetime("1", "12", "2027", "", "11:59pm") == datetime(2027, 12, 1, 23, 59)


@pytest.mark.parametrize(
    "parts, message",
    [(("", "7", "2027"), "must include a day"), (("31", "2", "2027"), "real date"), (("1", "7", "27"), "4-digit year"), (("1", "July", "2027"), "in numbers"),
     # Found by tests/fuzz: each of these was a 500 (int() refuses '²'; datetime() overflows).
     (("²", "7", "2027"), "in numbers"), (("1", "7", "２０２７"), "in numbers"), (("99999999999999999999", "7", "2027"), "real date"),
     (("1", "9" * 5000, "2027"), "real date")],
)
def test_wrong_dates_say_what_is_wrong(parts, message):
    with pytest.raises(DateProblem, match=message):
        parse_uk_datetime(*parts, "9am", "9am")


def test_stored_times_show_in_uk_time_on_the_form():
    assert uk_parts(datetime(2027, 7, 1, 16, 0)) == {"day": "1", "month": "7", "year": "2027", "time": "5pm"}
    assert uk_parts(datetime(2027, 12, 1, 23, 0))["time"] == "11pm"
    assert uk_parts(datetime(2027, 12, 1, 12, 0))["time"] == "midday"
    assert uk_parts(None)["day"] == ""
