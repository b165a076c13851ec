"""Analysing text answers: the taxonomy from the database, tags and flags stored with each answer."""

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError

from consult.analysis import Taxonomy, analyse_many, current_model, load_default_taxonomy
from consult.extensions import db
from consult.models import Answer, AnswerTheme, Area, Response, SafeguardingLevelChange, Theme, utcnow
from consult.services.mail.alerts import queue_urgent_alert
from consult.services.tagging.learning import load_model



def ensure_default_themes():
    """The stored themes, brought in line with the package's defaults; returns the themes.

    An empty table is filled from the defaults; a default theme no admin has customised takes
    the defaults' current name, description and terms (so an upgrade's better terms arrive);
    a new default theme is added. The writes go on a connection of their own and commit at
    once, so the caller's pending work is untouched and two servers racing cannot both win.
    """
    query = sa.select(Theme).order_by(Theme.position, Theme.id)
    themes = db.session.scalars(query).all()
    by_slug = {theme.slug: theme for theme in themes}
    now = utcnow()
    inserts, updates = [], []
    for position, record in enumerate(load_default_taxonomy().records(), start=1):
        stored = by_slug.get(record["slug"])
        if stored is None:
            inserts.append({**record, "position": len(themes) + position, "updated_at": now})
        elif stored.customised_at is None and _differs(stored, record):
            updates.append(
                {"theme_id": stored.id, "name": record["name"], "description": record["description"], "terms": record["terms"]}
            )
    if not inserts and not updates:
        return themes
    try:
        with db.engine.begin() as connection:
            if inserts:
                connection.execute(sa.insert(Theme), inserts)
            for update in updates:
                connection.execute(
                    sa.update(Theme)
                    .where(Theme.id == update.pop("theme_id"), Theme.customised_at.is_(None))
                    .values(**update, updated_at=now)
                )
    except IntegrityError:
        pass  # another request stored them a moment ago
    for theme in themes:
        db.session.expire(theme)  # read back what the other connection wrote
    return db.session.scalars(query).all()


def _differs(theme, record):
    return (theme.name, theme.description or "", list(theme.terms or [])) != (
        record["name"], record["description"], list(record["terms"])
    )


_themes = Theme.__table__
# Changes whenever a theme is added, removed or edited (updated_at moves on every write).
_THEMES_FINGERPRINT = sa.select(
    sa.func.count(), sa.func.max(_themes.c.updated_at), sa.func.coalesce(sa.func.sum(_themes.c.id), 0)
)


def current_taxonomy():
    """The partnership's taxonomy as stored, and its theme ids by slug.

    Each app keeps the compiled Taxonomy while the stored themes are unchanged (one small query
    tells), so a submission neither reads every theme nor rebuilds the tagger's lookups. The
    first call in each process also brings the defaults up to date (ensure_default_themes).
    """
    cache = current_app.extensions.setdefault("consult.taxonomy", {})
    fingerprint = tuple(db.session.execute(_THEMES_FINGERPRINT).one())
    if cache.get("fingerprint") != fingerprint:
        themes = ensure_default_themes()
        taxonomy = Taxonomy.from_records([theme.record() for theme in themes])
        ids = {theme.slug: theme.id for theme in themes}
        fingerprint = tuple(db.session.execute(_THEMES_FINGERPRINT).one())
        cache.update(fingerprint=fingerprint, value=(taxonomy, ids))
    return cache["value"]


def place_names():
    return tuple(db.session.scalars(sa.select(Area.name)))


def analysis_columns(analysis):
    """An Analysis as the columns of its answer's row (analysed_at aside)."""
    return {
        "redacted_text": analysis.redacted,
        "sentiment": analysis.sentiment,
        "subjectivity": analysis.subjectivity,
        "phrases": list(analysis.phrases),
        "undecided": analysis.undecided,
        "safeguarding_level": analysis.safeguarding.level,
        "safeguarding_reasons": list(analysis.safeguarding.reasons),
        "model_version": current_model().version,
        # None for English; "pl" or "other": untagged, waiting for an officer to read it.
        "language": None if analysis.language == "en" else analysis.language,
    }


def apply_analysis(answer, analysis, theme_ids, now=None):
    """Store an Analysis on a text answer, replacing earlier automatic tags; officer tags stay."""
    for name, value in analysis_columns(analysis).items():
        setattr(answer, name, value)
    answer.analysed_at = now or utcnow()
    # Update automatic tags in place: deleting then re-adding one for the same theme would insert
    # before the delete is flushed and break the one-tag-per-theme-and-source rule.
    previous = {tag.theme.slug: tag for tag in answer.themes if tag.source == "auto"}
    kept = [tag for tag in answer.themes if tag.source != "auto"]
    for match in analysis.themes:
        theme_id = theme_ids.get(match.slug)
        if theme_id is None:
            continue
        tag = previous.get(match.slug) or AnswerTheme(theme_id=theme_id, source="auto")
        tag.confidence = match.confidence
        tag.evidence = list(match.evidence)
        kept.append(tag)
    answer.themes = kept


