"""Routes for signing in, signing out and setting a password; the idle timeout check."""
import re
import secrets
import time
from math import ceil
from urllib.parse import urlsplit

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from consult.auth import bp
from consult.auth.forms import LoginForm, SetPasswordForm
from consult.cleaning import error_items
from consult.extensions import limiter
from consult.models import utcnow
from consult.services.accounts import users


DEVICE_COOKIE = "consult_device"
DEVICE_COOKIE_SECONDS = 180 * 24 * 3600
DEVICE_ID = re.compile(r"[0-9a-f]{32}")


def safe_next(target):
    """`target` if it is a path on this site ("/manage?x=1"), else None.

    Refuses absolute URLs, scheme-relative "//host", backslash tricks and control characters.
    """
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if any(ord(char) < 32 or char == "\\" for char in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def home_for(user):
    """Where a user lands after signing in: the officer workspace or the board's pages."""
    wanted = ["manage.dashboard", "board.index"] if user.role in ("admin", "officer") else ["board.index"]
    for endpoint in wanted:
        if endpoint in current_app.view_functions:
            return url_for(endpoint)
    return url_for("public.index")


def _login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    next_url = safe_next(request.args.get("next"))
    if current_user.is_authenticated and request.method == "GET":
        return redirect(next_url or home_for(current_user))
    form = LoginForm()
    problem = None
    if form.validate_on_submit():
        device = request.cookies.get(DEVICE_COOKIE, "")
        if not DEVICE_ID.fullmatch(device):
            device = secrets.token_hex(16)
        outcome = users.authenticate(form.email.data, form.password.data, request.remote_addr, device)
        if outcome.user is not None:
            # A new session at sign-in: nothing set before it (by anyone) carries over.
            session.clear()
            login_user(outcome.user, fresh=True)
            session["signed_in_at"] = int(time.time())
            session["seen_at"] = int(time.time())
            response = redirect(next_url or home_for(outcome.user))
            # Remembers this device for the sign-in throttle: its own attempts never share a lock
            # with anyone else's. A random id, linked to nothing but a keyed hash in the throttle.
            response.set_cookie(
                DEVICE_COOKIE, device, max_age=DEVICE_COOKIE_SECONDS, httponly=True, samesite="Lax",
                secure=current_app.config["SESSION_COOKIE_SECURE"], path=url_for("auth.login"),
            )
            return response
        if outcome.locked_until is not None:
            minutes = max(1, ceil((outcome.locked_until - utcnow()).total_seconds() / 60))
            problem = f"Too many failed attempts to sign in. Wait {minutes} minute{'s' if minutes != 1 else ''} and try again"
        else:
            problem = "Enter a correct email address and password"
    errors = error_items(form) or ([("email", problem)] if problem else [])
    return render_template("auth/login.html", form=form, errors=errors, problem=problem, next_url=next_url, has_error=bool(errors))


@bp.post("/logout")
def logout():
    if current_user.is_authenticated:
        users.signed_out(current_user)
    logout_user()
    session.clear()
    flash("You have signed out.")
    return redirect(url_for("auth.login"))


@bp.route("/set-password/<token>", methods=["GET", "POST"])
def set_password(token):
    """The one-time link an administrator sends a new user.

    :raise 404: when the link is unknown, spent or expired.
    """
    user = users.user_for_token(token)
    if user is None:
        abort(404)
    form = SetPasswordForm()
    if form.validate_on_submit():
        try:
            users.set_password(user, form.password.data)
        except users.UserError as error:
            form.password.errors.append(str(error))
        else:
            logout_user()
            session.clear()
            flash("Your password is set. Sign in with your email address and new password.")
            return redirect(url_for("auth.login"))
    errors = error_items(form)
    return render_template("auth/set_password.html", form=form, user=user, token=token, errors=errors, has_error=bool(errors))


@bp.before_app_request
def expire_session():
    """Sign out a user idle for IDLE_TIMEOUT_MINUTES, or signed in for longer than SESSION_MAX_HOURS
    however busy; the page then asks them to sign in again."""
    # Residents never sign in (and Consult issues no remember-me cookies): nothing to load.
    if request.endpoint == "static" or "_user_id" not in session or not current_user.is_authenticated:
        return
    now = int(time.time())
    seen = session.get("seen_at", 0)
    if now - session.get("signed_in_at", 0) > current_app.config["SESSION_MAX_HOURS"] * 3600:
        _expire("too_long", "You were signed out because you signed in a long time ago. Sign in again to carry on.")
    elif now - seen > current_app.config["IDLE_TIMEOUT_MINUTES"] * 60:
        _expire("idle", "You were signed out because you had not done anything for a while. Sign in again to carry on.")
    elif now - seen > 30:
        session["seen_at"] = now


def _expire(reason, message):
    users.session_expired(current_user, reason)
    logout_user()
    session.clear()
    flash(message)
