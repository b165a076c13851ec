"""The sign-in throttle: guessing is slowed down, without handing anyone a way to lock staff out.

Failures are counted per key, in the shared database; after a key's limit inside the window it is
locked, and each further lock lasts twice as long as the one before (up to a day). The keys of
an attempt depend on where it comes from:

- from a device the account has signed in on before (a random id in a long-lived cookie,
  remembered here only as a keyed hash): that device and account alone. Nobody else can lock it,
  so the rightful user always has a way in from their own device;
- from anywhere else: the account and address together (5 failures), the address across accounts
  (20) and the account across addresses (20). These slow guessing from one place and from many;
  an attacker elsewhere locks only attempts from unknown devices, never the user's own.

A new password (an admin's set-password link) clears the account's counts. Keys are keyed
hashes, so the table holds no address, email or device id.
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
# How long a device stays known after its last sign-in.
KNOWN_FOR = timedelta(days=180)


@dataclass(frozen=True)
class Limits:
    pair_failures: int = 5
    address_failures: int = 20
    account_failures: int = 20
    window: timedelta = timedelta(minutes=15)
    first_lock: timedelta = timedelta(minutes=5)

    @classmethod
    def from_config(cls, config):
        return cls(
            pair_failures=config.get("LOGIN_PAIR_FAILURES", 5),
            address_failures=config.get("LOGIN_ADDRESS_FAILURES", 20),
            account_failures=config.get("LOGIN_ACCOUNT_FAILURES", 20),
            window=timedelta(minutes=config.get("LOGIN_WINDOW_MINUTES", 15)),
            first_lock=timedelta(minutes=config.get("LOGIN_LOCK_MINUTES", 5)),
        )


def _key(kind, *values):
    secret = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(secret, ":".join((kind, *values)).encode(), hashlib.sha256).hexdigest()


def _row(key_hash):
    return db.session.scalar(sa.select(LoginThrottle).where(LoginThrottle.key_hash == key_hash))


def known_device(email, device):
    """True when the account has signed in on this device (its cookie's id) within KNOWN_FOR."""
    if not device:
        return False
    row = _row(_key("known", email.lower(), device))
    return row is not None and row.updated_at > utcnow() - KNOWN_FOR


def keys_for(email, address, device=None):
    """(key, failure limit) pairs an attempt counts against (see the module's docstring)."""
    limits = Limits.from_config(current_app.config)
    email = email.lower()
    if known_device(email, device):
        return [(_key("device", email, device), limits.pair_failures)]
    keys = [(_key("pair", email, address or ""), limits.pair_failures), (_key("account", email), limits.account_failures)]
    if address:
        keys.append((_key("address", address), limits.address_failures))
    return keys


def locked_until(email, address, device=None, now=None):
    """The time the later of the attempt's locks ends, or None when it may try."""
    now = now or utcnow()
    ends = []
    for key_hash, _limit in keys_for(email, address, device):
        row = _row(key_hash)
        if row is not None and row.locked_until is not None and row.locked_until > now:
            ends.append(row.locked_until)
    return max(ends) if ends else None


def record_failure(email, address, device=None, now=None):
    """Count a failed attempt against its keys; lock any key over its limit."""
    now = now or utcnow()
    limits = Limits.from_config(current_app.config)
    # Failures are rare, so tidying here keeps the table small without a separate cron job.
    purge_stale(now)
    for key_hash, limit in keys_for(email, address, device):
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


def record_success(email, address, device):
    """A correct password clears the counts of this account from this place and device, and
    remembers the device; the address's count stays, since one valid account must not let an
    address keep guessing at others."""
    email = email.lower()
    for key_hash in (_key("pair", email, address or ""), _key("device", email, device)):
        row = _row(key_hash)
        if row is not None:
            db.session.delete(row)
    known = _key("known", email, device)
    row = _row(known) or LoginThrottle(key_hash=known, kind="known", failures=0, lockouts=0, window_started_at=utcnow())
    row.updated_at = utcnow()
    db.session.add(row)


def clear_account(email):
    """Forget the account's failures and locks across addresses (a new password was set)."""
    row = _row(_key("account", email.lower()))
    if row is not None:
        db.session.delete(row)


def purge_stale(now=None, older_than=timedelta(days=2)):
    """Forget counts untouched for a while (their locks have long ended) and devices not used for
    KNOWN_FOR; returns how many rows went."""
    now = now or utcnow()
    counts = sa.and_(
        LoginThrottle.kind == "count",
        LoginThrottle.updated_at < now - older_than,
        sa.or_(LoginThrottle.locked_until.is_(None), LoginThrottle.locked_until < now),
    )
    devices = sa.and_(LoginThrottle.kind == "known", LoginThrottle.updated_at < now - KNOWN_FOR)
    return db.session.execute(sa.delete(LoginThrottle).where(sa.or_(counts, devices))).rowcount
