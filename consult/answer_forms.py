"""A survey question's form, one per kind, shared by residents' pages, officers' preview and paper entry.

Each form validates an answer into the value a draft keeps.
"""
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from consult.cleaning import CleanFieldsMeta
from consult.formatting import local_ordinal, local_number
from consult.postcodes import area_for_district, postcode_district


def required_message(question):
    """What a resident is told when they leave this required question blank: the officer's own
    wording, or one made from the question, so a screen reader's error list says which question."""
    wording = (getattr(question, "error_message", "") or "").strip()
    if wording:
        return wording
    if question.kind == "multiple":
        return _("Select at least one answer to: %(question)s", question=question.title)
    if question.kind == "area":
        return _("Select your area, or enter your postcode, to answer: %(question)s", question=question.title)
    if question.is_text:
        return _("Enter your answer to: %(question)s", question=question.title)
    return _("Select an answer to: %(question)s", question=question.title)


class ResidentMeta(CleanFieldsMeta):
    # CSRFProtect already checks the token of every POST before any view runs.
    csrf = False


class AnswerForm(FlaskForm):
    """One question's answer; `value` holds the parsed answer once the form validates."""

    Meta = ResidentMeta

    def __init__(self, question, areas=(), **kwargs):
        self.question = question
        self.areas = list(areas)
        self.value = None
        super().__init__(**kwargs)

    def _option_ids(self):
        return {str(option.id): option for option in self.question.options}


class SingleChoiceForm(AnswerForm):
    answer = RadioField(validate_choice=False, coerce=str)

    def validate_answer(self, field):
        chosen = field.data if field.data not in (None, "None", "") else None
        options = self._option_ids()
        if chosen is None:
            if self.question.required:
                raise ValidationError(required_message(self.question))
            return
        if chosen not in options:
            raise ValidationError(_("Select one of the answers shown"))
        self.value = options[chosen].id


class MultipleChoiceForm(AnswerForm):
    answer = SelectMultipleField(validate_choice=False, coerce=str)

    def validate_answer(self, field):
        options = self._option_ids()
        chosen = [value for value in field.data or [] if value]
        exclusive = [option for option in self.question.options if option.exclusive]
        if not chosen:
            if self.question.required:
                message = required_message(self.question)
                if exclusive and not getattr(self.question, "error_message", ""):
                    message = _("%(message)s (or ‘%(option)s’)", message=message, option=exclusive[0].label)
                raise ValidationError(message)
            self.value = []
            return
        if any(value not in options for value in chosen):
            raise ValidationError(_("Select from the answers shown"))
        picked = [options[value] for value in dict.fromkeys(chosen)]
        for option in picked:
            if option.exclusive and len(picked) > 1:
                raise ValidationError(_("Select ‘%(option)s’ on its own, or untick it", option=option.label))
        self.value = [option.id for option in picked]


class TextAnswerForm(AnswerForm):
    answer = TextAreaField()

    def validate_answer(self, field):
        text = field.data or ""
        if not text:
            if self.question.required:
                raise ValidationError(required_message(self.question))
            self.value = ""
            return
        limit = self.question.max_length
        if len(text) > limit:
            raise ValidationError(_("Your answer must be %(limit)s characters or fewer (it is %(length)s)", limit=local_number(limit), length=local_number(len(text))))
        self.value = text


class ShortTextAnswerForm(TextAnswerForm):
    answer = StringField()


class AreaForm(AnswerForm):
    answer = RadioField(validate_choice=False, coerce=str)
    postcode = StringField()

    def validate(self, extra_validators=None):
        if not super().validate(extra_validators):
            return False
        by_id = {str(area.id): area for area in self.areas}
        chosen = self.answer.data if self.answer.data not in (None, "None", "") else None
        typed = self.postcode.data or ""
        if chosen is not None and chosen not in by_id:
            self.answer.errors.append(_("Select one of the areas shown"))
            return False
        district = None
        if typed:
            district = postcode_district(typed)
            if district is None:
                self.postcode.errors.append(_("Enter a real postcode, like CA28 7AB, or leave it blank"))
                return False
        area = by_id.get(chosen)
        if district and area is None:
            area = area_for_district(self.areas, district)
            if area is None:
                self.postcode.errors.append(
                    _("We could not match %(district)s to an area in this consultation. Choose your area from the list", district=district)
                )
                return False
        if district and area is not None and district not in area.districts:
            match = area_for_district(self.areas, district)
            if match is not None:
                self.postcode.errors.append(_("%(district)s is in %(match)s, not %(area)s. Check your answer", district=district, match=match.name, area=area.name))
                return False
        if area is None:
            if self.question.required:
                self.answer.errors.append(required_message(self.question))
                return False
            self.value = {"area_id": None, "district": None}
            return True
        self.value = {"area_id": area.id, "district": district}
        return True


class GridForm(AnswerForm):
    """One radio group per statement (`row_<option id>`), each with its own error; the value is
    {statement id as text: scale point, 1 = first}. Fields are added per question (`grid_form`)."""

    def statement_fields(self):
        return [(option, self[f"row_{option.id}"]) for option in self.question.options]

    def validate(self, extra_validators=None):
        super().validate(extra_validators)
        points = {str(n) for n in range(1, len(self.question.scale_points or []) + 1)}
        value, blank = {}, []
        for option, field in self.statement_fields():
            chosen = field.data if field.data not in (None, "None", "") else None
            if chosen is None:
                blank.append((option, field))
            elif chosen not in points:
                field.errors.append(_("Select one of the answers shown for: %(statement)s", statement=option.label))
            else:
                value[str(option.id)] = int(chosen)
        if self.question.required:
            for option, field in blank:
                field.errors.append(_("Select an answer for: %(statement)s", statement=option.label))
        if any(field.errors for _option, field in self.statement_fields()):
            return False
        self.value = value
        return True


