"""Survey pages reuse a read-only copy of the survey, and every change reaches residents at once."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Area, Consultation, Option, Question, Theme, utcnow
from consult.services.survey.snapshots import survey
from tests.integration.public.survey_helpers import complete_survey
from tests.pagecheck import soup

SLUG = "community-safety-survey"
URL = f"/c/{SLUG}/q/{{}}"


def heading(client, number):
    return soup(client.get(URL.format(number))).h1.get_text(" ", strip=True)


def question(demo, number):
    return db.session.scalars(
        sa.select(Question).where(Question.consultation_id == demo.id).order_by(Question.position)
    ).all()[number - 1]


def test_pages_reuse_one_copy_while_nothing_changes(client, demo):
    client.get(URL.format(1))
    first = survey(SLUG)
    client.get(URL.format(2))
    assert survey(SLUG) is first


def test_a_copy_cannot_be_changed_by_accident(client, demo):
    copy = survey(SLUG)
    with pytest.raises(AttributeError):
        copy.title = "Changed"
    with pytest.raises(AttributeError):
        copy.questions[0].title = "Changed"


def test_an_edited_question_shows_on_the_next_page_view(client, demo):
    assert heading(client, 1).startswith("How safe do you feel")
    question(demo, 1).title = "How safe do you feel in the town centre?"
    db.session.commit()
    assert heading(client, 1) == "How safe do you feel in the town centre?"


def test_an_edited_option_label_shows_on_the_next_page_view(client, demo):
    client.get(URL.format(1))
    option = question(demo, 1).options[0]
    option.label = "Perfectly safe"
    db.session.commit()
    labels = [label.get_text(strip=True) for label in soup(client.get(URL.format(1))).select("label")]
    assert "Perfectly safe" in labels


def test_a_renamed_area_shows_on_the_area_question(client, demo):
    assert "Cleator Moor" in client.get(URL.format(10)).get_data(as_text=True)
    area = db.session.scalar(sa.select(Area).where(Area.name == "Cleator Moor"))
    area.name = "Cleator Moor and Frizington"
    db.session.commit()
    assert "Cleator Moor and Frizington" in client.get(URL.format(10)).get_data(as_text=True)


def test_a_question_changed_by_a_bulk_statement_shows_too(client, demo):
    client.get(URL.format(2))
    db.session.execute(sa.update(Question).where(Question.id == question(demo, 2).id).values(title="Changed in bulk"))
    db.session.commit()
    assert heading(client, 2) == "Changed in bulk"


def test_closing_a_consultation_stops_answers_at_once(client, demo):
    client.get(URL.format(1))
    db.session.execute(sa.update(Consultation).where(Consultation.id == demo.id).values(closes_at=utcnow()))
    db.session.commit()
    response = client.get(URL.format(1))
    assert "closed" in soup(response).h1.get_text().lower()


def test_a_consultation_made_again_with_the_same_id_is_not_mistaken_for_the_old_one(client, demo):
    client.get(URL.format(1))
    old_id = demo.id
    db.session.delete(demo)
    db.session.commit()
    remade = Consultation(id=old_id, slug=SLUG, title="Remade survey", status="open")
    remade.questions.append(Question(position=1, kind="short_text", title="What one thing would help?"))
    db.session.add(remade)
    db.session.commit()
    assert heading(client, 1) == "What one thing would help?"


def test_a_changed_skip_rule_applies_to_the_next_answer(client, demo):
    assert "Question 1 of 9" in soup(client.get(URL.format(1))).select_one(".caption").get_text()
    follow_up = question(demo, 7)
    assert follow_up.show_when_option_id is not None
    follow_up.show_when_option_id = None
    db.session.commit()
    assert "Question 1 of 10" in soup(client.get(URL.format(1))).select_one(".caption").get_text()


def test_a_theme_changed_by_another_server_tags_the_next_answer(app, client, demo):
    complete_survey(client, demo, q8="Nothing in particular worries me.")
    # Another server's admin adds a term: this process learns of it from the theme table.
    other_server = sa.create_engine(app.config["SQLALCHEMY_DATABASE_URI"])
    with other_server.begin() as connection:
        theme = connection.execute(sa.select(Theme.id, Theme.terms).where(Theme.slug == "antisocial-behaviour")).one()
        connection.execute(
            sa.update(Theme)
            .where(Theme.id == theme.id)
            .values(terms=[*theme.terms, "zorbing"], updated_at=utcnow(), customised_at=utcnow())
        )
    other_server.dispose()
    client2 = app.test_client()
    complete_survey(client2, demo, q8="People zorbing down the high street at night.")
    from consult.models import Answer, AnswerTheme

    tagged = db.session.scalars(
        sa.select(Theme.slug)
        .join(AnswerTheme, AnswerTheme.theme_id == Theme.id)
        .join(Answer, Answer.id == AnswerTheme.answer_id)
        .where(Answer.text.like("%zorbing%"))
    ).all()
    assert "antisocial-behaviour" in tagged


def test_option_ids_in_the_copy_match_the_database(client, demo):
    copy = survey(SLUG)
    stored = db.session.scalars(sa.select(Option.id).join(Question, Option.question_id == Question.id).where(Question.consultation_id == demo.id)).all()
    assert sorted(option.id for q in copy.questions for option in q.options) == sorted(stored)
