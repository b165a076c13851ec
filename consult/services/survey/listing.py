"""Finding consultations for residents: which are open, and what one slug names."""
import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from consult.extensions import db
from consult.models import Consultation, Question, utcnow


def open_consultations(now=None):
    """Consultations residents can answer now, closing soonest first."""
    now = now or utcnow()
    query = (
        sa.select(Consultation)
        .where(Consultation.status == "open")
        .where(sa.or_(Consultation.opens_at.is_(None), Consultation.opens_at <= now))
        .where(sa.or_(Consultation.closes_at.is_(None), Consultation.closes_at > now))
        .order_by(Consultation.closes_at.is_(None), Consultation.closes_at, Consultation.title)
    )
    return db.session.scalars(query).all()


def public_consultation(slug):
    """The consultation a resident may see at this slug, or None (unknown or still a draft).

    Questions, their options and the areas come in the same round trip or two, because every
    survey page needs them all (skip logic looks at every question).
    """
    consultation = db.session.scalar(
        sa.select(Consultation)
        .where(Consultation.slug == slug)
        .options(
            selectinload(Consultation.questions).selectinload(Question.options),
            selectinload(Consultation.areas),
        )
    )
    if consultation is None or consultation.status == "draft":
        return None
    return consultation
