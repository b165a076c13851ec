"""People's names in an answer, for redaction: found by titles, cues, forenames and capitals.

``name_spans(text, places)`` returns the (start, end) spans of the words that look like a name.
A word is taken as a name when it follows a title ("Mrs Hodgson", "mrs hodgson") or a cue
("called Kieran", "ask tony", "my neighbour bewley"), when it is a known forename ("kev rigg"),
or when it is a capitalised word that is neither an ordinary English word nor a known place.
A capitalised word straight after "in", "near", "outside" (and so on) is read as a place; after
"to", "by", "at", "of" or "from", which people follow with names too, only when it looks like
one. Redaction is the last step before the board, so a doubtful word is taken as a name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from textblob import en

from .redact_words import (
    AMBIGUOUS, CUES, EVERYDAY_WORDS, FORENAMES, FUNCTION_TAGS, NOT_NAMES,
    PLACE_ENDINGS, PLACE_TYPES, STRONG_CUES, STRONG_LOCATIVES, TITLES, WEAK_LOCATIVES,
    WORD_SURNAMES,
)

_TOKEN = re.compile(r"\[[a-z]+\]|[A-Za-z][A-Za-z'\u2019-]*")
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
_CONTRACTION = re.compile(r"(?:n['\u2019]t|['\u2019](?:ve|re|d|ll|m|t))$", re.IGNORECASE)
_SENTENCE_GAP = re.compile(r"[.!?;:\n][\s\"'(\u201c\u2018*-]*$")


@lru_cache(maxsize=50_000)
def _tag(lower: str) -> str | None:
    return en.lexicon.get(lower)


def is_ordinary(lower: str) -> bool:
    """An everyday English word (or hyphenated run of them), not a forename taken on its own."""
    if lower in NOT_NAMES or lower in EVERYDAY_WORDS or lower in AMBIGUOUS:
        return True
    if lower in FORENAMES and lower not in AMBIGUOUS:
        return False
    parts = [p for p in lower.split("-") if p]
    return bool(parts) and all(_tag(p) is not None for p in parts)


class _Word:
    __slots__ = ("start", "end", "text", "lower", "cap", "starts_sentence", "joined", "place")

    def __init__(self, match: re.Match, previous_end: int | None, text: str):
        self.start = match.start()
        base = lookup = match.group()
        if "'" in base or "\u2019" in base:
            base = _POSSESSIVE.sub("", base) or base
            lookup = _CONTRACTION.sub("", base) or base  # "We've": "we"
        self.end = self.start + len(base)
        self.text, self.lower = base, lookup.lower()
        self.cap = base[0].isupper() and (len(base) == 1 or not base.isupper())
        gap = text[previous_end if previous_end is not None else 0 : self.start]
        spaces_only = gap.strip(" \t") == ""
        self.joined = previous_end is not None and spaces_only
        self.starts_sentence = previous_end is None or (
            not spaces_only and bool(_SENTENCE_GAP.search(gap))
        )
        self.place = False


def _words(text: str) -> list[_Word | None]:
    """Words in order; None for a placeholder left by an earlier step, which no name crosses."""
    found, previous_end = [], None
    for match in _TOKEN.finditer(text):
        if match.group().startswith("["):
            found.append(None)
            previous_end = match.end()
            continue
        found.append(_Word(match, previous_end, text))
        previous_end = match.end()
    return found


def _mark_places(words: list, places: dict) -> None:
    """Mark the words covered by a known place phrase (longest first, any case)."""
    for i, word in enumerate(words):
        for phrase in places.get(word.lower, ()) if word is not None else ():
            span = words[i : i + len(phrase)]
            if len(span) == len(phrase) and all(
                w is not None and w.lower == p and (k == 0 or w.joined)
                for k, (w, p) in enumerate(zip(span, phrase))
            ):
                for w in span:
                    w.place = True
                break


@lru_cache(maxsize=64)
def place_phrases(places: frozenset) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Place names as lower-case word tuples by first word, longest first. A place's single
    words count too, except forenames, which count only inside the whole phrase
    ("Helena Thompson Museum")."""
    phrases = {tuple(p.lower().split()) for p in places if p.strip()}
    phrases |= {(w,) for p in phrases for w in p if w not in FORENAMES}
    by_first: dict[str, list] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        by_first.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(found) for first, found in by_first.items()}


def _forename(word, strong: bool = False) -> bool:
    if word.lower not in FORENAMES or word.place:
        return False
    if word.lower not in AMBIGUOUS or strong:
        return True
    return word.cap and not word.starts_sentence and word.lower not in NOT_NAMES


