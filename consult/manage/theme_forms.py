"""Forms for the theme editor: a theme's name, description, terms and whether it is in use."""
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField

from consult.cleaning import strip_spaces


class ThemeForm(FlaskForm):
    name = StringField(filters=[strip_spaces])
    description = TextAreaField(filters=[strip_spaces])
    terms = TextAreaField()
    active = BooleanField()


class NewThemeForm(ThemeForm):
    slug = StringField(filters=[strip_spaces])


class ReanalyseForm(FlaskForm):
    """The "Re-analyse answers now" button."""
