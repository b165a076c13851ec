"""200 residents at once on make serve's set-up, a gunicorn worker killed mid-run (and PostgreSQL restarted in that run).

Run by .ci/run (`make load-test`), not by `make test`. Loopback only, bounded in time. Afterwards:
every thank-you page matches exactly one stored response, none is half-stored, and residents
who saw an error retried without creating duplicates.
"""
import os
import signal
import statistics
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from bench.resident import Resident
from bench.serving import prepare_database, serve, worker_pids
from tests.conftest import drop_everything

pytestmark = pytest.mark.load
ROOT = Path(__file__).resolve().parents[2]
RESIDENTS = int(os.environ.get("LOAD_RESIDENTS", "200"))
REQUIRED_QUESTIONS = 7  # the demo's required questions: six choices and the area (stored on the response)


def _database_url(tmp_path):
    url = os.environ.get("TEST_DATABASE_URL")
    if url and url.startswith("postgresql"):
        engine = sa.create_engine(url)
        drop_everything(engine)
        engine.dispose()
        return url
    return f"sqlite:///{tmp_path / 'load.db'}"


def _fault_injector(process, url, stop):
    """Kill one worker with SIGKILL a few seconds in; restart PostgreSQL once when it is the database."""
    faults = []
    time.sleep(4)
    workers = worker_pids(process.pid)
    if workers:
        os.kill(workers[0], signal.SIGKILL)
        faults.append(f"SIGKILL worker {workers[0]}")
    if url.startswith("postgresql") and not stop.wait(4):
        subprocess.run([str(ROOT / ".ci" / "postgres"), "restart"], check=True, capture_output=True)
        faults.append("PostgreSQL restarted")
    return faults


def test_every_thank_you_is_stored_exactly_once_through_faults(tmp_path):
    url = _database_url(tmp_path)
    prepare_database(url)
    stop = threading.Event()
    with serve(env={"DATABASE_URL": url}, workers=4, threads=8, log=tmp_path / "serve.log") as (base, process):
        with ThreadPoolExecutor(max_workers=1) as injector:
            faults = injector.submit(_fault_injector, process, url, stop)
            started = time.monotonic()
            with ThreadPoolExecutor(max_workers=RESIDENTS) as pool:
                outcomes = list(pool.map(lambda n: Resident(base, seed=n, retries=10).complete_survey(), range(RESIDENTS)))
            elapsed = time.monotonic() - started
            stop.set()
            faults = faults.result()

    receipts = [outcome.receipt.replace("-", "") for outcome in outcomes]
    latencies = sorted(x for outcome in outcomes for x in outcome.latencies)
    errors = sum(outcome.errors for outcome in outcomes)
    print(
        f"\n{RESIDENTS} residents in {elapsed:.1f} s: {RESIDENTS / elapsed:.1f} submissions/s, "
        f"{sum(o.requests for o in outcomes) / elapsed:.0f} requests/s, p50 {1000 * statistics.median(latencies):.0f} ms, "
        f"p99 {1000 * latencies[int(0.99 * (len(latencies) - 1))]:.0f} ms, {errors} errors retried; faults: {', '.join(faults)}"
    )
    assert all(receipts), "every resident reached a thank-you page"

    engine = sa.create_engine(url)
    with engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT id, receipt_code, area_id FROM response")).all()
        answered = dict(
            connection.execute(
                sa.text("SELECT response_id, COUNT(DISTINCT question_id) FROM answer GROUP BY response_id")
            ).all()
        )
    engine.dispose()
    by_code = {}
    for response_id, code, _area in stored:
        by_code.setdefault(code, []).append(response_id)
    print(f"stored {len(stored)} responses for {len(receipts)} thank-you pages")
    assert sorted(by_code) == sorted(receipts), "each thank-you page's receipt is stored, and nothing else"
    assert all(len(ids) == 1 for ids in by_code.values()), "no response is stored twice"
    assert all(area for _id, _code, area in stored), "every response has its area"
    assert all(answered.get(response_id, 0) >= REQUIRED_QUESTIONS - 1 for response_id, _c, _a in stored), (
        "no response is half-stored"
    )
    assert faults and faults[0].startswith("SIGKILL")
