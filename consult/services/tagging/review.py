"""Officers' tag review: the queue by need, filtered and paged, saving reviews one by one or in bulk,
and how far review has got."""
import math
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from consult.analysis.language import describe
from consult.extensions import db
from consult.models import Answer, AnswerTheme, Area, Consultation, Response, Theme, utcnow
from consult.services.accounts.audit import record

NOTE_LIMIT = 2000
PAGE_SIZE = 50
# At most this many answers confirmed in one press: a page and a bit.
BULK_LIMIT = 200
# Bands of the tagger's least sure automatic tag (an answer with none counts as 0).
CONFIDENCE_BANDS = {"low": ("Low (under 50%)", 0.0, 0.5), "medium": ("Medium (50% to 79%)", 0.5, 0.8),
                    "high": ("High (80% and over)", 0.8, None)}
REVIEW_STATUSES = {"unreviewed": "Not yet reviewed", "reviewed": "Reviewed", "all": "All"}


class ReviewError(ValueError):
    """A review that cannot be saved; the message is for the officer."""


def _text_answers(consultation=None):
    query = sa.select(Answer).where(Answer.text.is_not(None))
    if consultation is not None:
        query = query.join(Response, Response.id == Answer.response_id).where(Response.consultation_id == consultation.id)
    return query


def _lowest_confidence():
    return sa.func.coalesce(
        sa.select(sa.func.min(AnswerTheme.confidence))
        .where(AnswerTheme.answer_id == Answer.id, AnswerTheme.source == "auto")
        .scalar_subquery(),
        0.0,
    )


@dataclass(frozen=True)
class ReviewFilters:
    """What the queue shows: each None (or "all") means any."""

    consultation: Consultation | None = None
    theme: Theme | None = None
    area: Area | None = None
    band: str | None = None
    status: str = "unreviewed"
    # Only answers written in a language the analysis does not read (analysis/language.py).
    other_language: bool = False


def _filtered(filters):
    query = _text_answers(filters.consultation)
    if filters.status == "unreviewed":
        query = query.where(Answer.reviewed_at.is_(None))
    elif filters.status == "reviewed":
        query = query.where(Answer.reviewed_at.is_not(None))
    if filters.theme is not None:
        # The answer's themes as they count: the officer's once reviewed, else the tagger's.
        counted = sa.case((Answer.reviewed_at.is_(None), "auto"), else_="officer")
        query = query.where(sa.exists().where(
            AnswerTheme.answer_id == Answer.id, AnswerTheme.theme_id == filters.theme.id, AnswerTheme.source == counted))
    if filters.other_language:
        query = query.where(Answer.language.is_not(None))
    if filters.area is not None:
        query = query.where(Answer.response_id.in_(sa.select(Response.id).where(Response.area_id == filters.area.id)))
    if filters.band in CONFIDENCE_BANDS:
        _, low, high = CONFIDENCE_BANDS[filters.band]
        lowest = _lowest_confidence()
        query = query.where(lowest >= low)
        if high is not None:
            query = query.where(lowest < high)
    return query


def review_page(filters=ReviewFilters(), page=1, per_page=None):
    """One page of the queue by need: unreviewed before reviewed, undecided first, then the
    lowest automatic confidence, then the oldest. Returns (answers, total, page, pages); a page
    past the end gives the last page."""
    per_page = per_page or PAGE_SIZE
    query = _filtered(filters)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    answers = db.session.scalars(
        query.options(selectinload(Answer.themes).joinedload(AnswerTheme.theme), joinedload(Answer.question))
        .order_by(
            # Answers in another language have no automatic tags at all: an officer must read them first.
            Answer.reviewed_at.is_not(None), Answer.language.is_(None), Answer.undecided.desc(), _lowest_confidence(), Answer.id,
        )
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return answers, total, page, pages


def language_name(answer):
    """"Polish" or "another language" for an answer the analysis could not read, else None."""
    return describe(answer.language) if answer.language else None


def unreviewed_count(consultation=None):
    query = _text_answers(consultation).where(Answer.reviewed_at.is_(None))
    return db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))


def effective_tags(answer):
    """The answer's themes as they count: the officer's once reviewed, else the tagger's."""
    source = "officer" if answer.reviewed_at is not None else "auto"
    return [tag for tag in answer.themes if tag.source == source]


def auto_tags(answer):
    return sorted((tag for tag in answer.themes if tag.source == "auto"), key=lambda tag: -tag.confidence)


def reviewable_answer(answer_id):
    """A text answer, or None."""
    answer = db.session.get(Answer, answer_id)
    return answer if answer is not None and answer.text is not None else None


def active_themes():
    return db.session.scalars(sa.select(Theme).where(Theme.active.is_(True)).order_by(Theme.position, Theme.name)).all()


def save_review(answer, theme_ids, user, note=""):
    """Make `theme_ids` the answer's officer tags, mark it reviewed and log the change; commits.

    From now on these tags win over the tagger's, and a retag leaves them alone.
    :raise ReviewError: for a theme that does not exist or a note that is too long.
    """
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        raise ReviewError(f"The note must be {NOTE_LIMIT:,} characters or fewer")
    wanted = set(theme_ids)
    themes = {theme.id: theme for theme in db.session.scalars(sa.select(Theme).where(Theme.id.in_(wanted)))}
    if set(themes) != wanted:
        raise ReviewError("Select from the themes shown")
    _review(answer, themes, user, note)
    db.session.commit()


