"""Staff accounts: create and invite, passwords, roles, disabling, and checking a sign-in."""
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from flask_babel import gettext as _
from werkzeug.security import check_password_hash, generate_password_hash

from consult.extensions import db
from consult.models import ROLES, Area, User, utcnow
from consult.services.accounts import throttle
from consult.services.accounts.audit import record
from consult.services.mail import staff as staff_mail

MIN_PASSWORD = 12
MAX_PASSWORD = 128
INVITE_TTL = timedelta(days=7)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
COMMON_PASSWORDS = Path(__file__).resolve().parents[2] / "auth" / "common_passwords.txt"


class UserError(ValueError):
    """A request about an account that cannot be carried out; the message is for the person."""


@lru_cache(maxsize=1)
def common_passwords():
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(password, email=""):
    """Why `password` cannot be used, or None. Length and commonness only: no composition rules."""
    if len(password) < MIN_PASSWORD:
        return f"Your password must be at least {MIN_PASSWORD} characters long"
    if len(password) > MAX_PASSWORD:
        return f"Your password must be {MAX_PASSWORD} characters or fewer"
    if password.lower() in common_passwords() or (email and password.lower() == email.lower()):
        return "That password is too common and easy to guess. Choose a different one, for example three or four random words"
    return None


def hash_password(password):
    return generate_password_hash(password, method="scrypt")


@lru_cache(maxsize=1)
def _dummy_hash():
    return hash_password(secrets.token_hex(16))


def normalise_email(email):
    return (email or "").strip().lower()


def email_problem(email):
    if not email:
        return _("Enter an email address")
    if len(email) > 254 or not EMAIL.match(email):
        return _("Enter an email address in the correct format, like name@example.org")
    return None


def find_user(email):
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def _new_user(email, role, name):
    email = normalise_email(email)
    problem = email_problem(email)
    if problem:
        raise UserError(problem)
    if role not in ROLES:
        raise UserError(f"Choose a role: {', '.join(ROLES)}")
    if find_user(email) is not None:
        raise UserError(f"There is already an account for {email}")
    user = User(email=email, role=role, name=(name or "").strip()[:120], active=True, created_at=utcnow())
    db.session.add(user)
    return user


def create_user(email, role, password, name="", by=None):
    """Create an account with a password (the CLI's way); commits. :raise UserError:"""
    problem = password_problem(password, email)
    if problem:
        raise UserError(problem)
    user = _new_user(email, role, name)
    user.password_hash = hash_password(password)
    db.session.flush()
    record("user.created", f"user:{user.id}", user=by, role=role)
    db.session.commit()
    return user


def _token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def invite_user(email, role, name, by, link=None):
    """Create an account without a password and a one-time set-password token; commits.

    Returns (user, token). Only the token's hash is stored. With `link` (token -> the
    set-password address) the link is e-mailed to the person, in the same transaction.
    :raise UserError:
    """
    user = _new_user(email, role, name)
    token = _issue_token(user)
    db.session.flush()
    record("user.invited", f"user:{user.id}", user=by, role=role)
    if link is not None:
        staff_mail.queue_invitation(user, link(token))
    db.session.commit()
    return user, token


def reissue_invite(user, by, link=None):
    """A fresh set-password token for an existing account (the old one stops working); commits.
    With `link`, as for invite_user, it is e-mailed to them."""
    token = _issue_token(user)
    record("user.invited", f"user:{user.id}", user=by, role=user.role, reissued=True)
    if link is not None:
        staff_mail.queue_invitation(user, link(token), reissued=True)
    db.session.commit()
    return token


def set_safeguarding_alerts(user, receives, by):
    """Choose whether `user` is e-mailed about urgent safeguarding flags; commits.
    :raise UserError: for board members and partners, who never see flags."""
    if receives and user.role not in ("admin", "officer"):
        raise UserError("Only administrators and community officers can receive safeguarding alerts")
    if user.receives_safeguarding_alerts == receives:
        return
    user.receives_safeguarding_alerts = receives
    record("user.alerts_changed", f"user:{user.id}", user=by, receives=receives)
    db.session.commit()


def _issue_token(user):
    token = secrets.token_urlsafe(32)
    user.invite_token_hash = _token_hash(token)
    user.invite_expires_at = utcnow() + INVITE_TTL
    return token


