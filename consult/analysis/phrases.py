"""Key phrases: the noun phrases of an answer, for spotting concerns outside the themes.

Words are tagged from the lexicon that ships with TextBlob's PatternTagger (no NLTK data), and
runs of adjectives and nouns ending in a noun are kept, lower-cased and de-duplicated. Generic
phrases ("a lot", "the area", "people") say nothing about a concern and are dropped.
"""
from __future__ import annotations

import re

from textblob import en

_WORD_RE = re.compile(r"\[[a-z]+\]|[A-Za-z][A-Za-z'-]*|[0-9]+|[.,;:!?()\"\n]")
_LEXICON = en.lexicon

STOP_WORDS = frozenset(
    "thing things stuff lot lots people person time times way ways day days night nights year "
    "years area areas place places problem problems issue issues kind sort bit part one ones "
    "everyone anyone someone something anything nothing everything nobody somebody anybody "
    "today tonight yesterday tomorrow week weeks month months morning evening afternoon "
    "fact case point reason number amount side end lack need needs sense matter question "
    "opinion view views mr mrs ms dr i me you he she it we they them us etc yes".split()
)
_STOP_PHRASES = frozenset(("local area", "other people", "lot of people", "whole area", "long time"))
_NOUN, _ADJ = "N", "J"
_tag_cache: dict[str, str] = {}


def _tag(word: str, sentence_start: bool) -> str:
    """Return "N" (noun), "J" (adjective) or "" (anything else) for a word."""
    key = word if not sentence_start else word.lower()
    cached = _tag_cache.get(key)
    if cached is not None:
        return cached
    tag = _LEXICON.get(key) or _LEXICON.get(key.lower())
    if tag is None:
        lower = key.lower()
        if lower.endswith("ly"):
            tag = "RB"
        elif lower.endswith("ing") or lower.endswith("ed"):
            tag = "VB"
        else:
            tag = "NN"
    result = _NOUN if tag.startswith("NN") else _ADJ if tag.startswith("JJ") else ""
    if result == _NOUN and (key.lower() in STOP_WORDS):
        result = ""
    if len(_tag_cache) < 100_000:
        _tag_cache[key] = result
    return result


def key_phrases(text: str, limit: int = 8) -> tuple[str, ...]:
    """Return up to ``limit`` noun phrases (1-4 words), in order of first appearance.

    Placeholders left by redaction ("[name]") and single adjectives are never returned.
    """
    found: list[str] = []
    run: list[tuple[str, str]] = []
    start = True

    def close() -> None:
        while run and run[-1][1] != _NOUN:
            run.pop()
        while run and run[0][1] == "":
            run.pop(0)
        if run:
            words = [w.lower() for w, _ in run[-4:]]
            phrase = " ".join(words)
            if phrase not in _STOP_PHRASES and phrase not in found and len(phrase) > 2:
                found.append(phrase)
        run.clear()

    for match in _WORD_RE.finditer(text):
        word = match.group()
        if word[0] in "[.,;:!?()\"\n" or word[0].isdigit():
            close()
            start = word[0] in ".!?\n"
            continue
        tag = _tag(word, start)
        start = False
        if tag:
            run.append((word, tag))
        else:
            close()
        if len(found) >= limit:
            break
    close()
    return tuple(found[:limit])
