"""A closed consultation's "You said, we did": what residents said and what will be done, per theme."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from consult.extensions import db
from consult.models._base import utcnow
from consult.models.consultation import Consultation
from consult.models.theme import Theme


class Outcome(db.Model):
    """The partnership's reply to a consultation; residents see it once published_at is set."""

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultation.id", ondelete="CASCADE"), unique=True)
    introduction: Mapped[str] = mapped_column(sa.Text, default="")
    published_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    # The backref gives every Consultation an `outcome` (or None) for its public page.
    consultation: Mapped[Consultation] = relationship(
        backref=backref("outcome", uselist=False, cascade="all, delete-orphan", passive_deletes=True)
    )
    items: Mapped[list["OutcomeItem"]] = relationship(
        back_populates="outcome", order_by="OutcomeItem.position", cascade="all, delete-orphan"
    )

    def __repr__(self):
        return f"<Outcome of consultation {self.consultation_id}>"


class OutcomeItem(db.Model):
    """What was heard about one theme, and what the partnership will do about it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    outcome_id: Mapped[int] = mapped_column(sa.ForeignKey("outcome.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[int | None] = mapped_column(sa.ForeignKey("theme.id", ondelete="SET NULL"))
    # The theme's name when written, so a later rename or deletion does not change a published reply.
    heading: Mapped[str] = mapped_column(sa.String(120))
    position: Mapped[int]
    we_heard: Mapped[str] = mapped_column(sa.Text, default="")
    we_did: Mapped[str] = mapped_column(sa.Text, default="")

    outcome: Mapped[Outcome] = relationship(back_populates="items")
    theme: Mapped[Theme | None] = relationship()

    __table_args__ = (sa.UniqueConstraint("outcome_id", "theme_id", name="uq_outcome_item_outcome_theme"),)
