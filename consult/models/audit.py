"""The audit log: who did what to which record, and when. Rows are only ever added."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.extensions import db
from consult.models._base import utcnow
from consult.models.user import User


class AuditEvent(db.Model):
    """One recorded action, e.g. "login", "role.changed", "answer.raw_viewed"."""

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(sa.String(60), index=True)
    target: Mapped[str] = mapped_column(sa.String(255), default="")
    detail: Mapped[dict] = mapped_column(sa.JSON, default=dict)

    user: Mapped[User | None] = relationship()

    def __repr__(self):
        return f"<AuditEvent {self.action} {self.target}>"