class RankingForm(AnswerForm):
    """One select per rank (`rank_1`, `rank_2`, ...); the value is the option ids, first rank first."""

    def rank_fields(self):
        return [self[f"rank_{n}"] for n in range(1, self.question.rank_count + 1)]

    def validate(self, extra_validators=None):
        super().validate(extra_validators)
        options = self._option_ids()
        chosen = []
        for number, field in enumerate(self.rank_fields(), start=1):
            picked = field.data or ""
            if not picked:
                if self.question.required or any(f.data for f in self.rank_fields()):
                    field.errors.append(_("Choose your %(ordinal)s priority", ordinal=local_ordinal(number)))
                continue
            if picked not in options:
                field.errors.append(_("Choose your %(ordinal)s priority from the list", ordinal=local_ordinal(number)))
            elif picked in chosen:
                field.errors.append(_(
                    "You chose ‘%(option)s’ as your %(earlier)s priority: choose a different %(ordinal)s priority",
                    option=options[picked].label, earlier=local_ordinal(chosen.index(picked) + 1), ordinal=local_ordinal(number),
                ))
            chosen.append(picked)
        if any(field.errors for field in self.rank_fields()):
            return False
        self.value = [options[value].id for value in chosen]
        return True


def grid_form(question, areas=(), **kwargs):
    """A grid's form with a radio group per statement (WTForms' dynamic form composition)."""

    class QuestionGridForm(GridForm):
        pass

    for option in question.options:
        setattr(QuestionGridForm, f"row_{option.id}", RadioField(option.label, validate_choice=False, coerce=str))
    return QuestionGridForm(question, areas, **kwargs)


def ranking_form(question, areas=(), **kwargs):
    """A ranking's form with a select per rank, each listing every option."""

    class QuestionRankingForm(RankingForm):
        pass

    choices = [SelectChoice("", _("Choose an option"))] + [SelectChoice(str(option.id), option.label) for option in question.options]
    for number in range(1, question.rank_count + 1):
        setattr(
            QuestionRankingForm,
            f"rank_{number}",
            SelectField(_("%(ordinal)s priority", ordinal=local_ordinal(number)), choices=choices, validate_choice=False, coerce=str),
        )
    return QuestionRankingForm(question, areas, **kwargs)


FORMS = {
    "single": SingleChoiceForm,
    "scale": SingleChoiceForm,
    "multiple": MultipleChoiceForm,
    "short_text": ShortTextAnswerForm,
    "long_text": TextAnswerForm,
    "area": AreaForm,
    "grid": grid_form,
    "ranking": ranking_form,
}


def form_for(question, areas, saved=None):
    """The form for `question`, filled from the request on POST or from the saved answer on GET."""
    return FORMS[question.kind](question, areas, data=saved_data(question, saved))


def saved_data(question, saved):
    """A saved answer as the form's fields hold it."""
    data = {}
    if question.kind == "area":
        saved = saved or {}
        data = {"answer": str(saved.get("area_id") or ""), "postcode": saved.get("district") or ""}
    elif question.kind == "multiple":
        data = {"answer": [str(value) for value in saved or []]}
    elif question.kind == "grid":
        data = {f"row_{option_id}": str(point) for option_id, point in (saved or {}).items()}
    elif question.kind == "ranking":
        data = {f"rank_{number}": str(option_id) for number, option_id in enumerate(saved or [], start=1)}
    elif saved is not None:
        data = {"answer": str(saved)}
    return data


def choice_options(question, areas):
    """(value, label, exclusive) for each radio or checkbox the question shows."""
    if question.kind == "area":
        return [(area.id, area.name, False) for area in areas]
    return [(option.id, option.label, option.exclusive) for option in question.options]


def describe_answer(question, value, areas):
    """The answer as the resident would say it back, as a list of lines (empty: not answered)."""
    if question.kind == "area":
        value = value or {}
        names = [area.name for area in areas if area.id == value.get("area_id")]
        district = [_("Postcode district %(district)s", district=value["district"])] if value.get("district") else []
        return names + district
    if question.is_text:
        return [value] if value else []
    if question.kind == "grid":
        points = question.scale_points or []
        value = value or {}
        # Markup keeps a translated text's language mark (services/survey/translated.py) on the page.
        return [
            Markup("{}: {}").format(option.label, points[value[str(option.id)] - 1])
            for option in question.options
            if 0 < value.get(str(option.id), 0) <= len(points)
        ]
    if question.kind == "ranking":
        labels = {option.id: option.label for option in question.options}
        # Escaped, the pattern becomes Markup whose % escapes the values but keeps an untranslated
        # label's lang="en" mark.
        return [escape(_("%(ordinal)s: %(option)s")) % {"ordinal": local_ordinal(n), "option": labels[o]} for n, o in enumerate(value or [], start=1) if o in labels]
    chosen = value if isinstance(value, list) else [value]
    return [option.label for option in question.options if option.id in chosen]
