"""The forms on a safeguarding flag's page: record what was done, change the flag's level."""
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField

from consult.cleaning import strip_spaces


class SafeguardingActionForm(FlaskForm):
    kind = RadioField(validate_choice=False)
    note = TextAreaField(filters=[strip_spaces])


class ChangeLevelForm(FlaskForm):
    level = RadioField(validate_choice=False)
    reason = TextAreaField(filters=[strip_spaces])
