"""Officers' forms for a consultation's details and its questions, checked in the GOV.UK error pattern."""
import re

from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField

from consult.manage.uk_dates import DateProblem, parse_uk_datetime, uk_parts
from consult.models import utcnow
from consult.cleaning import CleanFieldsMeta
from consult.services.consultations.builder import DETAIL_FIELDS, default_privacy_notice, slug_problem, suggest_slug
from consult.services.consultations.questions import QuestionSpec, question_problems, spec_of


# Plain ASCII digits, few enough for any database integer: str.isdigit() passes '²', which int()
# refuses, and 5,000 nines, which it also refuses (both were a 500, found by tests/fuzz).
_ID = re.compile(r"[0-9]{1,9}")


class OfficerForm(FlaskForm):
    """Strips every field; error_items() lists (field id, message) for the error summary, in page order."""

    Meta = CleanFieldsMeta

    def error_items(self):
        return [(field.id, field.errors[0]) for field in self if field.errors and field.name != "csrf_token"]


class ConfirmForm(FlaskForm):
    """A button that changes something: nothing to fill in but the CSRF token."""


def _whole_number(field, low, high, name):
    text = (field.data or "").replace(",", "")
    if not text:
        field.errors.append(f"Enter {name}")
        return None
    if not _ID.fullmatch(text) or not low <= int(text) <= high:
        field.errors.append(f"{name[0].upper()}{name[1:]} must be a whole number from {low} to {high}")
        return None
    return int(text)


def _length(field, limit, name, required=False):
    if required and not field.data:
        field.errors.append(f"Enter {name}")
    elif len(field.data or "") > limit:
        field.errors.append(f"{name[0].upper()}{name[1:]} must be {limit:,} characters or fewer")


class ConsultationForm(OfficerForm):
    title = StringField()
    slug = StringField()
    summary = TextAreaField()
    purpose = TextAreaField()
    how_answers_are_used = TextAreaField()
    privacy_notice = TextAreaField()
    minutes_to_complete = StringField()
    opens_day = StringField()
    opens_month = StringField()
    opens_year = StringField()
    opens_time = StringField()
    closes_day = StringField()
    closes_month = StringField()
    closes_year = StringField()
    closes_time = StringField()
    areas = SelectMultipleField(coerce=str, validate_choice=False)
    retention_months = StringField()

    def __init__(self, consultation=None, areas=(), **kwargs):
        self.consultation = consultation
        self.area_choices = list(areas)
        self.details = None
        if consultation is not None and "formdata" not in kwargs:
            kwargs.setdefault("data", _details_data(consultation))
        elif consultation is None:
            kwargs.setdefault("data", {"privacy_notice": default_privacy_notice(), "minutes_to_complete": "5", "retention_months": "24", "opens_time": "9am", "closes_time": "11:59pm"})
        super().__init__(**kwargs)

    def validate(self, extra_validators=None):
        super().validate(extra_validators)
        _length(self.title, 200, "a title", required=True)
        if not self.slug.data and self.title.data:
            self.slug.data = suggest_slug(self.title.data, exclude=self.consultation)
        # The web address is optional: left blank with no title, "Enter a title" says what is missing.
        problem = slug_problem(self.slug.data, self.consultation) if self.slug.data else None
        if problem:
            self.slug.errors.append(problem)
        _length(self.summary, 1000, "the summary")
        _length(self.purpose, 5000, "why you are asking")
        _length(self.how_answers_are_used, 5000, "how answers are used")
        _length(self.privacy_notice, 5000, "a privacy notice", required=True)
        minutes = _whole_number(self.minutes_to_complete, 1, 120, "the minutes it takes")
        opens_at = self._moment("opens", "Opening date", "9am")
        closes_at = self._moment("closes", "Closing date", "11:59pm")
        if opens_at and closes_at and closes_at <= opens_at:
            self.closes_day.errors.append("Closing date must be after the opening date")
        status = self.consultation.status if self.consultation else "draft"
        unchanged = self.consultation is not None and closes_at == self.consultation.closes_at
        if closes_at and closes_at <= utcnow() and status in ("draft", "open") and not unchanged:
            self.closes_day.errors.append("Closing date must be in the future")
        known = {str(area.id) for area in self.area_choices}
        if any(value not in known for value in self.areas.data or []):
            self.areas.errors.append("Select from the areas shown")
        retention = _whole_number(self.retention_months, 1, 120, "the number of months")
        if any(field.errors for field in self):
            return False
        self.details = {
            "title": self.title.data,
            "slug": self.slug.data,
            "summary": self.summary.data,
            "purpose": self.purpose.data,
            "how_answers_are_used": self.how_answers_are_used.data,
            "privacy_notice": self.privacy_notice.data,
            "minutes_to_complete": minutes,
            "opens_at": opens_at,
            "closes_at": closes_at,
            "retention_months": retention,
        }
        return True

    def area_ids(self):
        return [int(value) for value in self.areas.data or []]

    def _moment(self, prefix, name, default_time):
        parts = [getattr(self, f"{prefix}_{part}").data for part in ("day", "month", "year", "time")]
        try:
            return parse_uk_datetime(*parts, default_time=default_time)
        except DateProblem as problem:
            getattr(self, f"{prefix}_day").errors.append(f"{name} {problem}")
            return None