def _name_after_cue(word, strong: bool) -> bool:
    """Whether the word after a title or cue is a name."""
    if word is None or word.place or not word.joined or word.lower in NOT_NAMES:
        return False
    if _forename(word, strong):
        return True
    return not is_ordinary(word.lower) or strong and _tag(word.lower) not in FUNCTION_TAGS


def _surname(word) -> bool:
    """Whether the word straight after a name carries it on ("Kev Rigg", "tony bewley")."""
    if word is None or not word.joined or word.place or word.lower in NOT_NAMES:
        return False
    if word.cap:
        return word.lower not in PLACE_TYPES and word.text != "I"
    return not is_ordinary(word.lower) or word.lower in WORD_SURNAMES


def _looks_like_place(word) -> bool:
    return word.place or bool(PLACE_ENDINGS.search(word.lower)) or word.lower in NOT_NAMES


def _capitalised_runs(words: list) -> list[list[int]]:
    runs, run = [], []
    for i, word in enumerate(words):
        if word is not None and word.cap and word.text != "I" and (not run or word.joined):
            run.append(i)
        else:
            if run:
                runs.append(run)
            run = [i] if word is not None and word.cap and word.text != "I" else []
    if run:
        runs.append(run)
    return runs


def _name_in_run(words: list, run: list[int]) -> list[int]:
    """The words of a capitalised run that are a name (none when it is a place or a street)."""
    if words[run[-1]].lower in PLACE_TYPES and len(run) > 1:
        return []  # "Lowther Street", "Vulcan Park": a place
    after = run[-1] + 1
    if after < len(words) and words[after] is not None and words[after].joined:
        if words[after].lower in PLACE_TYPES:
            return []  # "Lowther street"
    first = words[run[0]]
    if first.starts_sentence and is_ordinary(first.lower) and not _forename(first):
        run = run[1:]  # "Yesterday", "The": a capital only because a sentence starts
    if not run:
        return []
    namelike = [
        i for i in run
        if not words[i].place and (_forename(words[i]) or not is_ordinary(words[i].lower))
    ]
    if not namelike:
        return []
    before = words[run[0] - 1] if run[0] > 0 and words[run[0]].joined else None
    if before is not None and before.lower in ("and", "or") and not any(
        _forename(words[i]) for i in namelike
    ):
        other = words[run[0] - 2] if run[0] > 1 and before.joined else None
        if other is not None and other.place:
            return []  # "Lamplugh and Branthwaite": listed with a place, a place
    if before is not None and any(_forename(words[i]) for i in namelike):
        return list(range(namelike[0], namelike[-1] + 1))
    if before is not None and before.lower in STRONG_LOCATIVES:
        return []  # "in Salterbeck", "near Moorclose"
    if before is not None and before.lower in WEAK_LOCATIVES:
        if all(_looks_like_place(words[i]) for i in namelike):
            return []  # "from Lillyhall", "to Seascale"
    return list(range(namelike[0], namelike[-1] + 1))


def name_spans(text: str, places: frozenset) -> list[tuple[int, int]]:
    """(start, end) of each run of words that make up a person's name, in order."""
    words = _words(text)
    _mark_places(words, place_phrases(places))
    names: set[int] = set()

    def take(i: int) -> None:
        names.add(i)
        for j in (i + 1, i + 2):
            if j < len(words) and _surname(words[j]) and j - 1 in names:
                names.add(j)

    for i, word in enumerate(words):
        if word is None:
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        title = word.lower in TITLES or word.text == "Miss"
        if title or word.lower in STRONG_CUES or word.lower in CUES:
            strong = title or word.lower in STRONG_CUES
            if nxt is not None and _name_after_cue(nxt, strong):
                take(i + 1)
        elif word.lower in ("name", "names") and nxt is not None and nxt.lower in ("is", "was"):
            after = words[i + 2] if i + 2 < len(words) else None
            if after is not None and _name_after_cue(after, True):
                take(i + 2)
        if i not in names and _forename(word):
            take(i)
    for run in _capitalised_runs(words):
        for i in _name_in_run(words, run):
            take(i)
    spans: list[tuple[int, int]] = []
    for i in sorted(names):
        word = words[i]
        if spans and word.joined and i - 1 in names:
            spans[-1] = (spans[-1][0], word.end)
        else:
            spans.append((word.start, word.end))
    return spans
