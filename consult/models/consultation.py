"""Consultations, the areas they cover, and their ordered questions and options."""
import secrets
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.extensions import db
from consult.models._base import utcnow

STATUSES = ("draft", "open", "closed", "published")
QUESTION_KINDS = ("single", "multiple", "scale", "short_text", "long_text", "area", "grid", "ranking")
KIND_CHECK = "kind IN ('single', 'multiple', 'scale', 'short_text', 'long_text', 'area', 'grid', 'ranking')"

consultation_areas = sa.Table(
    "consultation_areas",
    db.metadata,
    sa.Column("consultation_id", sa.ForeignKey("consultation.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("area_id", sa.ForeignKey("area.id", ondelete="CASCADE"), primary_key=True),
)


def new_revision():
    return secrets.token_hex(8)


class AreaRules:
    """What an area says about itself: shared by the model and the survey's cached copy."""

    @property
    def districts(self):
        return self.postcode_districts.split()


class Area(AreaRules, db.Model):
    """A community the partnership reports on: a town, locality or ward."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120), unique=True)
    # Space-separated postcode districts (outward codes) that map to this area, e.g. "CA14 CA15".
    postcode_districts: Mapped[str] = mapped_column(sa.String(255), default="")
    # Residents living there, entered by officers; None when not known. The board divides by it.
    population: Mapped[int | None] = mapped_column(default=None)

    def __repr__(self):
        return f"<Area {self.name}>"


class AreaPopulation(db.Model):
    """How many people of one age band and sex live in an area, entered by officers (census figures)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(sa.ForeignKey("area.id", ondelete="CASCADE"), index=True)
    age_band: Mapped[str] = mapped_column(sa.String(20))
    sex: Mapped[str] = mapped_column(sa.String(10))
    people: Mapped[int]

    __table_args__ = (sa.UniqueConstraint("area_id", "age_band", "sex", name="uq_area_population_cell"),)


class ConsultationRules:
    """When residents can answer: shared by the model and the survey's cached copy."""

    def accepting_responses(self, now=None):
        """True when residents can answer now: open, and within its dates."""
        now = now or utcnow()
        return (
            self.status == "open"
            and (self.opens_at is None or self.opens_at <= now)
            and (self.closes_at is None or now < self.closes_at)
        )

    def not_yet_open(self, now=None):
        now = now or utcnow()
        return self.status == "open" and self.opens_at is not None and now < self.opens_at

    def closed_on(self, now=None):
        """When it stopped taking answers, if that is known and past; else None."""
        now = now or utcnow()
        if self.closes_at is not None and self.closes_at <= now:
            return self.closes_at
        return None


class Consultation(ConsultationRules, db.Model):
    """A survey residents answer, from draft through open and closed to published outcome."""

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    purpose: Mapped[str] = mapped_column(sa.Text, default="")
    how_answers_are_used: Mapped[str] = mapped_column(sa.Text, default="")
    privacy_notice: Mapped[str] = mapped_column(sa.Text, default="")
    minutes_to_complete: Mapped[int] = mapped_column(default=5)
    status: Mapped[str] = mapped_column(sa.String(20), default="draft")
    opens_at: Mapped[datetime | None]
    closes_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # How long answers are kept after closing before the written ones are deleted (issue 6 purges).
    retention_months: Mapped[int] = mapped_column(default=24, server_default="24")
    # A new random value whenever the consultation, its questions, options or areas change
    # (consult/services/survey/snapshots.py), so a cached copy of the survey knows it is out of date.
    # Random, not a counter: a consultation deleted and made again under the same id never matches.
    revision: Mapped[str] = mapped_column(sa.String(16), default=new_revision, server_default="")

    areas: Mapped[list[Area]] = relationship(secondary=consultation_areas, order_by=Area.name)
    questions: Mapped[list["Question"]] = relationship(
        back_populates="consultation", order_by="Question.position", cascade="all, delete-orphan"
    )

    __table_args__ = (sa.CheckConstraint(sa.text("status IN ('draft', 'open', 'closed', 'published')"), name="status"),)

    def __repr__(self):
        return f"<Consultation {self.slug}>"


class QuestionRules:
    """What a question's kind implies: shared by the model and the survey's cached copy."""

    @property
    def is_text(self):
        return self.kind in ("short_text", "long_text")

    @property
    def rank_count(self):
        """How many ranks a ranking question asks for: its `ranks`, at most one per option."""
        return min(self.ranks or 3, len(self.options))

    @property
    def max_length(self):
        return 200 if self.kind == "short_text" else 5000


class Question(QuestionRules, db.Model):
    """One question of a consultation; shown only when its condition (if any) holds."""

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(sa.String(20))
    title: Mapped[str] = mapped_column(sa.String(300))
    hint: Mapped[str] = mapped_column(sa.Text, default="")
    required: Mapped[bool] = mapped_column(default=True)
    # What a resident is told when a required question is left blank; empty: a default made from the title.
    error_message: Mapped[str] = mapped_column(sa.String(300), default="", server_default="")
    # "about_you" for the optional equality questions (services/consultations/equality.py): never shown
    # per response to the board or partners, only counted with suppression. Empty for every other question.
    section: Mapped[str] = mapped_column(sa.String(20), default="", server_default="")
    # A grid's shared scale, best first ("Strongly agree", ..., "Strongly disagree"); its options
    # are the statements. An answer row holds the statement (option_id) and the point (choice, 1-based).
    scale_points: Mapped[list | None] = mapped_column(sa.JSON, default=None)
    # A ranking's number of ranks ("your top 3"); its answer rows hold the option and the rank (choice).
    ranks: Mapped[int | None] = mapped_column(default=None)
    # Skip logic: shown only when the earlier question that owns this option was answered with it.
    show_when_option_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("option.id", ondelete="SET NULL", use_alter=True)
    )

    consultation: Mapped[Consultation] = relationship(back_populates="questions")
    options: Mapped[list["Option"]] = relationship(
        back_populates="question",
        order_by="Option.position",
        cascade="all, delete-orphan",
        foreign_keys="Option.question_id",
    )
    show_when_option: Mapped["Option | None"] = relationship(foreign_keys=[show_when_option_id], post_update=True)

    __table_args__ = (
        sa.UniqueConstraint("consultation_id", "position", name="uq_question_consultation_position"),
        sa.CheckConstraint(sa.text(KIND_CHECK), name="kind"),
    )

    def __repr__(self):
        return f"<Question {self.position} {self.kind}>"


class Option(db.Model):
    """A choice of a single, multiple or scale question."""

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    label: Mapped[str] = mapped_column(sa.String(200))
    # Scale points carry a score (5 = strongly agree ... 1 = strongly disagree); "Don't know" has none.
    value: Mapped[int | None]
    # An exclusive option ("None of these", "Don't know") cannot be combined with any other.
    exclusive: Mapped[bool] = mapped_column(default=False)
    # Ticking this option raises the theme for the board, as writing about it does.
    theme_id: Mapped[int | None] = mapped_column(sa.ForeignKey("theme.id", ondelete="SET NULL"))

    question: Mapped[Question] = relationship(back_populates="options", foreign_keys=[question_id])

    def __repr__(self):
        return f"<Option {self.label}>"


class Translation(db.Model):
    """An officer's translation of one of a consultation's texts into a language residents may choose.

    `key` names the text: "consultation.title", "question.<id>.hint", "option.<id>.label",
    "question.<id>.scale.<n>" (a grid's scale point), "area.<id>.name" (as this consultation's
    residents see it). English is the original and never stored here.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(sa.String(10))
    key: Mapped[str] = mapped_column(sa.String(80))
    text: Mapped[str] = mapped_column(sa.Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (sa.UniqueConstraint("consultation_id", "language", "key", name="uq_translation_text"),)
