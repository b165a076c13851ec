"""The printable paper questionnaire: every question numbered as the paper-entry page numbers it,
with the survey's skip logic written out as instructions a resident can follow with a pen."""
from typing import NamedTuple


class PaperQuestion(NamedTuple):
    number: int
    question: object
    # (value, label, exclusive) boxes to tick; empty for written answers.
    boxes: list
    # "Answer this only if ..." for a question the web survey shows only after a certain answer.
    only_if: str
    # "If you answered ‘No’, go to question 5." lines printed after the question's boxes.
    go_to: list


def _quoted(labels):
    quoted = [f"‘{label}’" for label in labels]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def only_if_text(question, numbers):
    """The condition of a skip-logic question in words, or "" when it is always asked."""
    option = question.show_when_option
    if option is None:
        return ""
    parent = option.question
    verb = "ticked" if parent.kind == "multiple" else "answered"
    return f"Answer this question only if you {verb} ‘{option.label}’ at question {numbers[parent.id]}."


def _next_for(questions, index, option):
    """The number (1-based) of the question a resident goes to after question `index` answered with
    `option`: the next one not kept for another answer to that same question, or None at the end."""
    parent = questions[index]
    for later_index in range(index + 1, len(questions)):
        condition = questions[later_index].show_when_option
        if condition is None or condition.question_id != parent.id or condition.id == option.id:
            return later_index + 1
    return None


def go_to_lines(questions, index):
    """For a one-answer question whose answers lead to different questions: one line per place to go."""
    question = questions[index]
    if question.kind not in ("single", "scale"):
        return []
    targets = {}
    for option in question.options:
        targets.setdefault(_next_for(questions, index, option), []).append(option.label)
    if len(targets) < 2:
        return []
    lines = []
    for number, labels in targets.items():
        if number == index + 2:
            continue  # the next question: nothing to say
        where = f"go to question {number}" if number else "you have finished: go to the end of this form"
        lines.append(f"If you answered {_quoted(labels)}, {where}.")
    return lines


def _skip_past_lines(questions, numbers):
    """{index: [line]} for the question just before a run of questions kept for one answer to an
    earlier question, when that earlier question is further back: where to go if it was not that answer."""
    lines = {}
    index = 0
    while index < len(questions):
        option = questions[index].show_when_option
        if option is None or index == 0:
            index += 1
            continue
        end = index
        while end + 1 < len(questions) and questions[end + 1].show_when_option_id == option.id:
            end += 1
        before = questions[index - 1]
        parent = option.question
        if before.id != parent.id or parent.kind not in ("single", "scale"):
            verb = "tick" if parent.kind == "multiple" else "answer"
            where = f"go to question {end + 2}" if end + 1 < len(questions) else "you have finished: go to the end of this form"
            lines.setdefault(index - 1, []).append(
                f"If you did not {verb} ‘{option.label}’ at question {numbers[parent.id]}, {where}."
            )
        index = end + 1
    return lines


def paper_questions(consultation):
    """Every question, in the survey's order and numbering, as the paper form prints it."""
    questions = list(consultation.questions)
    numbers = {question.id: index + 1 for index, question in enumerate(questions)}
    skip_past = _skip_past_lines(questions, numbers)
    items = []
    for index, question in enumerate(questions):
        if question.kind == "area":
            boxes = [(area.id, area.name, False) for area in consultation.areas]
        else:
            boxes = [(option.id, option.label, option.exclusive) for option in question.options]
        go_to = go_to_lines(questions, index) + skip_past.get(index, [])
        items.append(PaperQuestion(index + 1, question, boxes, only_if_text(question, numbers), go_to))
    return items
