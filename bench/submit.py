"""Throughput: simulated residents completing the demo survey on gunicorn, against bare Flask.

Run: .venv/bin/python bench/submit.py [--seconds 20] [--clients 8]
Prints completed responses/s and requests/s for Consult (as `make serve` runs it) and the
requests/s of a bare Flask app on the same gunicorn settings, in the same run.
Targets: >= 30% of bare Flask's requests/s and >= 25 complete responses/s.
"""
import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.resident import Resident  # noqa: E402
from bench.serving import gunicorn, prepare_database  # noqa: E402


def _residents(args):
    base, seconds, seed = args
    done = requests = errors = 0
    latencies = []
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        resident = Resident(base, seed=seed * 100_000 + done)
        outcome = resident.complete_survey()
        done += bool(outcome.receipt)
        requests += outcome.requests
        errors += outcome.errors
        latencies += outcome.latencies
    return done, requests, errors, latencies


def _bare(args):
    base, seconds, _seed = args
    requests = 0
    latencies = []
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        for data in (None, b"answer=Speeding+on+the+main+road"):
            started = time.perf_counter()
            urllib.request.urlopen(urllib.request.Request(base + "/", data=data), timeout=10).read()
            latencies.append(time.perf_counter() - started)
            requests += 1
    return 0, requests, 0, latencies


def drive(work, base, clients, seconds):
    with multiprocessing.Pool(clients) as pool:
        started = time.monotonic()
        results = pool.map(work, [(base, seconds, n) for n in range(clients)])
        elapsed = time.monotonic() - started
    done = sum(r[0] for r in results)
    requests = sum(r[1] for r in results)
    errors = sum(r[2] for r in results)
    latencies = sorted(x for r in results for x in r[3])
    return {
        "responses_s": done / elapsed,
        "requests_s": requests / elapsed,
        "errors": errors,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
        "responses": done,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "4")))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder}/bench-submit.db"
        prepare_database(url)
        env = {"DATABASE_URL": url}
        with gunicorn(env=env, workers=args.workers, log=f"{folder}/consult.log") as (base, _process):
            consult = drive(_residents, base, args.clients, args.seconds)
        with gunicorn(app="bench.bare_app:app", workers=args.workers, log=f"{folder}/bare.log") as (base, _process):
            bare = drive(_bare, base, args.clients, args.seconds)
    database = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"{args.clients} clients, {args.seconds:.0f} s each, gunicorn {args.workers} workers x 4 threads, {database}")
    print(f"{'server':<14}{'responses/s':>13}{'requests/s':>12}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name, row in (("Consult", consult), ("bare Flask", bare)):
        print(f"{name:<14}{row['responses_s']:>13.1f}{row['requests_s']:>12.1f}{row['p50_ms']:>9.1f}{row['p99_ms']:>9.1f}{row['errors']:>8}")
    share = consult["requests_s"] / bare["requests_s"]
    print(f"Consult serves {share:.0%} of bare Flask's requests/s (target >= 30%) and completes "
          f"{consult['responses_s']:.1f} responses/s (target >= 25).")


if __name__ == "__main__":
    main()
