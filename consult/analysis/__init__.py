"""Text analysis for resident answers: themes, sentiment, key phrases, safeguarding, redaction.

A pure library: text and a taxonomy in, an ``Analysis`` value out. It imports nothing from
Flask, the database or the rest of ``consult``, and needs no NLTK data. Themes and
safeguarding come from term rules and a model learned from the corpus in ``training/``
together (see ``hybrid.py``); the first ``analyse`` in a process trains the built-in model
unless ``store.use`` or ``store.load_or_train`` gave it one.

    >>> from consult.analysis import analyse
    >>> analyse("Boy racers speed down our street every night").themes[0].slug
    'road-safety'
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .features import find
from .language import ENGLISH, detect
from .hybrid import decide
from .model import Model
from .phrases import key_phrases
from .redact import redact
from .risk_words import foreign_risk
from .safeguarding import Safeguarding
from .scoring import score_all
from .sentiment import sentiment
from .store import current_model
from .tagger import CONFIDENCE_THRESHOLD, ThemeMatch
from .taxonomy import Taxonomy, TaxonomyError, load_default_taxonomy
from .text import normalise

__all__ = [
    "Analysis", "CONFIDENCE_THRESHOLD", "Safeguarding", "Taxonomy", "TaxonomyError",
    "ThemeMatch", "analyse", "analyse_many", "analyse_with", "current_model", "load_default_taxonomy", "warm_up",
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
    # "en", or the language it is written in ("pl", "other"): then it has no themes and no tone,
    # only redaction and the risk words of risk_words.py, and officers read it (language.py).
    language: str = ENGLISH

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


def analyse(text: str, taxonomy: Taxonomy | None = None, places=(), hint: str | None = None) -> Analysis:
    """Analyse one answer against a taxonomy (the default one when None).

    ``places`` are area or place names that redaction must keep; ``hint`` is the language the
    resident chose for the pages, when known (language.detect).
    """
    return analyse_many([text], taxonomy, places, hint=hint)[0]


def analyse_with(model: Model, text: str, taxonomy: Taxonomy | None = None, places=()) -> Analysis:
    """Analyse one answer with a given model (cross-validation, or a candidate model)."""
    return analyse_many([text], taxonomy, places, model)[0]


def _analysis(model: Model, text: str, found, scored, taxonomy: Taxonomy, places) -> Analysis:
    themes, undecided, safeguarding = decide(model, found, taxonomy, scored)
    polarity, subjectivity = sentiment(found.tokens)
    redacted = redact(text, places)
    return Analysis(
        themes=themes,
        undecided=undecided,
        sentiment=polarity,
        subjectivity=subjectivity,
        phrases=key_phrases(redacted),
        safeguarding=safeguarding,
        redacted=redacted,
    )


def warm_up() -> None:
    """Load the lexicons and the model and compile the default taxonomy now, in one thread.

    A server calls this before it takes requests, so threads serving residents never race to
    fill TextBlob's lazily loaded dictionaries, and the first answer is not slow.
    """
    analyse("Boy racers speeding and dealers in the park; I don't feel safe at home.")


def _not_english(text: str, language: str, places) -> Analysis:
    return Analysis(safeguarding=foreign_risk(text, language), redacted=redact(text, places), language=language)


def analyse_many(
    texts, taxonomy: Taxonomy | None = None, places=(), model: Model | None = None, hint: str | None = None,
) -> list[Analysis]:
    """Analyse many answers with one taxonomy and model; compiled lookups are shared.

    An answer not written in English is not tagged (see ``_not_english``).
    """
    taxonomy = taxonomy or load_default_taxonomy()
    model = model or current_model()
    places = tuple(places)
    texts = [normalise(text) for text in texts]
    languages = [detect(text, hint) for text in texts]
    foreign = {i: _not_english(text, language, places) for i, (text, language) in enumerate(zip(texts, languages)) if text and language != ENGLISH}
    found = {i: find(text, taxonomy) for i, text in enumerate(texts) if text and i not in foreign}
    # One transform for the whole batch: the vectorisers' per-call work is shared by every answer.
    scored = dict(zip(found, score_all(model, list(found.values()))))
    return [
        _analysis(model, text, found[i], scored[i], taxonomy, places) if i in found else foreign.get(i, Analysis())
        for i, text in enumerate(texts)
    ]
