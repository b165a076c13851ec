"""What officers did about a flagged answer: acknowledgements and actions taken, never edited."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.extensions import db
from consult.models._base import utcnow
from consult.models.user import User

# "acknowledge" moves a flag from open to acknowledged; every other kind closes it.
SAFEGUARDING_ACTIONS = {
    "acknowledge": "Acknowledged",
    "referred_police": "Referred to the police",
    "referred_service": "Referred to another service",
    "signposted": "Signposted to support",
    "no_further_action": "No further action",
}
CLOSING_ACTIONS = tuple(kind for kind in SAFEGUARDING_ACTIONS if kind != "acknowledge")


class SafeguardingAction(db.Model):
    """One step an officer took on a flagged answer. A flag's status follows from its actions."""

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(sa.ForeignKey("answer.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(sa.String(20))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User | None] = relationship()

    __table_args__ = (
        sa.CheckConstraint(
            sa.text("kind IN ('acknowledge', 'referred_police', 'referred_service', 'signposted', 'no_further_action')"),
            name="kind",
        ),
    )

    @property
    def label(self):
        return SAFEGUARDING_ACTIONS[self.kind]


SAFEGUARDING_LEVELS = {"concern": "Concern", "urgent": "Urgent"}


class SafeguardingLevelChange(db.Model):
    """An officer's change of a flag's level, with the reason they gave; never edited."""

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(sa.ForeignKey("answer.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    from_level: Mapped[str] = mapped_column(sa.String(10))
    to_level: Mapped[str] = mapped_column(sa.String(10))
    reason: Mapped[str] = mapped_column(sa.Text)
    at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User | None] = relationship()

    @property
    def label(self):
        return f"Level changed from {self.from_level} to {self.to_level}"
