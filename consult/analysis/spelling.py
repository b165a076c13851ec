"""Light spelling repair: read a misspelt taxonomy word ("whsistling", "harrassment") as meant.

Residents type on phones and many write English as a second language. A word is repaired only
when it is not an English word itself (neither in TextBlob's Pattern lexicon nor in its spelling
list, alone or less a common ending, so "spending" never becomes "speeding" nor "texting"
"sexting"), is at least six letters long, is not a capitalised name, and is one edit
(a letter added, dropped, changed, or two letters swapped) away from exactly one long word of
the taxonomy (or from several forms of one word). Candidates come from a precomputed index of single-letter deletions, so a lookup
costs a few dictionary probes and the result is cached per word.
"""
from __future__ import annotations

import threading
from bisect import bisect_left
from functools import lru_cache

from textblob import en

from .text import stem

MIN_WORD = 7  # taxonomy words shorter than this are too close to ordinary words to repair to
MIN_TOKEN = MIN_WORD - 1
_CACHE_LIMIT = 100_000


_SUFFIXES = ("s", "es", "d", "ed", "ing", "er", "ers", "ly")


_LOADING = threading.Lock()


@lru_cache(maxsize=1)
def english_words() -> tuple[frozenset, tuple]:
    """Return the known English words as a lower-case set, and the common words (no proper
    nouns, which the lexicon writes with a capital) as a sorted tuple."""
    # TextBlob loads its lexicon lazily into a dict: a second thread iterating it while the
    # first fills it fails ("dictionary changed size"), so the first use is serialised.
    with _LOADING:
        return _load_english_words()


def _load_english_words() -> tuple[frozenset, tuple]:
    common = {w for w in en.lexicon.keys() if w.isalpha() and w.islower()}
    common.update(w for w in en.spelling.keys() if w.isalpha() and w.islower())
    known = common | {w.lower() for w in en.lexicon.keys()}
    return frozenset(known), tuple(sorted(common))


def is_english(word: str) -> bool:
    """True when the word, or the word less a common ending ("texting", "refuges"), is known."""
    known, _ = english_words()
    if word in known:
        return True
    for suffix in _SUFFIXES:
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            if base in known or base + "e" in known or (
                len(base) > 2 and base[-1] == base[-2] and base[:-1] in known
            ):
                return True
    return False


def words_starting(prefix: str) -> list[str]:
    """Known English words that start with ``prefix`` (to spell out "whistl*" as words)."""
    _, ordered = english_words()
    found = []
    for word in ordered[bisect_left(ordered, prefix):]:
        if not word.startswith(prefix):
            break
        found.append(word)
    return found


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion, change or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
        return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])
    if len(a) > len(b):
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


class Respeller:
    """Repairs misspellings of a fixed vocabulary of long words."""

    def __init__(self, vocabulary):
        self.vocabulary = frozenset(w for w in vocabulary if len(w) >= MIN_WORD and w.isalpha())
        self.index: dict[str, set[str]] = {}
        for word in self.vocabulary:
            for key in _deletions(word) | {word}:
                self.index.setdefault(key, set()).add(word)
        self._cache: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """Return the vocabulary word ``word`` misspells, or None (also for known words)."""
        if word in self._cache:
            return self._cache[word]
        result = None
        if len(word) >= MIN_TOKEN and word.isalpha() and not is_english(word):
            candidates = set(self.index.get(word, ()))
            for key in _deletions(word):
                candidates |= self.index.get(key, set())
            matches = sorted(c for c in candidates if one_edit(word, c))
            # "cyclits" is one edit from both "cyclist" and "cyclists": one word, two forms.
            if matches and len({stem(c) for c in matches}) == 1:
                result = matches[0]
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[word] = result
        return result
