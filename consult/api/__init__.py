"""Read-only JSON API for the board's summaries at /api/v1, behind the board roles.

Callers sign in (a session cookie) or send a personal API token (`Authorization: Bearer ...`,
loaded by consult/auth's request_loader). Token calls are rate-limited per token and each one
is audit-logged; every route is GET only, so no call can change anything (and none needs CSRF).
"""
from flask import Blueprint, current_app, g
from flask_login import current_user

from consult.access import protect_blueprint
from consult.extensions import limiter

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# The API's documentation is a page for people: anonymous visitors go to sign in, not a 401.
protect_blueprint(bp, "admin", "officer", "board", "partner", api=True, pages=("api.docs",))


def calling_token():
    """The personal API token this request was made with, or None (a signed-in session)."""
    current_user.is_authenticated  # noqa: B018  (loads the user, and so any token, if nothing has yet)
    return g.get("api_token")


def _token_rate_limit():
    return current_app.config["API_TOKEN_RATE_LIMIT"]


def _token_key():
    # The hash, not the id: ids can be used again after rows are deleted, and counters outlive them.
    return f"api-token:{calling_token().token_hash}"


# One budget per token across every route (shared_limit); sessions are not counted here.
limiter.shared_limit(_token_rate_limit, scope="api-token", key_func=_token_key, exempt_when=lambda: calling_token() is None)(bp)

from consult.api import views  # noqa: E402,F401  (routes register on import)
