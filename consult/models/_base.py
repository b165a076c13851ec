"""Helpers shared by the model modules: the clock and common column types."""
from datetime import datetime, timezone


def utcnow():
    """The current time as naive UTC, the form every DateTime column stores."""
    return datetime.now(timezone.utc).replace(tzinfo=None)
