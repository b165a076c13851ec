"""Staff accounts (admins, officers, board members, partner agencies) and the login throttle."""
import secrets
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.extensions import db
from consult.models._base import utcnow

ROLES = ("admin", "officer", "board", "partner")

# The areas a partner account is limited to (set by an admin); none means every area.
user_areas = sa.Table(
    "user_area",
    db.metadata,
    sa.Column("user_id", sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("area_id", sa.ForeignKey("area.id", ondelete="CASCADE"), primary_key=True),
)


class User(UserMixin, db.Model):
    """A person who signs in. Residents never have accounts."""

    id: Mapped[int] = mapped_column(primary_key=True)
    # Always stored lower-case, so "Jo@Example.org" and "jo@example.org" are one account.
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120), default="")
    # None until an invited person sets a password with their one-time link.
    password_hash: Mapped[str | None] = mapped_column(sa.String(255))
    role: Mapped[str] = mapped_column(sa.String(10))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    # Only a hash of the set-password link's token is kept, so a database copy cannot use it.
    invite_token_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    invite_expires_at: Mapped[datetime | None]
    # Part of the id every session of this user carries: a new one ends all of them at once
    # (sign-out, a new password, a new role, disabling, "sign out everywhere").
    session_token: Mapped[str] = mapped_column(sa.String(32), default=lambda: secrets.token_hex(16))
    # Set by an admin: this person is e-mailed about urgent safeguarding flags and the daily digest.
    receives_safeguarding_alerts: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    areas: Mapped[list["Area"]] = relationship(secondary=user_areas, order_by="Area.name")  # noqa: F821

    __table_args__ = (
        sa.CheckConstraint(sa.text("role IN ('admin', 'officer', 'board', 'partner')"), name="role"),
    )

    @property
    def is_active(self):
        """Flask-Login treats a disabled account as signed out."""
        return self.active

    def get_id(self):
        """What Flask-Login keeps in the session: the user's id and current session token."""
        return f"{self.id}.{self.session_token}"

    def end_sessions(self):
        """Make every session of this user invalid from its next request."""
        self.session_token = secrets.token_hex(16)

    @property
    def display_name(self):
        return self.name or self.email

    def has_role(self, *roles):
        return self.role in roles

    def __repr__(self):
        return f"<User {self.email} {self.role}>"


class LoginThrottle(db.Model):
    """Failed sign-ins counted per key (see services/accounts/throttle.py), shared by every app
    server, and the devices each account has signed in on.

    `key_hash` is a keyed hash of the key ("pair:<email>:<ip>", "device:<email>:<id>", ...): the
    table never holds an address, an email or a device id in the clear, and unknown emails are
    throttled like known ones.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    # "count" for failures counted against a key, "known" for a device the account signed in on.
    kind: Mapped[str] = mapped_column(sa.String(8), default="count", server_default="count")
    failures: Mapped[int] = mapped_column(default=0)
    window_started_at: Mapped[datetime] = mapped_column(default=utcnow)
    # How many times this key has been locked: each lock lasts twice as long as the one before.
    lockouts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
