"""The builder services: slugs, questions and their skip logic, copies, locking once answered."""
import pytest

from consult.extensions import db
from consult.models import Response
from consult.services.consultations.builder import copy_as_draft, slug_problem, suggest_slug
from consult.services.consultations.questions import (
    QuestionProblem,
    QuestionSpec,
    QuestionsLocked,
    add_question,
    move_question,
    question_problems,
    remove_question,
    update_question,
)
from consult.services.survey.submission import store_response
from tests.integration.manage.builder_helpers import answers_for, draft_consultation


def test_suggested_slug_is_made_from_the_title_and_never_taken(app):
    draft_consultation(with_questions=False)
    assert suggest_slug("Safer Streets!") == "safer-streets-2"
    assert suggest_slug("Café – late-night safety") == "cafe-late-night-safety"


@pytest.mark.parametrize(
    "slug, problem",
    [
        ("Safer Streets", "lower-case letters"),
        ("safer--streets", "lower-case letters"),
        ("-safer", "lower-case letters"),
        ("safer-streets", "already uses"),
        ("night-buses-2027", None),
    ],
)
def test_slug_must_be_lower_case_words_and_unique(app, slug, problem):
    draft_consultation(with_questions=False)
    found = slug_problem(slug)
    assert (found is None) if problem is None else (problem in found)


def test_scale_questions_get_dont_know_as_an_exclusive_last_answer(app):
    consultation = draft_consultation()
    scale = consultation.questions[2]
    assert [o.label for o in scale.options][-1] == "Don't know"
    assert scale.options[-1].exclusive and scale.options[-1].value is None
    assert [o.value for o in scale.options[:5]] == [5, 4, 3, 2, 1]


def test_multiple_choice_can_add_an_exclusive_none_of_these(app):
    multiple = draft_consultation().questions[1]
    assert [(o.label, o.exclusive) for o in multiple.options] == [("Litter", False), ("Speeding", False), ("None of these", True)]


@pytest.mark.parametrize(
    "spec, field",
    [
        (QuestionSpec(kind="single", title="Pick", options=["Only one"]), "options"),
        (QuestionSpec(kind="multiple", title="Pick", options=["A", "a"]), "options"),
        (QuestionSpec(kind="single", title="", options=["A", "B"]), "title"),
        (QuestionSpec(kind="area", title="Where else?"), "kind"),
        (QuestionSpec(kind="sketch", title="Draw it"), "kind"),
    ],
)
def test_question_problems_are_reported_by_field(app, spec, field):
    consultation = draft_consultation()
    assert field in question_problems(consultation, spec)


def test_a_condition_must_point_to_an_earlier_question(app):
    consultation = draft_consultation()
    first, later = consultation.questions[0], consultation.questions[2]
    spec = QuestionSpec(kind="single", title="Do you walk at night?", options=["Yes", "No"], show_when_option_id=later.options[0].id)
    assert "show_when" in question_problems(consultation, spec, first)
    fine = QuestionSpec(kind="short_text", title="Which street?", show_when_option_id=first.options[0].id)
    assert question_problems(consultation, fine) == {}


def test_editing_options_keeps_ids_so_conditions_still_hold(app):
    consultation = draft_consultation()
    first = consultation.questions[0]
    yes_id = first.options[0].id
    update_question(first, QuestionSpec(kind="single", title="Do you go out after dark?", options=["Yes, often", "No", "Sometimes"]), None)
    assert first.options[0].id == yes_id and first.options[0].label == "Yes, often"
    assert consultation.questions[3].show_when_option_id == yes_id


def test_removing_an_answer_another_question_depends_on_is_refused(app):
    consultation = draft_consultation()
    first = consultation.questions[0]
    with pytest.raises(QuestionProblem, match="question 4"):
        update_question(first, QuestionSpec(kind="short_text", title="Do you walk at night?"), None)
    with pytest.raises(QuestionProblem, match="question 4"):
        remove_question(first, None)


def test_moving_a_question_above_its_condition_is_refused(app):
    consultation = draft_consultation()
    conditional = consultation.questions[3]
    move_question(conditional, "up", None)
    move_question(conditional, "up", None)
    assert consultation.questions.index(conditional) == 1
    with pytest.raises(QuestionProblem, match="must stay after it"):
        move_question(conditional, "up", None)


def test_move_down_and_remove_keep_positions_numbered_from_one(app):
    consultation = draft_consultation()
    titles = [q.title for q in consultation.questions]
    move_question(consultation.questions[1], "down", None)
    assert [q.title for q in consultation.questions] == [titles[0], titles[2], titles[1], titles[3], titles[4]]
    remove_question(consultation.questions[4], None)
    assert [q.position for q in consultation.questions] == [1, 2, 3, 4]


def test_questions_are_locked_once_the_first_response_exists(app):
    consultation = draft_consultation()
    store_response(consultation, answers_for(consultation), channel="paper")
    db.session.commit()
    with pytest.raises(QuestionsLocked):
        add_question(consultation, QuestionSpec(kind="short_text", title="Anything else?"), None)
    with pytest.raises(QuestionsLocked):
        move_question(consultation.questions[1], "down", None)


def test_copy_as_a_new_draft_copies_questions_options_conditions_and_areas(app):
    original = draft_consultation()
    original.status = "closed"
    db.session.commit()
    copy = copy_as_draft(original, None)
    assert copy.status == "draft" and copy.slug == "safer-streets-copy"
    assert copy.opens_at is None and copy.closes_at is None
    assert [a.name for a in copy.areas] == [a.name for a in original.areas]
    assert [(q.kind, q.title, q.required) for q in copy.questions] == [(q.kind, q.title, q.required) for q in original.questions]
    assert [o.label for o in copy.questions[1].options] == [o.label for o in original.questions[1].options]
    condition = copy.questions[3].show_when_option
    assert condition.question is copy.questions[0] and condition.label == "Yes"
    assert db.session.query(Response).count() == 0