def confirm_answers(answer_ids, user):
    """Confirm the tags each answer has now (the tagger's, or an earlier review's) as the officer's,
    in one transaction: each answer is marked reviewed and logged as save_review does; commits.

    Returns how many answers were confirmed. :raise ReviewError: when none is chosen, too many
    are, or an id names no text answer.
    """
    wanted = set(answer_ids)
    if not wanted:
        raise ReviewError("Select the answers whose tags you want to confirm")
    if len(wanted) > BULK_LIMIT:
        raise ReviewError(f"Confirm up to {BULK_LIMIT} answers at a time")
    answers = db.session.scalars(
        sa.select(Answer).where(Answer.id.in_(wanted), Answer.text.is_not(None))
        .options(selectinload(Answer.themes).joinedload(AnswerTheme.theme))
    ).all()
    if len(answers) != len(wanted):
        raise ReviewError("Select from the answers shown")
    for answer in answers:
        _review(answer, {tag.theme_id: tag.theme for tag in effective_tags(answer)}, user, "", bulk=True)
    db.session.commit()
    return len(answers)


def _review(answer, themes, user, note, bulk=False):
    """Make `themes` ({id: Theme}) the answer's officer tags, mark it reviewed, log it."""
    wanted = set(themes)
    before = sorted(tag.theme.slug for tag in effective_tags(answer))
    # Keep officer rows still wanted rather than delete and re-add: one tag per theme and source.
    kept = [tag for tag in answer.themes if tag.source != "officer" or tag.theme_id in wanted]
    present = {tag.theme_id for tag in kept if tag.source == "officer"}
    for theme_id in sorted(wanted - present):
        kept.append(AnswerTheme(theme=themes[theme_id], source="officer", confidence=1.0, evidence=[]))
    answer.themes = kept
    answer.reviewed_at = utcnow()
    after = sorted(theme.slug for theme in themes.values())
    detail = {"before": before, "after": after}
    if note:
        detail["note"] = note
    if bulk:
        detail["bulk"] = True
    record("answer.reviewed", f"answer:{answer.id}", user=user, **detail)


def view_original(answer, user, where="review"):
    """Log that an officer is shown an answer's original text; commits."""
    record("answer.raw_viewed", f"answer:{answer.id}", user=user, where=where)
    db.session.commit()


def review_coverage(consultation=None):
    """(reviewed, total) text answers: the share an officer has reviewed."""
    query = _text_answers(consultation).subquery()
    reviewed, total = db.session.execute(
        sa.select(
            sa.func.coalesce(sa.func.sum(sa.case((query.c.reviewed_at.is_not(None), 1), else_=0)), 0),
            sa.func.count(),
        ).select_from(query)
    ).one()
    return int(reviewed), int(total)


def agreement_by_theme(consultation=None):
    """Per theme, on reviewed answers: how often the tagger and officers agreed, in SQL.

    Returns dicts with theme, confirmed (both tagged), removed (tagger only), added (officer
    only) and agreement = confirmed / (confirmed + removed + added), or None with no tags.
    """
    per_answer = (
        sa.select(
            AnswerTheme.theme_id,
            sa.func.max(sa.case((AnswerTheme.source == "auto", 1), else_=0)).label("auto"),
            sa.func.max(sa.case((AnswerTheme.source == "officer", 1), else_=0)).label("officer"),
        )
        .join(Answer, Answer.id == AnswerTheme.answer_id)
        .where(Answer.reviewed_at.is_not(None))
        .group_by(AnswerTheme.answer_id, AnswerTheme.theme_id)
    )
    if consultation is not None:
        per_answer = per_answer.join(Response, Response.id == Answer.response_id).where(Response.consultation_id == consultation.id)
    per_answer = per_answer.subquery()
    rows = db.session.execute(
        sa.select(
            Theme,
            sa.func.sum(per_answer.c.auto * per_answer.c.officer),
            sa.func.sum(per_answer.c.auto * (1 - per_answer.c.officer)),
            sa.func.sum(per_answer.c.officer * (1 - per_answer.c.auto)),
        )
        .join(per_answer, per_answer.c.theme_id == Theme.id)
        .group_by(Theme.id)
        .order_by(Theme.position, Theme.name)
    ).all()
    result = []
    for theme, confirmed, removed, added in rows:
        confirmed, removed, added = int(confirmed or 0), int(removed or 0), int(added or 0)
        seen = confirmed + removed + added
        result.append({"theme": theme, "confirmed": confirmed, "removed": removed, "added": added,
                       "agreement": confirmed / seen if seen else None})
    return result


def review_summary(consultation=None):
    """Coverage and agreement together, for the consultation page's partial."""
    reviewed, total = review_coverage(consultation)
    return {"reviewed": reviewed, "total": total, "share": reviewed / total if total else None,
            "agreement": agreement_by_theme(consultation)}


def consultation_by_slug(slug):
    if not slug:
        return None
    return db.session.scalar(sa.select(Consultation).where(Consultation.slug == slug))


def consultations_with_text_answers():
    return db.session.scalars(
        sa.select(Consultation).where(
            sa.exists().where(Response.consultation_id == Consultation.id)
        ).order_by(Consultation.title)
    ).all()


def areas():
    return db.session.scalars(sa.select(Area).order_by(Area.name)).all()


def theme_by_slug(slug):
    return db.session.scalar(sa.select(Theme).where(Theme.slug == slug)) if slug else None


def area_by_id(text):
    """The area whose id is `text` (plain digits), or None."""
    if not text or not text.isascii() or not text.isdigit() or len(text) > 9:
        return None
    return db.session.get(Area, int(text))
