"""Two app servers and a job worker sharing PostgreSQL and Redis, one server and the worker killed mid-run.

Issue 19, "Beyond one machine": on loopback, two gunicorn servers (different ports) and one
`flask jobs worker` share one PostgreSQL and one redis-server. Residents answer across both
servers (moving to the other when theirs refuses connections, as a reverse proxy would) and ask
for the results e-mail; exports, a re-analysis and a summaries rebuild are queued; then one app
server and the worker are killed with SIGKILL while a job runs, and a new worker is started.
Afterwards: every thank-you receipt is stored exactly once, every job finished once, and every
address got exactly one e-mail. Run by .ci/run (`make load-test`) in its PostgreSQL pass.
"""
import contextlib
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from bench.resident import Resident
from bench.serving import free_port, prepare_database, process_tree, redis_binary, redis_server, serve
from tests import smtp_server
from tests.conftest import drop_everything

pytestmark = pytest.mark.load
ROOT = Path(__file__).resolve().parents[2]
RESIDENTS = int(os.environ.get("MULTI_SERVER_RESIDENTS", "40"))
SEEDED_RESPONSES = 150  # enough text answers that the re-analysis is still running when the worker is killed
JOB_LOST_SECONDS = 3
FINISH_SECONDS = 60


def _postgres_binaries():
    return sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))


@pytest.fixture(scope="module")
def postgres_url():
    """CI's PostgreSQL (TEST_DATABASE_URL), emptied; else one of the test's own from .ci/postgres."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url.startswith("postgresql"):
        engine = sa.create_engine(url)
        drop_everything(engine)
        engine.dispose()
        yield url
        return
    if os.environ.get("CI"):
        pytest.skip("runs in .ci/run's PostgreSQL pass (TEST_DATABASE_URL=postgresql://...)")
    if not _postgres_binaries():
        pytest.skip("PostgreSQL's server is not installed (apt-get install postgresql): several servers need one database")
    port = free_port()
    env = {**os.environ, "PGPORT": str(port), "PGDATA_DIR": f"/tmp/consult-multi-pgdata-{port}"}
    started = subprocess.run([str(ROOT / ".ci" / "postgres"), "start"], env=env, check=True, capture_output=True, text=True)
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run([str(ROOT / ".ci" / "postgres"), "stop"], env=env, check=False, capture_output=True)


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    if redis_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs redis-server: .ci/run installs it")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture
def mailbox():
    with smtp_server.running_mailbox() as box:
        yield box


class Worker:
    """`flask jobs worker` (`make worker`) in a process group of its own."""

    def __init__(self, env, log):
        self.log = open(log, "a")
        command = [str(Path(sys.executable).with_name("flask")), "--app", "wsgi", "jobs", "worker"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=self.log,
                                        start_new_session=True)

    def kill(self):
        # RQ's work horse runs in a session of its own, so the group alone would miss it.
        for pid in process_tree(self.process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.process.wait()
        self.log.close()

    def stop(self):
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        if not self.log.closed:
            self.log.close()


def _control_app(url, redis, exports):
    """An app in the test's own process, to queue jobs and read the shared database."""
    from config import engine_options
    from consult import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SQLALCHEMY_ENGINE_OPTIONS": engine_options(url),
                       "REDIS_URL": redis, "EXPORT_DIR": str(exports), "JOB_LOST_SECONDS": JOB_LOST_SECONDS})


def _queue_jobs(app):
    """Exports, a re-analysis and a summaries rebuild, queued on RQ as an officer's clicks would."""
    from consult.extensions import db
    from consult.models import Consultation
    from consult.services.consultations.export_jobs import queue_export
    from consult.services.jobs.dispatch import starter
    from consult.services.jobs.runner import create_job
    from consult.services.tagging.jobs import queue_retag

    with app.app_context():
        consultation = db.session.scalar(sa.select(Consultation).where(Consultation.slug == "community-safety-survey"))
        jobs = [queue_export(consultation, file_format, False, None) for file_format in ("csv", "xlsx", "csv", "xlsx")]
        jobs += [queue_retag(None)[0], create_job("summaries", None)]
        ids = [job.id for job in jobs]
        for job_id in ids:
            starter(app).start(job_id)
        db.session.remove()
    return ids


