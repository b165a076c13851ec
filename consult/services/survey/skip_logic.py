"""Skip logic: which questions a resident sees for the answers they have given."""


def chosen_option_ids(question, value):
    if question.kind in ("single", "scale"):
        return [value] if isinstance(value, int) else []
    if question.kind == "multiple":
        return [v for v in value or [] if isinstance(v, int)]
    return []


def graded_choices(question, value):
    """A grid's or ranking's answer as (option id, choice) pairs: a statement and its scale point
    (1 = first), or an option and its rank (1 = first)."""
    if question.kind == "grid" and isinstance(value, dict):
        points = len(question.scale_points or [])
        return [(int(o), p) for o, p in value.items() if str(o).isdigit() and isinstance(p, int) and 0 < p <= points]
    if question.kind == "ranking" and isinstance(value, list):
        return [(o, rank) for rank, o in enumerate(value, start=1) if isinstance(o, int)]
    return []


def has_answer(question, value):
    if question.kind in ("single", "scale", "multiple"):
        valid = {option.id for option in question.options}
        return any(option_id in valid for option_id in chosen_option_ids(question, value))
    if question.kind == "area":
        return bool(value) and bool(value.get("area_id"))
    if question.kind in ("grid", "ranking"):
        return bool(value) and isinstance(value, (dict, list))
    return bool(value and str(value).strip())


def visible_questions(questions, answers):
    """The questions shown for these answers: skip logic hides those whose condition fails."""
    visible = []
    chosen = set()
    for question in questions:
        if question.show_when_option_id is None or question.show_when_option_id in chosen:
            visible.append(question)
            chosen.update(chosen_option_ids(question, answers.get(str(question.id))))
    return visible


def first_unseen(questions, answers):
    """The first visible question the resident has not reached yet, or None."""
    for question in visible_questions(questions, answers):
        if str(question.id) not in answers:
            return question
    return None
