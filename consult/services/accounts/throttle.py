"""The sign-in rate limit: failures counted per account and per address, in the shared database.

After `limit` failures inside the window a key is locked; each further lock lasts twice as
long as the one before (up to a day). Keys are keyed hashes, so the table holds no addresses.
"""
import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from consult.extensions import db
from consult.models import LoginThrottle, utcnow

MAX_LOCK = timedelta(days=1)


@dataclass(frozen=True)
class Limits:
    account_failures: int = 5
    address_failures: int = 20
    window: timedelta = timedelta(minutes=15)
    first_lock: timedelta = timedelta(minutes=5)

    @classmethod
    def from_config(cls, config):
        return cls(
            account_failures=config.get("LOGIN_ACCOUNT_FAILURES", 5),
            address_failures=config.get("LOGIN_ADDRESS_FAILURES", 20),
            window=timedelta(minutes=config.get("LOGIN_WINDOW_MINUTES", 15)),
            first_lock=timedelta(minutes=config.get("LOGIN_LOCK_MINUTES", 5)),
        )


def _key(kind, value):
    secret = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(secret, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def keys_for(email, address):
    """(key, failure limit) pairs for an attempt: its account and its client address."""
    limits = Limits.from_config(current_app.config)
    keys = [(_key("account", email.lower()), limits.account_failures)]
    if address:
        keys.append((_key("address", address), limits.address_failures))
    return keys


def _row(key_hash):
    return db.session.scalar(sa.select(LoginThrottle).where(LoginThrottle.key_hash == key_hash))


def locked_until(email, address, now=None):
    """The time the later of the attempt's locks ends, or None when it may try."""
    now = now or utcnow()
    ends = []
    for key_hash, _limit in keys_for(email, address):
        row = _row(key_hash)
        if row is not None and row.locked_until is not None and row.locked_until > now:
            ends.append(row.locked_until)
    return max(ends) if ends else None


def record_failure(email, address, now=None):
    """Count a failed attempt against its account and address; lock any key over its limit."""
    now = now or utcnow()
    limits = Limits.from_config(current_app.config)
    # Failures are rare, so tidying here keeps the table small without a separate cron job.
    purge_stale(now)
    for key_hash, limit in keys_for(email, address):
        row = _row(key_hash)
        if row is None:
            row = LoginThrottle(key_hash=key_hash, failures=0, lockouts=0, window_started_at=now)
            db.session.add(row)
        if now - row.window_started_at > limits.window:
            row.failures, row.window_started_at = 0, now
        row.failures += 1
        row.updated_at = now
        if row.failures >= limit:
            row.locked_until = now + min(limits.first_lock * (2 ** row.lockouts), MAX_LOCK)
            row.lockouts += 1
            row.failures, row.window_started_at = 0, now
    db.session.flush()


def record_success(email):
    """A correct password clears the account's count; the address count stays, since one
    valid account must not let an address keep guessing at others."""
    row = _row(keys_for(email, None)[0][0])
    if row is not None:
        db.session.delete(row)


def purge_stale(now=None, older_than=timedelta(days=2)):
    """Forget keys untouched for a while (their locks have long ended); returns how many."""
    now = now or utcnow()
    result = db.session.execute(
        sa.delete(LoginThrottle).where(LoginThrottle.updated_at < now - older_than, sa.or_(
            LoginThrottle.locked_until.is_(None), LoginThrottle.locked_until < now))
    )
    return result.rowcount
