"""The officer workspace at /manage: consultations, tag review, safeguarding, areas, themes, users, audit log, settings.

Every route needs the admin or officer role; pages for admins only add role_required("admin").
Each feature keeps its routes in its own module, imported below.
"""
from flask import Blueprint, current_app
from flask_login import current_user

from consult.access import protect_blueprint

bp = Blueprint("manage", __name__, url_prefix="/manage")
protect_blueprint(bp, "admin", "officer")

# (endpoint, label, roles): the officer navigation, shown when the endpoint exists.
NAVIGATION = (
    ("manage.dashboard", "Consultations", ("admin", "officer")),
    ("manage.review_queue", "Review tags", ("admin", "officer")),
    ("manage.safeguarding_queue", "Safeguarding", ("admin", "officer")),
    ("manage.suspect_responses", "Suspect responses", ("admin", "officer")),
    ("manage.erase_lookup", "Delete on request", ("admin", "officer")),
    ("manage.areas_list", "Areas", ("admin", "officer")),
    ("manage.themes_list", "Themes", ("admin",)),
    ("manage.users_list", "Users", ("admin",)),
    ("manage.settings", "Settings", ("admin",)),
    ("manage.audit_log", "Audit log", ("admin",)),
    ("manage.outbox_list", "Outbox", ("admin",)),
    ("board.index", "Board summaries", ("admin", "officer")),
)


@bp.context_processor
def officer_layout():
    """What templates/manage/layout.html needs on every officer page: the navigation and the
    number of safeguarding flags nobody has acted on yet."""
    from consult.services.tagging.review import review_summary
    from consult.services.casework.safeguarding import open_count

    if not current_user.is_authenticated:
        return {}
    links = [
        (endpoint, label)
        for endpoint, label, roles in NAVIGATION
        if endpoint in current_app.view_functions and current_user.role in roles
    ]
    return {
        "manage_navigation": links,
        "safeguarding_open_count": open_count(),
        # For templates/manage/_review_summary.html, which any officer page may include.
        "review_summary_for": review_summary,
    }


from consult.manage import audit_log, review, safeguarding, themes, users  # noqa: E402,F401  (routes register on import)
from consult.manage import consultations, exports, outcomes, paper, preview, questions, sharing  # noqa: E402,F401,I001
from consult.manage import areas, jobs, outbox, responses, settings, translations  # noqa: E402,F401
