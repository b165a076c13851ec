"""Personal API tokens: made (shown once), listed, revoked, checked on each call, and their use logged."""
import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa

from consult.extensions import db
from consult.models import ApiToken, User, utcnow
from consult.services.accounts.audit import record

# A recognisable prefix lets secret scanners and people tell a Consult token from other keys.
PREFIX = "consult_"
LIFETIMES = (30, 90, 365)  # days; a token never lasts more than a year
MAX_NAME = 80
# token_urlsafe(32) gives 43 characters; anything much longer is not ours and is not hashed.
MAX_TOKEN = 100


class TokenError(ValueError):
    """A request about a token that cannot be carried out; the message is for the person."""


def _hash(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def name_problem(name):
    """Why `name` cannot name a token, or None."""
    if not name:
        return "Enter a name for the token, for example the program that will use it"
    if len(name) > MAX_NAME:
        return f"The name must be {MAX_NAME} characters or fewer"
    return None


def create_token(user, name, days, now=None):
    """A new token for `user`; commits. Returns (ApiToken, secret): the secret is never stored,
    so the caller shows it once. :raise TokenError: a missing name or a lifetime not offered."""
    name = (name or "").strip()
    problem = name_problem(name)
    if problem:
        raise TokenError(problem)
    if days not in LIFETIMES:
        raise TokenError("Choose how long the token lasts: 30, 90 or 365 days")
    now = now or utcnow()
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id, name=name, token_hash=_hash(secret), hint=secret[: len(PREFIX) + 4],
        created_at=now, expires_at=now + timedelta(days=days),
    )
    db.session.add(token)
    db.session.flush()
    record("api_token.created", f"api_token:{token.id}", user=user, name=name, days=days)
    db.session.commit()
    return token, secret


def tokens_of(user):
    """Every token `user` has made, newest first (revoked and expired ones say so)."""
    return db.session.scalars(
        sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    ).all()


def revoke_token(user, token_id, now=None):
    """Stop one of `user`'s own tokens working at once; commits. :raise TokenError: not theirs."""
    token = db.session.scalar(sa.select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user.id))
    if token is None:
        raise TokenError("There is no such token")
    if token.revoked_at is None:
        token.revoked_at = now or utcnow()
        record("api_token.revoked", f"api_token:{token.id}", user=user, name=token.name)
        db.session.commit()
    return token


def bearer_secret(header):
    """The token in an `Authorization: Bearer <token>` header, or None for any other form."""
    scheme, _, secret = (header or "").strip().partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret.startswith(PREFIX) or len(secret) > MAX_TOKEN or " " in secret:
        return None
    return secret


def usable_token(secret, now=None):
    """The token `secret` names while it is unrevoked, unexpired and its owner's account is
    enabled; otherwise None. One indexed query (by hash) with the owner joined."""
    if not secret:
        return None
    found = db.session.execute(
        sa.select(ApiToken, User).join(User, User.id == ApiToken.user_id).where(ApiToken.token_hash == _hash(secret))
    ).first()
    if found is None:
        return None
    token, user = found
    if not user.active or not token.usable(now):
        return None
    return token


def record_use(token, method, path, status, now=None):
    """Log one call made with `token` and mark it used; commits. Kept cheap: one UPDATE by primary
    key and one audit INSERT in a single transaction. The path is logged without its query string."""
    now = now or utcnow()
    db.session.execute(sa.update(ApiToken).where(ApiToken.id == token.id).values(last_used_at=now))
    record("api_token.used", f"api_token:{token.id}", user=token.user, method=method, path=path[:200], status=status)
    db.session.commit()
