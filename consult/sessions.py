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
