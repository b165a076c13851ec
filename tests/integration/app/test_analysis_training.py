"""The model's lifecycle from the command line: train stores a versioned model, evaluate can
learn from a labelled file in memory, and retag --stale re-analyses what an older model made."""
import json

import sqlalchemy as sa

from consult.analysis import store
from consult.extensions import db
from consult.models import Answer
from tests.integration.public.survey_helpers import complete_survey


def labelled(path, rows):
    path.write_text("text,themes,safeguarding\n" + "".join(f"{t},{s},{g}\n" for t, s, g in rows), encoding="utf-8")
    return path


def test_train_stores_a_versioned_model_deterministically_and_switches_it_on(runner, own_models):
    first = runner.invoke(args=["analysis", "train"])
    assert first.exit_code == 0, first.output
    version = store.current_version(own_models)
    assert version.startswith("builtin-") and version in first.output
    assert (own_models / f"{version}.joblib").exists() and store.current_model().version == version
    again = runner.invoke(args=["analysis", "train"])
    assert again.exit_code == 0 and store.current_version(own_models) == version


def test_evaluate_learn_from_adds_learned_from_and_stores_nothing(runner, tmp_path, own_models):
    files = sorted(p.name for p in own_models.iterdir())
    scored = labelled(tmp_path / "scored.csv", [("Scramblers on the rec again", "antisocial-behaviour", 0),
                                                 ("Lovely new bakery", "", 0)])
    lessons = labelled(tmp_path / "lessons.csv", [("Quad bikes ripping up the field", "antisocial-behaviour", 0),
                                                   ("Nice new cafe", "", 0),
                                                   ("He hides my bank card and checks my phone", "domestic-abuse", 1)])
    version = store.current_model().version
    result = runner.invoke(args=["analysis", "evaluate", str(scored), "--learn-from", str(lessons)])
    assert result.exit_code == 0, result.output
    last = json.loads(result.output.strip().splitlines()[-1])
    assert last["learned_from"] == 3 and "problem_positive_share" in last
    assert sorted(p.name for p in own_models.iterdir()) == files and store.current_model().version == version


def test_evaluate_without_learn_from_has_no_learned_from(runner, tmp_path):
    scored = labelled(tmp_path / "scored.csv", [("Scramblers on the rec again", "antisocial-behaviour", 0)])
    last = json.loads(runner.invoke(args=["analysis", "evaluate", str(scored)]).output.strip().splitlines()[-1])
    assert "learned_from" not in last and 0 <= last["problem_positive_share"] <= 1


def test_answers_record_their_model_and_retag_stale_takes_only_older_ones(client, demo, runner):
    complete_survey(client, demo)
    answers = db.session.scalars(sa.select(Answer).where(Answer.text.is_not(None))).all()
    assert answers and {a.model_version for a in answers} == {store.current_model().version}
    answers[0].model_version = "builtin-older"
    db.session.commit()
    result = runner.invoke(args=["analysis", "retag", "--stale"])
    assert result.exit_code == 0 and "Re-analysed 1 text answer." in result.output
    db.session.expire_all()
    assert db.session.get(Answer, answers[0].id).model_version == store.current_model().version


def test_commands_on_a_database_never_migrated_say_what_to_run(tmp_path):
    from tests.conftest import make_app

    from consult.jobs_cli import summaries

    make_app(f"sqlite:///{tmp_path / 'another.db'}")
    empty = make_app(f"sqlite:///{tmp_path / 'never-migrated.db'}")
    wrapped = summaries.commands["rebuild"].callback
    assert wrapped.database_ready and not hasattr(wrapped.__wrapped__, "__wrapped__")  # wrapped once, however many apps
    with empty.app_context():
        for args in (["analysis", "train"], ["analysis", "retag", "--stale"], ["summaries", "rebuild"],
                     ["seed-demo"], ["mail", "escalate"], ["jobs", "restart-lost"], ["consultations", "sync"]):
            result = empty.test_cli_runner().invoke(args=args)
            assert result.exit_code == 1, result.output
            assert "The database is not ready" in result.output and "db upgrade" in result.output
            assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
        db.session.remove()
        db.engine.dispose()


def test_train_on_a_database_that_cannot_be_opened_says_so_politely(tmp_path):
    from tests.conftest import make_app

    unreachable = make_app(f"sqlite:///{tmp_path / 'no-such-folder' / 'consult.db'}")
    with unreachable.app_context():
        result = unreachable.test_cli_runner().invoke(args=["analysis", "train"])
        assert result.exit_code == 1, result.output
        assert "The database could not be used" in result.output and "db upgrade" not in result.output
        assert "Traceback" not in result.output
        db.session.remove()
        db.engine.dispose()


def test_a_missing_postgresql_relation_also_says_to_run_db_upgrade():
    import click
    import pytest
    from sqlalchemy.exc import OperationalError, ProgrammingError

    from consult.cli import database_ready

    missing = ProgrammingError("SELECT 1", {}, Exception('relation "summary_count" does not exist'))
    unknown = OperationalError("connect", {}, Exception('database "consult" does not exist'))
    with pytest.raises(click.ClickException, match="db upgrade"), database_ready():
        raise missing
    with pytest.raises(click.ClickException, match="Check DATABASE_URL") as raised, database_ready():
        raise unknown
    assert "db upgrade" not in raised.value.message
