"""E-mail as a background job: a request that queues messages starts a `mail` job (RQ or the app's thread)."""
import pytest
import sqlalchemy as sa

from bench.serving import redis_binary, redis_server
from consult.extensions import db
from consult.models import Job, OutboxMessage
from consult.services.jobs.dispatch import QUEUE_NAME, starter
from consult.services.jobs.runner import run_job
from consult.services.mail import outbox
from consult.services.mail.delivery import queue_delivery


def _invite(client, email):
    return client.post("/manage/users/invite", data={"email": email, "name": "Ali", "role": "officer"})


def _mail_jobs():
    return db.session.scalars(sa.select(Job).where(Job.kind == "mail").order_by(Job.id)).all()


def test_a_request_that_queues_mail_runs_one_mail_job_that_sends_it(smtp_app, mailbox, client, auth):
    auth.login("admin")
    _invite(client, "new@example.org")
    [job] = _mail_jobs()
    assert (job.status, job.attempts, job.done, job.created_by_id) == ("done", 1, 1, None)
    assert len(mailbox.to("new@example.org")) == 1


def test_without_a_mail_server_no_job_is_started_and_the_outbox_keeps_the_message(client, auth):
    auth.login("admin")
    _invite(client, "new@example.org")
    assert _mail_jobs() == []
    assert db.session.scalar(sa.select(sa.func.count(OutboxMessage.id))) == 1


def test_a_mail_job_waiting_to_start_takes_later_messages_too(smtp_app, mailbox, monkeypatch):
    started = []
    monkeypatch.setattr(starter(smtp_app), "start", lambda job_id, background=True: started.append(job_id))
    for address in ("a@example.org", "b@example.org"):
        outbox.queue("safeguarding_digest", address, "Digest", "Counts only.")
        db.session.commit()
        queue_delivery(smtp_app)
    [job] = _mail_jobs()
    assert started == [job.id]
    assert run_job(job.id) is True
    assert sorted(message["To"] for message in mailbox.messages) == ["a@example.org", "b@example.org"]
    # A second run of the same job, as after a lost worker, sends nothing again.
    assert run_job(job.id) is False
    queue_delivery(smtp_app)
    assert run_job(_mail_jobs()[-1].id) is True
    assert len(mailbox.messages) == 2


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    if redis_binary() is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server): RQ mode untested")
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


def test_with_redis_the_mail_goes_out_from_the_rq_worker_not_the_request(smtp_app, mailbox, redis_url, client, auth):
    from redis import Redis
    from rq import SimpleWorker

    Redis.from_url(redis_url).flushdb()
    smtp_app.config["REDIS_URL"] = redis_url
    auth.login("admin")
    _invite(client, "new@example.org")
    [job] = _mail_jobs()
    assert job.status == "queued" and mailbox.messages == [] and starter(smtp_app).queue().count == 1
    SimpleWorker([QUEUE_NAME], connection=Redis.from_url(redis_url)).work(burst=True)
    db.session.expire_all()
    assert (db.session.get(Job, job.id).status, db.session.get(Job, job.id).attempts) == ("done", 1)
    assert len(mailbox.to("new@example.org")) == 1


def test_the_nightly_purge_deletes_finished_mail_jobs_older_than_the_outbox_keeps_mail(smtp_app, mailbox):
    from datetime import timedelta

    from consult.models import utcnow
    from consult.services.casework.data_protection import purge_expired

    old, recent = (queue_delivery(smtp_app, background=False) for _ in range(2))
    db.session.expire_all()
    assert [job.status for job in _mail_jobs()] == ["done", "done"]
    db.session.get(Job, old.id).created_at = utcnow() - timedelta(days=outbox.KEEP_DAYS, minutes=1)
    db.session.commit()
    purge_expired()
    assert [job.id for job in _mail_jobs()] == [recent.id]
