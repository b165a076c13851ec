"""The theme taxonomy: themes with plain-English terms, loaded from records or themes.toml.

A term is written the way an officer would list it, with three small additions:

- ``"county lines (strong)"`` counts double, ``"drinking (weak)"`` counts half;
- ``"antisemit*"`` matches any word starting with ``antisemit``;
- ``"man/men/lads + follow/stare/whistle"`` matches when a word from each group appears in the
  same sentence (alternatives separated by ``/``, groups by ``+``);
- ``"my boyfriend/my husband & hit me/slapped me"`` is the same with ``&``, but anywhere in
  the answer: forum posts name the partner in one sentence and what he did in the next.

Inflections need not be listed: "dealer" also finds "dealers", "speeding" finds "speeders".
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DEFAULT_THEMES_PATH = Path(__file__).with_name("themes.toml")

WEIGHTS = {"strong": 2.0, "weak": 0.5}
_WEIGHT_RE = re.compile(r"\s*\((strong|weak)\)\s*$", re.IGNORECASE)
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class TaxonomyError(ValueError):
    """Raised when theme records are incomplete or a term cannot be read."""


@dataclass(frozen=True)
class Term:
    """One parsed term: its groups of alternative phrases and its weight."""

    source: str
    groups: tuple[tuple[str, ...], ...]
    weight: float
    whole_answer: bool = False

    @property
    def is_cooccurrence(self) -> bool:
        return len(self.groups) > 1


@dataclass(frozen=True)
class Theme:
    """One theme of the partnership's taxonomy."""

    slug: str
    name: str
    description: str = ""
    terms: tuple[str, ...] = ()
    active: bool = True
    parsed_terms: tuple[Term, ...] = field(default=(), compare=False, repr=False)


def parse_term(source: str) -> Term:
    """Parse one term string into groups of alternatives and a weight.

    :raise TaxonomyError: when the term is empty or a group has no alternatives.
    """
    text = source.strip()
    weight = 1.0
    match = _WEIGHT_RE.search(text)
    if match:
        weight = WEIGHTS[match.group(1).lower()]
        text = text[: match.start()].strip()
    whole_answer = "&" in text
    separator = "&" if whole_answer else "+"
    if whole_answer and "+" in text:
        raise TaxonomyError(f"term {source!r} mixes + and &")
    groups = []
    for group in text.split(separator) if separator in text else [text]:
        alternatives = tuple(a.strip().lower() for a in group.split("/") if a.strip())
        if not alternatives:
            raise TaxonomyError(f"term {source!r} has an empty part")
        groups.append(alternatives)
    if len(groups) == 1 and len(groups[0]) > 1:
        # "a/b" on its own is a list of synonyms, each a term of its own weight.
        return Term(source, (groups[0],), weight)
    return Term(source, tuple(groups), weight, whole_answer and len(groups) > 1)


class Taxonomy:
    """An ordered set of themes. Built once and shared; analysis caches its compiled form."""

    def __init__(self, themes):
        self.themes: tuple[Theme, ...] = tuple(themes)
        seen = set()
        for theme in self.themes:
            if theme.slug in seen:
                raise TaxonomyError(f"theme slug {theme.slug!r} appears twice")
            seen.add(theme.slug)

    @classmethod
    def from_records(cls, records) -> "Taxonomy":
        """Build a taxonomy from dicts with slug, name, description, terms and active.

        :raise TaxonomyError: when a record lacks a valid slug or name, or a term is empty.
        """
        themes = []
        for number, record in enumerate(records, start=1):
            slug = str(record.get("slug") or "").strip()
            if not _SLUG_RE.match(slug):
                raise TaxonomyError(f"theme {number}: slug {slug!r} is not a lower-case slug")
            name = str(record.get("name") or "").strip()
            if not name:
                raise TaxonomyError(f"theme {slug!r}: name is missing")
            terms = record.get("terms") or ()
            if isinstance(terms, str):
                terms = [t for t in terms.splitlines() if t.strip()]
            terms = tuple(str(t).strip() for t in terms if str(t).strip())
            themes.append(
                Theme(
                    slug=slug,
                    name=name,
                    description=str(record.get("description") or "").strip(),
                    terms=terms,
                    active=bool(record.get("active", True)),
                    parsed_terms=tuple(parse_term(t) for t in terms),
                )
            )
        return cls(themes)

    @classmethod
    def from_toml(cls, path) -> "Taxonomy":
        """Read a taxonomy from a TOML file holding a ``[[theme]]`` table per theme."""
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
        return cls.from_records(data.get("theme", []))

    def records(self) -> list[dict]:
        """Return the themes as plain dicts, as accepted by ``from_records``."""
        return [
            {
                "slug": t.slug,
                "name": t.name,
                "description": t.description,
                "terms": list(t.terms),
                "active": t.active,
            }
            for t in self.themes
        ]

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(t.slug for t in self.themes)

    def active_themes(self) -> tuple[Theme, ...]:
        return tuple(t for t in self.themes if t.active)

    def __repr__(self) -> str:
        return f"Taxonomy({', '.join(self.slugs)})"


@lru_cache(maxsize=1)
def load_default_taxonomy() -> Taxonomy:
    """Return the built-in taxonomy from themes.toml, read once per process."""
    return Taxonomy.from_toml(DEFAULT_THEMES_PATH)
