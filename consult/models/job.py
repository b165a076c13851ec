"""Long work done outside a request (re-analysing answers), with its progress for any server to show."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from consult.extensions import db
from consult.models._base import utcnow

JOB_STATUSES = ("queued", "running", "done", "failed")


class AnalysisJob(db.Model):
    """One run of background analysis work: what it is, how far it has got, how it ended."""

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20), default="retag")
    status: Mapped[str] = mapped_column(sa.String(10), default="queued", index=True)
    total: Mapped[int] = mapped_column(default=0)
    done: Mapped[int] = mapped_column(default=0)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    # Moves with every batch: a running job that stops moving was lost with its server process.
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A short plain-English reason when it failed; never an answer's words.
    problem: Mapped[str | None] = mapped_column(sa.String(200))

    __table_args__ = (
        sa.CheckConstraint(sa.text("status IN ('queued', 'running', 'done', 'failed')"), name="status"),
    )

    @property
    def finished(self):
        return self.status in ("done", "failed")
