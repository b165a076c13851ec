"""Forms for signing in and for setting a password from a one-time link."""
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import ValidationError

from consult.cleaning import strip_spaces


class LoginForm(FlaskForm):
    # Passwords are never stripped: spaces may be part of them.
    email = StringField(filters=[strip_spaces])
    password = PasswordField()

    def validate_email(self, field):
        if not field.data:
            raise ValidationError("Enter your email address")

    def validate_password(self, field):
        if not field.data:
            raise ValidationError("Enter your password")


class SetPasswordForm(FlaskForm):
    password = PasswordField()
    confirm = PasswordField()

    def validate_password(self, field):
        if not field.data:
            raise ValidationError("Enter a password")

    def validate_confirm(self, field):
        if self.password.data and field.data != self.password.data:
            raise ValidationError("The passwords do not match. Type the same password twice")
