"""Long work done outside a request (re-analysis, exports, summary rebuilds), with its progress for any server to show."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from consult.extensions import db
from consult.models._base import utcnow

JOB_STATUSES = ("queued", "running", "done", "failed")


class Job(db.Model):
    """One run of background work: what it is, how far it has got, how it ended, what it made."""

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    status: Mapped[str] = mapped_column(sa.String(10), default="queued", index=True)
    # What the work needs (a consultation id, a file format): never an answer's words.
    params: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    total: Mapped[int] = mapped_column(default=0)
    done: Mapped[int] = mapped_column(default=0)
    # How many times a worker has started it: a job lost with its worker is started again, up to a limit.
    attempts: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    # Moves with every batch: a running job that stops moving was lost with its worker.
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A file the job made (an export), its name for the download, and when it is deleted.
    result_path: Mapped[str | None] = mapped_column(sa.String(300))
    result_name: Mapped[str | None] = mapped_column(sa.String(200))
    expires_at: Mapped[datetime | None]
    # A short plain-English reason when it failed; never an answer's words.
    error: Mapped[str | None] = mapped_column(sa.String(200))

    created_by = db.relationship("User")

    __table_args__ = (
        sa.CheckConstraint(sa.text("status IN ('queued', 'running', 'done', 'failed')"), name="status"),
    )

    @property
    def finished(self):
        return self.status in ("done", "failed")
