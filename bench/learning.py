"""Benchmark: how much the model gains from officers' reviews of a style its corpus lacks.

Run from the repository root: ``python bench/learning.py [FILE.csv ...]`` (files of the
training folder; by default the three written about some themes: crime-themes.csv,
abuse-themes.csv, hard-cases.csv, and the two written in one register for every theme:
eal-register.csv, youth-register.csv). Each file in turn is taken out of the corpus and its rows
shuffled with a fixed seed; a model trained on the rest scores the file's rows after the first
150, then a model that also learned from those 150 rows as officers' reviews (as
``flask analysis evaluate --learn-from`` does) scores the same rows. One draw of 150 rows
moves the gain by a few hundredths, so the file is drawn ``DRAWS`` times (seeds 14, 15, ...)
and the mean gain is compared with the target; ``--draws N`` changes how many.
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
DRAWS = 3
SEED = 14


def main(name: str = "crime-themes.csv", draws: int = DRAWS) -> float:
    """Print each draw's scores before and after the reviews; return the mean gain."""
    taxonomy = load_default_taxonomy()
    files = {path.name: load_labelled_csv(path, taxonomy) for path in training_files()}
    held = files.pop(name)
    corpus = [row for rows in files.values() for row in rows]
    # The model without the file's reviews is the same in every draw: only the rows scored differ.
    base = store.train(corpus=corpus)
    print(f"{name} left out of the corpus ({len(corpus):,} rows left); "
          f"each draw scores {len(held) - REVIEWS} of its rows")
    gains = []
    for draw in range(draws):
        rows = list(held)
        random.Random(SEED + draw).shuffle(rows)
        reviews, rest = rows[:REVIEWS], rows[REVIEWS:]
        before = evaluate(rest, taxonomy, model=base)
        after = evaluate(rest, taxonomy, model=store.train(reviews, corpus=corpus))
        gains.append(after["macro_f1"] - before["macro_f1"])
        for label, result in (("without its reviews", before), (f"after {REVIEWS} reviews", after)):
            safeguarding = result.get("safeguarding", {})
            print(f"  draw {draw + 1} {label:<22} macro-F1 {result['macro_f1']:.3f}, no-theme precision "
                  f"{result['none_precision']:.3f}, safeguarding recall {safeguarding.get('recall', 0):.3f}")
    gain = sum(gains) / len(gains)
    print(f"gain {gain:+.3f} over {draws} draw(s) ({', '.join(f'{g:+.3f}' for g in gains)}; "
          f"target +{TARGET_GAIN}: {'met' if gain >= TARGET_GAIN else 'NOT met'})")
    return gain


if __name__ == "__main__":
    args = sys.argv[1:]
    draws = DRAWS
    if "--draws" in args:
        at = args.index("--draws")
        draws = int(args[at + 1])
        del args[at:at + 2]
    for name in args or ["crime-themes.csv", "abuse-themes.csv", "hard-cases.csv", "eal-register.csv",
                         "youth-register.csv"]:
        main(name, draws)
