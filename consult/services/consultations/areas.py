"""The partnership's areas as officers keep them: how many residents live in each."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Area, AreaPopulation
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


def population_cells(area):
    """{(age band, sex): people} the officers entered for `area` (empty when none)."""
    rows = db.session.scalars(sa.select(AreaPopulation).where(AreaPopulation.area_id == area.id)).all()
    return {(row.age_band, row.sex): row.people for row in rows}


def save_population_cells(area, cells, user):
    """Replace the area's population by age band and sex ({(band, sex): people or None}); commits.

    A blank cell removes that figure. Returns True if anything changed.
    """
    before = population_cells(area)
    after = {key: people for key, people in cells.items() if people is not None}
    if before == after:
        return False
    db.session.execute(sa.delete(AreaPopulation).where(AreaPopulation.area_id == area.id))
    db.session.add_all(AreaPopulation(area_id=area.id, age_band=band, sex=sex, people=people) for (band, sex), people in after.items())
    audit.record("area.population_by_age", f"area:{area.id}", user=user, cells=len(after), people=sum(after.values()))
    db.session.commit()
    return True
