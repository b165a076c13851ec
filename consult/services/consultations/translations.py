"""Officers' translations of a consultation's own texts (title, questions, choices, areas), per language.

Each text has a key (see models.Translation); English is the original and stays in the
consultation's own rows. Saving a translation gives the consultation a new revision (the survey
copies in services/survey/snapshots.py), so residents see it on their next page.
"""
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app

from consult.extensions import db
from consult.i18n import DEFAULT, language_name
from consult.models import Translation, utcnow
from consult.services.accounts.audit import record

CONSULTATION_TEXTS = (
    ("title", "Title"),
    ("summary", "Summary"),
    ("purpose", "Why we are asking"),
    ("how_answers_are_used", "How answers are used"),
)
# Longest translation kept for each kind of text (the English columns' own limits, or a page's worth).
MAX_LENGTH = 5000


@dataclass(frozen=True)
class Text:
    """One text of a consultation to translate: its key, where it is, and its English."""

    key: str
    where: str
    english: str
    long: bool = False


def texts_to_translate(consultation):
    """Every non-empty text residents read in `consultation`, in survey order."""
    texts = [
        Text(f"consultation.{name}", label, getattr(consultation, name), long=name != "title")
        for name, label in CONSULTATION_TEXTS
    ]
    for number, question in enumerate(consultation.questions, start=1):
        where = f"Question {number}"
        texts.append(Text(f"question.{question.id}.title", f"{where}: question", question.title))
        texts.append(Text(f"question.{question.id}.hint", f"{where}: hint", question.hint, long=True))
        texts.append(Text(f"question.{question.id}.error_message", f"{where}: message when left blank", question.error_message))
        kind = {"grid": "statement", "ranking": "choice to rank"}.get(question.kind, "choice")
        for option in question.options:
            texts.append(Text(f"option.{option.id}.label", f"{where}: {kind}", option.label))
        for n, point in enumerate(question.scale_points or []):
            texts.append(Text(f"question.{question.id}.scale.{n}", f"{where}: scale point", point))
    for area in consultation.areas:
        texts.append(Text(f"area.{area.id}.name", "Area name", area.name))
    return [text for text in texts if (text.english or "").strip()]


def translation_languages():
    """(code, name) of the languages residents may choose other than English (setting LANGUAGES)."""
    return [(code, language_name(code)) for code in current_app.config["LANGUAGES"] if code != DEFAULT]


def translations_of(consultation_id, language):
    """{key: text} of the saved translations of a consultation into `language`."""
    rows = db.session.execute(
        sa.select(Translation.key, Translation.text)
        .where(Translation.consultation_id == consultation_id, Translation.language == language)
    )
    return dict(rows.all())


def progress(consultation, language):
    """(translated, total): how many of the consultation's texts have a translation into `language`."""
    keys = {text.key for text in texts_to_translate(consultation)}
    saved = translations_of(consultation.id, language)
    return sum(1 for key in keys if saved.get(key, "").strip()), len(keys)


def save_translations(consultation, language, values, user, now=None):
    """Keep the translations into `language` given as {key: text}; a blank text removes one.

    Keys that name none of the consultation's texts are ignored. Audit-logged; commits. Returns
    how many texts now have a translation.
    """
    now = now or utcnow()
    keys = {text.key for text in texts_to_translate(consultation)}
    existing = {
        row.key: row
        for row in db.session.scalars(
            sa.select(Translation).where(Translation.consultation_id == consultation.id, Translation.language == language)
        )
    }
    changed = 0
    for key in keys:
        text = (values.get(key) or "").strip()[:MAX_LENGTH]
        row = existing.get(key)
        if not text:
            if row is not None:
                db.session.delete(row)
                changed += 1
        elif row is None:
            db.session.add(Translation(consultation_id=consultation.id, language=language, key=key, text=text, updated_at=now))
            changed += 1
        elif row.text != text:
            row.text, row.updated_at = text, now
            changed += 1
    translated = sum(1 for key in keys if (values.get(key) or "").strip())
    record(
        "consultation.translated", f"consultation:{consultation.id}", user=user,
        language=language, changed=changed, translated=translated, total=len(keys),
    )
    db.session.commit()
    return translated
