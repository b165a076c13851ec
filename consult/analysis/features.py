"""What the rules find in an answer, kept both for officers (evidence) and for the model (features).

The learned model reads the rules' findings as extra columns beside its word and character
n-grams, so the officer-readable term lists keep their say and the model learns how far to
trust each of them on residents' own wording.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .safeguarding import Safeguarding, assess
from .tagger import CONFIDENCE_THRESHOLD, ThemeMatch, mentions_safety, tag
from .taxonomy import Taxonomy
from .text import normalise, tokenise

SELF_HARM = "self-harm or suicidal thoughts"
# Columns after the per-theme rule confidences.
EXTRA_COLUMNS = ("safeguarding-rule", "safeguarding-urgent", "self-harm-rule", "safety-talk")


@dataclass(frozen=True)
class Findings:
    """The rules' view of one answer: every theme with any evidence, and their safeguarding call."""

    text: str
    tokens: list
    rule_themes: tuple[ThemeMatch, ...]
    safety_talk: bool
    safeguarding: Safeguarding

    def rule_confidence(self, slug: str) -> float:
        return next((m.confidence for m in self.rule_themes if m.slug == slug), 0.0)

    def rule_evidence(self, slug: str) -> tuple[str, ...]:
        return next((m.evidence for m in self.rule_themes if m.slug == slug), ())

    def rules_give(self, label: str) -> bool:
        """True when the rules alone settle a label: safeguarding is recall first, so every
        disclosure the patterns find is flagged (self-harm even with no theme).

        Theme terms are not trusted alone: the model has their confidences among its features
        and overrules innocent uses ("I could murder the lads who park across my drive").
        """
        return label == "safeguarding" and self.safeguarding.flagged

    @property
    def marked(self) -> str:
        """The words for the word n-grams, each denied one marked ("no boy racers" reads
        "no not_boy not_racers"), so a denial does not read as the thing denied."""
        return " ".join("not_" + t.lower if t.negated else t.lower for t in self.tokens)

    @property
    def confident_rule_themes(self) -> tuple[ThemeMatch, ...]:
        return tuple(m for m in self.rule_themes if m.confidence >= CONFIDENCE_THRESHOLD)


def find(text: str, taxonomy: Taxonomy) -> Findings:
    """Run the term rules and the safeguarding patterns over an answer (normalised here)."""
    text = normalise(text)
    tokens = tokenise(text)
    # Threshold 0 keeps weak evidence too: the model decides what it is worth.
    every, _, candidates = tag(tokens, text, taxonomy, threshold=0.0)
    return Findings(
        text=text,
        tokens=tokens,
        rule_themes=every,
        safety_talk=bool(every) or mentions_safety(tokens),
        safeguarding=assess(text, candidates),
    )


def rule_columns(findings: list[Findings], slugs) -> np.ndarray:
    """One row per answer: the rule confidence of each theme, then the EXTRA_COLUMNS flags."""
    matrix = np.zeros((len(findings), len(slugs) + len(EXTRA_COLUMNS)))
    for row, found in enumerate(findings):
        for match in found.rule_themes:
            if match.slug in slugs:
                matrix[row, slugs.index(match.slug)] = match.confidence
        base = len(slugs)
        matrix[row, base] = found.safeguarding.flagged
        matrix[row, base + 1] = found.safeguarding.level == "urgent"
        matrix[row, base + 2] = SELF_HARM in found.safeguarding.reasons
        matrix[row, base + 3] = found.safety_talk
    return matrix
