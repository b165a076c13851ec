"""Signed values that a process checks once, not on every request: the session cookie and CSRF tokens.

A resident's browser sends the same session cookie with every page of a survey, and each page
carries a CSRF token. Reading one (two HMACs, base64 and the timestamp; for the session also zlib
and JSON) cost 15-25 µs each time, where a survey page costs about 650 µs in all (in-process).
So the serializer remembers each value whose signature it has checked, with its payload; it
still checks the age on every use and hands out a fresh copy of the payload. Only values that
passed the check are remembered, so nothing an attacker sends passes by being sent twice.
"""
import time

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from itsdangerous.encoding import want_bytes

# Values remembered per serializer; when full, all are forgotten (the next use of each checks
# its signature again). A session cookie is at most a few kB, so this bounds memory at a few MB.
REMEMBERED = 4096


class RememberingSerializer(URLSafeTimedSerializer):
    """An itsdangerous URLSafeTimedSerializer, with the same output and errors, that checks the
    signature of a given value once per process.

    With `reuse_seconds`, `dumps` of a string signed less than that many seconds ago returns the
    same signed value again (for CSRF tokens, which carry the time they were signed).
    """

    def __init__(self, *args, reuse_seconds=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.reuse_seconds = reuse_seconds
        self._checked = {}  # signed value -> (its payload, when it was signed)
        self._signed = {}  # string -> (its signed value, when it was signed)

    def loads(self, s, max_age=None, return_timestamp=False, salt=None):
        if return_timestamp or salt is not None:
            return super().loads(s, max_age=max_age, return_timestamp=return_timestamp, salt=salt)
        checked = self._checked.get(s)
        if checked is None:
            encoded, signed_at = self._check_signature(s)
            checked = (self.load_payload(encoded), signed_at)  # a payload that does not decode is not kept
            _remember(self._checked, s, checked)
        if max_age is not None:
            # As itsdangerous's TimestampSigner.unsign checks it.
            age = int(time.time()) - checked[1]
            if age > max_age:
                raise SignatureExpired(f"Signature age {age} > {max_age} seconds")
            if age < 0:
                raise SignatureExpired(f"Signature age {age} < 0 seconds")
        return _copy(checked[0])  # callers may change what they are given (Flask's session does)

    def _check_signature(self, s):
        """(encoded payload, signing time) of `s`, trying each key in turn, as itsdangerous does."""
        s = want_bytes(s)
        last_error = None
        for signer in self.iter_unsigners():
            try:
                encoded, signed_at = signer.unsign(s, return_timestamp=True)
            except BadSignature as error:
                last_error = error
            else:
                return encoded, int(signed_at.timestamp())
        raise last_error

    def dumps(self, obj, salt=None):
        if not self.reuse_seconds or salt is not None or not isinstance(obj, str):
            return super().dumps(obj, salt=salt)
        now = int(time.time())
        signed = self._signed.get(obj)
        if signed is None or not 0 <= now - signed[1] < self.reuse_seconds:
            signed = (super().dumps(obj), now)
            _remember(self._signed, obj, signed)
        return signed[0]


def _copy(value):
    """A copy of a payload deep enough that changing it cannot change the remembered one: JSON gives
    dicts, lists and immutable values (Flask's tagged JSON adds tuples and other immutable types)."""
    kind = type(value)
    if kind is dict:
        return {key: _copy(item) for key, item in value.items()}
    if kind is list or kind is tuple:
        return kind(_copy(item) for item in value)
    return value


def _remember(store, key, value):
    if len(store) >= REMEMBERED:
        store.clear()
    store[key] = value
