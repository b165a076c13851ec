"""Two gunicorn workers share one rate limit through Redis: 40 submits from one address, a limit of 10.

Issue 15: with the counts in each worker's memory, 18 of 40 got through. The same run in
development (memory counts, still allowed there) first shows that the requests do reach both
workers, so a pass with Redis means the counts are shared. Run by `make load-test`; loopback only.
"""
import os
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.resident import Browser
from bench.serving import prepare_database, redis_binary, redis_server, serve

pytestmark = pytest.mark.load
SLUG = "community-safety-survey"
SUBMITS = 40
LIMIT = 10
_CSRF_INPUT = re.compile(r'<input[^>]*name="csrf_token"[^>]*>')


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('limits') / 'limits.db'}"
    prepare_database(url)
    return url


@pytest.fixture
def redis_url(tmp_path):
    if redis_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs redis-server: .ci/run installs it")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with redis_server(tmp_path) as url:
        yield url


def _submit(base, cookies, token):
    """One POST of the check-answers form, on its own connection; its status."""
    browser = Browser(base, timeout=20)
    browser.cookies = dict(cookies)
    try:
        return browser.request(f"/c/{SLUG}/check", {"csrf_token": token})[0]
    finally:
        browser.close()


def _submits_let_through(database, folder, **settings):
    """How many of SUBMITS submits from one address, several at a time, were not refused with 429."""
    folder.mkdir()
    environment = {"DATABASE_URL": database, "RATELIMIT_ENABLED": "true", "SUBMIT_RATE_LIMIT": f"{LIMIT} per minute",
                   **settings}
    with serve(env=environment, workers=2, threads=4, log=folder / "serve.log") as (base, _process):
        browser = Browser(base, timeout=20)
        _status, _headers, page = browser.request(f"/c/{SLUG}/q/1")
        token = re.search(r'value="([^"]+)"', _CSRF_INPUT.search(page).group(0)).group(1)
        cookies = browser.cookies
        browser.close()
        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(lambda _n: _submit(base, cookies, token), range(SUBMITS)))
    # Without a draft a submit that gets past the limit is sent back to the first question.
    assert set(statuses) <= {302, 429}, statuses
    return sum(status != 429 for status in statuses)


def test_forty_submits_from_one_address_let_through_only_the_limit_across_two_workers(database, redis_url, tmp_path):
    # Which worker accepts each connection is a race: a run where one worker took them all
    # proves nothing about sharing, so the unshared run is tried again until both took some.
    for attempt in range(3):
        apart = _submits_let_through(database, tmp_path / f"apart-{attempt}", CONSULT_ENV="development")
        if apart > LIMIT:
            break
    assert apart > LIMIT, "each worker counted on its own, so together they let more through"

    shared = _submits_let_through(database, tmp_path / "shared", CONSULT_ENV="production", REDIS_URL=redis_url,
                                  SECRET_KEY="c" * 16 + "0f1e2d3c4b5a69788796a5b4")
    print(f"\n{SUBMITS} submits against a limit of {LIMIT} on two workers: {apart} let through counting "
          f"in each worker, {shared} sharing the counts in Redis")
    assert shared == LIMIT
