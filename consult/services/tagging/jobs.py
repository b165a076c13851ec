"""Re-analysing stored answers after a theme edit, as a background job (consult/services/jobs).

Each batch of answers is committed as it is done, with the job's progress. Re-analysis is
idempotent (automatic tags are recomputed from the answer and the current themes; officers'
reviewed tags and levels stay), so a job lost with its worker is simply run again from the
start: until it finishes, some answers carry the old automatic tags and some the new, never
half of one answer's.
"""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Job, User
from consult.services.accounts.audit import record
from consult.services.jobs.runner import create_job, is_lost
from consult.services.tagging.store import count_text_answers, retag

# Smaller than the CLI's batches, so the progress page moves every few seconds.
JOB_BATCH_SIZE = 200

__all__ = ["find_job", "latest_job", "is_lost", "unfinished_job", "queue_retag", "retag_work"]


def find_job(job_id):
    """The re-analysis job `job_id`, or None (also for a job of another kind)."""
    job = db.session.get(Job, job_id)
    return job if job is not None and job.kind == "retag" else None


def latest_job():
    return db.session.scalar(sa.select(Job).where(Job.kind == "retag").order_by(Job.id.desc()).limit(1))


def unfinished_job():
    """The queued or running re-analysis still making progress, or None."""
    job = db.session.scalar(
        sa.select(Job).where(Job.kind == "retag", Job.status.in_(("queued", "running"))).order_by(Job.id.desc()).limit(1)
    )
    return None if job is None or is_lost(job) else job


def queue_retag(user):
    """A new re-analysis job for every stored text answer, or the one already under way; commits.

    Returns (job, created).
    """
    job = unfinished_job()
    if job is not None:
        return job, False
    return create_job("retag", user, total=count_text_answers()), True


def retag_work(job, progress):
    """Re-analyse every text answer for `job`, storing progress after each batch; audit-logged."""
    progress.total(count_text_answers())
    done = retag(batch_size=JOB_BATCH_SIZE, progress=progress)
    user = db.session.get(User, job.created_by_id) if job.created_by_id else None
    record("theme.retagged", "answers", user=user, answers=done)
    return done

