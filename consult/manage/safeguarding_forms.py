"""The form an officer fills in to record what they did about a safeguarding flag."""
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class SafeguardingActionForm(FlaskForm):
    kind = RadioField(validate_choice=False)
    note = TextAreaField(filters=[_strip])
