"""Whether the board's maintained counts can be read in a request, and one rebuild job when they cannot.

A few stale cells (the latest submissions) are recounted as the board reads them (tally.refresh).
Everything marked stale (a migration, a bulk change no cell could be found for), or more cells
than a request should recount, is left to one `summaries` job while the board says the figures
are being brought up to date.
"""
import sqlalchemy as sa
from flask import current_app

from consult.extensions import db
from consult.models import Job, SummaryStale
from consult.services.jobs.dispatch import starter
from consult.services.jobs.runner import create_job, is_lost
from consult.services.summaries.tally import CELLS_PER_BATCH

# Past this many stale cells a recount would hold the page for seconds at a million answers.
STALE_CELLS_IN_REQUEST = CELLS_PER_BATCH
# Seconds a browser (and the page's "Retry-After") waits before asking again.
RETRY_AFTER = 30


def needs_rebuild():
    """True when the counts are too stale to recount within a request."""
    everything = db.session.scalar(sa.select(sa.exists().where(SummaryStale.consultation_id == 0)))
    if everything:
        return True
    cells = db.session.scalar(
        sa.select(sa.func.count()).select_from(sa.select(SummaryStale.day).limit(STALE_CELLS_IN_REQUEST + 1).subquery())
    )
    return cells > STALE_CELLS_IN_REQUEST


def rebuild_in_hand():
    """The queued or running `summaries` job, or None."""
    return db.session.scalar(
        sa.select(Job).where(Job.kind == "summaries", Job.status.in_(("queued", "running"))).order_by(Job.id).limit(1)
    )


def bring_up_to_date(start, restart_lost):
    """Queue one `summaries` rebuild when the counts need it, unless one is already queued or
    running; ``start(job_id)`` starts a new one, ``restart_lost()`` starts again one lost with its
    worker. Commits. Returns the job while the figures are not ready to read, else None (a
    rebuild recounts consultation by consultation, so its half-done figures are not read either)."""
    job = rebuild_in_hand()
    if job is None:
        if not needs_rebuild():
            return None
        job = create_job("summaries", None)
        start(job.id)
    elif is_lost(job):
        restart_lost()
    # A job run at once (as tests run them) may have finished already.
    if rebuild_in_hand() is None and not needs_rebuild():
        return None
    return job


class Updating(Exception):
    """The maintained counts are too stale to recount in a request: a rebuild job is bringing them up to date."""

    def __init__(self, consultation, job):
        super().__init__("figures are being brought up to date")
        self.consultation = consultation
        self.job = job


def ensure_fresh(consultation):
    """For the board's pages and the API, before they read any count.

    :raise Updating: while a rebuild job brings the counts up to date (queued here when needed).
    """
    jobs, background = starter(current_app), not current_app.testing
    job = bring_up_to_date(lambda job_id: jobs.start(job_id, background), lambda: jobs.restart_lost(background))
    if job is not None:
        raise Updating(consultation, job)
