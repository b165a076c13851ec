"""The audit log page (admins only): newest first, filtered, paginated, read-only."""
from datetime import date, datetime, timedelta

from flask import render_template, request

from consult.auth.access import role_required
from consult.manage import bp
from consult.services import audit

PER_PAGE = 50


def _day(name, errors):
    """The date in ?name=YYYY-MM-DD, or None; a bad one adds a message to `errors`."""
    value = request.args.get(name, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append((name, "Enter a real date, like 2026-11-30"))
        return None


@bp.get("/audit")
@role_required("admin")
def audit_log():
    errors = []
    start, end = _day("from", errors), _day("to", errors)
    if start and end and end < start:
        errors.append(("to", "The ‘to’ date must be the same as or after the ‘from’ date"))
        end = None
    action = request.args.get("action", "").strip() or None
    user_id = request.args.get("user", type=int)
    page = max(1, request.args.get("page", 1, type=int))
    events, total = audit.event_page(
        action=action, user_id=user_id,
        start=datetime.combine(start, datetime.min.time()) if start else None,
        end=datetime.combine(end + timedelta(days=1), datetime.min.time()) if end else None,
        page=page, per_page=PER_PAGE,
    )
    pages = max(1, -(-total // PER_PAGE))
    filters = {"action": action or "", "user": user_id or "", "from": request.args.get("from", ""), "to": request.args.get("to", "")}
    return render_template(
        "manage/audit/index.html", events=events, total=total, page=page, pages=pages, filters=filters,
        actions=audit.recorded_actions(), users=audit.users_in_log(), label=audit.action_label,
        errors=errors, has_error=bool(errors),
    )
