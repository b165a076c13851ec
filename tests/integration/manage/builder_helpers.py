"""Helpers that build draft consultations through the builder services, as an officer would."""
from datetime import timedelta

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Area, utcnow
from consult.services.consultations.builder import save_consultation
from consult.services.consultations.questions import QuestionSpec, add_question


def areas():
    """Two areas, created once per test database."""
    found = db.session.scalars(sa.select(Area).order_by(Area.name)).all()
    if found:
        return found
    made = [Area(name="Maryport", postcode_districts="CA15"), Area(name="Workington", postcode_districts="CA14")]
    db.session.add_all(made)
    db.session.commit()
    return made


def details(**overrides):
    now = utcnow().replace(microsecond=0)
    values = {
        "title": "Safer streets",
        "slug": "safer-streets",
        "summary": "Tell us about your street.",
        "purpose": "To plan patrols.",
        "how_answers_are_used": "Officers read them.",
        "privacy_notice": "No names.",
        "minutes_to_complete": 3,
        "opens_at": None,
        "closes_at": now + timedelta(days=30),
        "retention_months": 12,
    }
    values.update(overrides)
    return values


def draft_consultation(slug="safer-streets", with_questions=True):
    """A draft with a single, a multiple, a scale, a conditional long text and an area question."""
    consultation = save_consultation(None, details(slug=slug), [area.id for area in areas()], None)
    if with_questions:
        add_question(consultation, QuestionSpec(kind="single", title="Do you walk at night?", options=["Yes", "No"]), None)
        add_question(consultation, QuestionSpec(kind="multiple", title="What worries you?", options=["Litter", "Speeding"], none_of_these=True), None)
        add_question(consultation, QuestionSpec(kind="scale", title="Streets are well lit", scale="agreement"), None)
        yes = consultation.questions[0].options[0].id
        add_question(consultation, QuestionSpec(kind="long_text", title="What would help?", required=False, show_when_option_id=yes), None)
        add_question(consultation, QuestionSpec(kind="area", title="Where do you live?"), None)
    return consultation


def answers_for(consultation, text="Better lighting on the prom", walk="Yes"):
    """Answers in the form a draft keeps them, for store_response and paper entry."""
    q = consultation.questions
    walk_id = next(o.id for o in q[0].options if o.label == walk)
    values = {
        str(q[0].id): walk_id,
        str(q[1].id): [q[1].options[1].id],
        str(q[2].id): q[2].options[0].id,
        str(q[4].id): {"area_id": consultation.areas[0].id, "district": "CA15"},
    }
    if walk == "Yes":
        values[str(q[3].id)] = text
    return values
