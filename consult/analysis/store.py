"""The model's lifecycle: train from the shipped corpus (plus officers' reviews), version,
save, load, and the one model each process uses.

A model is stored as ``<folder>/<version>.joblib`` with ``<folder>/current`` naming the one in
use. The version is a digest of the training rows, the seed, the library versions and this
package's own rules and code (the term lists and disclosure patterns are among the model's
features), so the same corpus and rules always train the same model under the same name, a
release that changes either trains a new one, and stored analyses can say which model made them.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import joblib
import sklearn

from .corpus import LabelledRow, load_corpus
from .features import find
from .model import NOT_THEMES, SEED, Model, fit
from .taxonomy import Taxonomy, load_default_taxonomy

BUILTIN = "builtin"
LOCAL = "local"
# Officers' reviews count up to this many times a corpus row: they are this partnership's
# residents. Together they weigh at most as much as the shipped corpus, so a partnership with
# thousands of reviews does not drown the corpus (bench/learning.py measures the gain: 20
# against 10 raised the mean gain from 150 reviews over six left-out styles by about 0.006).
REVIEW_WEIGHT = 20.0
FORMAT = "2"
PACKAGE = Path(__file__).resolve().parent

_lock = threading.Lock()
_current: Model | None = None


def version_of(rows, seed: int = SEED, prefix: str = BUILTIN) -> str:
    """A short, stable name for the model these rows and this seed train."""
    digest = hashlib.sha256(f"{FORMAT}|{sklearn.__version__}|{seed}|{code_digest()}".encode())
    for row in rows:
        digest.update(f"{row.text}\t{';'.join(sorted(row.themes))}\t{row.safeguarding}"
                      f"\t{row.weight}\t{row.themes_known}\n".encode())
    return f"{prefix}-{digest.hexdigest()[:12]}"


@lru_cache(maxsize=None)
def code_digest(folder: Path = PACKAGE) -> str:
    """A digest of the analysis package's code, term lists and word lists (not the training CSVs,
    whose rows ``version_of`` digests itself)."""
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if path.suffix in (".py", ".toml", ".txt") and path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def train_rows(extra=(), taxonomy: Taxonomy | None = None, corpus=None) -> list[LabelledRow]:
    """The shipped corpus (or ``corpus``) plus ``extra`` labelled rows (officers' reviews), weighted.

    ``extra`` rows replace corpus rows with the same text: an officer's reading wins.
    """
    extra = list(extra)
    reviewed = {_key(r.text) for r in extra}
    corpus = load_corpus(taxonomy) if corpus is None else corpus
    rows = [r for r in corpus if _key(r.text) not in reviewed]
    weight = review_weight(len(rows), len(extra))
    return rows + [LabelledRow(r.text, r.themes, r.safeguarding, weight, r.themes_known) for r in extra]


def review_weight(corpus_rows: int, reviews: int) -> float:
    """How many corpus rows one officer's review counts as (see REVIEW_WEIGHT)."""
    if not reviews:
        return REVIEW_WEIGHT
    return float(min(REVIEW_WEIGHT, max(1.0, corpus_rows / reviews)))


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def train(extra=(), taxonomy: Taxonomy | None = None, seed: int = SEED, inner_folds=None,
          corpus=None) -> Model:
    """Train on the shipped corpus (or ``corpus``) plus ``extra`` labelled rows; store nothing."""
    taxonomy = taxonomy or load_default_taxonomy()
    rows = train_rows(extra, taxonomy, corpus)
    labels = tuple(taxonomy.slugs) + NOT_THEMES
    findings = [find(row.text, taxonomy) for row in rows]
    version = version_of(rows, seed, LOCAL if extra else BUILTIN)
    options = {"inner_folds": inner_folds} if inner_folds else {}
    model = fit(rows, findings, labels, version, seed, **options)
    # To the microsecond: a review saved a moment before training must not count as "since".
    model.details.update(trained_at=datetime.now(timezone.utc).isoformat(timespec="microseconds"),
                         reviews=len(extra), corpus_rows=len(rows) - len(extra))
    return model


def save(model: Model, folder) -> Path:
    """Write the model into the folder and make it the current one there; returns its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{model.version}.joblib"
    if not path.exists():
        joblib.dump(model, path, compress=3)
    # Written then renamed, so a worker starting meanwhile reads the old name or the new.
    with tempfile.NamedTemporaryFile("w", dir=folder, delete=False) as handle:
        handle.write(model.version)
    os.replace(handle.name, folder / "current")
    return path


def current_version(folder) -> str | None:
    """The version named current in the folder, or None."""
    try:
        return (Path(folder) / "current").read_text().strip() or None
    except FileNotFoundError:
        return None


def load(folder, version: str | None = None) -> Model | None:
    """The named (or current) model stored in the folder, or None when there is none."""
    version = version or current_version(folder)
    if version is None:
        return None
    path = Path(folder) / f"{version}.joblib"
    return joblib.load(path) if path.exists() else None


def use(model: Model) -> None:
    """Make the model the one ``analyse`` uses in this process."""
    global _current
    _current = model


def in_use() -> Model | None:
    """The model this process uses, or None before the first is loaded or trained."""
    return _current


def current_model() -> Model:
    """The model in use, training the built-in one first (seconds) when none was set."""
    global _current
    if _current is None:
        with _lock:
            if _current is None:
                _current = train()
    return _current


def load_or_train(folder) -> Model:
    """Use the folder's current model; train and store the built-in one when there is none."""
    model = load(folder)
    if model is None:
        model = train()
        save(model, folder)
    use(model)
    return model
