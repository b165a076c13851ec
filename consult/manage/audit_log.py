"""The audit log page (admins only): newest first, filtered, paginated, read-only."""
import re
from datetime import date, datetime, timedelta

from flask import render_template, request

from consult.access import role_required
from consult.manage import bp
from consult.services.accounts import audit

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


def _whole_number(name):
    """?name=123 as a number a database integer holds, else None (a 20-digit one was a 500)."""
    value = request.args.get(name, "").strip()
    return int(value) if re.fullmatch(r"[0-9]{1,9}", value) else None


@bp.get("/audit")
@role_required("admin")
def audit_log():
    errors = []
    start, end = _day("from", errors), _day("to", errors)
    if start and end and end < start:
        errors.append(("to", "The ‘to’ date must be the same as or after the ‘from’ date"))
        end = None
    action = request.args.get("action", "").strip() or None
    user_id = _whole_number("user")
    page = max(1, _whole_number("page") or 1)
    events, total = audit.event_page(
        action=action, user_id=user_id,
        start=datetime.combine(start, datetime.min.time()) if start else None,
        # No day follows 9999-12-31 (computing one was a 500): that 'to' date sets no limit.
        end=datetime.combine(end + timedelta(days=1), datetime.min.time()) if end and end < date.max else None,
        page=page, per_page=PER_PAGE,
    )
    pages = max(1, -(-total // PER_PAGE))
    filters = {"action": action or "", "user": user_id or "", "from": request.args.get("from", ""), "to": request.args.get("to", "")}
    return render_template(
        "manage/audit/index.html", events=events, total=total, page=page, pages=pages, filters=filters,
        actions=audit.recorded_actions(), users=audit.users_in_log(), label=audit.action_label,
        errors=errors, has_error=bool(errors),
    )
