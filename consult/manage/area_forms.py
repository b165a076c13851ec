"""The form officers use to enter an area's population."""
import re

from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import ValidationError

from consult.cleaning import strip_spaces
from consult.services.consultations.areas import POPULATION_MAX, POPULATION_MIN

# Thousands may be written with commas or spaces, as people write them: "12,500" or "12 500".
WHOLE_NUMBER = re.compile(r"^\d{1,3}(?:[, ]?\d{3})*$")


class AreaPopulationForm(FlaskForm):
    population = StringField(filters=[strip_spaces])

    def validate_population(self, field):
        text = field.data or ""
        if not text:
            return
        if not WHOLE_NUMBER.match(text):
            raise ValidationError("Enter the population as a whole number, like 12500, or leave it blank if you do not know it")
        value = int(text.replace(",", "").replace(" ", ""))
        if not POPULATION_MIN <= value <= POPULATION_MAX:
            raise ValidationError(f"The population must be between {POPULATION_MIN} and {POPULATION_MAX:,}")

    @property
    def value(self):
        """The population as a number, or None when left blank (not known)."""
        text = (self.population.data or "").replace(",", "").replace(" ", "")
        return int(text) if text else None
