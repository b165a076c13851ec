"""Linking the options of a choice question to themes: ticking one raises its theme on the board."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Theme
from consult.services.accounts import audit
from consult.services.consultations.questions import CHOICE_KINDS


class NotLinkable(Exception):
    """Raised for a question whose options cannot count towards a theme (not a choice question)."""


def linkable(question):
    """True for single and multiple choice questions: their answers can name a theme."""
    return question.kind in CHOICE_KINDS


def linkable_options(question):
    """The options that may count towards a theme: "None of these" never does."""
    return [option for option in question.options if not option.exclusive]


def theme_choices(question=None):
    """[(theme id, name)] an option may count towards: the active themes, and any the question's
    options already count towards (an admin may have retired one since), in the taxonomy's order."""
    linked = [option.theme_id for option in question.options if option.theme_id] if question is not None else []
    return db.session.execute(
        sa.select(Theme.id, Theme.name)
        .where(sa.or_(Theme.active.is_(True), Theme.id.in_(linked)))
        .order_by(Theme.position, Theme.id)
    ).all()


def link_options(question, links, user):
    """Set which theme each option counts towards; `links` is {option id: theme id or None}.

    Options left out of `links` keep their link. Works after responses arrive too: the answers
    keep their meaning, and the board's counts are recounted (summaries/tally.py). Commits.

    :raise NotLinkable: when the question is not a single or multiple choice question.
    :raise ValueError: when a theme id is not one of theme_choices() or an option not the question's.
    """
    if not linkable(question):
        raise NotLinkable(question.id)
    allowed = {theme_id for theme_id, _name in theme_choices(question)}
    options = {option.id: option for option in linkable_options(question)}
    changed = {}
    for option_id, theme_id in links.items():
        if option_id not in options or (theme_id is not None and theme_id not in allowed):
            raise ValueError(f"option {option_id} cannot count towards theme {theme_id}")
        option = options[option_id]
        if option.theme_id != theme_id:
            option.theme_id = theme_id
            changed[str(option_id)] = theme_id
    if changed:
        audit.record(
            "question.themes_linked", f"consultation:{question.consultation_id}", user=user, question=question.id, links=changed
        )
    db.session.commit()
    return changed
