"""The session cookie, signed exactly as Flask signs it, by a serializer made once per key that
checks each cookie's signature once per process (consult/signing.py)."""
from flask.sessions import SecureCookieSessionInterface

from consult.signing import RememberingSerializer


class SessionInterface(SecureCookieSessionInterface):
    """Flask builds a new signing serializer for every request; this keeps one while the keys
    stay the same."""

    def get_signing_serializer(self, app):
        if not app.secret_key:
            return None
        # As Flask 3.1 builds it: the current key last, after any it is replacing.
        keys = [*(app.config.get("SECRET_KEY_FALLBACKS") or ()), app.secret_key]
        cached = app.extensions.get("consult.session_serializer")
        if cached is None or cached[0] != keys:
            serializer = RememberingSerializer(
                keys,
                salt=self.salt,
                serializer=self.serializer,
                signer_kwargs={"key_derivation": self.key_derivation, "digest_method": self.digest_method},
            )
            cached = (keys, serializer)
            app.extensions["consult.session_serializer"] = cached
        return cached[1]

    def save_session(self, app, session, response):
        """Flask's, with its commonest case quick: a session read and not changed only adds
        `Vary: Cookie`, which Flask does by parsing and rewriting the Vary header (about 5 µs)."""
        if session.accessed:
            _vary_on_cookie(response.headers)
        if session.modified or (session and self.should_set_cookie(app, session)):
            super().save_session(app, session, response)  # sets or deletes the cookie


def _vary_on_cookie(headers):
    vary = headers.get("Vary")
    if not vary:
        headers["Vary"] = "Cookie"
    elif vary.strip() != "*" and "cookie" not in {name.strip().lower() for name in vary.split(",")}:
        headers["Vary"] = f"{vary}, Cookie"
