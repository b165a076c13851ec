"""A consultation's questions: add, edit, move and remove them, keeping skip logic pointing backwards."""
from dataclasses import dataclass, field

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Option, Question
from consult.services.accounts import audit
from consult.services.consultations import equality
from consult.services.consultations.builder import has_responses

KIND_NAMES = {
    "single": "One answer from a list",
    "multiple": "Several answers from a list",
    "scale": "A scale (agree or satisfied)",
    "short_text": "A short written answer",
    "long_text": "A long written answer",
    "area": "Where they live (area and postcode)",
    "grid": "Several statements on one scale (a grid)",
    "ranking": "Priorities ranked in order (1st, 2nd, 3rd)",
}
CHOICE_KINDS = ("single", "multiple")
# Kinds whose options the officer types, one on each line: a grid's are its statements.
LISTED_KINDS = ("single", "multiple", "grid", "ranking")
RANKS = range(2, 6)
SCALES = {
    "agreement": ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"],
    "satisfaction": ["Very satisfied", "Fairly satisfied", "Neither satisfied nor dissatisfied", "Fairly dissatisfied", "Very dissatisfied"],
}
SCALE_NAMES = {"agreement": "Agreement (strongly agree to strongly disagree)", "satisfaction": "Satisfaction (very satisfied to very dissatisfied)"}
DONT_KNOW = "Don't know"
MAX_OPTIONS = 30
LABEL_MAX = 200
ERROR_MESSAGE_MAX = 300


class QuestionsLocked(Exception):
    """Raised when questions would change after the first response: answers would lose their meaning."""


class QuestionProblem(Exception):
    """Raised when a change would break the consultation; the message says why, for the officer."""


@dataclass
class QuestionSpec:
    """What the officer asked for: validated by question_problems() before it is saved."""

    kind: str
    title: str
    hint: str = ""
    required: bool = True
    options: list = field(default_factory=list)
    none_of_these: bool = False
    scale: str = "agreement"
    show_when_option_id: int | None = None
    error_message: str = ""
    ranks: int = 3


def ensure_editable(consultation):
    """:raise QuestionsLocked: once the consultation has a response."""
    if has_responses(consultation):
        raise QuestionsLocked(consultation.slug)


def scale_of(question):
    """Which preset scale a scale question uses, read from its first option (a grid's first point)."""
    if question.kind == "grid":
        first = (question.scale_points or [""])[0]
    else:
        first = question.options[0].label if question.options else ""
    return next((name for name, labels in SCALES.items() if labels[0] == first), "agreement")


def spec_of(question):
    """The spec that would rebuild `question`: what its edit form starts from."""
    regular = [option.label for option in question.options if not option.exclusive]
    return QuestionSpec(
        kind=question.kind,
        title=question.title,
        hint=question.hint,
        required=question.required,
        options=regular if question.kind in LISTED_KINDS else [],
        none_of_these=question.kind == "multiple" and any(option.exclusive for option in question.options),
        scale=scale_of(question) if question.kind in ("scale", "grid") else "agreement",
        ranks=question.ranks or 3,
        show_when_option_id=question.show_when_option_id,
        error_message=question.error_message,
    )


def option_rows(spec):
    """(label, score, exclusive) for each option the spec's question offers, in order."""
    if spec.kind == "scale":
        labels = SCALES[spec.scale]
        return [(label, len(labels) - index, False) for index, label in enumerate(labels)] + [(DONT_KNOW, None, True)]
    if spec.kind in LISTED_KINDS:
        rows = [(label, None, False) for label in spec.options]
        if spec.kind == "multiple" and spec.none_of_these:
            rows.append(("None of these", None, True))
        return rows
    return []


def condition_choices(consultation, question=None):
    """[(option id, description)] a question may depend on: options of questions before it."""
    limit = question.position if question is not None else None
    choices = []
    for number, earlier in enumerate(consultation.questions, start=1):
        if limit is not None and earlier.position >= limit:
            break
        if earlier.kind in ("single", "multiple", "scale"):
            choices += [(option.id, f"Question {number}: {earlier.title} – {option.label}") for option in earlier.options]
    return choices


def question_problems(consultation, spec, question=None):
    """{field name: message} for everything wrong with the spec; empty when it can be saved."""
    problems = {}
    if spec.kind not in KIND_NAMES:
        problems["kind"] = "Select the type of question"
    if not spec.title:
        problems["title"] = "Enter the question"
    elif len(spec.title) > 300:
        problems["title"] = "Question must be 300 characters or fewer"
    if spec.kind in LISTED_KINDS:
        labels = spec.options
        lowered = [label.lower() for label in labels]
        if len(labels) < 2:
            problems["options"] = "Enter at least 2 answers, one on each line"
        elif len(labels) > MAX_OPTIONS:
            problems["options"] = f"Enter {MAX_OPTIONS} answers or fewer"
        elif any(len(label) > LABEL_MAX for label in labels):
            problems["options"] = f"Each answer must be {LABEL_MAX} characters or fewer"
        elif len(set(lowered)) < len(lowered):
            problems["options"] = "Each answer must be different"
        elif spec.kind == "multiple" and spec.none_of_these and "none of these" in lowered:
            problems["options"] = "Remove ‘None of these’ from the list: it is added for you when ticked below"
    if len(spec.error_message) > ERROR_MESSAGE_MAX:
        problems["error_message"] = f"Error message must be {ERROR_MESSAGE_MAX} characters or fewer"
    if spec.kind in ("scale", "grid") and spec.scale not in SCALES:
        problems["scale"] = "Select the scale"
    if spec.kind == "ranking" and "options" not in problems:
        if spec.ranks not in RANKS:
            problems["ranks"] = f"Enter how many to rank, from {RANKS[0]} to {RANKS[-1]}"
        elif spec.ranks > len(spec.options):
            problems["ranks"] = f"Ask people to rank {len(spec.options)} or fewer: there are {len(spec.options)} answers to choose from"
    if spec.kind == "area":
        others = [q for q in consultation.questions if q.kind == "area" and q is not question]
        if others:
            problems["kind"] = "This consultation already asks where people live: a consultation can ask it once"
    if spec.show_when_option_id is not None:
        allowed = {option_id for option_id, _ in condition_choices(consultation, question)}
        if spec.show_when_option_id not in allowed:
            problems["show_when"] = "Choose an answer to an earlier question, or ‘Always show this question’"
    return problems


