"""RememberingSerializer reads and writes exactly what itsdangerous does, and remembering a checked
value never lets a forged, tampered or expired one through."""
import time

import pytest
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from consult import signing
from consult.signing import RememberingSerializer

KEY = "a test key that is long enough"


@pytest.fixture
def clock(monkeypatch):
    """time.time(), as both this module and itsdangerous read it, set by the test."""
    now = {"t": 1_800_000_000.0}
    monkeypatch.setattr(time, "time", lambda: now["t"])
    return now


def test_its_values_and_plain_itsdangerous_values_are_interchangeable(clock):
    ours, plain = RememberingSerializer(KEY, salt="s"), URLSafeTimedSerializer(KEY, salt="s")
    value = {"drafts": {"survey": "token"}, "n": [1, 2]}
    assert ours.dumps(value) == plain.dumps(value)
    assert plain.loads(ours.dumps(value), max_age=60) == value
    assert ours.loads(plain.dumps(value), max_age=60) == value
    assert ours.loads(plain.dumps(value), max_age=60) == value  # the second read is the remembered one


def test_a_tampered_or_foreign_value_is_refused_every_time_and_not_remembered(clock):
    ours = RememberingSerializer(KEY, salt="s")
    genuine = ours.dumps("raw token")
    assert ours.loads(genuine) == "raw token"
    tampered = genuine[:-2] + ("AA" if not genuine.endswith("AA") else "BB")
    foreign = URLSafeTimedSerializer("another key entirely, also long", salt="s").dumps("raw token")
    other_salt = URLSafeTimedSerializer(KEY, salt="other").dumps("raw token")
    for forged in (tampered, foreign, other_salt, "", "not.a.token"):
        for _ in range(2):
            with pytest.raises(BadSignature):
                ours.loads(forged)
    assert list(ours._checked) == [genuine]


def test_a_remembered_value_still_expires_and_a_future_one_is_refused(clock):
    ours = RememberingSerializer(KEY, salt="s")
    token = ours.dumps("raw token")
    assert ours.loads(token, max_age=100) == "raw token"
    clock["t"] += 100
    assert ours.loads(token, max_age=100) == "raw token"
    clock["t"] += 1
    with pytest.raises(SignatureExpired):
        ours.loads(token, max_age=100)
    assert ours.loads(token) == "raw token"  # no limit asked for
    clock["t"] -= 1000
    with pytest.raises(SignatureExpired):
        ours.loads(token, max_age=100)


def test_each_read_gets_its_own_copy_of_the_payload(clock):
    ours = RememberingSerializer(KEY, salt="s")
    token = ours.dumps({"drafts": {"survey": "token"}})
    first = ours.loads(token)
    first["drafts"]["survey"] = "changed by a view"
    assert ours.loads(token) == {"drafts": {"survey": "token"}}


def test_an_old_key_in_the_list_still_reads_values_it_signed(clock):
    old = URLSafeTimedSerializer("the old key, long enough too", salt="s").dumps("raw")
    ours = RememberingSerializer(["the old key, long enough too", KEY], salt="s")
    assert ours.loads(old) == "raw"
    assert URLSafeTimedSerializer(KEY, salt="s").loads(ours.dumps("raw")) == "raw"  # signs with the last


def test_a_string_signed_recently_is_signed_again_only_after_the_reuse_window(clock):
    reusing, fresh = RememberingSerializer(KEY, salt="s", reuse_seconds=60), RememberingSerializer(KEY, salt="s")
    first = reusing.dumps("raw token")
    first_fresh = fresh.dumps("raw token")
    clock["t"] += 59
    assert reusing.dumps("raw token") == first
    assert fresh.dumps("raw token") != first_fresh
    assert reusing.dumps("another token") != first
    clock["t"] += 1
    again = reusing.dumps("raw token")
    assert again != first
    assert reusing.loads(again, max_age=0) == "raw token"
    clock["t"] -= 120  # a clock set back does not keep handing out a token from the future
    assert reusing.dumps("raw token") not in (first, again)


def test_memory_is_bounded(clock, monkeypatch):
    monkeypatch.setattr(signing, "REMEMBERED", 3)
    ours = RememberingSerializer(KEY, salt="s")
    for n in range(7):
        ours.loads(ours.dumps(f"token {n}"))
    assert 1 <= len(ours._checked) <= 3


def test_nested_lists_and_tuples_in_a_payload_are_copied_too(clock):
    ours = RememberingSerializer(KEY, salt="s")
    token = ours.dumps({"a": [{"b": [1]}], "t": [[2]]})
    first = ours.loads(token)
    first["a"][0]["b"].append("changed")
    first["t"][0].append("changed")
    assert ours.loads(token) == {"a": [{"b": [1]}], "t": [[2]]}
