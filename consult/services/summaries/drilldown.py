"""Drill-down into one theme in one area (or all): sentiment, key phrases, typical quotes;
and emerging concerns, the key phrases of text answers outside every theme."""
from dataclasses import dataclass

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AnswerTheme, Response
from consult.services.summaries.base import effective_tag, has_effective_theme, phrase_rows
from consult.services.summaries.tables import Percent, Table
from consult.services.suppression import count, suppress_line, threshold

# TextBlob polarity runs from -1 to 1; answers within this distance of 0 read as neutral.
NEUTRAL_BAND = 0.05
BANDS = ("negative", "neutral", "positive")
QUOTES = 3
PHRASES = 10


@dataclass
class Drilldown:
    theme: object
    area_name: str
    answers: object  # Count of tagged text answers
    sentiment: Table
    phrases: Table
    quotes: list


def _band():
    return sa.case(
        (Answer.sentiment < -NEUTRAL_BAND, "negative"),
        (Answer.sentiment > NEUTRAL_BAND, "positive"),
        else_="neutral",
    )


def _tagged(theme, filters):
    """Conditions selecting text answers that effectively carry the theme, in filtered responses."""
    return [
        Answer.id.in_(sa.select(AnswerTheme.answer_id).where(AnswerTheme.theme_id == theme.id, AnswerTheme.answer_id == Answer.id, effective_tag())),
        *filters.conditions(),
    ]


def drilldown(theme, filters, area_name="All areas"):
    where = _tagged(theme, filters)
    # Banded in a subquery: PostgreSQL would not match a GROUP BY CASE with bound thresholds.
    banded = (
        sa.select(_band().label("band"))
        .select_from(Answer)
        .join(Response, Response.id == Answer.response_id)
        .where(Answer.sentiment.is_not(None), *where)
        .subquery()
    )
    bands = dict(db.session.execute(sa.select(banded.c.band, sa.func.count()).group_by(banded.c.band)).all())
    values = [bands.get(band, 0) for band in BANDS]
    answers = count(sum(values))
    cells = suppress_line(values)
    sentiment = Table(
        "sentiment",
        "Sentiment of answers",
        [("label", "Sentiment"), ("count", "Answers"), ("percent", "Share of answers")],
        [{"label": band.capitalize(), "count": c, "percent": Percent(c.share_of(answers))} for band, c in zip(BANDS, cells)],
        f"Neutral means a sentiment score between -{NEUTRAL_BAND} and {NEUTRAL_BAND} on a scale of -1 to 1.",
    )
    phrases = _phrase_table("phrases", "Key phrases", where)
    quotes = typical_quotes(where) if not answers.suppressed else []
    return Drilldown(theme, area_name, answers, sentiment, phrases, quotes)


def _phrase_table(key, title, where, limit=PHRASES):
    """The most frequent key phrases of the selected answers. Only phrases used in at least
    `threshold` answers are listed: a rare phrase can point to one person."""
    phrase = phrase_rows()
    value = phrase.c.value
    found = db.session.execute(
        sa.select(value, sa.func.count(sa.distinct(Answer.id)).label("n"))
        .select_from(Answer)
        .join(Response, Response.id == Answer.response_id)
        .join(phrase, sa.true())
        .where(Answer.phrases.is_not(None), *where)
        .group_by(value)
        .having(sa.func.count(sa.distinct(Answer.id)) >= threshold())
        .order_by(sa.desc("n"), value)
        .limit(limit)
    ).all()
    return Table(
        key,
        title,
        [("phrase", "Phrase"), ("count", "Answers")],
        [{"phrase": text, "count": count(n)} for text, n in found],
        f"Only phrases used in at least {threshold()} answers are listed.",
    )


def typical_quotes(where, limit=QUOTES):
    """Redacted answers closest to the median sentiment of the selection: typical, not extreme.

    Answers with any safeguarding flag, and answers without redacted text, are never quoted.
    Identical texts are quoted once.
    """
    eligible = [
        Answer.sentiment.is_not(None),
        Answer.redacted_text.is_not(None),
        Answer.redacted_text != "",
        Answer.safeguarding_level == "none",
        *where,
    ]
    base = sa.select(Answer.sentiment).join(Response, Response.id == Answer.response_id).where(*eligible)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(base.subquery()))
    if not total:
        return []
    middle = db.session.scalars(base.order_by(Answer.sentiment).offset((total - 1) // 2).limit(2 - total % 2)).all()
    median = sum(middle) / len(middle)
    distance = sa.func.min(sa.func.abs(Answer.sentiment - median))
    return db.session.scalars(
        sa.select(Answer.redacted_text)
        .join(Response, Response.id == Answer.response_id)
        .where(*eligible)
        .group_by(Answer.redacted_text)
        .order_by(distance, Answer.redacted_text)
        .limit(limit)
    ).all()


def emerging_concerns(filters, limit=15):
    """Key phrases of text answers with no effective theme or marked undecided by the tagger."""
    where = [
        Answer.text.is_not(None),
        sa.or_(Answer.undecided.is_(True), ~has_effective_theme()),
        *filters.conditions(),
    ]
    answers = count(
        db.session.scalar(
            sa.select(sa.func.count()).select_from(Answer).join(Response, Response.id == Answer.response_id).where(*where)
        )
    )
    table = _phrase_table("emerging-concerns", "Emerging concerns: phrases outside the themes", where, limit)
    return answers, table
