"""utcnow() is the naive UTC time every DateTime column stores."""
from datetime import datetime, timedelta, timezone

from consult.models import utcnow


def test_utcnow_is_naive_utc_to_the_microsecond():
    before = datetime.now(timezone.utc).replace(tzinfo=None)
    now = utcnow()
    after = datetime.now(timezone.utc).replace(tzinfo=None)
    assert now.tzinfo is None
    assert before <= now <= after < before + timedelta(seconds=1)
    assert len({utcnow().microsecond for _ in range(50)}) > 1  # microseconds are kept
