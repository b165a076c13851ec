"""Drill-down into one theme in one area (or all): sentiment, key phrases, typical quotes;
and emerging concerns, the key phrases of text answers outside every theme."""
import re
import statistics
from dataclasses import dataclass

import sqlalchemy as sa

from consult.analysis.redact import redact
from consult.extensions import db
from consult.models import Answer, AnswerTheme, Response
from consult.services.summaries.base import effective_tag, phrase_rows
from consult.services.summaries.tables import Percent, Table
from consult.services.summaries.suppression import count, suppress_line, threshold
from consult.services.summaries.tally import summed_option_bands, summed_text
from consult.services.summaries.tally_text import NEUTRAL_BAND, awaiting_review_in_language, band, emerging
from consult.services.tagging.store import place_names

BANDS = ("negative", "neutral", "positive")
QUOTES = 3
# Quotes are picked from at most this many of the theme's latest answers in the selection.
SAMPLE = 500
# The first window of the theme's tags read for them (each later one twice the last).
WINDOW = 2000
_PROPER_NAME = re.compile(r"(?<=[\w,;:)] )[A-Z][\w'’-]*")
PHRASES = 10


@dataclass
class Drilldown:
    theme: object
    area_name: str
    answers: object  # Count of tagged text answers
    sentiment: Table
    phrases: Table
    quotes: list


