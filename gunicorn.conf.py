"""Production serving with gunicorn: `make serve`, or `gunicorn -c gunicorn.conf.py wsgi:app`."""
import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# One process per core: serving a page is mostly Python, so more processes than cores only
# take turns. Threads keep a worker useful while it waits on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", max(2, multiprocessing.cpu_count())))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = 30
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests, a bound on any slow leak; rarely, since each
# replacement imports the app again.
max_requests = 100_000
max_requests_jitter = 10_000
# Logs never hold answer text or query strings with personal data: the path (%(U)s, without the
# query string) and status only.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Objects made while loading the app (the analysis lexicons, SQLAlchemy's and Jinja's caches)
    live as long as the worker: leave them out of every later garbage collection."""
    import gc

    gc.collect()
    gc.freeze()


def on_starting(server):
    """Refuse to start production with rate limits counted apart in each worker (config.py says why)."""
    from config import unshared_rate_limits

    problem = unshared_rate_limits(os.environ, server.cfg.workers)
    if problem:
        raise RuntimeError(problem)  # gunicorn prints "Error: <problem>" and exits with status 1
