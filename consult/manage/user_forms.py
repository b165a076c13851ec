"""Forms an administrator uses to invite people and change their role."""
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectMultipleField, StringField
from wtforms.validators import ValidationError

from consult.access import ROLE_NAMES, ROLES
from consult.cleaning import strip_spaces
from consult.services.accounts.users import email_problem, normalise_email

ROLE_HINTS = {
    "admin": "Everything officers can do, plus users, themes and the audit log",
    "officer": "Runs consultations, reviews tags, acts on safeguarding flags, sees original text",
    "board": "Reads summaries and reports (redacted text only)",
    "partner": "A partner agency's read-only view of published summaries (redacted text only), optionally of some areas only",
}



def role_choices():
    return [(role, ROLE_NAMES[role]) for role in ROLES]


class RoleForm(FlaskForm):
    role = RadioField(validate_choice=False)

    def validate_role(self, field):
        if field.data not in ROLES:
            raise ValidationError("Select a role")


class InviteForm(RoleForm):
    email = StringField(filters=[strip_spaces])
    name = StringField(filters=[strip_spaces])

    def validate_email(self, field):
        problem = email_problem(normalise_email(field.data))
        if problem:
            raise ValidationError(problem)

    def validate_name(self, field):
        if len(field.data or "") > 120:
            raise ValidationError("The name must be 120 characters or fewer")


class AreasForm(FlaskForm):
    """The areas a partner account is limited to: none ticked means every area."""

    areas = SelectMultipleField(validate_choice=False)

    def validate_areas(self, field):
        known = {str(value) for value, _label in field.choices}
        if any(str(value) not in known for value in field.data or ()):
            raise ValidationError("Choose areas from the list")

    @property
    def area_ids(self):
        return [int(value) for value in self.areas.data or ()]


class ConfirmForm(FlaskForm):
    """A button with nothing to fill in but the CSRF token."""


class AlertsForm(FlaskForm):
    """Whether this person is e-mailed about urgent safeguarding flags and the daily digest."""

    receives = BooleanField()
