"""Benchmark: how much the model gains from officers' reviews of a style its corpus lacks.

Run from the repository root: ``python bench/learning.py [FILE.csv ...]`` (files of the
training folder; by default each of the three written in one style: crime-themes.csv,
abuse-themes.csv, hard-cases.csv). Each file in turn is taken out of the corpus and its rows
shuffled with a fixed seed; a model trained on the rest scores the file's rows after the first
150, then a model that also learned from those 150 rows as officers' reviews (as
``flask analysis evaluate --learn-from`` does) scores the same rows.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consult.analysis import load_default_taxonomy, store  # noqa: E402
from consult.analysis.corpus import load_labelled_csv, training_files  # noqa: E402
from consult.analysis.evaluate import evaluate  # noqa: E402

REVIEWS = 150
TARGET_GAIN = 0.05


def main(name: str = "crime-themes.csv") -> None:
    taxonomy = load_default_taxonomy()
    files = {path.name: load_labelled_csv(path, taxonomy) for path in training_files()}
    held = files.pop(name)
    random.Random(14).shuffle(held)
    reviews, rest = held[:REVIEWS], held[REVIEWS:]
    corpus = [row for rows in files.values() for row in rows]
    before = evaluate(rest, taxonomy, model=store.train(corpus=corpus))
    after = evaluate(rest, taxonomy, model=store.train(reviews, corpus=corpus))
    gain = after["macro_f1"] - before["macro_f1"]
    print(f"{name} left out of the corpus ({len(corpus):,} rows left); scored on {len(rest)} of its rows")
    for label, result in (("without its reviews", before), (f"after {REVIEWS} reviews", after)):
        safeguarding = result.get("safeguarding", {})
        print(f"{label:<22} macro-F1 {result['macro_f1']:.3f}, no-theme precision "
              f"{result['none_precision']:.3f}, safeguarding recall {safeguarding.get('recall', 0):.3f}")
    print(f"gain {gain:+.3f} (target +{TARGET_GAIN}: {'met' if gain >= TARGET_GAIN else 'NOT met'})")


if __name__ == "__main__":
    for name in sys.argv[1:] or ["crime-themes.csv", "abuse-themes.csv", "hard-cases.csv"]:
        main(name)
