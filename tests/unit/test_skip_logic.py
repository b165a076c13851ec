"""Which questions a resident sees, given their answers so far."""
from consult.models import Option, Question
from consult.services.survey.skip_logic import first_unseen, has_answer, visible_questions


def _questions():
    victim = Question(id=1, position=1, kind="single", title="Victim?", required=True)
    victim.options = [Option(id=11, position=1, label="Yes"), Option(id=12, position=2, label="No")]
    reported = Question(id=2, position=2, kind="single", title="Reported?", show_when_option_id=11)
    reported.options = [Option(id=21, position=1, label="Yes")]
    how = Question(id=3, position=3, kind="long_text", title="How?", show_when_option_id=21)
    last = Question(id=4, position=4, kind="long_text", title="Anything else?", required=False)
    return [victim, reported, how, last]


def test_follow_up_questions_appear_only_for_matching_answers():
    questions = _questions()
    assert [q.id for q in visible_questions(questions, {})] == [1, 4]
    assert [q.id for q in visible_questions(questions, {"1": 11})] == [1, 2, 4]
    assert [q.id for q in visible_questions(questions, {"1": 11, "2": 21})] == [1, 2, 3, 4]


def test_hiding_a_question_hides_what_depends_on_it():
    questions = _questions()
    assert [q.id for q in visible_questions(questions, {"1": 12, "2": 21})] == [1, 4]


def test_first_unseen_skips_hidden_questions():
    questions = _questions()
    assert first_unseen(questions, {"1": 12}).id == 4
    assert first_unseen(questions, {"1": 12, "4": ""}) is None


def test_has_answer_ignores_blank_text_and_unknown_options():
    questions = _questions()
    assert not has_answer(questions[3], "   ")
    assert has_answer(questions[3], "Speeding")
    assert not has_answer(questions[0], 99)
    assert has_answer(questions[0], 12)


def test_graded_choices_keep_only_points_on_the_scale_and_number_ranks_in_order():
    from types import SimpleNamespace

    from consult.services.survey.skip_logic import graded_choices

    grid = SimpleNamespace(kind="grid", scale_points=["Agree", "Disagree"])
    assert graded_choices(grid, {"7": 2, "8": 3, "x": 1, "9": "1"}) == [(7, 2)]
    ranking = SimpleNamespace(kind="ranking")
    assert graded_choices(ranking, [12, 10, "11"]) == [(12, 1), (10, 2)]
    assert graded_choices(ranking, {"12": 1}) == []
