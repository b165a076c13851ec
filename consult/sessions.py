"""The session cookie, signed exactly as Flask signs it, with its serializer made once per key."""
from flask.sessions import SecureCookieSessionInterface


class SessionInterface(SecureCookieSessionInterface):
    """Flask builds a new signing serializer for every request; this keeps one while the keys
    stay the same (it holds no per-request state)."""

    def get_signing_serializer(self, app):
        keys = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        cached = app.extensions.get("consult.session_serializer")
        if cached is None or cached[0] != keys:
            cached = (keys, super().get_signing_serializer(app))
            app.extensions["consult.session_serializer"] = cached
        return cached[1]
