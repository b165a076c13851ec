"""Re-analysing stored answers outside the request: a job row per run, its progress stored so any
server process can show it, and the work itself in run_retag_job(job_id) (easy to queue elsewhere).
"""
import threading
from datetime import timedelta

import sqlalchemy as sa

from consult.extensions import db
from consult.models import AnalysisJob, User, utcnow
from consult.services.accounts.audit import record
from consult.services.tagging.store import count_text_answers, retag

# A running job whose progress has not moved for this long was lost with its process.
LOST_AFTER = timedelta(minutes=15)
# Smaller than the CLI's batches, so the progress page moves every few seconds.
JOB_BATCH_SIZE = 200


def find_job(job_id):
    return db.session.get(AnalysisJob, job_id)


def latest_job():
    return db.session.scalar(sa.select(AnalysisJob).order_by(AnalysisJob.id.desc()).limit(1))


def is_lost(job, now=None):
    return job.status in ("queued", "running") and (now or utcnow()) - job.updated_at > LOST_AFTER


def unfinished_job():
    """The queued or running re-analysis still making progress, or None."""
    job = db.session.scalar(
        sa.select(AnalysisJob).where(AnalysisJob.status.in_(("queued", "running"))).order_by(AnalysisJob.id.desc()).limit(1)
    )
    return None if job is None or is_lost(job) else job


def queue_retag(user):
    """A new re-analysis job for every stored text answer, or the one already under way; commits.

    Returns (job, created).
    """
    job = unfinished_job()
    if job is not None:
        return job, False
    now = utcnow()
    job = AnalysisJob(kind="retag", status="queued", total=count_text_answers(), done=0,
                      user_id=user.id if user else None, created_at=now, updated_at=now)
    db.session.add(job)
    db.session.commit()
    return job, True


def run_retag_job(job_id):
    """Re-analyse every text answer for job `job_id`, storing progress after each batch.

    Officers' reviewed tags and levels stay. The outcome is audit-logged; a failure is stored on
    the job in plain words (never an answer's text), then raised again for the log. Commits.
    """
    job = find_job(job_id)
    if job is None or job.status not in ("queued", "running"):
        return
    job.status, job.started_at, job.updated_at = "running", utcnow(), utcnow()
    job.total = count_text_answers()
    db.session.commit()

    def progress(batch):
        job.done = min(job.done + batch, job.total)
        job.updated_at = utcnow()
        db.session.commit()

    try:
        done = retag(batch_size=JOB_BATCH_SIZE, progress=progress)
    except Exception:
        db.session.rollback()
        job = find_job(job_id)
        job.status, job.finished_at, job.updated_at = "failed", utcnow(), utcnow()
        job.problem = "Re-analysis stopped with an error before it finished. Start it again; tags already updated are kept."
        db.session.commit()
        raise
    user = db.session.get(User, job.user_id) if job.user_id else None
    job.status, job.done, job.total = "done", done, max(job.total, done)
    job.finished_at = job.updated_at = utcnow()
    record("theme.retagged", "answers", user=user, answers=done)
    db.session.commit()


def start_retag_job(app, job_id, background=True):
    """Run job `job_id` in a thread of its own after the request that queued it committed.

    ``background=False`` waits for it (tests, the CLI).
    """
    def run():
        with app.app_context():
            try:
                run_retag_job(job_id)
            except Exception:
                app.logger.exception("re-analysis job %s failed", job_id)
            finally:
                db.session.remove()

    if background:
        threading.Thread(target=run, name=f"consult-retag-{job_id}", daemon=True).start()
    else:
        run()


class Reanalyser:
    """Starts re-analysis jobs for one app: made by init_app, found in app.extensions."""

    def __init__(self, app):
        self.app = app

    def start(self, job_id, background=True):
        start_retag_job(self.app, job_id, background)


def init_app(app):
    app.extensions["consult.reanalyser"] = Reanalyser(app)


def run_queued_jobs():
    """Run every queued job, oldest first (for `flask analysis run-jobs`); returns how many ran."""
    ids = db.session.scalars(sa.select(AnalysisJob.id).where(AnalysisJob.status == "queued").order_by(AnalysisJob.id)).all()
    for job_id in ids:
        run_retag_job(job_id)
    return len(ids)
