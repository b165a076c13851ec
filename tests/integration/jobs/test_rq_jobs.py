"""Jobs on a real Redis through RQ: enqueued by the app, run by a worker, retried after a crash."""
import shutil
import socket
import subprocess
import time

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Job
from consult.services.consultations import export_jobs
from consult.services.jobs.dispatch import QUEUE_NAME, starter

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="redis-server is not installed (apt-get install redis-server): RQ mode untested"
)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A redis-server of the test's own on a free loopback port, keeping nothing on disk."""
    from redis import Redis

    port = _free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path_factory.mktemp("redis"))],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        for _ in range(100):
            try:
                Redis.from_url(url).ping()
                break
            except Exception:
                time.sleep(0.05)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def rq_app(app, redis_url, answered):
    from redis import Redis

    Redis.from_url(redis_url).flushdb()
    app.config["REDIS_URL"] = redis_url
    return app


def _work(redis_url):
    from redis import Redis
    from rq import SimpleWorker

    SimpleWorker([QUEUE_NAME], connection=Redis.from_url(redis_url)).work(burst=True)


def test_an_export_is_queued_on_redis_and_run_by_a_worker(rq_app, redis_url, client, auth):
    auth.login("officer")
    job_url = client.get("/manage/consultations/safer-streets/export.csv").headers["Location"]
    job = db.session.scalar(sa.select(Job))
    assert job.status == "queued" and starter(rq_app).queue().count == 1
    assert "Waiting to start" in client.get(job_url).get_data(as_text=True)
    _work(redis_url)
    db.session.expire_all()
    assert (db.session.get(Job, job.id).status, db.session.get(Job, job.id).done) == ("done", 3)
    assert client.get(job_url + "/file").status_code == 200


def test_a_job_that_crashes_is_retried_by_rq_and_finishes(rq_app, redis_url, auth, monkeypatch):
    real, calls = export_jobs.export_work, []

    def crash_once(job, progress):
        calls.append(job.attempts)
        if len(calls) == 1:
            raise ConnectionError("the worker lost the database")
        return real(job, progress)

    monkeypatch.setattr(export_jobs, "export_work", crash_once)
    job = export_jobs.queue_export(rq_app_consultation(), "csv", False, auth.user("officer"))
    starter(rq_app).start(job.id)
    _work(redis_url)
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert calls == [1, 2]
    assert (job.status, job.attempts, job.error) == ("done", 2, None)


def test_the_worker_command_runs_queued_jobs(rq_app, runner, auth):
    job = export_jobs.queue_export(rq_app_consultation(), "csv", False, auth.user("officer"))
    job_id = job.id
    starter(rq_app).start(job_id)
    # `make worker`: each job in a forked work horse, with database connections of its own.
    result = runner.invoke(args=["jobs", "worker", "--burst"])
    assert result.exit_code == 0, result.output
    assert db.session.get(Job, job_id).status == "done"


def test_the_worker_command_explains_that_it_needs_redis(app, runner):
    result = runner.invoke(args=["jobs", "worker", "--burst"])
    assert result.exit_code != 0 and "REDIS_URL is not set" in result.output


def rq_app_consultation():
    from consult.models import Consultation

    return db.session.scalar(sa.select(Consultation).where(Consultation.slug == "safer-streets"))
