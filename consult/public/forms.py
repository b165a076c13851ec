"""Residents' own buttons: "Send my answers" on check answers and "Start again" (question forms are in consult/answer_forms.py)."""
from flask_wtf import FlaskForm

from consult.answer_forms import ResidentMeta


class SubmitForm(FlaskForm):
    """The "Send my answers" button on check answers: nothing to fill in (CSRFProtect checks the token)."""

    Meta = ResidentMeta


class StartAgainForm(FlaskForm):
    """The "Start again" button that clears this browser's surveys (CSRFProtect checks the token)."""

    Meta = ResidentMeta
