"""Running one background job: claim it, do its kind's work with a progress callback, store how it ended.

The same run_job(job_id) runs in an RQ worker and in the app's own thread, inside an app context.
A job is claimed with one conditional UPDATE, so two workers never run it at once; a running job
whose progress has stopped moving for lost_after() (JOB_LOST_SECONDS) was lost with its worker and
may be claimed again, up to MAX_ATTEMPTS starts in all.
"""
import importlib
import logging
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app, has_app_context

from consult.extensions import db
from consult.models import Job, utcnow

log = logging.getLogger(__name__)

LOST_AFTER = timedelta(minutes=15)
MAX_ATTEMPTS = 3
# kind -> "module:function": the function takes (job, progress) and returns how many items it did.
# Named, not imported, so this module needs none of the features it runs.
KINDS = {
    "retag": "consult.services.tagging.jobs:retag_work",
    "export": "consult.services.consultations.export_jobs:export_work",
    "summaries": "consult.services.summaries.rebuild:rebuild_work",
    "retrain": "consult.services.tagging.learning:retrain_work",
    "mail": "consult.services.mail.delivery:deliver_work",
}
FAILED = {
    "retag": "Re-analysis stopped with an error before it finished. Start it again; tags already updated are kept.",
    "export": "The download could not be prepared. Ask for it again; if it fails again, tell an administrator.",
    "summaries": "Bringing the board's figures up to date stopped with an error. Run it again.",
    "retrain": "Retraining stopped with an error; the model in use is unchanged. Start it again.",
    "mail": "Sending e-mail stopped with an error; waiting messages stay in the outbox for `flask mail deliver`.",
}
RETRYING = "It stopped with an error and is being tried again."


def lost_after():
    """How long a job's progress may stand still before it counts as lost: JOB_LOST_SECONDS, or LOST_AFTER."""
    seconds = current_app.config.get("JOB_LOST_SECONDS") if has_app_context() else None
    return timedelta(seconds=seconds) if seconds else LOST_AFTER


def work_of(kind):
    module, name = KINDS[kind].split(":")
    return getattr(importlib.import_module(module), name)


def create_job(kind, user, params=None, total=0):
    """A new queued job of `kind` for `user` (or None: the system); commits. Returns it."""
    if kind not in KINDS:
        raise ValueError(f"no such job kind: {kind}")
    now = utcnow()
    job = Job(kind=kind, status="queued", params=params or {}, total=total, done=0, attempts=0,
              created_by_id=user.id if user else None, created_at=now, updated_at=now)
    db.session.add(job)
    db.session.commit()
    return job


def is_lost(job, now=None):
    return job.status in ("queued", "running") and (now or utcnow()) - job.updated_at > lost_after()


def claim(job_id, now=None):
    """Mark job `job_id` running if it is queued, or running but lost; commits. Returns the job or None."""
    now = now or utcnow()
    claimed = db.session.execute(
        sa.update(Job)
        .where(
            Job.id == job_id,
            Job.attempts < MAX_ATTEMPTS,
            sa.or_(Job.status == "queued", sa.and_(Job.status == "running", Job.updated_at < now - lost_after())),
        )
        .values(status="running", attempts=Job.attempts + 1, started_at=now, updated_at=now, done=0, error=None)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    return db.session.get(Job, job_id, populate_existing=True) if claimed else None


class Progress:
    """Called by a job's work after each batch: stores how far it has got (commits)."""

    def __init__(self, job):
        self.job = job

    def total(self, total):
        self.job.total = total
        self.job.updated_at = utcnow()
        db.session.commit()

    def __call__(self, count=1):
        self.job.done += count
        self.job.updated_at = utcnow()
        db.session.commit()


def run_job(job_id):
    """Do job `job_id` if it can be claimed; commits. Returns True when it finished.

    A failure is stored on the job in plain words (never an answer's text) and raised again, so
    RQ's Retry, or the thread's own loop, starts it again while attempts remain.
    """
    job = claim(job_id)
    if job is None:
        return False
    try:
        done = work_of(job.kind)(job, Progress(job))
    except Exception:
        db.session.rollback()
        job = db.session.get(Job, job_id, populate_existing=True)
        job.updated_at = utcnow()
        if job.attempts < MAX_ATTEMPTS:
            job.status, job.error = "queued", RETRYING
        else:
            job.status, job.finished_at = "failed", utcnow()
            job.error = FAILED.get(job.kind, "This job stopped with an error.")
        db.session.commit()
        raise
    job.status, job.error = "done", None
    if done is not None:
        job.done, job.total = done, max(job.total, done)
    job.finished_at = job.updated_at = utcnow()
    db.session.commit()
    return True


def run_queued(kind=None):
    """Run here, oldest first, every job (of `kind`, or of any kind) still queued; commits.
    Returns how many this call finished. For `flask jobs run-queued`, where no worker or thread ran them."""
    query = sa.select(Job.id).where(Job.status == "queued").order_by(Job.id)
    if kind is not None:
        query = query.where(Job.kind == kind)
    finished = 0
    for job_id in db.session.scalars(query).all():
        try:
            finished += run_job(job_id)
        except Exception:
            log.exception("queued job %s failed", job_id)
    return finished


def lost_jobs(now=None):
    """Jobs queued or running whose progress stopped moving for lost_after() (their worker died)."""
    cutoff = (now or utcnow()) - lost_after()
    return db.session.scalars(
        sa.select(Job).where(Job.status.in_(("queued", "running")), Job.updated_at < cutoff).order_by(Job.id)
    ).all()


def give_up_or_retry(now=None):
    """Fail the lost jobs that used up their attempts (commits); return the ids of the others, to start again."""
    again = []
    for job in lost_jobs(now):
        if job.attempts >= MAX_ATTEMPTS:
            job.status, job.finished_at, job.updated_at = "failed", utcnow(), utcnow()
            job.error = FAILED.get(job.kind, "This job stopped with an error.")
        else:
            again.append(job.id)
    db.session.commit()
    return again
