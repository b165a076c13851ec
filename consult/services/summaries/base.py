"""SQL building blocks shared by the summaries: effective themes, months, key phrases, names."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AnswerTheme, Area, Option, Response, Theme

NO_AREA = "Area not given"
# Where a respondent raised a theme: "all" is either; each is a kind of maintained count.
SOURCES = ("all", "written", "ticked")
SOURCE_KINDS = {"all": "theme", "written": "written", "ticked": "ticked"}
SOURCE_NAMES = {"all": "Written or ticked", "written": "Written answers only", "ticked": "Ticked options only"}


def effective_tag():
    """An AnswerTheme row counts when it is the officer's on a reviewed answer, else the tagger's."""
    return sa.or_(
        sa.and_(Answer.reviewed_at.is_(None), AnswerTheme.source == "auto"),
        sa.and_(Answer.reviewed_at.is_not(None), AnswerTheme.source == "officer"),
    )


def has_effective_theme():
    """EXISTS an effective theme on the answer (for "no theme" in emerging concerns)."""
    return (
        sa.select(AnswerTheme.id)
        .where(AnswerTheme.answer_id == Answer.id, effective_tag())
        .exists()
    )


def raised_themes(columns, response_where, source="all"):
    """A subquery of (the labelled `columns` of Response, response_id, theme_id): one row per
    respondent and theme they raised, by an effective tag on a text answer ("written"), by
    ticking an option linked to the theme ("ticked"), or either ("all", deduplicated by UNION).

    Each branch is filtered by `response_where` itself, so only the selected responses are read.
    """
    written = (
        sa.select(*columns, Answer.response_id.label("response_id"), AnswerTheme.theme_id.label("theme_id"))
        .select_from(AnswerTheme)
        .join(Answer, Answer.id == AnswerTheme.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(effective_tag(), *response_where)
    )
    # Joined on the question too, so the (question, option) index on answers finds the ticks.
    ticked = (
        sa.select(*columns, Answer.response_id.label("response_id"), Option.theme_id.label("theme_id"))
        .select_from(Option)
        .join(Answer, sa.and_(Answer.question_id == Option.question_id, Answer.option_id == Option.id))
        .join(Response, Response.id == Answer.response_id)
        .where(Option.theme_id.is_not(None), *response_where)
    )
    if source == "written":
        return written.subquery("raised")
    if source == "ticked":
        return ticked.subquery("raised")
    return sa.union(written, ticked).subquery("raised")


def dialect():
    return db.session.get_bind().dialect.name


def month_of(column):
    """'YYYY-MM' of a timestamp, in the database."""
    # Formats are inlined, not bound: PostgreSQL matches GROUP BY to the select list by text,
    # and two bound parameters never compare equal.
    if dialect() == "postgresql":
        return sa.func.to_char(column, sa.literal_column("'YYYY-MM'"))
    return sa.func.strftime(sa.literal_column("'%Y-%m'"), column)


def phrase_rows():
    """A table-valued expression with one row (column `value`) per key phrase of an Answer.

    Phrases are kept as a JSON list on the answer; they are unnested in the database
    (json_each on SQLite, json_array_elements_text on PostgreSQL) so counting stays in SQL.
    Join it with `.join(phrase_rows(), sa.true())` after Answer is in the FROM clause.
    """
    if dialect() == "postgresql":
        return sa.func.json_array_elements_text(Answer.phrases).table_valued("value").lateral("phrase")
    return sa.func.json_each(Answer.phrases).table_valued("value").alias("phrase")


def area_names():
    return dict(db.session.execute(sa.select(Area.id, Area.name)).all())


def area_name(area_id, names=None):
    if area_id is None:
        return NO_AREA
    names = names if names is not None else area_names()
    return names.get(area_id, NO_AREA)


def themes_for(theme_ids=()):
    """Active themes plus any inactive ones that have counts, in the taxonomy's order."""
    theme_ids = set(theme_ids)
    themes = db.session.scalars(sa.select(Theme).order_by(Theme.position, Theme.id)).all()
    return [theme for theme in themes if theme.active or theme.id in theme_ids]
