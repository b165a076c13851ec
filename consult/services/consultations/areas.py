"""The partnership's areas as officers keep them: how many residents live in each."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Area
from consult.services.accounts import audit

POPULATION_MIN = 1
POPULATION_MAX = 10_000_000


def all_areas():
    return db.session.scalars(sa.select(Area).order_by(Area.name)).all()


def find_area(area_id):
    return db.session.get(Area, area_id)


def save_population(area, population, user):
    """Set the area's population (None when not known); commits. Returns True if it changed."""
    if area.population == population:
        return False
    before = area.population
    area.population = population
    audit.record("area.updated", f"area:{area.id}", user=user, population_before=before, population=population)
    db.session.commit()
    return True
