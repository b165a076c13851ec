"""Residents' own forms: the "Submit" button on check answers (question forms are in consult/answer_forms.py)."""
from flask_wtf import FlaskForm

from consult.answer_forms import ResidentMeta


class SubmitForm(FlaskForm):
    """The "Submit" button on check answers: nothing to fill in (CSRFProtect checks the token)."""

    Meta = ResidentMeta
