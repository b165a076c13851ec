"""Benchmark: answers per second for consult.analysis.analyse on one core.

Run from the repository root: ``python bench/analysis.py``. Builds a few thousand varied
resident-style answers from the project's own labelled examples plus templated variants
(never the evaluation set), then times ``analyse`` next to TextBlob's PatternAnalyzer
sentiment alone on the same texts.
"""
from __future__ import annotations

import csv
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textblob.en.sentiments import PatternAnalyzer  # noqa: E402

from consult.analysis import analyse, load_default_taxonomy  # noqa: E402

TARGET = 2000
LONG = (5_000, 50_000)  # residents may write up to 5,000 characters; 50,000 checks the growth

OPENINGS = ["", "Honestly, ", "To be fair ", "The main thing is ", "I think ", "Every night ",
            "Since last summer ", "On our estate "]
CONCERNS = [
    "boy racers speed down {street}", "drug dealers hang about outside the {shop}",
    "there's fly-tipping behind the {shop}", "scramblers tear round the {park}",
    "lads shout at girls walking past the {park}", "people drink in the {park} and leave cans",
    "there was a stabbing near the {shop}", "cars park on the pavement outside the school",
    "someone sprayed racist graffiti on the {shop}", "noise from the flats goes on till 3am",
    "nitrous canisters are all over the {park}", "the same lads keep reoffending",
    "the street lights on {street} are out", "the bins are collected on time",
    "I feel safe and the neighbours are lovely", "needles have been found in the {park}",
]
FEELINGS = ["", " and it's getting worse.", ". I don't feel safe.", ", it's a nightmare.",
            ". Thanks for asking.", " and nobody does anything about it!",
            ". No problems with drugs though.", ". The police are great when they come."]
STREETS = ["Lowther Street", "the main road", "Harrington Road", "our street", "the bypass"]
SHOPS = ["Co-op", "chippy", "community centre", "pub", "bus station"]
PARKS = ["park", "play area", "rec", "beach", "cycle path"]


def answers(count: int = 4000, seed: int = 7) -> list[str]:
    """Return ``count`` resident-style answers: own examples plus templated variants."""
    rng = random.Random(seed)
    with open(ROOT / "tests" / "data" / "analysis_examples.csv", encoding="utf-8") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    while len(texts) < count:
        concern = rng.choice(CONCERNS).format(
            street=rng.choice(STREETS), shop=rng.choice(SHOPS), park=rng.choice(PARKS)
        )
        text = rng.choice(OPENINGS) + concern + rng.choice(FEELINGS)
        if rng.random() < 0.4:
            second = rng.choice(CONCERNS).format(
                street=rng.choice(STREETS), shop=rng.choice(SHOPS), park=rng.choice(PARKS)
            )
            text = text.rstrip(".!") + ". Also " + second + "."
        texts.append(text[0].upper() + text[1:])
    return texts[:count]


def rate(function, texts) -> float:
    start = time.perf_counter()
    for text in texts:
        function(text)
    return len(texts) / (time.perf_counter() - start)


def long_answer(texts, length: int) -> str:
    """Join answers into one long answer of ``length`` characters, as a resident might paste."""
    parts, size = [], 0
    for text in texts:
        parts.append(text)
        size += len(text) + 1
        if size >= length:
            break
    return " ".join(parts)[:length]


def seconds(function, text, repeat: int = 3) -> float:
    """Best of ``repeat`` timings of one call, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    texts = answers()
    taxonomy = load_default_taxonomy()
    analyse(texts[0], taxonomy)  # compile the taxonomy outside the timing
    analyser = PatternAnalyzer()
    pattern = rate(analyser.analyze, texts)
    cold = rate(lambda t: analyse(t, taxonomy), texts)
    warm = rate(lambda t: analyse(t, taxonomy), texts)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} answers, {words:.1f} words on average, one core")
    print(f"analyse (first pass, caches filling): {cold:8.0f} answers/s")
    print(f"analyse (second pass):                {warm:8.0f} answers/s")
    print(f"PatternAnalyzer sentiment alone:      {pattern:8.0f} answers/s")
    print(f"target {TARGET} answers/s: {'met' if min(cold, warm) >= TARGET else 'NOT met'}")
    # Long answers must cost time in proportion to their length (10x the text, ~10x the time).
    timings = {n: seconds(lambda t: analyse(t, taxonomy), long_answer(texts, n)) for n in LONG}
    print("long answers: " + ", ".join(f"{n:,} chars {t * 1000:.0f} ms" for n, t in timings.items())
          + f" (ratio {timings[LONG[1]] / timings[LONG[0]]:.1f} for {LONG[1] // LONG[0]}x the text)")


if __name__ == "__main__":
    main()
