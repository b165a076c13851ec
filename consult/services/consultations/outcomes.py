"""'You said, we did': the officer's reply per theme after closing, published to residents."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AnswerTheme, Consultation, Outcome, OutcomeItem, Response, Theme, utcnow
from consult.services.accounts import audit
from consult.services.consultations import lifecycle
from consult.services.mail import links, results
from consult.services.tagging.store import ensure_default_themes

EDITABLE_STAGES = ("closed", "published")
TEXT_MAX = 5000


class OutcomeProblem(Exception):
    """Raised when the outcome cannot be saved or published now; the message says why."""


def outcome_editable(consultation, now=None):
    """True once residents can no longer answer (closed by an officer or by its closing date) or it is published."""
    return lifecycle.stage(consultation, now) in EDITABLE_STAGES


def theme_answer_counts(consultation):
    """{theme id: number of this consultation's text answers with that theme (officer tags win)}."""
    effective = sa.or_(
        sa.and_(Answer.reviewed_at.is_not(None), AnswerTheme.source == "officer"),
        sa.and_(Answer.reviewed_at.is_(None), AnswerTheme.source == "auto"),
    )
    query = (
        sa.select(AnswerTheme.theme_id, sa.func.count(sa.distinct(AnswerTheme.answer_id)))
        .join(Answer, Answer.id == AnswerTheme.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.consultation_id == consultation.id, effective)
        .group_by(AnswerTheme.theme_id)
    )
    return dict(db.session.execute(query).all())


def outcome_rows(consultation):
    """[(theme, answers with it, saved OutcomeItem or None)]: every active theme, and any theme
    the saved outcome already covers, most-mentioned first."""
    themes = ensure_default_themes()
    if any(theme.id is None for theme in themes):
        # The first visit to an empty taxonomy stores the default themes, as the first submission would.
        db.session.commit()
    counts = theme_answer_counts(consultation)
    outcome = consultation.outcome
    saved = {item.theme_id: item for item in (outcome.items if outcome else [])}
    rows = [(theme, counts.get(theme.id, 0), saved.get(theme.id)) for theme in themes if theme.active or theme.id in saved]
    return sorted(rows, key=lambda row: (-row[1], row[0].position, row[0].id))


def save_outcome(consultation, introduction, replies, user):
    """Save the draft reply; commits. `replies` maps theme id -> (we heard, we did); themes with
    neither are left out. A published outcome stays published and shows the change at once.

    :raise OutcomeProblem: before the consultation has closed.
    """
    if not outcome_editable(consultation):
        raise OutcomeProblem("You can write “You said, we did” once the consultation has closed.")
    lifecycle.close_if_due(consultation)
    outcome = consultation.outcome or Outcome(consultation=consultation)
    db.session.add(outcome)
    outcome.introduction = introduction
    themes = {theme.id: theme for theme in db.session.scalars(sa.select(Theme).where(Theme.id.in_(list(replies))))}
    existing = {item.theme_id: item for item in outcome.items}
    kept = []
    for position, (theme_id, (heard, did)) in enumerate(replies.items(), start=1):
        if not (heard or did) or theme_id not in themes:
            continue
        item = existing.get(theme_id) or OutcomeItem(theme_id=theme_id)
        item.heading, item.position, item.we_heard, item.we_did = themes[theme_id].name, position, heard, did
        kept.append(item)
    outcome.items = kept
    outcome.updated_at = utcnow()
    db.session.flush()
    audit.record("outcome.saved", f"consultation:{consultation.id}", user=user)
    db.session.commit()
    return outcome


def publish_outcome(consultation, user, now=None, results_url=None):
    """Show the reply on the consultation's public page and mark it published; commits.

    The first time, residents who asked to be told are e-mailed a link to `results_url` (the
    public page; by default on PUBLIC_BASE_URL) and their addresses deleted, in the same transaction.
    :raise OutcomeProblem: unless it has closed and the reply covers at least one theme.
    """
    outcome = consultation.outcome
    if not outcome_editable(consultation, now):
        raise OutcomeProblem("Close the consultation before publishing “You said, we did”.")
    if outcome is None or not outcome.items:
        raise OutcomeProblem("Write what you heard and what you will do for at least one theme, then save it.")
    first_time = outcome.published_at is None
    outcome.published_at = outcome.published_at or (now or utcnow())
    consultation.status = "published"
    if first_time:
        told = results.tell_subscribers(consultation, results_url or links.absolute(f"/c/{consultation.slug}"))
    else:
        told = 0
    audit.record("consultation.published", f"consultation:{consultation.id}", user=user, residents_told=told)
    db.session.commit()
    return outcome


def published_outcome(consultation):
    """The reply residents may read, or None."""
    outcome = consultation.outcome
    if consultation.status == "published" and outcome is not None and outcome.published_at is not None:
        return outcome
    return None


def recently_published(limit=10):
    """Consultations whose "You said, we did" residents can read, newest first."""
    query = (
        sa.select(Consultation)
        .join(Outcome, Outcome.consultation_id == Consultation.id)
        .where(Consultation.status == "published", Outcome.published_at.is_not(None))
        .order_by(Outcome.published_at.desc(), Consultation.id.desc())
        .limit(limit)
    )
    return db.session.scalars(query).all()
