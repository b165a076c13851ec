"""Production with several workers needs REDIS_URL for its rate limits; one worker or development does not."""
import pytest

from config import unshared_rate_limits

PRODUCTION = {"CONSULT_ENV": "production"}


def test_production_with_two_workers_and_no_redis_is_refused_with_what_to_set():
    problem = unshared_rate_limits(PRODUCTION, workers=2)
    assert problem.startswith("REDIS_URL must be set in production with 2 workers")
    assert "WEB_CONCURRENCY=1" in problem


@pytest.mark.parametrize(("environ", "workers"), [
    ({**PRODUCTION, "REDIS_URL": "redis://127.0.0.1:6379/0"}, 4),
    (PRODUCTION, 1),
    ({**PRODUCTION, "RATELIMIT_ENABLED": "false"}, 4),
    ({"CONSULT_ENV": "development"}, 4),
    ({}, 4),
])
def test_shared_counts_one_worker_no_limits_or_development_may_start(environ, workers):
    assert unshared_rate_limits(environ, workers) is None
