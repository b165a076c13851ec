"""Sign-in is rate-limited per account and per address, in the database, with growing locks."""
from datetime import timedelta

import sqlalchemy as sa

from consult.extensions import db
from consult.models import LoginThrottle, utcnow
from consult.services.accounts.throttle import purge_stale
from tests.pagecheck import soup


def attempt(client, email, password, address="203.0.113.7"):
    return client.post("/auth/login", data={"email": email, "password": password}, environ_base={"REMOTE_ADDR": address})


def test_five_failures_lock_the_account_even_with_the_right_password(client, auth):
    auth.user("officer")
    for _ in range(5):
        attempt(client, "officer@example.org", "wrong wrong wrong")
    response = attempt(client, "officer@example.org", auth.PASSWORD)
    assert response.status_code == 200
    assert "Too many failed attempts to sign in. Wait 5 minutes" in soup(response).select_one(".error-summary").get_text()


def test_lock_ends_and_then_doubles(client, auth):
    auth.user("officer")
    for _ in range(5):
        attempt(client, "officer@example.org", "wrong wrong wrong", address="198.51.100.1")
    account = db.session.scalar(sa.select(LoginThrottle).where(LoginThrottle.locked_until.is_not(None)))
    first = account.locked_until - utcnow()
    account.locked_until = utcnow() - timedelta(seconds=1)
    db.session.commit()
    for _ in range(5):
        attempt(client, "officer@example.org", "wrong wrong wrong", address="198.51.100.2")
    db.session.refresh(account)
    second = account.locked_until - utcnow()
    assert timedelta(minutes=4) < first <= timedelta(minutes=5)
    assert timedelta(minutes=9) < second <= timedelta(minutes=10)


def test_correct_password_clears_the_account_count(client, auth):
    auth.user("officer")
    for _ in range(4):
        attempt(client, "officer@example.org", "wrong wrong wrong")
    assert attempt(client, "officer@example.org", auth.PASSWORD).status_code == 302
    auth.logout()
    for _ in range(4):
        attempt(client, "officer@example.org", "wrong wrong wrong")
    assert attempt(client, "officer@example.org", auth.PASSWORD).status_code == 302


def test_one_address_guessing_many_accounts_is_locked(client, auth):
    auth.user("officer")
    for number in range(20):
        attempt(client, f"guess{number}@example.org", "wrong wrong wrong")
    assert attempt(client, "officer@example.org", auth.PASSWORD).status_code == 200
    assert attempt(client, "officer@example.org", auth.PASSWORD, address="192.0.2.50").status_code == 302


def test_the_throttle_table_holds_no_address_or_email(client):
    attempt(client, "someone@example.org", "wrong wrong wrong", address="203.0.113.99")
    keys = db.session.scalars(sa.select(LoginThrottle.key_hash)).all()
    assert len(keys) == 2
    assert all(len(key) == 64 and "203.0.113" not in key and "someone" not in key for key in keys)


def test_stale_counts_are_purged(client):
    attempt(client, "someone@example.org", "wrong wrong wrong")
    assert purge_stale(now=utcnow() + timedelta(days=3)) == 2
