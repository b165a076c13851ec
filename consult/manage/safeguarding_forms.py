"""The form an officer fills in to record what they did about a safeguarding flag."""
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField

from consult.cleaning import strip_spaces


class SafeguardingActionForm(FlaskForm):
    kind = RadioField(validate_choice=False)
    note = TextAreaField(filters=[strip_spaces])
