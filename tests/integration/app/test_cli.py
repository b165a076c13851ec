"""flask seed-demo: demo data once, synthetic responses in batches, a reset on request, demo staff accounts."""
import re
import secrets

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, Area, Consultation, Response, User
from consult.services.demo.accounts import DemoAccountsRefused, create_demo_accounts
from tests.conftest import make_app


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


def test_seed_demo_splits_responses_between_the_two_surveys_and_says_so(runner):
    result = runner.invoke(args=["seed-demo", "--responses", "40"])
    assert result.exit_code == 0, result.output
    assert "30 to “Community safety survey” and 10 to “Town centres at night”" in result.output


def printed_accounts(output):
    """(role name, email, password) for each account line seed-demo --accounts printed."""
    return re.findall(r"^  (.+?) +(\S+@demo\.example\.org) +(\S+)$", output, re.MULTILINE)


def test_seed_demo_accounts_creates_one_account_per_role_and_prints_how_to_sign_in(app, runner):
    result = runner.invoke(args=["seed-demo", "--accounts", "--site-url", "http://localhost:8000"])
    assert result.exit_code == 0, result.output
    accounts = printed_accounts(result.output)
    assert [(name, email) for name, email, _password in accounts] == [
        ("Administrator", "admin@demo.example.org"),
        ("Community officer", "officer@demo.example.org"),
        ("Board member", "board@demo.example.org"),
        ("Partner agency", "partner@demo.example.org"),
    ]
    assert "Sign in at http://localhost:8000/auth/login" in result.output
    client = app.test_client()
    for _name, email, password in accounts:
        user = db.session.scalar(sa.select(User).where(User.email == email))
        assert password not in user.password_hash and user.active
        signed_in = client.post("/auth/login", data={"email": email, "password": password})
        assert signed_in.status_code == 302, email
        client.post("/auth/logout")


def test_a_later_make_run_leaves_accounts_alone_and_says_how_to_renew_them(runner):
    runner.invoke(args=["seed-demo"])
    result = runner.invoke(args=["seed-demo", "--if-empty", "--accounts"])
    assert result.exit_code == 0 and count(User) == 0
    assert "seed-demo --accounts" in result.output and not printed_accounts(result.output)


def test_seed_demo_accounts_again_gives_new_passwords_and_the_old_ones_stop_working(app, runner):
    first = printed_accounts(runner.invoke(args=["seed-demo", "--accounts"]).output)
    second = printed_accounts(runner.invoke(args=["seed-demo", "--accounts"]).output)
    assert count(User) == 4
    assert {password for *_, password in first}.isdisjoint(password for *_, password in second)
    client = app.test_client()
    assert client.post("/auth/login", data={"email": first[0][1], "password": first[0][2]}).status_code == 200


def test_seed_demo_refuses_demo_accounts_in_production_and_adds_nothing(monkeypatch, app, database_url):
    monkeypatch.setenv("CONSULT_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", secrets.token_hex(32))
    production = make_app(database_url)
    assert production.config["CONSULT_ENV"] == "production"
    # Its own app context: the command would otherwise run in the testing app's, held open by `app`.
    with production.app_context():
        result = production.test_cli_runner().invoke(args=["seed-demo", "--if-empty", "--accounts", "--responses", "10"])
        db.engine.dispose()
    assert result.exit_code == 1
    assert "Demo accounts are for development only, and CONSULT_ENV is production" in result.output
    assert count(User) == 0 and count(Consultation) == 0 and count(Response) == 0


def test_demo_accounts_are_refused_outside_development_and_testing():
    with pytest.raises(DemoAccountsRefused, match="production"):
        create_demo_accounts("production")
    with pytest.raises(DemoAccountsRefused, match="not set"):
        create_demo_accounts(None)
