"""Security headers, the per-request CSP nonce and request id, set in one place for every response."""
import base64
import logging
import os
import re
import threading
from urllib.parse import parse_qs

from flask import request

# Each header is asserted exactly in tests/integration/app/test_security_and_errors.py.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


def content_security_policy(nonce):
    """No inline script or style runs unless it carries this response's nonce."""
    return (
        f"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; "
        "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )


# Kept in the WSGI environ, which lives exactly as long as the request (g can outlive it).
def csp_nonce():
    return _nonce(request.environ)


def request_id():
    """An id for this request, from a trusted proxy's X-Request-ID or made here, for logs and error pages."""
    return _request_id(request.environ)


class _RandomBytes(threading.local):
    """Bytes from os.urandom, read 4 kB at a time and each handed out once.

    Every response needs a nonce and a request id: as two reads of the system's random source
    each (a system call that lets go of the interpreter), they made a busy worker's threads
    wait their turn again twice a page. Each thread keeps its own block, and a forked process
    (a gunicorn worker) starts afresh, so no two responses share bytes.
    """

    BLOCK = 4096
    block = b""
    used = 0

    def take(self, count):
        if self.used + count > len(self.block):
            self.block, self.used = os.urandom(self.BLOCK), 0
        self.used += count
        return self.block[self.used - count:self.used]


_random = _RandomBytes()


def _forget_random_bytes():
    global _random
    _random = _RandomBytes()


os.register_at_fork(after_in_child=_forget_random_bytes)


def _nonce(environ):
    if "consult.csp_nonce" not in environ:
        # As secrets.token_urlsafe(16) gives it: 22 URL-safe characters.
        environ["consult.csp_nonce"] = base64.urlsafe_b64encode(_random.take(16)).rstrip(b"=").decode()
    return environ["consult.csp_nonce"]


def _request_id(environ):
    if "consult.request_id" not in environ:
        given = environ.get("HTTP_X_REQUEST_ID", "")
        environ["consult.request_id"] = given if _REQUEST_ID.match(given) else _random.take(8).hex()
    return environ["consult.request_id"]


class RequestIdFilter(logging.Filter):
    """Adds the request id to every log record, so an error can be found from what a user reports."""

    def filter(self, record):
        from flask import has_request_context

        record.request_id = request_id() if has_request_context() else "-"
        return True


def init_app(app):
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"))
    handler.addFilter(RequestIdFilter())
    consult_log = logging.getLogger("consult")
    if not any(isinstance(f, RequestIdFilter) for h in consult_log.handlers for f in h.filters):
        consult_log.addHandler(handler)
        consult_log.setLevel(logging.INFO)
        consult_log.propagate = False

    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.wsgi_app = SecurityHeaders(app.wsgi_app, app.static_url_path)


class SecurityHeaders:
    """WSGI middleware that adds the security headers to every response, error pages included,
    replacing any value a view set for one of them.

    At the WSGI layer they are appended to a plain list. Set through Werkzeug's Headers, which
    checks every value and searches the list for each name, they cost 34 µs a response against
    3 µs here (a survey page costs about 650 µs in-process).
    """

    _FIXED = list(SECURITY_HEADERS.items())
    _OURS = frozenset(name.lower() for name in (*SECURITY_HEADERS, "Cache-Control", "Content-Security-Policy",
                                                "Strict-Transport-Security", "X-Request-ID"))
    # Static files are served with a hash of their content in the URL (?v=), so may be kept a year.
    _VERSIONED = ("Cache-Control", "public, max-age=31536000, immutable")
    # Answers, drafts and officer pages must not linger in shared or back-button caches.
    _NO_STORE = ("Cache-Control", "no-store")

    def __init__(self, wsgi_app, static_url_path):
        self.wsgi_app = wsgi_app
        self.static_prefix = static_url_path.rstrip("/") + "/"

    def __call__(self, environ, start_response):
        def start_with_headers(status, headers, exc_info=None):
            return start_response(status, self.headers(environ, headers), exc_info)

        return self.wsgi_app(environ, start_with_headers)

    def headers(self, environ, given):
        ours = self._FIXED.copy()
        if not environ.get("PATH_INFO", "").startswith(self.static_prefix):
            ours.append(self._NO_STORE)
        elif "v=" in environ.get("QUERY_STRING", "") and parse_qs(environ["QUERY_STRING"]).get("v", [""])[0]:
            ours.append(self._VERSIONED)
        else:
            ours += [header for header in given if header[0].lower() == "cache-control"]  # Flask's own
        ours.append(("Content-Security-Policy", content_security_policy(_nonce(environ))))
        if environ.get("wsgi.url_scheme") == "https":
            ours.append(("Strict-Transport-Security", HSTS))
        ours.append(("X-Request-ID", _request_id(environ)))
        return [header for header in given if header[0].lower() not in self._OURS] + ours
