"""How dates, times and numbers read on the page, in the style UK public services use; in a
resident's own language (consult/i18n.py) the style of that language, from Babel's CLDR data."""
from datetime import timezone
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from flask_babel import get_locale

UK = ZoneInfo("Europe/London")


def to_uk_time(value):
    """Stored times are naive UTC; residents read UK time (GMT or BST)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(UK)


def _other_language():
    """The locale of the page being made when it is not English (None outside a request)."""
    locale = get_locale()
    return locale if locale is not None and locale.language != "en" else None


def long_date(value):
    """'26 November 2026' ('26 listopada 2026' in Polish)."""
    if value is None:
        return ""
    value = to_uk_time(value)
    locale = _other_language()
    if locale is not None:
        return format_date(value.date(), "d MMMM y", locale=locale)
    return f"{value.day} {value:%B %Y}"


def long_datetime(value):
    """'5pm on 26 November 2026', '11:59pm on ...', 'midnight on ...'."""
    if value is None:
        return ""
    value = to_uk_time(value)
    locale = _other_language()
    if locale is not None:
        return format_datetime(value, "HH:mm, d MMMM y", locale=locale)
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    if value.hour == 0 and value.minute == 0:
        clock = "midnight"
    elif value.hour == 12 and value.minute == 0:
        clock = "midday"
    elif value.minute:
        clock = f"{hour}:{value.minute:02d}{suffix}"
    else:
        clock = f"{hour}{suffix}"
    return f"{clock} on {long_date(value)}"


def time_waited(since, now):
    """How long from `since` to `now`, in the largest whole unit: '3 hours', '2 days', '1 minute'."""
    if since is None or now is None:
        return ""
    minutes = max(int((now - since).total_seconds() // 60), 0)
    if minutes < 1:
        return "less than a minute"
    for size, unit in ((24 * 60, "day"), (60, "hour"), (1, "minute")):
        if minutes >= size:
            count = minutes // size
            return f"{count} {unit}{'' if count == 1 else 's'}"


def ordinal(number):
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def local_ordinal(number):
    """An ordinal in the page's language: '1st' in English, '1.' where a number and a full stop
    make the ordinal (Polish and most European languages)."""
    return ordinal(number) if _other_language() is None else f"{number}."


def local_number(number):
    """'4,000' in English, '4000' or '4 000' as the page's language writes it."""
    locale = _other_language()
    return f"{number:,}" if locale is None else format_decimal(number, locale=locale)
