"""A consultation's texts in the resident's language: officers' translations, else the English marked as such.

A translated text is a `LocalText`, a plain string that knows its language. Where a text has no
translation, residents see the English, and the page marks it with `lang="en"` so a screen
reader switches voice: Jinja calls `__html__` when it prints one. In an attribute, a `<title>` or
an `<option>`, templates print `text|plain` instead, and put `lang` on the element themselves.
English residents get the consultation exactly as stored.
"""
import threading

import sqlalchemy as sa
from markupsafe import Markup, escape

from consult.extensions import db
from consult.i18n import DEFAULT
from consult.models import Translation

CONSULTATION_TEXTS = ("title", "summary", "purpose", "how_answers_are_used")
_lock = threading.Lock()


class LocalText(str):
    """A text shown to a resident; `lang` is the language it is in when that is not the page's."""

    lang = None

    def __new__(cls, text, lang=None):
        value = super().__new__(cls, text)
        value.lang = lang
        return value

    def __html__(self):
        if self.lang:
            return Markup('<span lang="{}">{}</span>').format(self.lang, str(self))
        return escape(str(self))


def plain(text):
    """The text as a plain string, for attributes, <title> and <option> (the `plain` filter)."""
    return "" if text is None else str(text)


class Localised:
    """A read-only view of a consultation, question, option or area with some texts replaced."""

    def __init__(self, original, **texts):
        self.__dict__.update(texts, _original=original)

    def __getattr__(self, name):
        return getattr(self._original, name)

    def __repr__(self):
        return f"<Localised {self._original!r}>"


class _Languages:
    """The translations into `language`, and the language of the page they are shown on."""

    def __init__(self, translations, language, page):
        self.translations, self.language, self.page = translations, language, page

    def text(self, english, key):
        """The translation at `key`, else `english`, each marked when not in the page's language."""
        if not english:
            return english
        translated = (self.translations.get(key) or "").strip()
        if translated:
            return LocalText(translated, lang=None if self.language == self.page else self.language)
        return LocalText(english, lang=None if self.page == DEFAULT else DEFAULT)


def _question(question, languages):
    key = f"question.{question.id}"
    return Localised(
        question,
        title=languages.text(question.title, f"{key}.title"),
        hint=languages.text(question.hint, f"{key}.hint"),
        error_message=languages.text(question.error_message, f"{key}.error_message"),
        scale_points=[
            languages.text(point, f"{key}.scale.{n}") for n, point in enumerate(question.scale_points or [])
        ] or question.scale_points,
        options=tuple(
            Localised(option, label=languages.text(option.label, f"option.{option.id}.label")) for option in question.options
        ),
    )


def _texts(consultation, languages):
    return {name: languages.text(getattr(consultation, name), f"consultation.{name}") for name in CONSULTATION_TEXTS}


def localise(consultation, translations, language, page=None):
    """`consultation` (a survey copy or a model row) with its texts in `language` from
    `translations` ({key: text}), for a page in `page` (default: `language`); unchanged for English."""
    if language == DEFAULT or consultation is None:
        return consultation
    languages = _Languages(translations, language, page or language)
    texts = _texts(consultation, languages)
    questions = tuple(_question(question, languages) for question in consultation.questions)
    # Skip logic names options by id; the translated question keeps the translated option it points at.
    options = {option.id: option for question in questions for option in question.options}
    for question in questions:
        if question.show_when_option_id in options:
            question.__dict__["show_when_option"] = options[question.show_when_option_id]
    areas = tuple(Localised(area, name=languages.text(area.name, f"area.{area.id}.name")) for area in consultation.areas)
    return Localised(consultation, questions=questions, areas=areas, **texts)


def survey_in(survey, language):
    """A survey copy (services/survey/snapshots.py) in `language`, made once per revision and language."""
    if survey is None or language == DEFAULT:
        return survey
    found = survey.localised.get(language)
    if found is None:
        found = localise(survey, survey.translations.get(language, {}), language)
        with _lock:
            survey.localised[language] = found
    return found


def translations_for(consultation_ids, language):
    """{consultation id: {key: text}} for model rows shown outside the survey (lists, closed page)."""
    found = {}
    if language == DEFAULT or not consultation_ids:
        return found
    rows = db.session.execute(
        sa.select(Translation.consultation_id, Translation.key, Translation.text)
        .where(Translation.consultation_id.in_(consultation_ids), Translation.language == language)
    )
    for consultation_id, key, text in rows:
        found.setdefault(consultation_id, {})[key] = text
    return found


def consultations_in(consultations, language):
    """Consultation rows (titles and summaries, for the list of open ones) in `language`."""
    if language == DEFAULT:
        return list(consultations)
    translations = translations_for([c.id for c in consultations], language)
    return [Localised(c, **_texts(c, _Languages(translations.get(c.id, {}), language, language))) for c in consultations]
