"""The one-step review form: tick the themes that apply to an answer, with an optional note."""
from flask_wtf import FlaskForm
from wtforms import SelectMultipleField, TextAreaField
from wtforms.validators import ValidationError

from consult.cleaning import strip_spaces


class ReviewForm(FlaskForm):
    themes = SelectMultipleField(validate_choice=False)
    note = TextAreaField(filters=[strip_spaces])

    def validate_themes(self, field):
        try:
            self.theme_ids = sorted({int(value) for value in field.data or [] if value})
        except ValueError:
            raise ValidationError("Select from the themes shown") from None
