"""The compiled form of a taxonomy: lookup tables from words to the terms they may start.

Built once per taxonomy and shared by every answer: exact stems, wildcard prefixes,
co-occurrence rules, per-word caches, and a respeller for misspelt taxonomy words.
"""
from __future__ import annotations

import re
import weakref
from collections import defaultdict

from .spelling import MIN_TOKEN, Respeller, words_starting
from .taxonomy import Taxonomy
from .text import Token, stem

_WORD_RE = re.compile(r"[a-z0-9']+\*?")
# Per-word lookups are cached, up to a bound so that hostile text cannot grow memory forever.
_CACHE_LIMIT = 200_000


def _element(word: str):
    """A term word becomes its stem, or ("*", prefix) when it ends in a wildcard."""
    if word.endswith("*"):
        return ("*", word[:-1].replace("'", ""))
    return stem(word)


def _elements(phrase: str) -> tuple:
    return tuple(_element(w) for w in _WORD_RE.findall(phrase.lower().replace("-", " ")))


def matches(element, token: Token) -> bool:
    if element.__class__ is str:
        return element == token.stem
    return token.lower.replace("'", "").startswith(element[1])


def _vocabulary(taxonomy: Taxonomy) -> set[str]:
    """Every word of every term, with wildcards spelt out as the English words they match."""
    words = set()
    for theme in taxonomy.active_themes():
        for term in theme.parsed_terms:
            for group in term.groups:
                for phrase in group:
                    for word in _WORD_RE.findall(phrase.lower().replace("-", " ")):
                        if word.endswith("*"):
                            words.update(words_starting(word[:-1]))
                        else:
                            words.add(word)
    return words


class CompiledTaxonomy:
    """Lookup tables for one taxonomy, built once and reused for every answer."""

    def __init__(self, taxonomy: Taxonomy):
        themes = taxonomy.active_themes()
        self.slugs = tuple(t.slug for t in themes)
        self.terms: list[tuple[int, float, str]] = []  # (theme index, weight, source)
        self.exact: dict[str, list] = defaultdict(list)  # first stem -> [(elements, term id)]
        self.wild: list = []  # [(prefix, elements, term id)]
        self.cooc: list = []  # [(groups of element tuples, term id)]
        self.whole_answer: set[int] = set()  # rules whose groups may sit in any sentence
        for theme_index, theme in enumerate(themes):
            for term in theme.parsed_terms:
                if term.is_cooccurrence:
                    term_id = len(self.terms)
                    self.terms.append((theme_index, term.weight, term.source))
                    groups = tuple(
                        tuple(_elements(alt) for alt in group) for group in term.groups
                    )
                    rule = len(self.cooc)
                    self.cooc.append((groups, term_id))
                    if term.whole_answer:
                        self.whole_answer.add(rule)
                    # Multi-word alternatives ("mobile phone") are found like phrases and
                    # then credited to their group of the rule.
                    for group_index, group in enumerate(groups):
                        for elements in group:
                            if len(elements) > 1:
                                self._add_phrase(elements, ("group", rule, group_index))
                    continue
                for phrase in term.groups[0]:
                    elements = _elements(phrase)
                    if not elements:
                        continue
                    term_id = len(self.terms)
                    self.terms.append((theme_index, term.weight, phrase))
                    self._add_phrase(elements, term_id)
        self._phrase_cache: dict[tuple[str, str], tuple] = {}
        self._cooc_cache: dict[tuple[str, str], tuple] = {}
        self.respeller = Respeller(_vocabulary(taxonomy))

    def respelt(self, tokens: list[Token]) -> list[Token]:
        """Return the tokens with misspelt taxonomy words read as meant (text kept as written)."""
        fixed_tokens = None
        for i, token in enumerate(tokens):
            # A capital inside a sentence marks a name ("Caroll"), which is never repaired.
            if len(token.lower) >= MIN_TOKEN and (
                token.text[0].islower() or not i or tokens[i - 1].sentence != token.sentence
            ):
                fixed = self.respeller.correct(token.lower)
                if fixed:
                    fixed_tokens = fixed_tokens or list(tokens)
                    fixed_tokens[i] = Token(token.text, fixed, stem(fixed), token.start,
                                            token.end, token.sentence, token.negated)
        return fixed_tokens or tokens

    def _add_phrase(self, elements: tuple, term_id) -> None:
        first = elements[0]
        if first.__class__ is str:
            self.exact[first].append((elements, term_id))
        else:
            self.wild.append((first[1], elements, term_id))

    def phrases_from(self, token: Token) -> tuple:
        """Terms that may start at this token, cached per distinct word."""
        key = (token.lower, token.stem)
        found = self._phrase_cache.get(key)
        if found is None:
            bare = token.lower.replace("'", "")
            found = tuple(self.exact.get(token.stem, ())) + tuple(
                (elements, term_id) for prefix, elements, term_id in self.wild
                if bare.startswith(prefix)
            )
            if len(self._phrase_cache) < _CACHE_LIMIT:
                self._phrase_cache[key] = found
        return found

    def cooc_groups(self, token: Token) -> tuple:
        """(rule, group) pairs of co-occurrence terms this word satisfies, cached per word."""
        key = (token.lower, token.stem)
        found = self._cooc_cache.get(key)
        if found is None:
            found = tuple(
                (rule, group_index)
                for rule, (groups, _) in enumerate(self.cooc)
                for group_index, group in enumerate(groups)
                if any(len(alt) == 1 and matches(alt[0], token) for alt in group)
            )
            if len(self._cooc_cache) < _CACHE_LIMIT:
                self._cooc_cache[key] = found
        return found


_COMPILED: "weakref.WeakKeyDictionary[Taxonomy, CompiledTaxonomy]" = weakref.WeakKeyDictionary()


def compile_taxonomy(taxonomy: Taxonomy) -> CompiledTaxonomy:
    """Return the compiled form of a taxonomy, building it on first use."""
    compiled = _COMPILED.get(taxonomy)
    if compiled is None:
        compiled = _COMPILED[taxonomy] = CompiledTaxonomy(taxonomy)
    return compiled
