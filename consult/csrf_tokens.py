"""CSRF protection: Flask-WTF's CSRFProtect, with tokens signed and checked by one serializer per
key that remembers what it has checked (consult/signing.py).

The tokens are Flask-WTF's own (same salt, key and format), so officer forms that sign theirs
through Flask-WTF are checked here alike. Checking and signing a token each cost about 25 µs
with a new serializer per call, a noticeable part of every survey page; here about 4 µs.
"""
import hmac
import logging
import secrets

from flask import current_app, g, request, session
from flask_wtf import csrf as wtf_csrf
from itsdangerous import BadData, SignatureExpired
from wtforms import ValidationError

from consult.signing import RememberingSerializer

logger = logging.getLogger(__name__)

SALT = "wtf-csrf-token"  # Flask-WTF's
# A page shown within this many seconds of another carries the same signed token, which then
# expires (WTF_CSRF_TIME_LIMIT) at most this much sooner.
REUSE_SECONDS = 60


def _serializer(app):
    key = app.config.get("WTF_CSRF_SECRET_KEY") or app.secret_key
    if not key:
        raise RuntimeError("A secret key is required to use CSRF.")
    made = app.extensions.setdefault("consult.csrf_serializers", {})
    if key not in made:
        made[key] = RememberingSerializer(key, salt=SALT, reuse_seconds=REUSE_SECONDS)
    return made[key]


def generate_csrf():
    """This session's signed CSRF token, as Flask-WTF's generate_csrf gives it (kept in g for the request)."""
    app = current_app._get_current_object()
    field = app.config["WTF_CSRF_FIELD_NAME"]
    request_globals = g._get_current_object()  # objects, not proxies: every page calls this
    token = request_globals.get(field)
    if token is None:
        this_session = session._get_current_object()
        raw = this_session.get(field)
        if not isinstance(raw, str):
            raw = this_session[field] = secrets.token_hex(20)  # 40 hex characters, as Flask-WTF's
        token = _serializer(app).dumps(raw)
        setattr(request_globals, field, token)
    return token


def validate_csrf(data):
    """As Flask-WTF's validate_csrf: raises ValidationError, with the same messages, unless `data`
    is this session's token, signed with our key no longer ago than WTF_CSRF_TIME_LIMIT."""
    app = current_app._get_current_object()
    config = app.config
    field = config["WTF_CSRF_FIELD_NAME"]
    if not data:
        raise ValidationError("The CSRF token is missing.")
    this_session = session._get_current_object()
    if field not in this_session:
        raise ValidationError("The CSRF session token is missing.")
    try:
        token = _serializer(app).loads(data, max_age=config["WTF_CSRF_TIME_LIMIT"])
    except SignatureExpired as error:
        raise ValidationError("The CSRF token has expired.") from error
    except BadData as error:
        raise ValidationError("The CSRF token is invalid.") from error
    if not isinstance(token, str) or not hmac.compare_digest(this_session[field], token):
        raise ValidationError("The CSRF tokens do not match.")


class CSRFProtect(wtf_csrf.CSRFProtect):
    def init_app(self, app):
        super().init_app(app)
        app.jinja_env.globals["csrf_token"] = generate_csrf
        # Flask-WTF also hands every template its own generate_csrf through a context processor.
        processors = app.template_context_processors[None]
        processors[:] = [processor for processor in processors if processor.__module__ != wtf_csrf.__name__]

    def protect(self, apply_exemptions=False):
        """Flask-WTF 1.3's protect, with the method checked first (a GET needs nothing more)
        and the token checked by validate_csrf above."""
        this_request = request._get_current_object()  # not the proxies: each read through one cost about 1 µs
        config = current_app._get_current_object().config
        if this_request.method not in config["WTF_CSRF_METHODS"]:
            return
        if apply_exemptions:
            if not this_request.endpoint:
                return
            # Consult exempts nothing; the lookup is only worth its time when something is.
            if (self._exempt_views or self._exempt_blueprints) and self._is_exempt():
                return
        try:
            validate_csrf(self._get_csrf_token())
        except ValidationError as error:
            logger.info(error.args[0])
            self._error_response(error.args[0])
        if this_request.is_secure and config["WTF_CSRF_SSL_STRICT"]:
            if not this_request.referrer:
                self._error_response("The referrer header is missing.")
            if not wtf_csrf.same_origin(this_request.referrer, f"https://{this_request.host}/"):
                self._error_response("The referrer does not match the host.")
        g.csrf_valid = True