class Analyser:
    """Analyses new answers' texts with the stored taxonomy and the partnership's place names.

    Calling it with a text gives (columns, tags): the answer row's analysis columns and
    (theme id, confidence, evidence) for each automatic tag. Each distinct text is analysed
    once, since synthetic demo answers repeat.
    """

    def __init__(self, hint=None):
        load_model(current_app)
        self.hint = hint  # the language the resident chose for the pages, if any
        self.taxonomy, self.theme_ids = current_taxonomy()
        self.places = place_names()
        self._results = {}

    def __call__(self, text):
        if text not in self._results:
            self.prepare([text])
        return self._results[text]

    def prepare(self, texts):
        """Analyse the texts not seen yet in one batch: the model scores many at once far faster."""
        new = list(dict.fromkeys(text for text in texts if text not in self._results))
        if not new:
            return
        for text, analysis in zip(new, analyse_many(new, self.taxonomy, self.places, hint=self.hint)):
            tags = [
                (self.theme_ids[match.slug], match.confidence, list(match.evidence))
                for match in analysis.themes
                if match.slug in self.theme_ids
            ]
            self._results[text] = (analysis_columns(analysis), tags)


def insert_text_answers(rows, analyser, now=None):
    """Insert the text answers of responses written in this transaction (row dicts with
    response_id, question_id and text), analysed, with their automatic tags; the caller commits.

    Three statements whatever the number of rows, straight to the connection: the maintained
    counts (summaries/tally.py) already marked each new response's cells, where these answers
    count. Returns the rows, now holding their analysis columns.
    """
    if not rows:
        return rows
    now = now or utcnow()
    analyser.prepare([row["text"] for row in rows])
    for row in rows:
        row.update(analyser(row["text"])[0], analysed_at=now)
    connection = db.session.connection()
    answers = Answer.__table__
    ids = connection.execute(answers.insert().returning(answers.c.id, sort_by_parameter_order=True), rows).scalars().all()
    tags = [
        {"answer_id": answer_id, "theme_id": theme_id, "source": "auto", "confidence": confidence,
         "evidence": evidence, "created_at": now}
        for answer_id, row in zip(ids, rows)
        for theme_id, confidence, evidence in analyser(row["text"])[1]
    ]
    if tags:
        connection.execute(AnswerTheme.__table__.insert(), tags)
    return rows


def _stale(version):
    """Answers some other model (or none) analysed."""
    return sa.or_(Answer.model_version.is_(None), Answer.model_version != version)


def count_text_answers(consultation=None, stale=False):
    query = sa.select(sa.func.count(Answer.id)).where(Answer.text.is_not(None))
    if stale:
        query = query.where(_stale(current_model().version))
    if consultation is not None:
        query = query.join(Response).where(Response.consultation_id == consultation.id)
    return db.session.scalar(query)


def _officer_levels(answer_ids):
    """{answer id: the level an officer last set} for those of `answer_ids` whose level was changed."""
    rows = db.session.execute(
        sa.select(SafeguardingLevelChange.answer_id, SafeguardingLevelChange.to_level)
        .where(SafeguardingLevelChange.answer_id.in_(answer_ids))
        .order_by(SafeguardingLevelChange.at, SafeguardingLevelChange.id)
    )
    return dict(rows.all())


def retag(consultation=None, batch_size=500, progress=None, stale=False):
    """Re-analyse stored text answers after a taxonomy change, batch by batch.

    With ``stale``, only answers another model version (or none) analysed: after training.
    Automatic tags are replaced; officer-confirmed tags are left as they are.
    Returns how many answers were analysed.
    """
    taxonomy, theme_ids = current_taxonomy()
    places = place_names()
    done = last_id = 0
    while True:
        query = sa.select(Answer).where(Answer.text.is_not(None), Answer.id > last_id).order_by(Answer.id).limit(batch_size)
        if stale:
            query = query.where(_stale(current_model().version))
        if consultation is not None:
            query = query.join(Response).where(Response.consultation_id == consultation.id)
        answers = db.session.scalars(query).all()
        if not answers:
            return done
        now = utcnow()
        officer_levels = _officer_levels([answer.id for answer in answers])
        for answer, analysis in zip(answers, analyse_many([answer.text for answer in answers], taxonomy, places)):
            before = answer.safeguarding_level
            apply_analysis(answer, analysis, theme_ids, now)
            # A level an officer set with a reason outranks the analysis, as their tags do.
            answer.safeguarding_level = officer_levels.get(answer.id, answer.safeguarding_level)
            if answer.safeguarding_level == "urgent" and before != "urgent":
                # Newly urgent after re-analysis: the same alert a new response would send,
                # committed with the batch and delivered by `flask mail deliver`.
                queue_urgent_alert(answer.response)
        last_id = answers[-1].id
        db.session.commit()
        done += len(answers)
        if progress:
            progress(len(answers))