def _theme_answers(theme, *columns):
    """SELECT `columns` FROM the theme's effective tags joined to their answers and responses.

    The database starts from the theme's rows along its (theme, answer) index and reaches each
    answer by its key: an `Answer.id IN (tagged answers)` condition was planned by PostgreSQL
    as two scans of every answer (0.5 s for the key phrases under a filter at a million answers).
    """
    return (
        sa.select(*columns)
        .select_from(AnswerTheme)
        .join(Answer, Answer.id == AnswerTheme.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(AnswerTheme.theme_id == theme.id, effective_tag())
    )


def sentiment_bands(theme, filters):
    """{band: answers} of the text answers effectively carrying the theme in the filtered responses."""
    if filters.countable:
        return dict(summed_text(filters, "band", theme.id))
    if filters.counted("negative"):
        return dict(summed_option_bands(filters, theme.id))
    banded = _theme_answers(theme, band().label("band")).where(Answer.sentiment.is_not(None), *filters.conditions()).subquery()
    return dict(db.session.execute(sa.select(banded.c.band, sa.func.count()).group_by(banded.c.band)).all())


def drilldown(theme, filters, area_name="All areas"):
    bands = sentiment_bands(theme, filters)
    values = [bands.get(name, 0) for name in BANDS]
    answers = count(sum(values))
    cells = suppress_line(values)
    sentiment = Table(
        "sentiment",
        "Sentiment of answers",
        [("label", "Sentiment"), ("count", "Answers"), ("percent", "Share of answers")],
        [{"label": name.capitalize(), "count": c, "percent": Percent(c.share_of(answers))} for name, c in zip(BANDS, cells)],
        f"Neutral means a sentiment score between -{NEUTRAL_BAND} and {NEUTRAL_BAND} on a scale of -1 to 1.",
    )
    if filters.countable:
        found = summed_text(filters, "theme", theme.id, limit=PHRASES, at_least=threshold())
    else:
        found = _live_phrases(_theme_answers(theme), filters.conditions())
    phrases = _phrase_table("phrases", "Key phrases", found)
    quotes = typical_quotes(theme, filters) if not answers.suppressed else []
    return Drilldown(theme, area_name, answers, sentiment, phrases, quotes)


def _live_phrases(answers, where, limit=PHRASES):
    """[(phrase, answers)] counted from the answers themselves, for filters the maintained
    counts cannot apply (an answered option). `answers` is a SELECT whose FROM holds Answer
    and Response (its columns are replaced)."""
    phrase = phrase_rows()
    value = phrase.c.value
    return db.session.execute(
        answers.with_only_columns(value, sa.func.count(sa.distinct(Answer.id)).label("n"), maintain_column_froms=False)
        .join(phrase, sa.true())
        .where(Answer.phrases.is_not(None), *where)
        .group_by(value)
        .having(sa.func.count(sa.distinct(Answer.id)) >= threshold())
        .order_by(sa.desc("n"), value)
        .limit(limit)
    ).all()


def _phrase_table(key, title, found):
    """Only phrases used in at least `threshold` answers are listed: a rare phrase can point
    to one person. A phrase kept from an answer redacted by older code is left out when
    today's redaction would change it (a name it let through)."""
    places = place_names()
    return Table(
        key,
        title,
        [("phrase", "Phrase"), ("count", "Answers")],
        [{"phrase": text, "count": count(n)} for text, n in found if redact(text, places) == text],
        f"Only phrases used in at least {threshold()} answers are listed.",
    )


def typical_quotes(theme, filters, limit=QUOTES):
    """Redacted answers closest to the median sentiment of the selection: typical, not extreme.

    Answers with any safeguarding flag, and answers without redacted text, are never quoted.
    Quotes that say the same thing (the same `quote_key`: another place, number, case or
    punctuation) are quoted once; the next most typical answer takes the other's place.

    The median and the nearest answers are found among the theme's latest SAMPLE candidates in
    the selection (all of them when there are fewer): read newest first along the theme's
    (theme, answer) index (`_latest_candidates`), so a page never scans every tagged answer
    however many there are.

    The stored redacted text is redacted again with today's code as it is read: answers stored
    before redaction improved would otherwise be quoted with what it then missed.
    """
    sample = _latest_candidates(theme, filters)
    if not sample:
        return []
    median = statistics.median(sentiment for sentiment, _text in sample)
    nearest = {}
    for sentiment, text in sample:
        distance = abs(sentiment - median)
        if distance < nearest.get(text, distance + 1):
            nearest[text] = distance
    places = place_names()
    quotes, seen = [], set()
    for stored in sorted(nearest, key=lambda text: (nearest[text], text)):
        text = redact(stored, places)
        key = quote_key(text, places)
        if key not in seen:
            seen.add(key)
            quotes.append(text)
            if len(quotes) == limit:
                break
    return quotes


def _latest_candidates(theme, filters):
    """[(sentiment, redacted text)] of the theme's latest SAMPLE quotable answers in the
    selection, newest first.

    The theme's tags are read in windows of its (theme, answer) index, newest first, each window
    twice the last (WINDOW ids, then twice that, ...), until SAMPLE are found or the tags run
    out. A query bounded to a window of ids is planned along that index by SQLite and
    PostgreSQL alike; one query over all the theme's tags under a selective filter (an answered
    option) was planned by PostgreSQL as a scan of every answer (2.3 s at a million answers).
    """
    quotable = (
        _theme_answers(theme, Answer.sentiment, Answer.redacted_text)
        .where(
            Answer.sentiment.is_not(None),
            Answer.redacted_text.is_not(None),
            Answer.redacted_text != "",
            Answer.safeguarding_level == "none",
            *filters.conditions(),
        )
        .order_by(AnswerTheme.answer_id.desc())
    )
    found, below, window = [], None, WINDOW
    while len(found) < SAMPLE:
        newer = [] if below is None else [AnswerTheme.answer_id < below]
        # The oldest answer id of this window: None when fewer than `window` tags are left.
        oldest = db.session.scalar(
            sa.select(AnswerTheme.answer_id)
            .where(AnswerTheme.theme_id == theme.id, *newer)
            .order_by(AnswerTheme.answer_id.desc())
            .offset(window - 1)
            .limit(1)
        )
        bounds = newer if oldest is None else [*newer, AnswerTheme.answer_id >= oldest]
        found += db.session.execute(quotable.where(*bounds).limit(SAMPLE - len(found))).all()
        if oldest is None:
            break
        below, window = oldest, window * 2
    return found


def quote_key(text, places=()):
    """What two quotes share when they say the same thing: the text without place and other
    proper names, numbers, case and punctuation ("Speeding on Main Street in Maryport!" and
    "speeding on Station Road in Workington" have one key)."""
    for place in sorted(places, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(place)}\b", " # ", text, flags=re.IGNORECASE)
    # A capitalised word after the first of a sentence is a name: a street, a town, a shop.
    text = _PROPER_NAME.sub(" # ", text)
    text = re.sub(r"[0-9]+", " # ", text.lower())
    text = re.sub(r"[^\w#]+", " ", text)
    return re.sub(r"(#\s*)+", "# ", text).strip()


def emerging_concerns(filters, limit=15):
    """Key phrases of text answers with no effective theme or marked undecided by the tagger."""
    if filters.countable:
        answers = count(sum(n for _blank, n in summed_text(filters, "emerging", blank=True)))
        found = summed_text(filters, "emerging", limit=limit, at_least=threshold())
    else:
        where = [*emerging(), *filters.conditions()]
        answers = count(
            db.session.scalar(
                sa.select(sa.func.count()).select_from(Answer).join(Response, Response.id == Answer.response_id).where(*where)
            )
        )
        every_answer = sa.select(Answer.id).select_from(Answer).join(Response, Response.id == Answer.response_id)
        found = _live_phrases(every_answer, where, limit)
    return answers, _phrase_table("emerging-concerns", "Emerging concerns: phrases outside the themes", found)


def awaiting_review_in_other_languages(filters):
    """How many written answers in another language wait for an officer (suppressed like every count):
    counted apart from "no theme", since the analysis could not read them."""
    if filters.countable:
        return count(sum(n for _blank, n in summed_text(filters, "language", blank=True)))
    where = [*awaiting_review_in_language(), *filters.conditions()]
    return count(
        db.session.scalar(sa.select(sa.func.count()).select_from(Answer).join(Response, Response.id == Answer.response_id).where(*where))
    )
