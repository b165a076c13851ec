"""Who may see what: the four roles, a view decorator and a whole-blueprint guard."""
from functools import wraps

from flask import abort, jsonify, redirect, request, url_for
from flask_login import current_user

from consult.models.user import ROLES

ROLE_NAMES = {
    "admin": "Administrator",
    "officer": "Community officer",
    "board": "Board member",
    "partner": "Partner agency",
}


def _unknown(roles):
    unknown = set(roles) - set(ROLES)
    if unknown or not roles:
        raise ValueError(f"roles must be some of {', '.join(ROLES)}, not {sorted(unknown) or 'none'}")


def _refuse(roles, api=False):
    """None when the signed-in user holds one of `roles`; otherwise a redirect to sign in (for
    an API, 401 with a JSON body a program can read), or 403."""
    if not current_user.is_authenticated:
        if api:
            return _api_unauthorized()
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    if current_user.role not in roles:
        abort(403)
    return None


def _api_unauthorized():
    """401 with a JSON body saying what to send, and the scheme in WWW-Authenticate (RFC 6750)."""
    if "Authorization" in request.headers:
        message = (
            "The API token is not valid: it may be mistyped, expired or revoked, or its account disabled. "
            "Send a personal API token as 'Authorization: Bearer <token>'."
        )
    else:
        message = (
            "Sign in first, or send a personal API token as 'Authorization: Bearer <token>': this API "
            "needs a board, partner, officer or admin account."
        )
    response = jsonify({"error": "Unauthorized", "message": message})
    response.status_code = 401
    response.headers["WWW-Authenticate"] = 'Bearer realm="Consult API"'
    return response


def role_required(*roles):
    """Decorate a view so only signed-in users with one of `roles` reach it.

    Anonymous users are sent to sign in (and brought back afterwards); others get 403.
    The decorated view carries `required_roles`, which the URL-map test checks.
    """
    _unknown(roles)

    def decorator(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            refusal = _refuse(roles)
            if refusal is not None:
                return refusal
            return view(*args, **kwargs)

        previous = getattr(view, "required_roles", None)
        # Stacked decorators (blueprint guard then admin-only) narrow to the roles both allow.
        guarded.required_roles = tuple(role for role in roles if previous is None or role in previous)
        return guarded

    return decorator


def protect_blueprint(bp, *roles, api=False, pages=()):
    """Guard every route of `bp`: the same rule as role_required, checked before any view runs.

    For an API (`api`), anonymous callers get 401 JSON, except on `pages` (endpoints that are
    pages for people, such as the API's own documentation), which send them to sign in.
    """
    _unknown(roles)
    bp.required_roles = tuple(roles)

    @bp.before_request
    def _guard():
        return _refuse(roles, api and request.endpoint not in pages)

    return bp


def roles_for(app, endpoint):
    """The roles an endpoint admits, or None when nothing guards it (for the URL-map test)."""
    view = app.view_functions.get(endpoint)
    view_roles = getattr(view, "required_roles", None)
    blueprint = app.blueprints.get(endpoint.rpartition(".")[0]) if "." in endpoint else None
    blueprint_roles = getattr(blueprint, "required_roles", None)
    if view_roles is not None and blueprint_roles is not None:
        return tuple(role for role in view_roles if role in blueprint_roles)
    return view_roles if view_roles is not None else blueprint_roles
