"""Review forms: tick the themes that apply to one answer (with a note), or confirm a selection's tags."""
import re

from flask_wtf import FlaskForm
from wtforms import SelectMultipleField, TextAreaField
from wtforms.validators import ValidationError

from consult.cleaning import strip_spaces

_ID = re.compile(r"[0-9]{1,9}")


class ReviewForm(FlaskForm):
    themes = SelectMultipleField(validate_choice=False)
    note = TextAreaField(filters=[strip_spaces])

    def validate_themes(self, field):
        values = [value for value in field.data or [] if value]
        # Ids a database integer holds: a 20-digit one was a 500 (found by tests/fuzz).
        if not all(_ID.fullmatch(value) for value in values):
            raise ValidationError("Select from the themes shown")
        self.theme_ids = sorted({int(value) for value in values})


class BulkConfirmForm(FlaskForm):
    """The queue's checkboxes: the answers whose tags the officer confirms as they are."""

    answers = SelectMultipleField(validate_choice=False)

    def validate_answers(self, field):
        values = [value for value in field.data or [] if value]
        if not all(_ID.fullmatch(value) for value in values):
            raise ValidationError("Select from the answers shown")
        self.answer_ids = sorted({int(value) for value in values})
