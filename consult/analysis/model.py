"""The learned half of the tagger: n-gram TF-IDF plus the rules' findings, one logistic
regression per theme and one for safeguarding, with probabilities calibrated and thresholds
chosen on out-of-fold predictions.

Training is deterministic (fixed seed, liblinear). The coefficients of all labels are kept
as one matrix, so scoring is one product for every label (see ``scoring.py`` for one answer).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from .features import Findings, rule_columns

SEED = 20261203
SAFEGUARDING = "safeguarding"
# Whether an answer has any theme at all: an answer the model is sure is about something gets
# its likeliest theme even when no single theme reached its own threshold.
ANY_THEME = "any-theme"
NOT_THEMES = (SAFEGUARDING, ANY_THEME)
# Regularisation of the per-label regressions; the rules' columns are scaled to weigh like a
# handful of n-grams, so the model can still overrule a term used innocently.
C = 8.0
RULE_SCALE = 0.6
# Safeguarding is recall first: the threshold is the highest one whose out-of-fold recall
# reaches this, whatever it costs in precision.
SAFEGUARDING_RECALL = 0.97
INNER_FOLDS = 4
THRESHOLD_GRID = np.round(np.arange(0.10, 0.81, 0.02), 2)


@dataclass
class Model:
    """A trained model: vocabularies, coefficients, calibration and per-label thresholds."""

    version: str
    labels: tuple[str, ...]
    words: TfidfVectorizer
    chars: TfidfVectorizer
    coef: np.ndarray
    intercept: np.ndarray
    calibration: np.ndarray
    thresholds: dict
    word_names: np.ndarray
    trained_on: int = 0
    details: dict = field(default_factory=dict)

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(label for label in self.labels if label not in NOT_THEMES)

    def features(self, findings: list[Findings]):
        marked, texts = [f.marked for f in findings], [f.text for f in findings]
        rules = rule_columns(findings, list(self.slugs)) * RULE_SCALE
        return sp.hstack(
            [self.words.transform(marked), self.chars.transform(texts), sp.csr_matrix(rules)],
            format="csr",
        )

    def probabilities(self, findings: list[Findings]):
        """Return (features, calibrated probabilities, one column per label)."""
        x = self.features(findings)
        raw = x @ self.coef + self.intercept
        return x, calibrate(np.asarray(raw), self.calibration)


def _vectorisers():
    # Bandit reads token_pattern as a password argument; it is the pattern for a word.
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True,
                            token_pattern=r"(?u)\b\w[\w']*\b", dtype=np.float32)  # nosec B106
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True,
                            lowercase=True, max_features=60_000, dtype=np.float32)
    return words, chars


def _targets(rows, labels):
    """(Y, known): Y[i, j] is 1 when row i has label j; known masks unlabelled safeguarding."""
    y = np.zeros((len(rows), len(labels)), dtype=int)
    known = np.ones_like(y, dtype=bool)
    for i, row in enumerate(rows):
        for j, label in enumerate(labels):
            if label == SAFEGUARDING:
                known[i, j] = row.safeguarding is not None
                y[i, j] = bool(row.safeguarding)
            elif label == ANY_THEME:
                known[i, j] = row.themes_known
                y[i, j] = bool(row.themes)
            else:
                known[i, j] = row.themes_known
                y[i, j] = label in row.themes
    return y, known


def _fit_linear(rows, findings, labels, seed):
    """Fit vocabularies and one regression per label; return (words, chars, coef, intercept)."""
    words, chars = _vectorisers()
    texts = [f.text for f in findings]
    slugs = [label for label in labels if label not in NOT_THEMES]
    x = sp.hstack([words.fit_transform([f.marked for f in findings]), chars.fit_transform(texts),
                   sp.csr_matrix(rule_columns(findings, slugs) * RULE_SCALE)], format="csr")
    y, known = _targets(rows, labels)
    weights = np.array([row.weight for row in rows])
    coef = np.zeros((x.shape[1], len(labels)), dtype=np.float64)
    intercept = np.zeros(len(labels))
    for j in range(len(labels)):
        mask = known[:, j]
        if y[mask, j].min(initial=1) == y[mask, j].max(initial=0):
            intercept[j] = 10.0 if y[mask, j].any() else -10.0
            continue
        # The dual problem is the quicker one with far more n-grams than answers.
        model = LogisticRegression(C=C, solver="liblinear", dual=True, class_weight="balanced",
                                   random_state=seed, max_iter=2000)
        model.fit(x[mask], y[mask, j], sample_weight=weights[mask])
        coef[:, j] = model.coef_[0]
        intercept[j] = model.intercept_[0]
    return words, chars, coef, intercept, x


def rules_decide(findings, labels) -> np.ndarray:
    """Where the rules alone give a label: a confident term match, a self-harm disclosure."""
    given = np.zeros((len(findings), len(labels)), dtype=bool)
    for i, found in enumerate(findings):
        for j, label in enumerate(labels):
            given[i, j] = found.rules_give(label)
    return given


def calibrate(raw: np.ndarray, calibration: np.ndarray) -> np.ndarray:
    """Platt scaling: a, b per label fitted on out-of-fold scores, p = 1 / (1 + e^-(a*s + b))."""
    return 1.0 / (1.0 + np.exp(-(raw * calibration[:, 0] + calibration[:, 1])))


def _platt(scores, y, seed, weights=None):
    if y.min() == y.max():
        return np.array([0.0, 10.0 if y.max() else -10.0])
    fitted = LogisticRegression(C=1e4, random_state=seed).fit(scores.reshape(-1, 1), y, sample_weight=weights)
    return np.array([fitted.coef_[0, 0], fitted.intercept_[0]])


def best_f1_threshold(probabilities, y, forced=None, weights=None) -> float:
    """The threshold on the grid with the best F1 (the lowest of ties).

    ``forced`` marks rows the label is given anyway (a confident rule), whatever the model says.
    """
    forced = np.zeros_like(y, dtype=bool) if forced is None else forced
    weights = np.ones(len(y)) if weights is None else weights
    best, chosen = -1.0, 0.5
    for threshold in THRESHOLD_GRID:
        predicted = (probabilities >= threshold) | forced
        tp = weights[predicted & (y == 1)].sum()
        denominator = weights[predicted].sum() + weights[y == 1].sum()
        f1 = 2 * tp / denominator if denominator else 0.0
        if f1 > best + 1e-9:
            best, chosen = f1, float(threshold)
    return chosen


def recall_threshold(probabilities, y, forced=None, target=SAFEGUARDING_RECALL) -> float:
    """The highest threshold on the grid whose recall still reaches the target."""
    forced = np.zeros_like(y, dtype=bool) if forced is None else forced
    positives = (y == 1).sum()
    if not positives:
        return 0.5
    for threshold in sorted(THRESHOLD_GRID, reverse=True):
        if (((probabilities >= threshold) | forced) & (y == 1)).sum() / positives >= target:
            return float(threshold)
    return float(THRESHOLD_GRID[0])


def fit(rows, findings, labels, version: str, seed: int = SEED, inner_folds: int = INNER_FOLDS) -> Model:
    """Train on labelled rows (with their precomputed findings) and return a Model.

    Out-of-fold scores from ``inner_folds`` folds give each label its Platt calibration and
    its threshold (best F1 for themes, recall first for safeguarding); then the regressions
    are fitted again on every row.
    """
    labels = tuple(labels)
    y, known = _targets(rows, labels)
    oof = np.zeros(y.shape)
    folds = KFold(n_splits=inner_folds, shuffle=True, random_state=seed)
    for train, test in folds.split(rows):
        words, chars, coef, intercept, _ = _fit_linear(
            [rows[i] for i in train], [findings[i] for i in train], labels, seed)
        part = Model("fold", labels, words, chars, coef, intercept,
                     np.tile([1.0, 0.0], (len(labels), 1)), {}, np.array([]))
        oof[test] = np.asarray(part.features([findings[i] for i in test]) @ coef + intercept)
    weights = np.array([row.weight for row in rows])
    calibration = np.array([_platt(oof[known[:, j], j], y[known[:, j], j], seed, weights[known[:, j]])
                            for j in range(len(labels))])
    probabilities = calibrate(oof, calibration)
    forced = rules_decide(findings, labels)
    thresholds = {}
    for j, label in enumerate(labels):
        mask = known[:, j]
        if label == SAFEGUARDING:
            thresholds[label] = recall_threshold(probabilities[mask, j], y[mask, j], forced[mask, j])
        else:
            thresholds[label] = best_f1_threshold(probabilities[mask, j], y[mask, j], forced[mask, j],
                                                  weights[mask])
    words, chars, coef, intercept, _ = _fit_linear(rows, findings, labels, seed)
    # The terms min_df left out are kept only for introspection (sklearn's docs): drop them
    # so the stored model stays small.
    words.stop_words_ = chars.stop_words_ = None
    # Single precision halves the largest array a worker holds; scores need no more.
    return Model(version, labels, words, chars, coef.astype(np.float32), intercept, calibration,
                 thresholds, words.get_feature_names_out(), trained_on=len(rows))
