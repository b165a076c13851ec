"""Upgrading a database that holds responses keeps every row (SQLite rebuilds tables in batch mode)."""
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from consult.extensions import db
from consult.models import Answer, AnswerTheme, Question, Response
from tests.conftest import make_app
from tests.integration.public.survey_helpers import complete_survey


def counts():
    return {model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model)) for model in (Question, Response, Answer, AnswerTheme)}


def test_downgrade_and_upgrade_keep_responses_and_answers(tmp_path, database_url):
    url = f"sqlite:///{tmp_path / 'upgrade.db'}"
    app = make_app(url)
    with app.app_context():
        upgrade()
        from consult.services.demo.seed import seed_demo

        seed_demo(responses=20)
        client = app.test_client()
        consultation = db.session.scalars(sa.select(Response)).first().consultation
        complete_survey(client, consultation)
        # Grid and ranking questions (the demo's closed survey has one of each) cannot exist before
        # 0021_grid_ranking, whose downgrade deletes them: the rows compared are the others.
        for question in db.session.scalars(sa.select(Question).where(Question.kind.in_(("grid", "ranking")))):
            db.session.delete(question)
        db.session.commit()
        before = counts()
        assert before["Answer"] > 100 and before["AnswerTheme"] > 0
        downgrade(revision="0004_outcomes_and_retention")
        upgrade()
        db.session.expire_all()
        assert counts() == before
        db.session.remove()
        db.engine.dispose()
