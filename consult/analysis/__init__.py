"""Text analysis for resident answers: themes, sentiment, key phrases, safeguarding, redaction.

A pure library: text and a taxonomy in, an ``Analysis`` value out. It imports nothing from
Flask, the database or the rest of ``consult``, and needs no NLTK data.

    >>> from consult.analysis import analyse
    >>> analyse("Boy racers speed down our street every night").themes[0].slug
    'road-safety'
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .phrases import key_phrases
from .redact import redact
from .safeguarding import Safeguarding, assess
from .sentiment import sentiment
from .tagger import CONFIDENCE_THRESHOLD, ThemeMatch, tag
from .taxonomy import Taxonomy, TaxonomyError, load_default_taxonomy
from .text import normalise, tokenise

__all__ = [
    "Analysis", "CONFIDENCE_THRESHOLD", "Safeguarding", "Taxonomy", "TaxonomyError",
    "ThemeMatch", "analyse", "analyse_many", "load_default_taxonomy", "warm_up",
]


@dataclass(frozen=True)
class Analysis:
    """Everything the platform stores about one text answer."""

    themes: tuple[ThemeMatch, ...] = ()
    undecided: bool = False
    sentiment: float = 0.0
    subjectivity: float = 0.0
    phrases: tuple[str, ...] = ()
    safeguarding: Safeguarding = field(default_factory=Safeguarding)
    redacted: str = ""

    @property
    def theme_slugs(self) -> tuple[str, ...]:
        return tuple(m.slug for m in self.themes)

    def to_dict(self) -> dict:
        """Return the analysis as JSON-serialisable dicts, lists, strings and numbers."""
        data = asdict(self)
        data["themes"] = [
            {"slug": m.slug, "confidence": m.confidence, "evidence": list(m.evidence)}
            for m in self.themes
        ]
        data["phrases"] = list(self.phrases)
        data["safeguarding"] = {
            "level": self.safeguarding.level,
            "reasons": list(self.safeguarding.reasons),
        }
        return data


def analyse(text: str, taxonomy: Taxonomy | None = None, places=()) -> Analysis:
    """Analyse one answer against a taxonomy (the default one when None).

    ``places`` are area or place names that redaction must keep.
    """
    text = normalise(text)
    if not text:
        return Analysis()
    taxonomy = taxonomy or load_default_taxonomy()
    tokens = tokenise(text)
    themes, undecided, candidates = tag(tokens, text, taxonomy)
    polarity, subjectivity = sentiment(tokens)
    redacted = redact(text, places)
    return Analysis(
        themes=themes,
        undecided=undecided,
        sentiment=polarity,
        subjectivity=subjectivity,
        phrases=key_phrases(redacted),
        safeguarding=assess(text, candidates),
        redacted=redacted,
    )


def warm_up() -> None:
    """Load the lexicons and compile the default taxonomy now, in one thread.

    A server calls this before it takes requests, so threads serving residents never race to
    fill TextBlob's lazily loaded dictionaries, and the first answer is not slow.
    """
    analyse("Boy racers speeding and dealers in the park; I don't feel safe at home.")


def analyse_many(texts, taxonomy: Taxonomy | None = None, places=()) -> list[Analysis]:
    """Analyse many answers with one taxonomy; compiled lookups are shared across the batch."""
    taxonomy = taxonomy or load_default_taxonomy()
    places = tuple(places)
    return [analyse(text, taxonomy, places) for text in texts]
