"""A grid and a ranking question added to the demo survey, and answers to them."""
from consult.extensions import db
from consult.models import Option, Question

AGREE = ["Strongly agree", "Agree", "Disagree", "Strongly disagree"]
STATEMENTS = ["the police deal with the issues that matter", "the council keeps streets clean"]
PRIORITIES = ["More patrols", "Better lighting", "Youth clubs", "CCTV"]


def add_grid_and_ranking(consultation):
    """Questions 11 (grid) and 12 (ranking of the top three) at the end of the demo survey."""
    start = max((q.position for q in consultation.questions), default=0) + 1
    grid = Question(consultation=consultation, position=start, kind="grid", title="How much do you agree?", scale_points=AGREE)
    grid.options = [Option(position=n, label=label) for n, label in enumerate(STATEMENTS, start=1)]
    ranking = Question(consultation=consultation, position=start + 1, kind="ranking", title="Choose your top three priorities, in order", ranks=3)
    ranking.options = [Option(position=n, label=label) for n, label in enumerate(PRIORITIES, start=1)]
    db.session.add_all([grid, ranking])
    db.session.commit()
    return grid, ranking


def grid_data(grid, *points):
    """Form data answering each statement with the scale point of that number (1 = first)."""
    return {f"row_{option.id}": str(point) for option, point in zip(grid.options, points)}


def ranking_data(ranking, *labels):
    by_label = {option.label: str(option.id) for option in ranking.options}
    return {f"rank_{n}": by_label[label] for n, label in enumerate(labels, start=1)}
