"""The demo's synthetic responses read like residents: varied words, darker evenings, a few disclosures."""
import re
from collections import Counter

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, Consultation, Option, Question, Response
from consult.services.demo import phrases as demo_phrases
from consult.services.demo.seed import seed_demo
from consult.services.casework.safeguarding import queue

RESPONSES = 200
# Street and place names, so a sentence repeated with another place counts as a repeat.
_NAMES = re.compile(
    "|".join(sorted((re.escape(name.lower()) for name in demo_phrases.SLOTS["street"] + demo_phrases.SLOTS["place"]), key=len, reverse=True))
)


@pytest.fixture
def seeded(app):
    seed_demo(responses=RESPONSES)
    return db.session.scalar(sa.select(Consultation).where(Consultation.slug == "community-safety-survey"))


def sentences(texts):
    found = []
    for text in texts:
        for sentence in re.split(r"[.!?]+\s*", text.lower()):
            sentence = re.sub(r"[^a-z# ]", "", _NAMES.sub("#", sentence)).strip()
            if sentence:
                found.append(sentence)
    return found


def test_seeding_shares_responses_between_the_open_and_the_closed_survey(seeded):
    counts = dict(db.session.execute(
        sa.select(Consultation.slug, sa.func.count(Response.id)).join(Response).group_by(Consultation.slug)
    ).all())
    assert counts == {"community-safety-survey": 150, "night-time-economy-2026": 50}
    closed_texts = db.session.scalar(
        sa.select(sa.func.count(Answer.id)).join(Response).join(Consultation)
        .where(Consultation.slug == "night-time-economy-2026", Answer.text.is_not(None))
    )
    assert closed_texts >= 30


def test_seeded_answers_rarely_repeat_a_sentence_even_with_another_place_in_it(seeded):
    texts = db.session.scalars(sa.select(Answer.text).where(Answer.text.is_not(None))).all()
    found = sentences(texts)
    assert len(found) >= 250
    assert len(set(found)) / len(found) >= 0.9
    longest_repeat = max(n for sentence, n in Counter(found).items() if len(sentence.split()) >= 6)
    assert longest_repeat <= 3


def _shares(question):
    """Each option's share of the people who gave a view (Don't know left out), in option order."""
    rows = db.session.execute(
        sa.select(Option.position, Option.label, sa.func.count(Answer.id))
        .join(Answer, Answer.option_id == Option.id)
        .where(Option.question_id == question.id, Option.label != "Don't know")
        .group_by(Option.id)
        .order_by(Option.position)
    ).all()
    total = sum(n for _position, _label, n in rows)
    return {label: (position, n / total) for position, label, n in rows}


def test_seeded_residents_feel_less_safe_after_dark_than_by_day(seeded):
    day, after_dark = (
        _shares(db.session.scalar(sa.select(Question).where(Question.consultation_id == seeded.id, Question.title == title)))
        for title in ("How safe do you feel in your area during the day?", "How safe do you feel in your area after dark?")
    )
    unsafe = ("Fairly unsafe", "Very unsafe")
    assert sum(after_dark.get(label, (0, 0))[1] for label in unsafe) > sum(day.get(label, (0, 0))[1] for label in unsafe) + 0.1
    assert after_dark["Very safe"][1] < day["Very safe"][1] / 2

    def average(shares):
        return sum(position * share for position, share in shares.values())

    assert average(after_dark) > average(day) + 0.5


def test_a_few_seeded_answers_are_disclosures_in_the_safeguarding_queue(seeded):
    """Every planned disclosure reaches the queue. The recall-first model also flags a few
    ordinary answers (as it would real ones): they stay a small part of the queue's work."""
    flagged = [answer for answer, _status in queue(limit=1000)]
    planned = db.session.scalars(sa.select(Answer).where(Answer.text.in_(demo_phrases.DISCLOSURES))).all()
    texts = db.session.scalar(sa.select(sa.func.count()).select_from(Answer).where(Answer.text.is_not(None)))
    assert 1 <= len(planned) <= 3
    assert {answer.id for answer in planned} <= {answer.id for answer in flagged}
    assert len(flagged) - len(planned) <= 0.03 * texts
    assert all(answer.response.consultation_id == seeded.id for answer in flagged)


def test_every_demo_town_has_a_realistic_population(demo):
    from consult.models import Area

    populations = dict(db.session.execute(sa.select(Area.name, Area.population)).all())
    assert len(populations) == 10
    assert all(1000 <= people <= 100_000 for people in populations.values()), populations
    assert max(populations, key=populations.get) == "Carlisle"


def test_the_demo_problems_count_towards_their_themes_on_the_board(seeded):
    from consult.models import Theme
    from consult.services import summaries

    problems = db.session.scalar(sa.select(Question).where(Question.title == "Which of these problems affect your area?"))
    linked = {o.label: db.session.get(Theme, o.theme_id).slug for o in problems.options if o.theme_id}
    assert linked["Domestic abuse"] == "domestic-abuse" and linked["Speeding or dangerous driving"] == "road-safety"
    assert "None of these" not in linked
    matrix = summaries.theme_matrix(summaries.Filters(consultation_id=seeded.id, source="ticked"), seeded.areas)
    assert matrix.total.cells[[t.slug for t in matrix.themes].index("domestic-abuse")].count.value > 0


def test_the_closed_survey_has_a_grid_and_a_ranking_answered_with_points_and_ranks(seeded):
    closed = db.session.scalar(sa.select(Consultation).where(Consultation.slug == "night-time-economy-2026"))
    grid, ranking = (next(q for q in closed.questions if q.kind == kind) for kind in ("grid", "ranking"))
    points = db.session.scalars(sa.select(Answer.choice).where(Answer.question_id == grid.id)).all()
    assert points and set(points) <= set(range(1, len(grid.scale_points) + 1)) and len(set(points)) > 2
    ranked = db.session.execute(
        sa.select(Answer.response_id, Answer.choice).where(Answer.question_id == ranking.id)
    ).all()
    by_response = {}
    for response_id, rank in ranked:
        by_response.setdefault(response_id, []).append(rank)
    assert by_response and all(sorted(ranks) == [1, 2, 3] for ranks in by_response.values())


def test_synthetic_residents_answer_the_about_you_questions_when_the_survey_has_them(app):
    import random

    from consult.services.consultations.equality import AGE_TITLE, add_equality_questions
    from consult.services.demo.seed import add_synthetic_responses

    seed_demo()
    survey = db.session.scalar(sa.select(Consultation).where(Consultation.slug == "community-safety-survey"))
    add_equality_questions(survey, None)
    add_synthetic_responses(survey, 120, random.Random(3))
    age = next(q for q in survey.questions if q.title == AGE_TITLE)
    bands = Counter(db.session.scalars(
        sa.select(Option.label).join(Answer, Answer.option_id == Option.id).where(Answer.question_id == age.id)
    ).all())
    assert sum(bands.values()) > 90
    assert bands["Under 16"] < bands["45 to 54"], "young people answer less than their share"
    about_you = [q.id for q in survey.questions if q.section == "about_you"]
    answered = db.session.scalar(sa.select(sa.func.count(sa.distinct(Answer.question_id))).where(Answer.question_id.in_(about_you)))
    assert answered == len(about_you)
