"""Benchmark: answers per second for consult.analysis.analyse on one core, training time, and
a worker's memory with the model loaded.

Run from the repository root: ``python bench/analysis.py``. Builds a few thousand varied
resident-style answers from the project's own labelled examples plus templated variants
(never the evaluation set), then times ``analyse_many`` in batches (as retagging, imports and
evaluation run) and ``analyse`` one answer at a time (as a submission runs), next to TextBlob's
PatternAnalyzer sentiment alone on the same texts. Rates are given in CPU time of this process (what one core
does, whatever else the machine is running) and in wall time.
"""
from __future__ import annotations

import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textblob.en.sentiments import PatternAnalyzer  # noqa: E402

from consult.analysis import analyse, analyse_many, load_default_taxonomy, store  # noqa: E402

TARGET = 1000
# Retagging, imports, evaluation and demo seeding analyse answers in batches of this size.
BATCH = 200
TRAINING_LIMIT = 60  # seconds
MEMORY_LIMIT = 250  # MB for a worker with the model loaded
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


def rate(function, texts) -> tuple[float, float]:
    """(answers per CPU second, answers per wall-clock second)."""
    cpu, wall = time.process_time(), time.perf_counter()
    for text in texts:
        function(text)
    return len(texts) / (time.process_time() - cpu), len(texts) / (time.perf_counter() - wall)


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


# Run in a fresh interpreter: a worker that loads the stored model and analyses answers.
WORKER = """
import sys
from consult.analysis import analyse, store
store.use(store.load(sys.argv[1]))
for text in sys.argv[2:]:
    analyse(text)
status = open("/proc/self/status").read()
print(int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM"))) // 1024)
"""


def train_and_measure_worker(texts) -> None:
    """Time a training from the corpus, then a worker's peak memory with the model loaded."""
    cpu, wall = time.process_time(), time.perf_counter()
    model = store.train()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"training on {model.trained_on:,} rows: {cpu:.1f} s CPU, {wall:.1f} s wall "
          f"(limit {TRAINING_LIMIT} s: {'met' if cpu < TRAINING_LIMIT else 'NOT met'})")
    store.use(model)
    with tempfile.TemporaryDirectory() as folder:
        store.save(model, folder)
        peak = int(subprocess.run([sys.executable, "-c", WORKER, folder, *texts[:500]], cwd=ROOT,
                                  capture_output=True, text=True, check=True).stdout.split()[-1])
    print(f"worker with the model loaded, 500 answers analysed: peak {peak} MB "
          f"(limit {MEMORY_LIMIT} MB: {'met' if peak < MEMORY_LIMIT else 'NOT met'})")


def main() -> None:
    texts = answers()
    taxonomy = load_default_taxonomy()
    train_and_measure_worker(texts)
    analyse(texts[0], taxonomy)  # compile the taxonomy outside the timing
    analyser = PatternAnalyzer()
    pattern = rate(analyser.analyze, texts)
    batches = [texts[i:i + BATCH] for i in range(0, len(texts), BATCH)]
    cold = rate(lambda batch: analyse_many(batch, taxonomy), batches)
    warm = rate(lambda batch: analyse_many(batch, taxonomy), batches)
    cold, warm = (cold[0] * BATCH, cold[1] * BATCH), (warm[0] * BATCH, warm[1] * BATCH)
    single = rate(lambda t: analyse(t, taxonomy), texts[:500])
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} answers, {words:.1f} words on average, one core (CPU time; wall time)")
    print(f"analyse_many, {BATCH} at a time (first pass): {cold[0]:8.0f} answers/s ({cold[1]:.0f} wall)")
    print(f"analyse_many, {BATCH} at a time (second pass):{warm[0]:8.0f} answers/s ({warm[1]:.0f} wall)")
    print(f"analyse, one answer at a time (a submission): {single[0]:8.0f} answers/s ({single[1]:.0f} wall)")
    print(f"PatternAnalyzer sentiment alone:              {pattern[0]:8.0f} answers/s ({pattern[1]:.0f} wall)")
    print(f"target {TARGET} answers/s in batches: {'met' if min(cold[0], warm[0]) >= TARGET else 'NOT met'}")
    # Long answers must cost time in proportion to their length (10x the text, ~10x the time).
    timings = {n: seconds(lambda t: analyse(t, taxonomy), long_answer(texts, n)) for n in LONG}
    print("long answers: " + ", ".join(f"{n:,} chars {t * 1000:.0f} ms" for n, t in timings.items())
          + f" (ratio {timings[LONG[1]] / timings[LONG[0]]:.1f} for {LONG[1] // LONG[0]}x the text)")


if __name__ == "__main__":
    main()
