"""Production serving with gunicorn: `make serve`, or `gunicorn -c gunicorn.conf.py wsgi:app`."""
import multiprocessing
import os

from gunicorn.glogging import Logger

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# One process per core: serving a page is mostly Python, so more processes than cores only
# take turns and spoil each other's caches (bench/submit.py: 2 workers served about 15% more
# than 4 on two cores). Threads keep a worker useful while it waits on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", max(2, multiprocessing.cpu_count())))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = 30
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests, a bound on any slow leak. Each replacement
# imports the app again (about 1.5 s of CPU), so at 5,000 a busy worker spent about a tenth
# of its time restarting (bench/submit.py); at 100,000 it is well under 1%, and the bench
# prints the workers' memory so a leak would still show.
max_requests = 100_000
max_requests_jitter = 10_000
# Logs never hold answer text or query strings with personal data: the path and status only.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


class AccessLogger(Logger):
    """Builds only the fields access_log_format uses (t, m, U, s, B, M; any other shows as -).

    Gunicorn's own logger copies every request header, response header and environ entry for
    every request, used or not: 6% of a worker's time on survey pages.
    """

    def atoms(self, resp, req, environ, request_time):
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        return {
            "t": self.now(),
            "m": environ.get("REQUEST_METHOD"),
            "U": environ.get("PATH_INFO"),
            "s": status,
            "B": getattr(resp, "sent", None),
            "M": request_time.seconds * 1000 + request_time.microseconds // 1000,
        }


logger_class = AccessLogger
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Objects made while loading the app (the analysis lexicons, SQLAlchemy's and Jinja's caches)
    live as long as the worker: leave them out of every later garbage collection, which otherwise
    walked them all again and again (measured in-process: 7% of a survey page's CPU time)."""
    import gc

    gc.collect()
    gc.freeze()


def on_starting(server):
    """Refuse to start production with rate limits counted apart in each worker (config.py says why)."""
    from config import unshared_rate_limits

    problem = unshared_rate_limits(os.environ, server.cfg.workers)
    if problem:
        raise RuntimeError(problem)  # gunicorn prints "Error: <problem>" and exits with status 1