def _details_data(consultation):
    data = {name: getattr(consultation, name) for name in DETAIL_FIELDS if name not in ("opens_at", "closes_at")}
    data["minutes_to_complete"] = str(consultation.minutes_to_complete)
    data["retention_months"] = str(consultation.retention_months)
    for prefix in ("opens", "closes"):
        for part, value in uk_parts(getattr(consultation, f"{prefix}_at")).items():
            data[f"{prefix}_{part}"] = value
    data["areas"] = [str(area.id) for area in consultation.areas]
    return data


class QuestionForm(OfficerForm):
    kind = RadioField(validate_choice=False)
    title = StringField()
    hint = TextAreaField()
    required = RadioField(validate_choice=False)
    error_message = StringField()
    options = TextAreaField()
    none_of_these = BooleanField()
    scale = RadioField(validate_choice=False)
    ranks = StringField()
    show_when = SelectField(coerce=str, validate_choice=False)

    def __init__(self, consultation, question=None, conditions=(), **kwargs):
        self.consultation = consultation
        self.question = question
        self.spec = None
        if question is not None:
            spec = spec_of(question)
            kwargs.setdefault(
                "data",
                {
                    "kind": spec.kind,
                    "title": spec.title,
                    "hint": spec.hint,
                    "required": "yes" if spec.required else "no",
                    "error_message": spec.error_message,
                    "options": "\n".join(spec.options),
                    "none_of_these": spec.none_of_these,
                    "scale": spec.scale,
                    "ranks": str(spec.ranks),
                    "show_when": str(spec.show_when_option_id or ""),
                },
            )
        else:
            kwargs.setdefault("data", {"required": "yes", "scale": "agreement", "ranks": "3", "show_when": ""})
        super().__init__(**kwargs)
        # Rendered by the template, not by WTForms, so the choices are kept as plain pairs.
        self.show_when_options = [("", "Always show this question")] + [(str(value), label) for value, label in conditions]

    def validate(self, extra_validators=None):
        super().validate(extra_validators)
        if self.required.data not in ("yes", "no"):
            self.required.errors.append("Select whether people must answer it")
        show_when = self.show_when.data or ""
        spec = QuestionSpec(
            kind=self.kind.data or "",
            title=self.title.data or "",
            hint=self.hint.data or "",
            required=self.required.data != "no",
            options=[line.strip() for line in (self.options.data or "").splitlines() if line.strip()],
            none_of_these=bool(self.none_of_these.data),
            scale=self.scale.data or "",
            show_when_option_id=int(show_when) if _ID.fullmatch(show_when) else None,
            error_message=self.error_message.data or "",
            ranks=int(self.ranks.data) if (self.ranks.data or "").isdigit() and len(self.ranks.data) < 3 else 0,
        )
        if show_when and not _ID.fullmatch(show_when):
            self.show_when.errors.append("Choose an answer to an earlier question, or ‘Always show this question’")
        if len(spec.hint) > 1000:
            self.hint.errors.append("Hint must be 1,000 characters or fewer")
        for name, message in question_problems(self.consultation, spec, self.question).items():
            getattr(self, name).errors.append(message)
        if any(field.errors for field in self):
            return False
        self.spec = spec
        return True


NO_THEME = ("", "(none)")


def option_themes_form(options, themes, **kwargs):
    """A form with one "Counts towards theme" select per option (named option-<id>).

    The class is made per question, as WTForms documents for fields known only at run time.
    """

    class OptionThemesForm(OfficerForm):
        def validate(self, extra_validators=None):
            super().validate(extra_validators)
            known = {str(theme_id) for theme_id, _name in themes}
            for field in self.theme_fields():
                if field.data and field.data not in known:
                    field.errors.append(f"Choose a theme for ‘{field.label.text}’ from the list, or (none)")
            return not any(field.errors for field in self)

        def theme_fields(self):
            return [field for field in self if field.name.startswith("option-")]

        def links(self):
            """{option id: theme id or None}, once validated."""
            return {int(f.name.removeprefix("option-")): int(f.data) if f.data else None for f in self.theme_fields()}

    for option in options:
        setattr(OptionThemesForm, f"option-{option.id}", SelectField(option.label, validate_choice=False))
    data = {f"option-{option.id}": str(option.theme_id or "") for option in options}
    kwargs.setdefault("data", data)
    form = OptionThemesForm(**kwargs)
    # Rendered by the template, not by WTForms, so the choices are kept as plain pairs.
    form.theme_choices = [NO_THEME] + [(str(theme_id), name) for theme_id, name in themes]
    return form
