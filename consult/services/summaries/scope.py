"""What the board's pages and the API look at: the consultations with summaries, a theme, an area."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Area, Consultation, Theme


# Which consultations each role reads summaries of: partner agencies only what has been
# published, board members anything residents have been able to answer, and only the officers
# who build them (and admins) drafts.
VISIBLE_STATUSES = {
    "partner": ("published",),
    "board": ("open", "closed", "published"),
    "officer": ("draft", "open", "closed", "published"),
    "admin": ("draft", "open", "closed", "published"),
}
# The board's own list leaves drafts out even for officers: they have nothing to summarise yet.
LISTED_STATUSES = ("open", "closed", "published")


def area_limit(user):
    """The ids of the areas `user` may read figures of, or None for every area. Only a partner
    account an admin has limited to some areas is limited (consult/manage/users.py)."""
    if user.role != "partner" or not user.areas:
        return None
    return tuple(sorted(area.id for area in user.areas))


def _covering(area_ids):
    """A consultation covers one of `area_ids` (no condition when None: every area)."""
    return () if area_ids is None else (Consultation.areas.any(Area.id.in_(area_ids)),)


def board_consultations(role, area_ids=None):
    """The consultations `role` may read summaries of that have had residents, newest first;
    with `area_ids` (see area_limit), only those covering one of those areas."""
    statuses = [status for status in VISIBLE_STATUSES.get(role, ()) if status in LISTED_STATUSES]
    return db.session.scalars(
        sa.select(Consultation)
        .where(Consultation.status.in_(statuses), *_covering(area_ids))
        .order_by(Consultation.opens_at.desc(), Consultation.id)
    ).all()


def consultation_by_slug(slug, role, area_ids=None):
    """The consultation at `slug` if `role` (limited to `area_ids`) may read its summaries, else None."""
    return db.session.scalar(
        sa.select(Consultation).where(
            Consultation.slug == slug, Consultation.status.in_(VISIBLE_STATUSES.get(role, ())), *_covering(area_ids)
        )
    )


def theme_by_slug(slug):
    return db.session.scalar(sa.select(Theme).where(Theme.slug == slug))


def area_by_id(area_id):
    return db.session.get(Area, area_id) if area_id else None
