"""Maintained counts behind the board's summaries, and the cells waiting to be recounted.

A cell is one consultation, area, channel and day. SummaryCount holds, per cell, the number
of respondents, of answers per option, of respondents per closed question and of respondents
per theme (written, ticked and either), so the board sums a few thousand rows instead of millions of answers.
Any change to a response, answer or tag marks its cell stale (SummaryStale); the summaries
service recounts stale cells from the answers before it reads.
"""
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from consult.extensions import db

# "theme" counts respondents raising a theme either way; "written" only by an effective tag on
# a text answer, "ticked" only by a chosen option linked to the theme.
# "choice" counts answers per grid statement and scale point, or per ranked option and rank:
# item_id is the option, `choice` the point or rank (0 for every other kind).
COUNT_KINDS = ("respondents", "option", "question", "theme", "written", "ticked", "choice")
KIND_CHECK = "kind IN ('respondents', 'option', 'question', 'theme', 'written', 'ticked', 'choice')"
NO_AREA_KEY = 0  # responses with no area: 0 keeps the cell key NOT NULL, hence unique


class SummaryCount(db.Model):
    """One count for one cell: kind says what is counted, item_id which option/question/theme."""

    __tablename__ = "summary_count"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultation.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(sa.String(12))
    area_key: Mapped[int]
    channel: Mapped[str] = mapped_column(sa.String(10))
    day: Mapped[date]
    item_id: Mapped[int]
    choice: Mapped[int] = mapped_column(default=0, server_default="0")
    count: Mapped[int]

    __table_args__ = (
        # Reads filter by consultation and kind and group by area: the unique index serves them.
        sa.UniqueConstraint(
            "consultation_id", "kind", "area_key", "channel", "day", "item_id", "choice", name="uq_summary_count_cell"
        ),
        # Covers the sums by option, question and theme: read in item order, no table lookups.
        sa.Index("ix_summary_count_item", "consultation_id", "kind", "item_id", "area_key", "count"),
        sa.CheckConstraint(sa.text(KIND_CHECK), name="kind"),
    )


# What SummaryOptionCount counts: respondents, respondents per theme by each source, answers per
# option and respondents per closed question (as in SummaryCount), and text answers per theme
# (item_id) in each sentiment band.
OPTION_BANDS = ("negative", "neutral", "positive")
OPTION_COUNT_KINDS = ("respondents", "theme", "written", "ticked", "option", "question", *OPTION_BANDS)


class SummaryOptionCount(db.Model):
    """Per cell and chosen option, the respondents who answered it and those of them raising each
    theme, so the board's "answered an option" filter sums counts too (kinds: OPTION_COUNT_KINDS)."""

    __tablename__ = "summary_option_count"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultation.id", ondelete="CASCADE"))
    option_id: Mapped[int]
    kind: Mapped[str] = mapped_column(sa.String(12))
    area_key: Mapped[int]
    channel: Mapped[str] = mapped_column(sa.String(10))
    day: Mapped[date]
    item_id: Mapped[int]
    count: Mapped[int]

    __table_args__ = (
        # Reads filter by consultation, option and kind and group by area, day or theme.
        sa.UniqueConstraint(
            "consultation_id", "option_id", "kind", "area_key", "channel", "day", "item_id", name="uq_summary_option_count_cell"
        ),
    )


class SummaryStale(db.Model):
    """A cell whose counts must be recounted. consultation_id 0 means every consultation."""

    __tablename__ = "summary_stale"

    consultation_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    area_key: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    channel: Mapped[str] = mapped_column(sa.String(10), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)


class SummaryPhrase(db.Model):
    """Per cell, text-answer figures for the drill-down and emerging concerns.

    kind "emerging": answers with no effective theme or undecided (phrase "" counts the answers,
    any other phrase the answers using it); kind "theme": answers carrying theme_id that use
    the phrase; kind "band": answers carrying theme_id whose sentiment falls in the band named
    by `phrase` (negative, neutral, positive); kind "language": answers in another language
    awaiting an officer's review (phrase "" only), counted apart from "no theme".
    """

    __tablename__ = "summary_phrase"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultation.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(sa.String(10))
    theme_id: Mapped[int]
    area_key: Mapped[int]
    channel: Mapped[str] = mapped_column(sa.String(10))
    day: Mapped[date]
    phrase: Mapped[str] = mapped_column(sa.String(200))
    count: Mapped[int]

    __table_args__ = (
        sa.UniqueConstraint(
            "consultation_id", "kind", "theme_id", "area_key", "channel", "day", "phrase", name="uq_summary_phrase_cell"
        ),
        sa.CheckConstraint(sa.text("kind IN ('emerging', 'theme', 'band', 'language')"), name="kind"),
    )
