"""Personal API tokens: a staff member's read-only key to the board API, kept only as a hash."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.extensions import db
from consult.models._base import utcnow
from consult.models.user import User


class ApiToken(db.Model):
    """One named token. The token itself is shown once when made; only its SHA-256 is stored."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    # The token's first characters, so its owner can tell tokens apart in the list.
    hint: Mapped[str] = mapped_column(sa.String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()

    def usable(self, now=None):
        """True while the token is neither revoked nor expired."""
        return self.revoked_at is None and (now or utcnow()) < self.expires_at

    def __repr__(self):
        return f"<ApiToken {self.hint} of user {self.user_id}>"
