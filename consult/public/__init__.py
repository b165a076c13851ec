"""Residents' pages: open consultations, one question a page, check answers, thank you."""
from flask import Blueprint

bp = Blueprint("public", __name__)

from consult.public import results_email, saved, views  # noqa: E402,F401,I001  (routes register on import)
