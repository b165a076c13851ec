"""Residents' own buttons and small forms: "Send my answers", "Start again", the results e-mail (question forms are in consult/answer_forms.py)."""
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import ValidationError

from consult.cleaning import strip_spaces
from consult.services.accounts.users import email_problem, normalise_email

from consult.answer_forms import ResidentMeta


class SubmitForm(FlaskForm):
    """The "Send my answers" button on check answers: nothing to fill in (CSRFProtect checks the token)."""

    Meta = ResidentMeta


class StartAgainForm(FlaskForm):
    """The "Start again" button that clears this browser's surveys (CSRFProtect checks the token)."""

    Meta = ResidentMeta


class ResultsEmailForm(FlaskForm):
    """"Tell me when the results are published": one e-mail address (CSRFProtect checks the token)."""

    Meta = ResidentMeta
    email = StringField(filters=[strip_spaces])

    def validate_email(self, field):
        problem = email_problem(normalise_email(field.data))
        if problem:
            raise ValidationError(problem)


class ResumeForm(FlaskForm):
    """"Continue a saved response": the resume code (CSRFProtect checks the token)."""

    Meta = ResidentMeta
    code = StringField(filters=[strip_spaces])


class SavedEmailForm(ResultsEmailForm):
    """"E-mail me a link" on the saved page: an address, and the code the page showed."""

    code = StringField(filters=[strip_spaces])