def _job_status(app, job_id):
    from consult.extensions import db
    from consult.models import Job

    with app.app_context():
        try:
            return db.session.scalar(sa.select(Job.status).where(Job.id == job_id))
        finally:
            db.session.remove()


def _faults(app, server, workers, worker_env, folder, finished):
    """Queue the jobs, SIGKILL the worker while the re-analysis runs and app server A once a
    quarter of the residents have finished, then start a new worker.
    Returns (queued job ids, the job killed mid-run or None, residents finished at the kill).

    Each kill waits for its own event, not for a time: on a busy machine the residents can all
    finish before the worker reaches the re-analysis (it did once in CI)."""
    time.sleep(2)
    queued = _queue_jobs(app)
    retag = queued[-2]
    killed_job = finished_at_kill = None
    deadline = time.monotonic() + 60
    while (killed_job is None or finished_at_kill is None) and time.monotonic() < deadline:
        if killed_job is None and _job_status(app, retag) == "running":
            workers[0].kill()
            killed_job = retag if _job_status(app, retag) == "running" else None
            if killed_job is None:
                break
        if finished_at_kill is None and len(finished) >= RESIDENTS // 4:
            os.killpg(server.pid, signal.SIGKILL)
            finished_at_kill = len(finished)
        time.sleep(0.02)
    if finished_at_kill is None:
        os.killpg(server.pid, signal.SIGKILL)
        finished_at_kill = len(finished)
    # A job counts as lost when its progress has stood still JOB_LOST_SECONDS; the new worker restarts it.
    time.sleep(JOB_LOST_SECONDS + 1)
    workers.append(Worker(worker_env, folder / "worker-2.log"))
    return queued, killed_job, finished_at_kill


def _rows(app):
    from consult.extensions import db
    from consult.models import Job, OutboxMessage, Response

    with app.app_context():
        try:
            jobs = db.session.execute(sa.select(Job.id, Job.kind, Job.status, Job.attempts, Job.result_path)).all()
            receipts = db.session.scalars(sa.select(Response.receipt_code)).all()
            unsent = db.session.scalar(sa.select(sa.func.count(OutboxMessage.id)).where(OutboxMessage.sent_at.is_(None)))
            return jobs, receipts, unsent
        finally:
            db.session.remove()


def _restart_lost(app):
    """What cron's `flask jobs restart-lost` does: a job queued by a server killed before it reached Redis."""
    from consult.extensions import db
    from consult.services.jobs.dispatch import starter

    with app.app_context():
        try:
            starter(app).restart_lost()
        finally:
            db.session.remove()


