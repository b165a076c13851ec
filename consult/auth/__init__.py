"""Signing in and out: the login page, logout, set-password links and the idle timeout."""
import hmac

from flask import Blueprint, g
from flask_login import current_user

from consult.extensions import db, login_manager

bp = Blueprint("auth", __name__, url_prefix="/auth")
API_BLUEPRINT = "api"  # named, not imported: blueprints never import each other


@login_manager.user_loader
def load_user(session_id):
    """The user a session names, while its session token is still theirs and the account is enabled."""
    from consult.models import User

    user_id, _, token = str(session_id).partition(".")
    try:
        user = db.session.get(User, int(user_id))
    except (TypeError, ValueError):
        return None
    if user is None or not user.active or not hmac.compare_digest(user.session_token, token):
        return None
    return user


@login_manager.request_loader
def load_user_from_api_token(request):
    """The owner of a personal API token sent as `Authorization: Bearer ...`, for the API only
    (board pages and forms never accept a token). Flask-Login asks only when there is no session.

    The token is kept in `g.api_token` for the API's rate limit and audit log.
    """
    if request.blueprint != API_BLUEPRINT or "Authorization" not in request.headers:
        return None
    from consult.services.accounts import api_tokens

    token = api_tokens.usable_token(api_tokens.bearer_secret(request.headers["Authorization"]))
    if token is None:
        return None
    g.api_token = token
    return token.user


def init_app(app):
    """Bind Flask-Login; anonymous visitors to protected pages are sent to sign in."""
    # current_user in templates is the lazy proxy: Flask-Login's own context processor loaded the
    # user for every page rendered, residents' survey pages included.
    login_manager.init_app(app, add_context_processor=False)
    app.jinja_env.globals["current_user"] = current_user
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    # Flask-Login's own session protection would clear the session on a changed address;
    # sessions are renewed at sign-in and expire when idle instead.
    login_manager.session_protection = None
    app.config.setdefault("IDLE_TIMEOUT_MINUTES", 30)
    app.register_blueprint(bp)


from consult.auth import views  # noqa: E402,F401  (routes register on import)
