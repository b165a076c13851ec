"""Dates and times officers type in UK local time (day, month, year, '5pm'), stored as naive UTC."""
import re
from datetime import datetime, timezone

from consult.formatting import UK, to_uk_time

_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")
# ASCII digits: str.isdigit() also passes '²', which int() refuses (a 500, found by tests/fuzz).
_DIGITS = re.compile(r"[0-9]+")


class DateProblem(ValueError):
    """The message says, politely, what is wrong with the date or time typed."""


def parse_time(text):
    """'9am', '9:30am', '17:30', '5.15pm', 'midday', 'midnight' -> (hour, minute)."""
    cleaned = (text or "").strip().lower().replace(" ", "")
    if cleaned in ("midday", "noon", "12noon"):
        return 12, 0
    if cleaned == "midnight":
        return 0, 0
    match = _TIME.match(cleaned)
    if not match:
        raise DateProblem("must be a time, like 9am, 5:30pm or 17:30")
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half:
        if not 1 <= hour <= 12:
            raise DateProblem("must use an hour from 1 to 12 with am or pm")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise DateProblem("must be a real time, like 9am, 5:30pm or 17:30")
    return hour, minute


def parse_uk_datetime(day, month, year, time, default_time):
    """The moment typed in UK local time, as naive UTC; None when the date is blank (a time alone,
    such as the form's suggested '9am', means no date was chosen).

    :raise DateProblem: saying which part is missing or wrong.
    """
    parts = [(day or "").strip(), (month or "").strip(), (year or "").strip()]
    if not any(parts):
        return None
    missing = [name for name, value in zip(("day", "month", "year"), parts) if not value]
    if missing:
        raise DateProblem(f"must include a {' and '.join(missing)}")
    if not all(_DIGITS.fullmatch(value) for value in parts):
        raise DateProblem("must be a real date, in numbers, like 27 3 2027")
    if len(parts[2]) != 4:
        raise DateProblem("must have a 4-digit year, like 2027")
    if len(parts[0]) > 2 or len(parts[1]) > 2:
        # A 20-digit day overflows datetime() with an OverflowError, not the ValueError caught below.
        raise DateProblem("must be a real date, like 27 3 2027")
    day_number, month_number, year_number = (int(value) for value in parts)
    hour, minute = parse_time(time or default_time)
    try:
        local = datetime(year_number, month_number, day_number, hour, minute, tzinfo=UK)
    except ValueError:
        raise DateProblem("must be a real date, like 27 3 2027") from None
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def uk_parts(value):
    """Naive UTC -> {'day': '27', 'month': '3', 'year': '2027', 'time': '5pm'} for a form; blanks for None."""
    if value is None:
        return {"day": "", "month": "", "year": "", "time": ""}
    local = to_uk_time(value)
    hour = local.hour % 12 or 12
    half = "am" if local.hour < 12 else "pm"
    time = f"{hour}:{local.minute:02d}{half}" if local.minute else f"{hour}{half}"
    if (local.hour, local.minute) == (0, 0):
        time = "midnight"
    elif (local.hour, local.minute) == (12, 0):
        time = "midday"
    return {"day": str(local.day), "month": str(local.month), "year": str(local.year), "time": time}
