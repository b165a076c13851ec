"""flask seed-demo: demo data once, synthetic responses in batches, a reset on request."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, Area, Consultation, Response


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_seed_demo_creates_areas_and_the_community_safety_survey(runner):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert count(Area) == 10
    survey = db.session.scalar(sa.select(Consultation).where(Consultation.slug == "community-safety-survey"))
    assert survey.title == "Community safety survey" and survey.accepting_responses()
    kinds = [q.kind for q in survey.questions]
    assert {"single", "multiple", "scale", "long_text", "area"} <= set(kinds)
    assert any(q.show_when_option_id for q in survey.questions)
    assert [a.name for a in survey.areas if a.name == "Cleator Moor"] and len(survey.areas) == 10


def test_seed_demo_adds_varied_responses_and_keeps_existing_data(runner):
    assert runner.invoke(args=["seed-demo", "--responses", "120"]).exit_code == 0
    again = runner.invoke(args=["seed-demo", "--responses", "30"])
    assert again.exit_code == 0 and "already exists" in again.output
    assert count(Response) == 150
    assert count(Consultation) == 2
    areas = db.session.scalars(sa.select(Response.area_id).distinct()).all()
    assert len(areas) >= 6
    texts = db.session.scalars(sa.select(Answer.text).where(Answer.text.is_not(None)).distinct()).all()
    assert len(texts) >= 20


def test_seed_demo_if_empty_leaves_a_used_database_alone(runner):
    runner.invoke(args=["seed-demo", "--responses", "5"])
    result = runner.invoke(args=["seed-demo", "--if-empty", "--responses", "5"])
    assert "not added" in result.output and count(Response) == 5


def test_seed_demo_reset_starts_again(runner):
    runner.invoke(args=["seed-demo", "--responses", "10"])
    result = runner.invoke(args=["seed-demo", "--reset"])
    assert result.exit_code == 0, result.output
    assert count(Response) == 0 and count(Consultation) == 2


def test_seed_demo_refuses_a_negative_count(runner):
    result = runner.invoke(args=["seed-demo", "--responses", "-5"])
    assert result.exit_code == 2 and "-5" in result.output
