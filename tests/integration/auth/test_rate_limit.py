"""Sign-in is throttled in the database with growing locks, without letting anyone lock staff out of their own device."""
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
        attempt(client, "officer@example.org", "wrong wrong wrong", address="198.51.100.1")
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
    assert len(keys) == 3  # the account from this address, the account, the address
    assert all(len(key) == 64 and "203.0.113" not in key and "someone" not in key for key in keys)


def test_stale_counts_are_purged(client):
    attempt(client, "someone@example.org", "wrong wrong wrong")
    assert purge_stale(now=utcnow() + timedelta(days=3)) == 3


def _sign_in_once(client, auth, address="203.0.113.7"):
    """The rightful officer signs in (the browser keeps its device cookie) and out again."""
    assert attempt(client, "officer@example.org", auth.PASSWORD, address=address).status_code == 302
    auth.logout()


def test_guessing_from_elsewhere_never_locks_the_officer_out_of_their_own_device(app, client, auth):
    auth.user("officer")
    _sign_in_once(client, auth)
    attacker = app.test_client()
    for number in range(30):
        attempt(attacker, "officer@example.org", "wrong wrong wrong", address=f"198.51.100.{number}")
    assert attempt(attacker, "officer@example.org", auth.PASSWORD, address="198.51.100.99").status_code == 200  # locked for strangers
    assert attempt(client, "officer@example.org", auth.PASSWORD).status_code == 302


def test_guessing_from_the_same_address_never_locks_the_officer_out_of_their_own_device(app, client, auth):
    """Behind one proxy (TRUSTED_PROXIES=0) everyone has the same address."""
    auth.user("officer")
    _sign_in_once(client, auth)
    attacker = app.test_client()
    for _ in range(25):
        attempt(attacker, "officer@example.org", "wrong wrong wrong")
    assert attempt(attacker, "officer@example.org", auth.PASSWORD).status_code == 200
    assert attempt(client, "officer@example.org", auth.PASSWORD).status_code == 302


def test_guessing_on_the_officers_own_device_is_still_slowed(client, auth):
    auth.user("officer")
    _sign_in_once(client, auth)
    for _ in range(5):
        attempt(client, "officer@example.org", "wrong wrong wrong")
    assert attempt(client, "officer@example.org", auth.PASSWORD).status_code == 200


def test_a_new_password_lets_a_locked_out_officer_in_from_a_new_device(app, client, auth):
    from consult.services.accounts.users import set_password

    officer = auth.user("officer")
    attacker = app.test_client()
    for number in range(25):
        attempt(attacker, "officer@example.org", "wrong wrong wrong", address=f"198.51.100.{number}")
    assert attempt(client, "officer@example.org", auth.PASSWORD, address="192.0.2.8").status_code == 200
    set_password(officer, "a brand new long password for the officer")
    assert attempt(client, "officer@example.org", "a brand new long password for the officer", address="192.0.2.8").status_code == 302


def test_the_device_cookie_is_set_only_on_sign_in_and_only_for_the_sign_in_page(client, auth):
    auth.user("officer")
    attempt(client, "officer@example.org", "wrong wrong wrong")
    assert client.get_cookie("consult_device", path="/auth/login") is None
    attempt(client, "officer@example.org", auth.PASSWORD)
    cookie = client.get_cookie("consult_device", path="/auth/login")
    assert cookie is not None and cookie.http_only and len(cookie.value) == 32
    assert client.get_cookie("consult_device") is None  # not sent with any other page


def test_known_devices_are_kept_longer_than_counts(client, auth):
    auth.user("officer")
    _sign_in_once(client, auth)
    assert purge_stale(now=utcnow() + timedelta(days=3)) == 0
    assert purge_stale(now=utcnow() + timedelta(days=181)) == 1

