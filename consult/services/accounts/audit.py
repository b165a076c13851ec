"""The audit log's one way in: record(...) adds an event to the caller's transaction."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import AuditEvent, User, utcnow

ACTION_LABELS = {
    "login": "Signed in",
    "login.failed": "Sign-in failed",
    "logout": "Signed out",
    "session.expired": "Session ended (inactive, or signed in too long)",
    "user.created": "User created",
    "user.invited": "User invited",
    "user.password_set": "Password set",
    "user.role_changed": "Role changed",
    "user.disabled": "User disabled",
    "user.enabled": "User enabled",
    "user.signed_out_everywhere": "Signed out everywhere",
    "user.alerts_changed": "Safeguarding alerts switched on or off",
    "safeguarding.escalated": "Unopened urgent flag sent to admins",
    "safeguarding.digest_sent": "Daily safeguarding digest sent",
    "user.areas_changed": "Partner's areas changed",
    "api_token.created": "API token created",
    "api_token.revoked": "API token revoked",
    "api_token.used": "API called with a token",
    "answer.raw_viewed": "Original text viewed",
    "answer.reviewed": "Tags reviewed",
    "safeguarding.viewed": "Flagged answer opened",
    "safeguarding.action": "Safeguarding action recorded",
    "area.updated": "Area population changed",
    "safeguarding.level_changed": "Safeguarding flag level changed",
    "theme.created": "Theme added",
    "theme.updated": "Theme changed",
    "theme.retagged": "Answers re-analysed",
    "analysis.retrained": "Analysis model retrained and switched on",
    "analysis.retrain_refused": "Retrained analysis model scored worse: not switched on",
    "response.erased": "Response deleted on request",
    "response.kept": "Suspect response kept",
    "responses.anonymised": "Responses anonymised after retention",
    "consultation.created": "Consultation created",
    "consultation.updated": "Consultation details changed",
    "consultation.copied": "Consultation copied as a new draft",
    "consultation.translated": "Consultation's texts translated",
    "consultation.opened": "Consultation opened",
    "consultation.closed": "Consultation closed",
    "consultation.published": "You said, we did published",
    "question.added": "Question added",
    "question.updated": "Question changed",
    "question.moved": "Question moved",
    "question.removed": "Question removed",
    "outcome.saved": "You said, we did saved",
    "response.paper_entered": "Paper response entered",
    "settings.contact_changed": "Partnership contact details changed",
    "export.redacted": "Responses exported (redacted)",
    "export.raw": "Responses exported with original text",
}


def record(action, target="", *, user, **detail):
    """Add an AuditEvent for `action` on `target` (e.g. "answer:42"); the caller commits.

    `user` is the member of staff acting, or None for the system (a closing date, the nightly
    retention run). `detail` must be JSON-serialisable and must not hold residents' answer text.
    """
    user_id = user.id if user is not None else None
    event = AuditEvent(action=action, target=str(target)[:255], user_id=user_id, detail=detail, at=utcnow())
    db.session.add(event)
    return event


def action_label(action):
    return ACTION_LABELS.get(action, action)


def event_page(action=None, user_id=None, start=None, end=None, page=1, per_page=50):
    """Events newest first, filtered; returns (events, total). `end` is exclusive."""
    query = sa.select(AuditEvent)
    if action:
        query = query.where(AuditEvent.action == action)
    if user_id:
        query = query.where(AuditEvent.user_id == user_id)
    if start:
        query = query.where(AuditEvent.at >= start)
    if end:
        query = query.where(AuditEvent.at < end)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    events = db.session.scalars(
        query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).offset((page - 1) * per_page).limit(per_page)
    ).all()
    return events, total


def recorded_actions():
    """Every action that appears in the log, for the filter's list."""
    return db.session.scalars(sa.select(AuditEvent.action).distinct().order_by(AuditEvent.action)).all()


def users_in_log():
    return db.session.scalars(sa.select(User).order_by(User.email)).all()
