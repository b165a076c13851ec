"""Redaction: replace personal details in an answer before it is shown or exported.

Replaces e-mail addresses (also written "bob dot lee at outlook dot com" or "kim(at)example.net")
with [email], UK phone numbers however spaced with [phone], full postcodes with [postcode]
(keeping the district, which maps an answer to its area), vehicle registrations with [vehicle],
National Insurance numbers with [id], dates of birth with [date], social media handles with
[handle], house-number addresses, flats and "number 40" with [address], and people's names with
[name] (redact_names.py). Place names are kept: a built-in list of local and UK places plus any
the caller passes in.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .redact_names import is_ordinary, name_spans
from .redact_words import BUILTIN_PLACES

_STREET_TYPES = (
    r"street|st|road|rd|lane|ln|avenue|ave|close|drive|dr|way|terrace|crescent|place|court|"
    r"gardens|grove|row|square|hill|park|view|walk|mews|parade|green|rise|brow|gate|bank|fold|"
    r"croft|meadows?|wynd|estate"
)
_TLD = r"(?:com|net|org|uk|co|io|me|info|biz|gov|ac|nhs|police|email|online|xyz|ie|eu|de|fr)"
_SPOKEN_DOT = r"(?:\s+dot\s+|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\.)"
_SPOKEN_AT = r"(?:\s+at\s+|\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s*@\s*)"

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_LOCAL_CHAR = re.compile(r"[\w.+-]")
_BOUNDARY = re.compile(r"\b")
# Spelled out to dodge filters: the domain must end in a known top-level domain, so "at the
# shop" is never an address. Bounded parts keep the search linear in the length of the text.
_SPOKEN_EMAIL = re.compile(
    rf"\b[\w+-]{{1,64}}(?:{_SPOKEN_DOT}[\w+-]{{1,64}}){{0,3}}{_SPOKEN_AT}[\w-]{{1,63}}"
    rf"(?:{_SPOKEN_DOT}[\w-]{{1,63}}){{0,3}}"
    rf"{_SPOKEN_DOT}{_TLD}\b",
    re.IGNORECASE,
)
_SOCIAL_LINK = re.compile(
    r"\b(?:https?://)?(?:www\.)?(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|youtube)"
    r"\.com/[\w.@/-]+",
    re.IGNORECASE,
)
# Any run of digits, spaces, dots, dashes and brackets that starts like a UK number; the
# callback checks the count of digits.
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\s*44|\(\s*0|0)(?:[\s.\-()/]{0,3}\d){8,11}(?!\d)")
_POSTCODE = re.compile(
    r"\b([A-Za-z]{1,2}\d[A-Za-z\d]?)[\s\-_.]{0,2}(\d(?!(?:am|pm|st|nd|rd|th)\b)[A-Za-z]{2})\b"
)
_NI_NUMBER = re.compile(
    r"\b[A-Za-z]{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?[A-Da-d]\b"
)
_VEHICLE = re.compile(
    r"\b(?:[A-Z]{2}\s?\d{2}\s?[A-Z]{3}|(?i:[a-z]{2}\d{2}\s?[a-z]{3})|[A-Z]\d{1,3}\s?[A-Z]{3}"
    r"|[A-Z]{3}\s?\d{1,3}[A-Z])\b"
)
_PLATE_CUE = re.compile(
    r"\b((?:reg|registration|plate|number\s+plate|reg\s+plate)(?:\s+(?:is|was|number|no))?"
    r"[\s:.-]+)([a-z]{2}\s?\d{2}\s?[a-z]{3}|[a-z]\d{1,3}\s?[a-z]{3})\b",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    rf"(?:\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?:19|20)\d\d)"
)
_BIRTH_DATE = re.compile(
    rf"\b((?:d\.?o\.?b|date\s+of\s+birth|born(?:\s+on|\s+in)?|birthday(?:\s+is)?)\.?"
    rf"(?:\s*(?:is|was|:|-)\s*|\s+)){_DATE}\b",
    re.IGNORECASE,
)
_OLD_DATE = re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*19\d\d\b")
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_HANDLE_CUE = re.compile(
    r"\b((?:insta(?:gram)?|ig|snap(?:chat)?|sc|tiktok|tik\s+tok|twitter|fb|facebook|telegram|"
    r"discord|threads|youtube|username|user\s*name|handle)(?:\s+(?:name|handle|account|page|"
    r"username|user\s*name|id))?(?:\s*(?:is|was|=|:|-)\s*|\s+))([A-Za-z0-9_.]{3,30})\b",
    re.IGNORECASE,
)
_ADDRESS = re.compile(
    rf"\b\d{{1,4}}[A-Za-z]?,?\s+((?:[A-Za-z][\w'-]*\s+){{1,3}})(?:{_STREET_TYPES})\b",
    re.IGNORECASE,
)
_FLAT = re.compile(
    r"\b(?:flat|apartment|apt|unit|maisonette)\s*(?:no\.?\s*|number\s*)?#?\d{1,4}[a-z]?\b",
    re.IGNORECASE,
)
_HOUSE_NUMBER = re.compile(
    r"\b((?:at|from|in|to|near|opposite|outside|of|by|behind|beside|next\s+to|lives?|living|"
    r"round|into|visit|visits|visited)\s+(?:the\s+)?(?:house\s+|home\s+)?)"
    r"(?:number|no\.?|num|#)\s*\d{1,4}[a-z]?\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_AT_CUES = frozenset(("at",))
_BIRTH_CUES = frozenset("dob d o b birth born birthday".split())
_PLATE_CUES = frozenset("reg registration plate".split())
_FLAT_CUES = frozenset("flat apartment apt unit maisonette".split())
_NUMBER_CUES = frozenset("number no num".split())
_HANDLE_CUES = frozenset(
    "insta instagram ig snap snapchat sc tiktok tik twitter fb facebook telegram discord threads "
    "youtube username user handle".split()
)
_NOT_STREET_WORDS = frozenset(
    "the a an and or of in on at to by up down from for with into past along near this that "
    "my our his her their your its every each all some no any mph miles mile yards yard metres "
    "meters minutes mins min hours hrs year years old times kids lads cars".split()
)


def _replace_emails(text: str) -> str:
    """Replace e-mail addresses, as ``_EMAIL.sub("[email]", text)`` would, in linear time.

    A plain ``sub`` retries the local part from every word boundary of a long "a.b.c.d" run.
    Every address holds one "@", so each "@" is visited once: its local part starts at the
    first word boundary of the run of address characters before it.
    """
    parts, done = [], 0
    at = text.find("@")
    while at != -1:
        start = at
        while start > done and _LOCAL_CHAR.match(text, start - 1):
            start -= 1
        boundary = _BOUNDARY.search(text, start, at)
        match = _EMAIL.match(text, boundary.start()) if boundary and boundary.start() < at else None
        if match:
            parts += [text[done : match.start()], "[email]"]
            done = match.end()
        at = text.find("@", max(at + 1, done))
    parts.append(text[done:])
    return "".join(parts)


def _phone(match: re.Match) -> str:
    found = match.group(0)
    digits = re.sub(r"\D", "", found)
    international = found.startswith(("+", "00")) and digits.startswith(("44", "0044"))
    national = "0" + digits.lstrip("0")[2:].lstrip("0") if international else digits
    if 10 <= len(national) <= 11:
        return "[phone]"
    return found


def _address(match: re.Match) -> str:
    """A house number and street, unless the words between them are not a street's name
    ("5 cars down the road")."""
    words = match.group(1).split()
    if any(w.lower() in _NOT_STREET_WORDS for w in words):
        return match.group(0)
    if any(not w[0].isupper() and w.lower().endswith("s") and is_ordinary(w.lower()) for w in words):
        return match.group(0)  # "2 lads walk": a count of people, not an address
    return "[address]"


def _handle(match: re.Match) -> str:
    handle = match.group(2)
    if is_ordinary(handle.lower()) and not re.search(r"[\d_.]", handle):
        return match.group(0)  # "on facebook saying": no handle
    return f"{match.group(1)}[handle]"


def _replace_names(text: str, places: frozenset) -> str:
    parts, done = [], 0
    for start, end in name_spans(text, places):
        parts += [text[done:start], "[name]"]
        done = end
    parts.append(text[done:])
    return "".join(parts)


@lru_cache(maxsize=64)
def _place_set(places: tuple) -> frozenset:
    return frozenset(BUILTIN_PLACES) | frozenset(str(p).strip() for p in places if str(p).strip())


def _replace_numbers(text: str, words: set) -> str:
    """Details that hold digits: dates of birth, phones, NI numbers, postcodes, plates, addresses."""
    if words & _BIRTH_CUES:
        text = _BIRTH_DATE.sub(lambda m: f"{m.group(1)}[date]", text)
    text = _OLD_DATE.sub("[date]", text)
    text = _PHONE.sub(_phone, text)
    text = _NI_NUMBER.sub("[id]", text)
    text = _POSTCODE.sub(lambda m: f"{m.group(1).upper()} [postcode]", text)
    if words & _PLATE_CUES:
        text = _PLATE_CUE.sub(lambda m: f"{m.group(1)}[vehicle]", text)
    text = _VEHICLE.sub("[vehicle]", text)
    text = _ADDRESS.sub(_address, text)
    if words & _FLAT_CUES:
        text = _FLAT.sub("[address]", text)
    if words & _NUMBER_CUES or "#" in text:
        text = _HOUSE_NUMBER.sub(lambda m: f"{m.group(1)}[address]", text)
    return text


def redact(text: str, places=()) -> str:
    """Return the text with personal details replaced by [email], [phone], [postcode], ..."""
    place_set = _place_set(tuple(places))
    # The slower patterns run only when a word they need is there: most answers hold none.
    lower = text.lower()
    words = set(_WORD.findall(lower))
    text = _replace_emails(text)
    if "/" in text:
        text = _SOCIAL_LINK.sub("[handle]", text)
    if words & _AT_CUES or "@" in text:
        text = _SPOKEN_EMAIL.sub("[email]", text)
    if _DIGIT.search(text):
        text = _replace_numbers(text, words)
    if "@" in text:
        text = _HANDLE.sub("[handle]", text)
    if words & _HANDLE_CUES:
        text = _HANDLE_CUE.sub(_handle, text)
    return _replace_names(text, place_set)
