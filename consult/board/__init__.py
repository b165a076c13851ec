"""Board and partner pages: themed summaries by community, drill-down, trend, report, downloads."""
from flask import Blueprint

from consult.access import protect_blueprint

bp = Blueprint("board", __name__, url_prefix="/board")
protect_blueprint(bp, "admin", "officer", "board", "partner")

from consult.board import views  # noqa: E402,F401  (routes register on import)
