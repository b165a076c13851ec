"""Read-only JSON API for the board's summaries at /api/v1, behind the board roles."""
from flask import Blueprint

from consult.access import protect_blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")
protect_blueprint(bp, "admin", "officer", "board", "partner", api=True)

from consult.api import views  # noqa: E402,F401  (routes register on import)
