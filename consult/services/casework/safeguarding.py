"""The safeguarding queue: flagged answers, their status, and the actions officers record."""
import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from consult.extensions import db
from consult.models import (
    CLOSING_ACTIONS,
    SAFEGUARDING_ACTIONS,
    SAFEGUARDING_LEVELS,
    Answer,
    Area,
    Consultation,
    Response,
    SafeguardingAction,
    SafeguardingLevelChange,
    utcnow,
)
from consult.services.accounts.audit import record

STATUSES = {"open": "Open", "acknowledged": "Acknowledged", "closed": "Closed"}
NOTE_LIMIT = 5000
REASON_LIMIT = 2000


class SafeguardingError(ValueError):
    """An action that cannot be recorded; the message is for the officer."""


def _closed():
    return sa.exists().where(SafeguardingAction.answer_id == Answer.id, SafeguardingAction.kind.in_(CLOSING_ACTIONS))


def _any_action():
    return sa.exists().where(SafeguardingAction.answer_id == Answer.id)


def status_expression():
    """A flag's status in SQL: closed once a closing action exists, acknowledged after any action."""
    return sa.case((_closed(), "closed"), (_any_action(), "acknowledged"), else_="open")


def open_count():
    """Flags no officer has acted on yet: the number shown on every officer page."""
    return db.session.scalar(
        sa.select(sa.func.count(Answer.id)).where(Answer.safeguarding_level != "none", ~_any_action())
    )


def queue(status="active", limit=200):
    """Flagged answers as (answer, status) pairs, urgent first then oldest.

    `status` is "active" (open and acknowledged), "open", "acknowledged", "closed" or "all".
    """
    status_column = status_expression().label("status")
    query = (
        sa.select(Answer, status_column)
        .join(Answer.response)
        .options(
            joinedload(Answer.response).joinedload(Response.consultation),
            joinedload(Answer.response).joinedload(Response.area),
            joinedload(Answer.question),
        )
        .where(Answer.safeguarding_level != "none")
    )
    if status == "active":
        query = query.where(~_closed())
    elif status == "open":
        query = query.where(~_any_action())
    elif status == "acknowledged":
        query = query.where(_any_action(), ~_closed())
    elif status == "closed":
        query = query.where(_closed())
    urgency = sa.case((Answer.safeguarding_level == "urgent", 0), else_=1)
    query = query.order_by(urgency, Response.submitted_at, Answer.id).limit(limit)
    return db.session.execute(query).unique().all()


def flagged_answer(answer_id):
    """A flagged answer with its response, or None when there is no such flag."""
    answer = db.session.get(Answer, answer_id)
    if answer is None or answer.safeguarding_level == "none":
        return None
    return answer


def open_flag(answer, user):
    """The flag's page is being shown with its original text: log who read it; commits.

    Returns (status, actions oldest first).
    """
    record("safeguarding.viewed", f"answer:{answer.id}", user=user, level=answer.safeguarding_level)
    record("answer.raw_viewed", f"answer:{answer.id}", user=user, where="safeguarding")
    db.session.commit()
    return flag_status(answer), actions_for(answer)


def flag_status(answer):
    return db.session.scalar(sa.select(status_expression()).where(Answer.id == answer.id))


def actions_for(answer):
    return db.session.scalars(
        sa.select(SafeguardingAction).where(SafeguardingAction.answer_id == answer.id).order_by(SafeguardingAction.at, SafeguardingAction.id)
    ).all()


def history_for(answer):
    """Actions and level changes on the flag, oldest first: each has label, user, at and note."""
    changes = db.session.scalars(
        sa.select(SafeguardingLevelChange).where(SafeguardingLevelChange.answer_id == answer.id)
    ).all()
    return sorted([*actions_for(answer), *changes], key=lambda entry: (entry.at, entry.id))


def change_level(answer, level, reason, user):
    """Set a flag's level ("concern" or "urgent") for a reason the officer gives; the change
    is kept in the flag's history and audit-logged; commits. :raise SafeguardingError:
    """
    reason = (reason or "").strip()
    if level not in SAFEGUARDING_LEVELS:
        raise SafeguardingError("Select the level the flag should have")
    if level == answer.safeguarding_level:
        raise SafeguardingError(f"The flag is already {SAFEGUARDING_LEVELS[level].lower()}: select the other level")
    if not reason:
        raise SafeguardingError("Enter why you are changing the level")
    if len(reason) > REASON_LIMIT:
        raise SafeguardingError(f"The reason must be {REASON_LIMIT:,} characters or fewer")
    before = answer.safeguarding_level
    db.session.add(SafeguardingLevelChange(
        answer_id=answer.id, user_id=user.id, from_level=before, to_level=level, reason=reason, at=utcnow()))
    answer.safeguarding_level = level
    record("safeguarding.level_changed", f"answer:{answer.id}", user=user, before=before, after=level)
    db.session.commit()


def record_action(answer, kind, note, user):
    """Record an officer's action on a flag and audit-log it; commits.

    A note is needed for every action that closes the flag. :raise SafeguardingError:
    """
    note = (note or "").strip()
    if kind not in SAFEGUARDING_ACTIONS:
        raise SafeguardingError("Select what you did")
    if kind in CLOSING_ACTIONS and not note:
        raise SafeguardingError("Enter a note saying what was done, for the record")
    if len(note) > NOTE_LIMIT:
        raise SafeguardingError(f"The note must be {NOTE_LIMIT:,} characters or fewer")
    action = SafeguardingAction(answer_id=answer.id, user_id=user.id, kind=kind, note=note, at=utcnow())
    db.session.add(action)
    record("safeguarding.action", f"answer:{answer.id}", user=user, kind=kind)
    db.session.commit()
    return action


def consultation_and_area(answer):
    """(consultation title, area name) for the flag's page."""
    row = db.session.execute(
        sa.select(Consultation.title, Area.name)
        .select_from(Response)
        .join(Consultation, Consultation.id == Response.consultation_id)
        .outerjoin(Area, Area.id == Response.area_id)
        .where(Response.id == answer.response_id)
    ).one()
    return row[0], row[1]
