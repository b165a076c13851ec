"""Scoring one answer quickly with a trained model.

``TfidfVectorizer.transform`` validates its input and builds sparse matrices on every call,
which costs far more than the arithmetic for a single short answer. A ``Scorer`` uses the
fitted vectorisers' own analysers, vocabularies and idf weights to compute the same TF-IDF
values (sublinear tf, idf, L2 norm) and multiplies them straight into the coefficients.
``tests/unit/analysis/test_model.py`` checks that both ways agree.
"""
from __future__ import annotations

from math import sqrt

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .features import Findings, rule_columns
from .model import RULE_SCALE, Model, calibrate

_scorers: dict[int, tuple] = {}


class _Part:
    """One fitted vectoriser, its columns starting at ``offset``."""

    def __init__(self, vectoriser, offset: int):
        self.analyse = vectoriser.build_analyzer()
        self.vocabulary = vectoriser.vocabulary_
        self.idf = vectoriser.idf_
        self.offset = offset

    def vector(self, text: str):
        """(column indices, TF-IDF values) of the text's known terms."""
        get = self.vocabulary.get
        known = [i for i in map(get, self.analyse(text)) if i is not None]
        if not known:
            return np.zeros(0, dtype=int), np.zeros(0)
        columns, counts = np.unique(np.array(known), return_counts=True)
        values = (1.0 + np.log(counts)) * self.idf[columns]
        norm = sqrt(float(values @ values))
        return columns + self.offset, values / norm if norm else values


class Scorer:
    """Calibrated probabilities, and the words behind them, for one answer at a time."""

    def __init__(self, model: Model):
        self.model = model
        self.words = _Part(model.words, 0)
        self.chars = _Part(model.chars, len(model.words.vocabulary_))
        self.rule_coef = model.coef[len(model.words.vocabulary_) + len(model.chars.vocabulary_):]
        self.slugs = list(model.slugs)

    def score(self, found: Findings):
        """Return (word columns, word values, calibrated probability per label)."""
        word_columns, word_values = self.words.vector(found.marked)
        char_columns, char_values = self.chars.vector(found.text)
        coef = self.model.coef
        raw = word_values @ coef[word_columns] + char_values @ coef[char_columns]
        raw += (rule_columns([found], self.slugs)[0] * RULE_SCALE) @ self.rule_coef
        raw += self.model.intercept
        return word_columns, word_values, calibrate(raw, self.model.calibration)

    def weighed_words(self, word_columns, word_values, label: str, limit: int = 3) -> tuple[str, ...]:
        """The words and word pairs of the answer that pushed hardest towards the label."""
        column = self.model.labels.index(label)
        pushes = word_values * self.model.coef[word_columns, column]
        order = np.argsort(-pushes)[: limit * 3]
        names = self.model.word_names
        words = (str(names[word_columns[i]]) for i in order if pushes[i] > 0)
        # "on the" or "he" weigh, but tell an officer nothing.
        readable = [w.replace("not_", "not ") for w in words
                    if not all(part in ENGLISH_STOP_WORDS for part in w.split())]
        return tuple(readable[:limit])


def scorer_for(model: Model) -> Scorer:
    """The model's Scorer, built once per model object (a few are kept, for cross-validation)."""
    entry = _scorers.get(id(model))
    if entry is None or entry[0] is not model:
        if len(_scorers) >= 8:
            _scorers.clear()
        entry = _scorers[id(model)] = (model, Scorer(model))
    return entry[1]
