"""Security headers and the request id, set in one after_request hook for every response."""
import logging
import re
import secrets

from flask import current_app, has_request_context, request

# Each header is asserted exactly in tests/integration/app/test_security_and_errors.py.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# No page has inline script or style, so nothing but the site's own files may run or style it.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
HSTS = "max-age=31536000; includeSubDomains"
# Static files are served with a hash of their content in the URL (?v=), so may be kept a year.
VERSIONED_STATIC = "public, max-age=31536000, immutable"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


def request_id():
    """This request's id, for logs and error pages: a trusted proxy's X-Request-ID, or a new one.

    A client's own X-Request-ID is taken only when the app sits behind a configured proxy
    (TRUSTED_PROXIES), which is then the one that set it.
    """
    environ = request.environ
    if "consult.request_id" not in environ:
        given = environ.get("HTTP_X_REQUEST_ID", "") if current_app.config.get("TRUSTED_PROXIES") else ""
        environ["consult.request_id"] = given if _REQUEST_ID.match(given) else secrets.token_hex(8)
    return environ["consult.request_id"]


class RequestIdFilter(logging.Filter):
    """Adds the request id to every log record, so an error can be found from what a user reports."""

    def filter(self, record):
        record.request_id = request_id() if has_request_context() else "-"
        return True


def add_security_headers(response):
    """Set the security headers on `response`, replacing any a view set itself."""
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = HSTS
    if request.path.startswith(current_app.static_url_path + "/"):
        if request.args.get("v"):
            response.headers["Cache-Control"] = VERSIONED_STATIC
    else:
        # Answers, drafts and officer pages must not linger in shared or back-button caches.
        response.headers["Cache-Control"] = "no-store"
    response.headers["X-Request-ID"] = request_id()
    return response


def init_app(app):
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"))
    handler.addFilter(RequestIdFilter())
    consult_log = logging.getLogger("consult")
    if not any(isinstance(f, RequestIdFilter) for h in consult_log.handlers for f in h.filters):
        consult_log.addHandler(handler)
        consult_log.setLevel(logging.INFO)
        consult_log.propagate = False
    app.after_request(add_security_headers)
