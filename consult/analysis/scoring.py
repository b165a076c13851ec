"""Scoring answers with a trained model, many at once: the fitted vectorisers' own transform.

A batch goes through ``Model.probabilities`` in one call (one sparse matrix for all of its
answers), which is where the speed comes from: ``analyse_many`` scores its whole batch so, and
``analyse`` a batch of one. Each answer's word columns and TF-IDF values are kept beside its
probabilities, so the words that weighed most can be named as evidence.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .features import Findings
from .model import Model


class Scored(NamedTuple):
    """One answer's word columns and TF-IDF values, and its calibrated probability per label."""

    word_columns: np.ndarray
    word_values: np.ndarray
    probabilities: np.ndarray


def score_all(model: Model, findings: list[Findings]) -> list[Scored]:
    """Score every answer of the batch with one transform per vectoriser."""
    if not findings:
        return []
    x, probabilities = model.probabilities(findings)
    x = x.tocsr()
    words = len(model.words.vocabulary_)
    scored = []
    for i in range(x.shape[0]):
        columns = x.indices[x.indptr[i]:x.indptr[i + 1]]
        values = x.data[x.indptr[i]:x.indptr[i + 1]]
        in_words = columns < words
        scored.append(Scored(columns[in_words], values[in_words], probabilities[i]))
    return scored


def weighed_words(model: Model, scored: Scored, label: str, limit: int = 3) -> tuple[str, ...]:
    """The words and word pairs of the answer that pushed hardest towards the label."""
    column = model.labels.index(label)
    pushes = scored.word_values * model.coef[scored.word_columns, column]
    order = np.argsort(-pushes)[: limit * 3]
    names = model.word_names
    words = (str(names[scored.word_columns[i]]) for i in order if pushes[i] > 0)
    # "on the" or "he" weigh, but tell an officer nothing.
    readable = [w.replace("not_", "not ") for w in words if not all(part in ENGLISH_STOP_WORDS for part in w.split())]
    return tuple(readable[:limit])
