"""Residents' submitted responses and answers, and the drafts that hold work in progress."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.extensions import db
from consult.models._base import utcnow
from consult.models.consultation import Area, Consultation, Option, Question
from consult.models.theme import AnswerTheme

CHANNELS = ("web", "paper", "import")

# Written out (not a bound parameter) so the database matches it to the partial index below.
FLAGGED_ONLY = "safeguarding_level != 'none'"


class Response(db.Model):
    """One submitted set of answers. Holds no personal data beyond what a question asks."""

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultation.id", ondelete="CASCADE"))
    area_id: Mapped[int | None] = mapped_column(sa.ForeignKey("area.id", ondelete="SET NULL"))
    # The outward code only (e.g. "CA28"): a full postcode is never stored.
    postcode_district: Mapped[str | None] = mapped_column(sa.String(4))
    channel: Mapped[str] = mapped_column(sa.String(10), default="web")
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Random and unique per draft: a replayed or double-clicked submit cannot store twice.
    submission_key: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    # Shown once to the resident so they can ask for this response to be erased; random, linked to nothing.
    receipt_code: Mapped[str | None] = mapped_column(sa.String(16), unique=True)
    # Why a submission looks automated (honeypot filled, finished too fast): kept apart for review.
    suspect_reason: Mapped[str | None] = mapped_column(sa.String(120))
    # Set when the retention period has passed and free text was removed; aggregates remain.
    anonymised_at: Mapped[datetime | None]

    consultation: Mapped[Consultation] = relationship()
    area: Mapped[Area | None] = relationship()
    answers: Mapped[list["Answer"]] = relationship(back_populates="response", cascade="all, delete-orphan")

    __table_args__ = (
        sa.Index("ix_response_consultation_area", "consultation_id", "area_id"),
        sa.Index("ix_response_consultation_submitted", "consultation_id", "submitted_at"),
        sa.CheckConstraint(sa.text("channel IN ('web', 'paper', 'import')"), name="channel"),
    )


class Answer(db.Model):
    """One answer: a chosen option (one row per option ticked) or a piece of text."""

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(sa.ForeignKey("response.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id", ondelete="CASCADE"))
    option_id: Mapped[int | None] = mapped_column(sa.ForeignKey("option.id", ondelete="CASCADE"))
    text: Mapped[str | None] = mapped_column(sa.Text)
    # A grid's scale point (1 = first) for the statement in option_id; a ranking's rank (1 = first).
    choice: Mapped[int | None] = mapped_column(default=None)

    # What the analysis library found in a text answer. The board only ever sees redacted_text;
    # the original stays in `text` for authorised officers.
    redacted_text: Mapped[str | None] = mapped_column(sa.Text)
    sentiment: Mapped[float | None]
    subjectivity: Mapped[float | None]
    phrases: Mapped[list | None] = mapped_column(sa.JSON)
    undecided: Mapped[bool] = mapped_column(default=False)
    safeguarding_level: Mapped[str] = mapped_column(sa.String(10), default="none")
    safeguarding_reasons: Mapped[list | None] = mapped_column(sa.JSON)
    analysed_at: Mapped[datetime | None]
    # The analysis model that tagged the answer, so a retag after training knows what is stale.
    model_version: Mapped[str | None] = mapped_column(sa.String(40))
    # Set when an officer has reviewed the answer's themes: from then on their tags are the truth.
    reviewed_at: Mapped[datetime | None]
    # The language a text answer was judged to be written in, when not English ("pl", or "other"):
    # such answers are not theme-tagged but wait in officers' review queue (analysis/language.py).
    language: Mapped[str | None] = mapped_column(sa.String(10), default=None)

    response: Mapped[Response] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()
    option: Mapped[Option | None] = relationship()
    themes: Mapped[list["AnswerTheme"]] = relationship(cascade="all, delete-orphan", order_by="AnswerTheme.id")

    __table_args__ = (
        sa.Index("ix_answer_question_option", "question_id", "option_id"),
        # The respondents who chose an option (the board's "answered an option" filter).
        sa.Index("ix_answer_option_response", "option_id", "response_id"),
        # Only the few flagged answers: the executive summary counts them without reading the rest.
        sa.Index(
            "ix_answer_flagged_response",
            "response_id",
            sqlite_where=sa.text(FLAGGED_ONLY),
            postgresql_where=sa.text(FLAGGED_ONLY),
        ),
        sa.Index("ix_answer_safeguarding_level", "safeguarding_level"),
        sa.CheckConstraint(sa.text("safeguarding_level IN ('none', 'concern', 'urgent')"), name="safeguarding_level"),
    )


class Draft(db.Model):
    """A resident's unfinished answers, found by the hash of a random token in their session."""

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultation.id", ondelete="CASCADE"))
    answers: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)
    response_id: Mapped[int | None] = mapped_column(sa.ForeignKey("response.id", ondelete="SET NULL"))
    # "Save and come back later": the SHA-256 of the resume code, and until when the draft is kept.
    resume_code_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    saved_until: Mapped[datetime | None] = mapped_column()

    consultation: Mapped[Consultation] = relationship()
    response: Mapped[Response | None] = relationship()
