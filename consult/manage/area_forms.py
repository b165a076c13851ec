"""The form officers use to enter an area's population."""
import re

from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import ValidationError

from consult.cleaning import strip_spaces
from consult.services.consultations.areas import POPULATION_MAX, POPULATION_MIN

# Thousands may be written with commas or spaces, as people write them: "12,500" or "12 500".
# At most 12 digits: larger numbers are refused by the range check, never converted from huge text.
WHOLE_NUMBER = re.compile(r"^\d{1,3}(?:[, ]?\d{3}){0,3}$")


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


def cell_name(band_index, sex):
    return f"people-{band_index}-{sex.lower()}"


def population_table_form(bands, sexes, cells):
    """A form with one whole-number field per age band and sex, filled from `cells`."""

    class AreaPopulationTableForm(FlaskForm):
        def values(self):
            """{(band, sex): people or None} as entered."""
            found = {}
            for index, band in enumerate(bands):
                for sex in sexes:
                    text = (self[cell_name(index, sex)].data or "").replace(",", "").replace(" ", "")
                    found[(band, sex)] = int(text) if text else None
            return found

    data = {}
    for index, band in enumerate(bands):
        for sex in sexes:
            name = cell_name(index, sex)
            setattr(AreaPopulationTableForm, name, StringField(filters=[strip_spaces], validators=[_whole_number_or_blank(f"{sex} aged {band}")]))
            if (band, sex) in cells:
                data[name] = str(cells[(band, sex)])
    return AreaPopulationTableForm(data=data)


def _whole_number_or_blank(label):
    def check(form, field):
        text = field.data or ""
        if text and (not WHOLE_NUMBER.match(text) or int(text.replace(",", "").replace(" ", "")) > POPULATION_MAX):
            raise ValidationError(f"Enter the number of people ({label.lower()}) as a whole number, like 1200, or leave it blank")
    return check
