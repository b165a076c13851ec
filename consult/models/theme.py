"""The partnership's theme taxonomy, and the themes each text answer is tagged with."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.extensions import db
from consult.models._base import utcnow

TAG_SOURCES = ("auto", "officer")


class Theme(db.Model):
    """One theme (e.g. antisocial behaviour) with the terms the tagger looks for."""

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(60), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    terms: Mapped[list] = mapped_column(sa.JSON, default=list)
    active: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Set once an admin edits the theme (or adds it): until then it follows the built-in defaults,
    # so an upgrade's better terms reach partnerships that never changed them.
    customised_at: Mapped[datetime | None]

    def record(self):
        """The theme as the analysis library's Taxonomy.from_records() takes it."""
        return {
            "slug": self.slug,
            "name": self.name,
            "description": self.description,
            "terms": list(self.terms or []),
            "active": self.active,
        }

    def __repr__(self):
        return f"<Theme {self.slug}>"


class AnswerTheme(db.Model):
    """A theme on a text answer. Once an officer has reviewed the answer, their rows win."""

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(sa.ForeignKey("answer.id", ondelete="CASCADE"))
    theme_id: Mapped[int] = mapped_column(sa.ForeignKey("theme.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(sa.String(10), default="auto")
    confidence: Mapped[float] = mapped_column(default=1.0)
    # The words of the answer that led to the tag, for officers and the board to see why.
    evidence: Mapped[list] = mapped_column(sa.JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    theme: Mapped[Theme] = relationship()

    __table_args__ = (
        sa.UniqueConstraint("answer_id", "theme_id", "source", name="uq_answer_theme_answer_theme_source"),
        # A theme's answers newest first (typical quotes read a bounded sample of them).
        sa.Index("ix_answer_theme_theme_answer", "theme_id", "answer_id"),
        sa.CheckConstraint(sa.text("source IN ('auto', 'officer')"), name="source"),
    )
