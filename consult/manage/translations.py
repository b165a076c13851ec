"""Officers translate a consultation's own texts into the languages residents may choose."""
from flask import abort, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField

from consult.cleaning import CleanFieldsMeta
from consult.manage import bp
from consult.manage.consultations import consultation_or_404
from consult.services.consultations import translations


def field_name(key):
    """A form field's name for a text's key ("option.12.label" -> "t-option-12-label")."""
    return "t-" + key.replace(".", "-")


def translation_form(texts, saved):
    """A form with one field per text, filled from the saved translations on GET."""

    class TranslationForm(FlaskForm):
        Meta = CleanFieldsMeta

    for text in texts:
        field = TextAreaField if text.long else StringField
        setattr(TranslationForm, field_name(text.key), field(text.english))
    return TranslationForm(data={field_name(key): value for key, value in saved.items()})


def _language_or_404(code):
    names = dict(translations.translation_languages())
    if code not in names:
        abort(404)
    return names[code]


@bp.get("/consultations/<slug>/translations")
def translations_overview(slug):
    consultation = consultation_or_404(slug)
    rows = [
        (code, name, *translations.progress(consultation, code))
        for code, name in translations.translation_languages()
    ]
    return render_template("manage/translations/index.html", consultation=consultation, rows=rows)


@bp.route("/consultations/<slug>/translations/<code>", methods=["GET", "POST"])
def translate(slug, code):
    """Each English text beside a field for its translation into `code`; saved all at once."""
    consultation = consultation_or_404(slug)
    name = _language_or_404(code)
    texts = translations.texts_to_translate(consultation)
    form = translation_form(texts, translations.translations_of(consultation.id, code))
    if form.validate_on_submit():
        values = {text.key: form[field_name(text.key)].data for text in texts}
        translations.save_translations(consultation, code, values, current_user)
        return redirect(url_for("manage.translate", slug=slug, code=code, saved=1))
    done, total = translations.progress(consultation, code)
    return render_template(
        "manage/translations/edit.html", consultation=consultation, code=code, language=name, form=form,
        rows=[(text, form[field_name(text.key)]) for text in texts], done=done, total=total,
    )
