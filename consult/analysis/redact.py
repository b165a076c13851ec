"""Redaction: replace personal details in an answer before it is shown or exported.

Replaces e-mail addresses, UK phone numbers, full postcodes (keeping the district, which maps
an answer to its area), vehicle registrations, house-number addresses and people's names.
Place names are kept: a built-in list of local places plus any the caller passes in.
"""
from __future__ import annotations

import re

from textblob import en

BUILTIN_PLACES = frozenset(
    "Carlisle Workington Whitehaven Maryport Cockermouth Keswick Wigton Egremont Cleator Moor "
    "Millom Cumbria Cumberland Westmorland Allerdale Copeland Penrith Kendal Barrow Furness "
    "Harrington Seaton Distington Frizington Aspatria Silloth Brampton Dalston Longtown "
    "Lake District Lakes Solway Eden England Scotland Wales Ireland Northern UK Britain Great "
    "British United Kingdom London Manchester Newcastle Glasgow Edinburgh Liverpool Leeds "
    "Europe Lancashire Yorkshire Lancaster Preston".split()
)

# Capitalised words that are not names: calendar words, organisations and common shop names.
NOT_NAMES = frozenset(
    "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Police Council Councillor "
    "Government Parliament NHS Christmas Easter Halloween Bonfire Ramadan Eid Diwali God "
    "Jesus Allah Tesco Asda Aldi Lidl Morrisons Sainsbury Sainsburys Co Op Spar Greggs "
    "McDonalds Facebook Google Twitter Instagram TikTok WhatsApp Snapchat Reddit Brexit "
    "Covid PCSO PCSOs Constabulary Housing Trust Partnership Community Safety Street Road "
    "Lane Avenue Close Drive Park Estate Centre Square Hill Terrace Crescent Place Bridge "
    "Station School Academy College Hospital Church Chapel Mosque Synagogue Library OK Okay "
    "Hi Hello Dear Thanks Thank Mr Mrs Ms Miss Dr".split()
)

_STREET_TYPES = (
    r"Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Terrace|Crescent|Place|Court|"
    r"Gardens|Grove|Row|Square|Hill|Park|View|Walk|Mews|Parade|Green|Rise|Brow|Gate|Bank|Fold|"
    r"Croft|Meadows?|Wynd|Estate"
)

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_LOCAL_CHAR = re.compile(r"[\w.+-]")
_BOUNDARY = re.compile(r"\b")
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)44\s?\(?0?\)?\s?\d{2,4}|\(?0\d{2,4}\)?)(?:[\s-]?\d){6,8}(?!\d)"
)
_POSTCODE = re.compile(r"\b([A-Za-z]{1,2}\d[A-Za-z\d]?)\s*(\d[A-Za-z]{2})\b")
_VEHICLE = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b")
_ADDRESS = re.compile(
    rf"\b\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][\w'-]+\s+){{1,3}}(?:{_STREET_TYPES})\b\.?"
)
_TITLED = re.compile(
    r"\b(?P<lead>(?:[Mm]y|[Oo]ur|[Tt]he) (?:neighbour|neighbor|next door neighbour|husband|"
    r"wife|partner|ex|boyfriend|girlfriend|son|daughter|friend|brother|sister|landlord|dad|mum|"
    r"uncle|cousin)(?:,)?|[Cc]alled|[Nn]amed|name is|Mrs?\.?|Ms\.?|Miss|Dr\.?)"
    r"\s+(?P<name>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)*")
_LOCATIVE_WORDS = "in at on near from to around through outside towards of off by into".split()
_LOCATIVE = re.compile(rf"\b(?:{'|'.join(_LOCATIVE_WORDS)})\s+$")
_LOCATIVE_REACH = max(map(len, _LOCATIVE_WORDS))
_SENTENCE_START = re.compile(r"(?:^|[.!?\n]\s*|[\"(]\s*)$")
_STREET_AFTER = re.compile(rf"\s+(?:{_STREET_TYPES})\b")


def _is_place(words: list[str], places: frozenset) -> bool:
    phrase = " ".join(words)
    return phrase in places or all(w in places for w in words)


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


def _ends_with(pattern: re.Pattern, text: str, end: int, reach: int) -> bool:
    """True when ``pattern`` (anchored with ``$``) matches the text just before ``end``.

    Only the trailing whitespace and the ``reach`` characters before it are searched, so the
    check costs the same wherever it is made in a long answer; word boundaries and ``^`` still see
    the whole text.
    """
    start = end
    while start and text[start - 1].isspace():
        start -= 1
    return pattern.search(text, max(0, start - reach), end) is not None


def _is_common(word: str) -> bool:
    """A capitalised word whose lower-case form is an ordinary English word is not a name."""
    return word.lower() in en.lexicon or word in NOT_NAMES


def _replace_names(text: str, places: frozenset) -> str:
    def titled(match: re.Match) -> str:
        name = match.group("name")
        if _is_place(name.split(), places) or all(w in NOT_NAMES for w in name.split()):
            return match.group(0)
        return f"{match.group('lead')} [name]"

    text = _TITLED.sub(titled, text)

    def capitalised(match: re.Match) -> str:
        words = match.group(0).split()
        if _is_place(words, places) or _STREET_AFTER.match(text, match.end()):
            return match.group(0)
        if _ends_with(_LOCATIVE, text, match.start(), _LOCATIVE_REACH):
            return match.group(0)  # "in Harrington", "near Salterbeck": a place
        names = [w for w in words if not _is_common(w) and w not in places]
        if not names:
            return match.group(0)
        if (
            len(words) == 1
            and _ends_with(_SENTENCE_START, text, match.start(), 1)
            and _is_common(words[0])
        ):
            return match.group(0)
        return "[name]"

    return _CAPITALISED.sub(capitalised, text)


def redact(text: str, places=()) -> str:
    """Return the text with personal details replaced by [email], [phone], [postcode], ..."""
    place_set = BUILTIN_PLACES | frozenset(
        w for p in places for w in [str(p).strip(), *str(p).split()] if w
    )
    text = _replace_emails(text)
    text = _PHONE.sub("[phone]", text)
    text = _POSTCODE.sub(lambda m: f"{m.group(1).upper()} [postcode]", text)
    text = _VEHICLE.sub("[vehicle]", text)
    text = _ADDRESS.sub("[address]", text)
    return _replace_names(text, place_set)
