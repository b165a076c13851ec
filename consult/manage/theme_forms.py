"""Forms for the theme editor: a theme's name, description, terms and whether it is in use."""
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class ThemeForm(FlaskForm):
    name = StringField(filters=[_strip])
    description = TextAreaField(filters=[_strip])
    terms = TextAreaField()
    active = BooleanField()


class NewThemeForm(ThemeForm):
    slug = StringField(filters=[_strip])


class ReanalyseForm(FlaskForm):
    """The "Re-analyse answers now" button."""
