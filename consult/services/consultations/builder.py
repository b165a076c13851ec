"""Officers' consultations: the list with response counts, details and areas, and a copy as a new draft."""
import re
import unicodedata

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Area, Consultation, Option, Question, Response
from consult.services.accounts import audit

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 60

DETAIL_FIELDS = (
    "title",
    "slug",
    "summary",
    "purpose",
    "how_answers_are_used",
    "privacy_notice",
    "minutes_to_complete",
    "opens_at",
    "closes_at",
    "retention_months",
)

DEFAULT_PRIVACY_NOTICE = (
    "You do not need to give your name. We keep only the first part of your postcode (for example "
    "CA28), never your IP address. Please do not write names, addresses or phone numbers in your "
    "answers. Community officers read every answer; the partnership board sees summaries and short "
    "quotes with personal details removed. If something you write suggests someone is at risk, an "
    "officer may pass it to the right service. Written answers are deleted {months} months after the "
    "consultation closes; only the totals are kept."
)


def default_privacy_notice(months=24):
    return DEFAULT_PRIVACY_NOTICE.format(months=months)


def find_consultation(slug):
    """The consultation at `slug` in any status, or None."""
    return db.session.scalar(sa.select(Consultation).where(Consultation.slug == slug))


def consultations_with_counts():
    """Every consultation, newest first, each with its number of responses: [(consultation, count)]."""
    counts = (
        sa.select(Response.consultation_id, sa.func.count(Response.id).label("responses"))
        .group_by(Response.consultation_id)
        .subquery()
    )
    query = (
        sa.select(Consultation, sa.func.coalesce(counts.c.responses, 0))
        .outerjoin(counts, counts.c.consultation_id == Consultation.id)
        .order_by(Consultation.created_at.desc(), Consultation.id.desc())
    )
    return [(consultation, count) for consultation, count in db.session.execute(query)]


def response_count(consultation):
    return db.session.scalar(
        sa.select(sa.func.count(Response.id)).where(Response.consultation_id == consultation.id)
    )


def has_responses(consultation):
    """True once the first response exists: from then on the questions cannot change."""
    if consultation.id is None:
        return False
    return db.session.scalar(sa.select(sa.exists().where(Response.consultation_id == consultation.id)))


def all_areas():
    return db.session.scalars(sa.select(Area).order_by(Area.name)).all()


def slugify(text):
    """'Safer streets: have your say!' -> 'safer-streets-have-your-say'."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:SLUG_MAX].rstrip("-")


def slug_taken(slug, exclude=None):
    query = sa.select(Consultation.id).where(Consultation.slug == slug)
    if exclude is not None and exclude.id is not None:
        query = query.where(Consultation.id != exclude.id)
    return db.session.scalar(query) is not None


def suggest_slug(title, exclude=None):
    """A free slug made from the title: 'safer-streets', else 'safer-streets-2', ..."""
    base = slugify(title) or "consultation"
    candidate, number = base, 1
    while slug_taken(candidate, exclude):
        number += 1
        suffix = f"-{number}"
        candidate = base[: SLUG_MAX - len(suffix)].rstrip("-") + suffix
    return candidate


def slug_problem(slug, consultation=None):
    """Why `slug` cannot be used, or None."""
    if not SLUG_PATTERN.match(slug or ""):
        return "Web address must use only lower-case letters, numbers and hyphens, like safer-streets-2027"
    if len(slug) > SLUG_MAX:
        return f"Web address must be {SLUG_MAX} characters or fewer"
    if slug_taken(slug, consultation):
        return "Another consultation already uses this web address. Choose a different one"
    return None


def save_consultation(consultation, details, area_ids, user):
    """Create (consultation None) or update a consultation from validated details; commits.

    `details` holds the DETAIL_FIELDS; `area_ids` the ids of the areas it covers. Returns it.
    """
    created = consultation is None
    if created:
        consultation = Consultation(status="draft")
        db.session.add(consultation)
    for name in DETAIL_FIELDS:
        setattr(consultation, name, details[name])
    consultation.areas = db.session.scalars(sa.select(Area).where(Area.id.in_(area_ids or []))).all()
    db.session.flush()
    audit.record("consultation.created" if created else "consultation.updated", f"consultation:{consultation.id}", user=user)
    db.session.commit()
    return consultation


def copy_as_draft(consultation, user):
    """A new draft with the same details, areas, questions, options and conditions; commits.

    Dates are cleared: the officer sets new ones before opening the copy.
    """
    copy = Consultation(
        status="draft",
        title=consultation.title,
        slug=suggest_slug(f"{consultation.slug}-copy"),
        areas=list(consultation.areas),
        **{name: getattr(consultation, name) for name in DETAIL_FIELDS if name not in ("title", "slug", "opens_at", "closes_at")},
    )
    db.session.add(copy)
    new_options = {}
    pending_conditions = []
    for question in consultation.questions:
        new_question = Question(
            position=question.position,
            kind=question.kind,
            title=question.title,
            hint=question.hint,
            required=question.required,
            error_message=question.error_message,
        )
        for option in question.options:
            new_option = Option(position=option.position, label=option.label, value=option.value, exclusive=option.exclusive)
            new_question.options.append(new_option)
            new_options[option.id] = new_option
        copy.questions.append(new_question)
        if question.show_when_option_id is not None:
            pending_conditions.append((new_question, question.show_when_option_id))
    db.session.flush()
    for new_question, old_option_id in pending_conditions:
        new_question.show_when_option_id = new_options[old_option_id].id
    audit.record("consultation.copied", f"consultation:{copy.id}", user=user, copied_from=consultation.slug)
    db.session.commit()
    return copy