def test_two_servers_and_a_worker_lose_nothing_and_do_nothing_twice(postgres_url, redis_url, mailbox, tmp_path):
    started = time.monotonic()
    prepare_database(postgres_url, responses=SEEDED_RESPONSES)
    seeded_at = time.monotonic()
    exports = tmp_path / "exports"
    settings = {"DATABASE_URL": postgres_url, "REDIS_URL": redis_url, "CONSULT_PROXY": "none",
                "MAIL_URL": f"smtp://127.0.0.1:{mailbox.port}?starttls=0", "EXPORT_DIR": str(exports),
                "JOB_LOST_SECONDS": str(JOB_LOST_SECONDS)}
    worker_env = {**os.environ, **settings, "CONSULT_ENV": "development", "SECRET_KEY": "x" * 40}
    app = _control_app(postgres_url, redis_url, exports)
    _jobs, seeded, _unsent = _rows(app)
    workers = [Worker(worker_env, tmp_path / "worker-1.log")]
    try:
        with serve(env=settings, workers=1, threads=4, log=tmp_path / "a.log") as (base_a, server_a), \
                serve(env=settings, workers=1, threads=4, log=tmp_path / "b.log") as (base_b, _server_b):
            serving_at = time.monotonic()
            with ThreadPoolExecutor(max_workers=1) as injector:
                finished = []
                faults = injector.submit(_faults, app, server_a, workers, worker_env, tmp_path, finished)
                # Half start on each server; each moves to the other when theirs refuses connections.
                pairs = [(base_a, base_b), (base_b, base_a)]
                residents = [Resident(pairs[n % 2][0], seed=n, retries=10, fallback_urls=pairs[n % 2][1:])
                             for n in range(RESIDENTS)]

                def answer(n):
                    outcome = residents[n].complete_survey()
                    asked = residents[n].ask_for_results_email(f"resident{n}@example.org") == 200
                    finished.append(n)
                    return outcome.receipt.replace("-", ""), asked

                with ThreadPoolExecutor(max_workers=8) as pool:
                    outcomes = list(pool.map(answer, range(RESIDENTS)))
                queued, killed_job, finished_at_kill = faults.result()
            served_at = time.monotonic()
            for second in range(FINISH_SECONDS):
                jobs, stored, unsent = _rows(app)
                if all(status in ("done", "failed") for _i, _k, status, _a, _p in jobs) and not unsent:
                    break
                time.sleep(1)
                if second % 5 == 4:
                    _restart_lost(app)
    finally:
        for worker in workers:
            worker.stop()
        with app.app_context():
            from consult.extensions import db

            db.engine.dispose()

    elapsed = time.monotonic() - started
    receipts = [receipt for receipt, _asked in outcomes]
    asked = [f"resident{n}@example.org" for n, (_receipt, ok) in enumerate(outcomes) if ok]
    received = Counter(message["To"] for message in mailbox.messages)
    kinds = Counter(kind for _i, kind, _s, _a, _p in jobs)
    print(f"\n{RESIDENTS} residents across two servers and {len(jobs)} jobs ({dict(kinds)}) in {elapsed:.1f} s "
          f"(seeding {seeded_at - started:.1f} s, servers starting {serving_at - seeded_at:.1f} s, residents "
          f"{served_at - serving_at:.1f} s, jobs finishing {elapsed - (served_at - started):.1f} s); killed app server A and the worker during job {killed_job} "
          f"with {RESIDENTS - finished_at_kill} residents still answering; "
          f"{len(stored)} responses stored, {sum(received.values())} e-mails for {len(asked)} addresses")

    assert all(receipts), "every resident reached a thank-you page, on one server or the other"
    new = Counter(stored) - Counter(seeded)
    assert sorted(new) == sorted(receipts), "each thank-you page's receipt is stored, and nothing else"
    assert all(new[receipt] == 1 for receipt in receipts), "no response is stored twice"
    assert killed_job, "the worker was killed while it ran the re-analysis"
    assert finished_at_kill < RESIDENTS, "app server A was killed while residents were still answering"
    not_done = [(job_id, kind, status, attempts) for job_id, kind, status, attempts, _p in jobs if status != "done"]
    assert not not_done, f"every job finished: {not_done}"
    attempts = {job_id: attempts for job_id, _k, _s, attempts, _p in jobs}
    assert attempts[killed_job] == 2, "the job killed with its worker ran once more, and only once"
    assert all(count == 1 for job_id, count in attempts.items() if job_id != killed_job), attempts
    export_files = [path for _i, kind, _s, _a, path in jobs if kind == "export"]
    assert len(export_files) == 4 and all(Path(path).exists() for path in export_files)
    assert len(set(export_files)) == 4 and len(list(exports.iterdir())) == 4, "one file per export, no leftovers"
    assert asked and not unsent, "every e-mail was sent"
    assert received == Counter(asked), "each address got exactly one e-mail"
    assert elapsed < 150