def user_for_token(token, now=None):
    """The active account a set-password token belongs to, or None if unknown or expired."""
    if not token or len(token) > 100:
        return None
    user = db.session.scalar(sa.select(User).where(User.invite_token_hash == _token_hash(token)))
    if user is None or not user.active or user.invite_expires_at is None:
        return None
    if user.invite_expires_at < (now or utcnow()):
        return None
    return user


def set_password(user, password):
    """Set a new password and spend any set-password token; commits. :raise UserError:"""
    problem = password_problem(password, user.email)
    if problem:
        raise UserError(problem)
    user.password_hash = hash_password(password)
    user.invite_token_hash = None
    user.invite_expires_at = None
    user.end_sessions()
    throttle.clear_account(user.email)
    record("user.password_set", f"user:{user.id}", user=user)
    db.session.commit()


def change_role(user, role, by):
    """Give `user` another role; commits. An admin cannot take away their own admin role."""
    if role not in ROLES:
        raise UserError(f"Choose a role: {', '.join(ROLES)}")
    if by is not None and user.id == by.id and role != "admin":
        raise UserError("You cannot remove your own administrator role. Ask another administrator")
    if role == user.role:
        return
    record("user.role_changed", f"user:{user.id}", user=by, old=user.role, new=role)
    user.role = role
    user.end_sessions()
    db.session.commit()


def set_active(user, active, by):
    """Disable or re-enable an account; commits. A disabled user is signed out at once."""
    if by is not None and user.id == by.id and not active:
        raise UserError("You cannot disable your own account")
    if user.active == active:
        return
    user.active = active
    user.end_sessions()
    record("user.enabled" if active else "user.disabled", f"user:{user.id}", user=by)
    db.session.commit()


def all_areas():
    return db.session.scalars(sa.select(Area).order_by(Area.name)).all()


def limit_areas(user, area_ids, by):
    """Limit a partner account to some areas (none: every area); commits. The limit applies to
    every board page, download and API call, tokens included, from the next request.
    :raise UserError: not a partner, or an unknown area."""
    if user.role != "partner":
        raise UserError("Only a partner agency's account can be limited to some areas")
    wanted = set(area_ids)
    areas = db.session.scalars(sa.select(Area).where(Area.id.in_(wanted)).order_by(Area.name)).all() if wanted else []
    if len(areas) != len(wanted):
        raise UserError("Choose areas from the list")
    old = sorted(area.name for area in user.areas)
    new = [area.name for area in areas]
    if old == sorted(new):
        return
    user.areas = areas
    record("user.areas_changed", f"user:{user.id}", user=by, old=old, new=new)
    db.session.commit()


def all_users():
    return db.session.scalars(sa.select(User).order_by(User.role, User.email)).all()


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in attempt: the user, or why not (and until when, if locked)."""

    user: User | None
    locked_until: datetime | None = None


def authenticate(email, password, address, device):
    """Check a sign-in under the throttle and log it; commits. Returns a SignIn.

    `device` is the id from the browser's device cookie (the caller makes a new one when it has
    none, and keeps it on success). Unknown emails still cost one password hash check, so timing
    does not reveal accounts.
    """
    email = normalise_email(email)[:254]
    now = utcnow()
    locked = throttle.locked_until(email, address, device, now)
    if locked is not None:
        record("login.failed", email, user=None, reason="locked")
        db.session.commit()
        return SignIn(None, locked)
    user = find_user(email) if email else None
    stored = user.password_hash if user is not None and user.password_hash else _dummy_hash()
    correct = check_password_hash(stored, password or "")
    if user is None or not user.password_hash or not correct or not user.active:
        reason = "unknown" if user is None else ("disabled" if correct and user.active is False else "password")
        throttle.record_failure(email, address, device, now)
        record("login.failed", email, user=user, reason=reason)
        db.session.commit()
        return SignIn(None, throttle.locked_until(email, address, device, now))
    throttle.record_success(email, address, device)
    user.last_login_at = now
    record("login", f"user:{user.id}", user=user)
    db.session.commit()
    return SignIn(user)


def sign_out_everywhere(user, by):
    """End every session of `user` (an admin's button); commits."""
    user.end_sessions()
    record("user.signed_out_everywhere", f"user:{user.id}", user=by)
    db.session.commit()


def signed_out(user):
    """Sign-out ends every session of the user, so a copied cookie cannot be replayed; commits."""
    user.end_sessions()
    record("logout", f"user:{user.id}", user=user)
    db.session.commit()


def session_expired(user, reason="idle"):
    record("session.expired", f"user:{user.id}", user=user, reason=reason)
    db.session.commit()
