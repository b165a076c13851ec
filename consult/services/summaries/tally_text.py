"""Recounting the text-answer figures (SummaryPhrase): phrases, sentiment bands, emerging concerns.

Called by tally._recount for the same responses and cells as the other maintained counts.
"""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AnswerTheme, Response, SummaryPhrase
from consult.services.summaries.base import effective_tag, has_effective_theme, phrase_rows

# TextBlob polarity runs from -1 to 1; answers within this distance of 0 read as neutral.
NEUTRAL_BAND = 0.05
COLUMNS = ["consultation_id", "area_key", "channel", "day", "kind", "theme_id", "phrase", "count"]


def band():
    """The sentiment band of an answer, with inlined constants so GROUP BY matches on PostgreSQL."""
    return sa.case(
        (Answer.sentiment < sa.literal_column(f"-{NEUTRAL_BAND}"), sa.literal_column("'negative'")),
        (Answer.sentiment > sa.literal_column(f"{NEUTRAL_BAND}"), sa.literal_column("'positive'")),
        else_=sa.literal_column("'neutral'"),
    )


def emerging():
    """Text answers that no theme fits, or that the tagger could not decide on; not those in
    another language that no officer has reviewed yet (they are `awaiting_review_in_language`)."""
    return [
        Answer.text.is_not(None), sa.or_(Answer.undecided.is_(True), ~has_effective_theme()),
        sa.or_(Answer.language.is_(None), Answer.reviewed_at.is_not(None)),
    ]


def awaiting_review_in_language():
    """Text answers in a language the analysis does not read, not yet reviewed by an officer."""
    return [Answer.text.is_not(None), Answer.language.is_not(None), Answer.reviewed_at.is_(None)]


def recount_text(cell, response_where):
    phrase = phrase_rows()
    text = sa.func.substr(phrase.c.value, 1, 200)
    answers = sa.func.count(sa.distinct(Answer.id))
    tagged = (
        sa.select()
        .select_from(AnswerTheme)
        .join(Answer, Answer.id == AnswerTheme.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(effective_tag(), *response_where)
    )
    untagged = sa.select().select_from(Answer).join(Response, Response.id == Answer.response_id).where(*emerging(), *response_where)
    other_language = (
        sa.select().select_from(Answer).join(Response, Response.id == Answer.response_id)
        .where(*awaiting_review_in_language(), *response_where)
    )
    queries = [
        other_language.add_columns(*cell, sa.literal("language"), sa.literal(0), sa.literal(""), answers).group_by(*cell),
        untagged.add_columns(*cell, sa.literal("emerging"), sa.literal(0), sa.literal(""), answers).group_by(*cell),
        untagged.join(phrase, sa.true())
        .where(Answer.phrases.is_not(None))
        .add_columns(*cell, sa.literal("emerging"), sa.literal(0), text, answers)
        .group_by(*cell, text),
        tagged.join(phrase, sa.true())
        .where(Answer.phrases.is_not(None))
        .add_columns(*cell, sa.literal("theme"), AnswerTheme.theme_id, text, answers)
        .group_by(*cell, AnswerTheme.theme_id, text),
        tagged.where(Answer.sentiment.is_not(None))
        .add_columns(*cell, sa.literal("band"), AnswerTheme.theme_id, band(), answers)
        .group_by(*cell, AnswerTheme.theme_id, band()),
    ]
    for query in queries:
        db.session.execute(sa.insert(SummaryPhrase).from_select(COLUMNS, query))
