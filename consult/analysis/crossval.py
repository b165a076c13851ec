"""Cross-validation: k-fold scores of the hybrid tagger on the rows it trains on.

Every fold trains a full model (its own vocabularies, calibration and thresholds from inner
folds) on the other folds and analyses the held-out rows, so no score comes from a row the
model saw. ``compare`` scores two training sets on the same held-out folds: the model before
officers' new reviews and after them.
"""
from __future__ import annotations

from sklearn.model_selection import KFold

from . import analyse_many
from .evaluate import score
from .features import find
from .model import INNER_FOLDS, NOT_THEMES, SEED, fit
from .store import train_rows
from .taxonomy import Taxonomy, load_default_taxonomy

FOLDS = 5


def _folds(rows, folds, seed):
    return KFold(n_splits=folds, shuffle=True, random_state=seed).split(rows)


def crossval(rows, taxonomy: Taxonomy | None = None, folds: int = FOLDS, seed: int = SEED,
             inner_folds: int = INNER_FOLDS) -> dict:
    """Return ``evaluate``-style scores from k-fold predictions, plus ``folds``."""
    return compare(rows, [rows], taxonomy, folds, seed, inner_folds)[0]


def compare(rows, training_sets, taxonomy: Taxonomy | None = None, folds: int = FOLDS,
            seed: int = SEED, inner_folds: int = INNER_FOLDS) -> list[dict]:
    """Score each training set on the same k folds of ``rows``.

    Each training set is a subset of ``rows`` (compared by identity): in every fold a model
    learns from the set's rows outside the held-out fold and analyses the whole fold.
    """
    taxonomy = taxonomy or load_default_taxonomy()
    rows = list(rows)
    labels = tuple(taxonomy.slugs) + NOT_THEMES
    findings = [find(row.text, taxonomy) for row in rows]
    members = [{id(row) for row in chosen} for chosen in training_sets]
    analyses = [[None] * len(rows) for _ in training_sets]
    for train, test in _folds(rows, folds, seed):
        for k, member in enumerate(members):
            learn = [i for i in train if id(rows[i]) in member]
            model = fit([rows[i] for i in learn], [findings[i] for i in learn], labels,
                        "crossval", seed, inner_folds)
            for i, analysis in zip(test, analyse_many([rows[i].text for i in test], taxonomy, model=model)):
                analyses[k][i] = analysis
    results = []
    for per_row in analyses:
        result = score(rows, per_row, taxonomy.slugs)
        result["folds"] = folds
        results.append(result)
    return results


def retrain_scores(old_reviews, new_reviews, taxonomy: Taxonomy | None = None,
                   folds: int = FOLDS, seed: int = SEED, inner_folds: int = INNER_FOLDS):
    """(before, after): cross-validated scores without and with the new reviews, same folds."""
    rows = train_rows(new_reviews, taxonomy)
    before_texts = {" ".join(r.text.lower().split()) for r in old_reviews}
    new_texts = {" ".join(r.text.lower().split()) for r in new_reviews} - before_texts
    # train_rows already replaced any corpus row a review repeats, so a text alone says which.
    before = [r for r in rows if " ".join(r.text.lower().split()) not in new_texts]
    return tuple(compare(rows, [before, rows], taxonomy, folds, seed, inner_folds))
