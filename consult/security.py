"""Security headers, the per-request CSP nonce and request id, set in one place for every response."""
import logging
import re
import secrets

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
    environ = request.environ
    if "consult.csp_nonce" not in environ:
        environ["consult.csp_nonce"] = secrets.token_urlsafe(16)
    return environ["consult.csp_nonce"]


def request_id():
    """An id for this request, from a trusted proxy's X-Request-ID or made here, for logs and error pages."""
    environ = request.environ
    if "consult.request_id" not in environ:
        given = request.headers.get("X-Request-ID", "")
        environ["consult.request_id"] = given if _REQUEST_ID.match(given) else secrets.token_hex(8)
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

    @app.after_request
    def add_headers(response):
        endpoint = request.endpoint
        ours = list(SECURITY_HEADERS.items())
        if endpoint == "static" and request.args.get("v"):
            response.cache_control.max_age = 31536000
            response.cache_control.public = True
            response.cache_control.immutable = True
        elif endpoint != "static":
            # Answers, drafts and officer pages must not linger in shared or back-button caches.
            ours.append(("Cache-Control", "no-store"))
        ours.append(("Content-Security-Policy", content_security_policy(csp_nonce())))
        if request.is_secure:
            ours.append(("Strict-Transport-Security", HSTS))
        ours.append(("X-Request-ID", request_id()))
        # One pass that replaces any earlier value: setting each header in turn searched the
        # whole list every time, a noticeable share of a small page's work.
        names = {name.lower() for name, _value in ours}
        headers = response.headers
        kept = [(name, value) for name, value in headers if name.lower() not in names]
        headers.clear()
        headers.extend(kept + ours)
        return response
