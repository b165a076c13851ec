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
    """Text answers that no theme fits, or that the tagger could not decide on."""
    return [Answer.text.is_not(None), sa.or_(Answer.undecided.is_(True), ~has_effective_theme())]


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
    queries = [
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


def summed_text(filters, kind, theme_id=0, limit=None, at_least=None, blank=False):
    """[(phrase, total)] of SummaryPhrase rows of `kind` (and theme) matching the filters,
    largest first; `at_least` drops rarer phrases in SQL. The blank phrase (the count of
    answers) is left out, or with `blank` is the only one returned."""
    from consult.services.summaries.tally import refresh

    refresh()
    where = [
        SummaryPhrase.kind == kind,
        SummaryPhrase.theme_id == theme_id,
        SummaryPhrase.phrase == "" if blank else SummaryPhrase.phrase != "",
    ]
    where += filters.count_conditions(SummaryPhrase)
    total = sa.func.sum(SummaryPhrase.count)
    query = sa.select(SummaryPhrase.phrase, total).where(*where).group_by(SummaryPhrase.phrase)
    if at_least is not None:
        query = query.having(total >= at_least)
    query = query.order_by(total.desc(), SummaryPhrase.phrase)
    if limit is not None:
        query = query.limit(limit)
    return [(phrase, int(n)) for phrase, n in db.session.execute(query).all()]
