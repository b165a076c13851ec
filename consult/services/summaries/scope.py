"""What the board's pages and the API look at: the consultations with summaries, a theme, an area."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Area, Consultation, Theme


def board_consultations():
    """Consultations that residents have been able to answer (not drafts), newest first."""
    return db.session.scalars(
        sa.select(Consultation).where(Consultation.status != "draft").order_by(Consultation.opens_at.desc(), Consultation.id)
    ).all()


def consultation_by_slug(slug):
    return db.session.scalar(sa.select(Consultation).where(Consultation.slug == slug))


def theme_by_slug(slug):
    return db.session.scalar(sa.select(Theme).where(Theme.slug == slug))


def area_by_id(area_id):
    return db.session.get(Area, area_id) if area_id else None
