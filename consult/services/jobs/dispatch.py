"""Starting jobs: on RQ (Redis Queue) when REDIS_URL is set, run by `flask jobs worker`; otherwise
in a thread of the app's own, so `make run` needs nothing more. Found in app.extensions["consult.jobs"]."""
import threading

from consult.extensions import db
from consult.services.jobs.runner import MAX_ATTEMPTS, give_up_or_retry, run_job

QUEUE_NAME = "consult"
# Long enough for the largest export or rebuild; RQ stops a job that runs longer.
JOB_TIMEOUT_SECONDS = 2 * 60 * 60


class JobStarter:
    """Starts jobs for one app, after the request that created them committed."""

    def __init__(self, app):
        self.app = app

    @property
    def redis_url(self):
        return self.app.config.get("REDIS_URL")

    def queue(self):
        from redis import Redis
        from rq import Queue

        return Queue(QUEUE_NAME, connection=Redis.from_url(self.redis_url))

    def start(self, job_id, background=True):
        """Queue job `job_id` on RQ, or run it in a thread (``background=False``: here, and wait)."""
        if self.redis_url:
            from rq import Retry

            self.queue().enqueue(run_job, job_id, retry=Retry(max=MAX_ATTEMPTS - 1), job_timeout=JOB_TIMEOUT_SECONDS)
        elif background:
            threading.Thread(target=self._run, args=(job_id,), name=f"consult-job-{job_id}", daemon=True).start()
        else:
            self._run(job_id)

    def _run(self, job_id):
        with self.app.app_context():
            try:
                for _attempt in range(MAX_ATTEMPTS):
                    try:
                        run_job(job_id)
                        break
                    except Exception:
                        self.app.logger.exception("background job %s failed", job_id)
            finally:
                db.session.remove()

    def restart_lost(self, background=True):
        """Start again every job whose worker died (see runner.give_up_or_retry); returns their ids."""
        again = give_up_or_retry()
        for job_id in again:
            self.start(job_id, background)
        return again


def init_app(app):
    app.extensions["consult.jobs"] = JobStarter(app)


def starter(app):
    return app.extensions["consult.jobs"]
