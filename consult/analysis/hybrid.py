"""Hybrid decisions: the model's calibrated probabilities, explained by the rules' terms and
the answer's words that weighed most, turned into themes, the undecided band and safeguarding.
"""
from __future__ import annotations

from .disclosures import urgent
from .features import Findings
from .model import ANY_THEME, SAFEGUARDING, Model
from .safeguarding import CONCERN, URGENT, Safeguarding
from .scoring import Scored, score_all, weighed_words
from .tagger import CONFIDENCE_THRESHOLD, ThemeMatch
from .taxonomy import Taxonomy, load_default_taxonomy

# An answer with no theme is undecided when some theme came at least this close to its
# threshold: an officer should look rather than count it as off-topic.
UNDECIDED_SHARE = 0.6
# The any-theme label gives a sure answer its likeliest theme only when that theme came at
# least this close to its own threshold: never one the model gives next to nothing.
FALLBACK_SHARE = 0.3
EVIDENCE_LIMIT = 6
MODEL_REASON = "possible risk to someone (learned from reviewed answers)"


_learned: dict[tuple[int, int], tuple] = {}


def learned_themes(model: Model, taxonomy: Taxonomy) -> frozenset[str]:
    """The themes the model decides: those it was trained on whose terms nobody has changed.

    A theme the partnership added or whose terms an admin edited is decided by its terms, so
    the admin's change takes effect at once.
    """
    key = (id(model), id(taxonomy))
    entry = _learned.get(key)
    if entry is None or entry[0] is not model or entry[1] is not taxonomy:
        default = {theme.slug: theme.terms for theme in load_default_taxonomy().themes}
        slugs = frozenset(t.slug for t in taxonomy.themes
                          if t.slug in model.labels and default.get(t.slug) == t.terms)
        if len(_learned) >= 16:
            _learned.clear()
        entry = _learned[key] = (model, taxonomy, slugs)
    return entry[2]


def _evidence(weighed, found: Findings, label: str) -> tuple[str, ...]:
    """Matched terms first, then the words that weighed most, each once."""
    items = list(found.rule_evidence(label)) if label != SAFEGUARDING else []
    for word in weighed(label):
        if not any(word.lower() in item.lower() for item in items):
            items.append(word)
    return tuple(items[:EVIDENCE_LIMIT])


def decide(model: Model, found: Findings, taxonomy: Taxonomy, scored: Scored | None = None):
    """Return (themes best first, undecided, Safeguarding) for one answer's findings; `scored`
    is its score from a batch (score_all), or it is scored alone."""
    scored = scored or score_all(model, [found])[0]
    row = scored.probabilities

    def weighed(label, limit=3):
        return weighed_words(model, scored, label, limit)

    themes, near, likeliest = [], False, None
    learned = learned_themes(model, taxonomy)
    for slug in taxonomy.slugs:
        if slug not in learned:
            confidence = found.rule_confidence(slug)
            if confidence >= CONFIDENCE_THRESHOLD:
                themes.append(ThemeMatch(slug, confidence, found.rule_evidence(slug)))
            continue
        p = float(row[model.labels.index(slug)])
        threshold = model.thresholds[slug]
        if p >= threshold:
            themes.append(ThemeMatch(slug, round(p, 3), _evidence(weighed, found, slug)))
        elif p >= threshold * UNDECIDED_SHARE:
            near = True
        if likeliest is None or p / threshold > likeliest[0]:
            likeliest = (p / threshold, slug, p)
    if not themes and likeliest and likeliest[0] >= FALLBACK_SHARE and ANY_THEME in model.labels:
        if row[model.labels.index(ANY_THEME)] >= model.thresholds[ANY_THEME]:
            _, slug, p = likeliest
            themes.append(ThemeMatch(slug, round(p, 3), _evidence(weighed, found, slug)))
    themes.sort(key=lambda m: (-m.confidence, m.slug))
    undecided = not themes and (near or found.safety_talk)
    return tuple(themes), undecided, _safeguarding(model, weighed, row, found)


def _safeguarding(model: Model, weighed, row, found: Findings) -> Safeguarding:
    """Recall first: the model at its cross-validated threshold, or any disclosure the rules find."""
    rules = found.safeguarding
    p = float(row[model.labels.index(SAFEGUARDING)]) if SAFEGUARDING in model.labels else 0.0
    flagged = p >= model.thresholds.get(SAFEGUARDING, 1.0) or found.rules_give(SAFEGUARDING)
    if not flagged:
        return Safeguarding()
    reasons = list(rules.reasons)
    if not reasons or reasons == ["immediate danger"]:
        words = weighed(SAFEGUARDING, limit=4)
        reasons = [MODEL_REASON + (f": {', '.join(words)}" if words else "")]
    lower = found.text.lower()
    level = URGENT if rules.level == URGENT or urgent(lower, reasons) else CONCERN
    if level == URGENT and "immediate danger" not in reasons:
        reasons.append("immediate danger")
    return Safeguarding(level, tuple(reasons))
