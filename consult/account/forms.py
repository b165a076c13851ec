"""The form for a new personal API token: a name and how long it lasts."""
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField
from wtforms.validators import ValidationError

from consult.cleaning import strip_spaces
from consult.services.accounts.api_tokens import LIFETIMES, name_problem

LIFETIME_LABELS = {30: "30 days", 90: "90 days", 365: "1 year"}


class TokenForm(FlaskForm):
    name = StringField(filters=[strip_spaces])
    days = RadioField(validate_choice=False)

    def validate_name(self, field):
        problem = name_problem(field.data or "")
        if problem:
            raise ValidationError(problem)

    def validate_days(self, field):
        if field.data not in {str(days) for days in LIFETIMES}:
            raise ValidationError("Choose how long the token lasts")


def lifetime_options():
    return [(str(days), LIFETIME_LABELS[days], False) for days in LIFETIMES]


class ConfirmForm(FlaskForm):
    """A button with nothing to fill in but the CSRF token."""
