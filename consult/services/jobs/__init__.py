"""Background jobs: a Job row per run (consult/models/job.py), its work run by RQ when REDIS_URL is
set (`make worker`) or in a thread of the app's own otherwise. See runner.py and dispatch.py."""
