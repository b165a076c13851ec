"""A signed-in member of staff's own account pages: their personal API tokens."""
from flask import Blueprint

from consult.access import protect_blueprint

bp = Blueprint("account", __name__, url_prefix="/account")
protect_blueprint(bp, "admin", "officer", "board", "partner")

from consult.account import views  # noqa: E402,F401  (routes register on import)