def _dependants(options):
    """Questions whose condition is one of `options`."""
    ids = [option.id for option in options if option.id is not None]
    if not ids:
        return []
    return db.session.scalars(sa.select(Question).where(Question.show_when_option_id.in_(ids)).order_by(Question.position)).all()


def _refuse_if_needed_by_others(consultation, options, doing):
    dependants = _dependants(options)
    if dependants:
        number = consultation.questions.index(dependants[0]) + 1
        raise QuestionProblem(
            f"Cannot {doing}: question {number} is shown only when one of these answers is chosen. Change that question first"
        )


def add_question(consultation, spec, user):
    """Add a question at the end; commits. :raise QuestionsLocked:"""
    ensure_editable(consultation)
    position = equality.next_main_position(consultation)
    question = Question(position=position, kind=spec.kind)
    _apply(question, spec)
    consultation.questions.append(question)
    db.session.flush()
    audit.record("question.added", f"consultation:{consultation.id}", user=user, question=question.id)
    db.session.commit()
    return question


def update_question(question, spec, user):
    """Change a question in place; options keep their ids where they stay, so conditions hold.

    :raise QuestionsLocked: once there are responses.
    :raise QuestionProblem: when a removed answer is another question's condition.
    """
    consultation = question.consultation
    ensure_editable(consultation)
    rows = option_rows(spec)
    _refuse_if_needed_by_others(consultation, question.options[len(rows):], "remove those answers")
    question.kind = spec.kind
    _apply(question, spec)
    audit.record("question.updated", f"consultation:{consultation.id}", user=user, question=question.id)
    db.session.commit()
    return question


def _apply(question, spec):
    question.title = spec.title
    question.hint = spec.hint
    question.required = spec.required
    question.error_message = spec.error_message
    question.show_when_option_id = spec.show_when_option_id
    question.scale_points = list(SCALES[spec.scale]) if spec.kind == "grid" else None
    question.ranks = spec.ranks if spec.kind == "ranking" else None
    rows = option_rows(spec)
    existing = list(question.options)
    for index, (label, score, exclusive) in enumerate(rows):
        option = existing[index] if index < len(existing) else Option(position=index + 1)
        option.label, option.value, option.exclusive = label, score, exclusive
        if index >= len(existing):
            question.options.append(option)
    for option in existing[len(rows):]:
        question.options.remove(option)


def move_question(question, direction, user):
    """Swap a question with its neighbour ("up" or "down"); commits.

    :raise QuestionProblem: when the move would put a condition after the question it depends on.
    """
    consultation = question.consultation
    ensure_editable(consultation)
    questions = consultation.questions
    index = questions.index(question)
    other_index = index - 1 if direction == "up" else index + 1
    # The "About you" section stays after the main questions: nothing moves across its edge.
    if not 0 <= other_index < len(questions) or questions[other_index].section != question.section:
        return question
    first, second = sorted([question, questions[other_index]], key=lambda q: q.position)
    if second.show_when_option is not None and second.show_when_option.question_id == first.id:
        raise QuestionProblem(
            f"Cannot move it: question {questions.index(second) + 1} is shown only after an answer to "
            f"question {questions.index(first) + 1}, so it must stay after it"
        )
    # Positions are unique per consultation, so one question waits at 0 during the swap.
    first_position, second_position = first.position, second.position
    first.position = 0
    db.session.flush()
    second.position = first_position
    db.session.flush()
    first.position = second_position
    db.session.flush()
    db.session.expire(consultation, ["questions"])
    audit.record("question.moved", f"consultation:{consultation.id}", user=user, question=question.id, direction=direction)
    db.session.commit()
    return question


def remove_question(question, user):
    """Delete a question and close the gap in numbering; commits.

    :raise QuestionProblem: when a later question is shown only after one of its answers.
    """
    consultation = question.consultation
    ensure_editable(consultation)
    _refuse_if_needed_by_others(consultation, question.options, "remove this question")
    later = [q for q in consultation.questions if q.position > question.position]
    consultation.questions.remove(question)
    db.session.flush()
    for other in later:
        other.position -= 1
        db.session.flush()
    audit.record("question.removed", f"consultation:{consultation.id}", user=user, title=question.title[:80])
    db.session.commit()
