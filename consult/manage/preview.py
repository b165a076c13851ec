"""Preview a consultation as a resident sees it, in any status, through the public templates; nothing saved.

`?lang=pl` previews it in another language residents may choose, with the officers' translations.
"""
from flask import abort, redirect, render_template, request, url_for

from consult.i18n import DEFAULT
from consult.manage import bp
from consult.manage.consultations import consultation_or_404
from consult.answer_forms import form_for
from consult.answer_forms import choice_options
from consult.services.consultations.translations import translation_languages, translations_of
from consult.services.survey.translated import localise
from consult.urls import own_url


def _previewed(slug):
    """(consultation, language code or None): in the language `?lang=` asks for, when offered.

    :raise 404: when there is no consultation at `slug`.
    """
    consultation = consultation_or_404(slug)
    language = request.args.get("lang")
    if language not in dict(translation_languages()):
        return consultation, None
    # The page itself stays English (a staff page), so the translated texts carry their own lang.
    return localise(consultation, translations_of(consultation.id, language), language, page=DEFAULT), language


@bp.get("/consultations/<slug>/preview")
def preview(slug):
    consultation, lang = _previewed(slug)
    first = "manage.preview_question" if consultation.questions else "manage.preview_end"
    return render_template(
        "manage/consultations/preview_start.html",
        consultation=consultation,
        preview_language=lang,
        start_url=url_for(first, slug=slug, number=1, lang=lang) if consultation.questions else url_for(first, slug=slug, lang=lang),
    )


@bp.route("/consultations/<slug>/preview/q/<int:number>", methods=["GET", "POST"])
def preview_question(slug, number):
    """Every question in turn (skip logic is described, not applied); answers are checked, then dropped."""
    consultation, lang = _previewed(slug)
    questions = consultation.questions
    if not 1 <= number <= len(questions):
        abort(404)
    question = questions[number - 1]
    form = form_for(question, consultation.areas)
    if form.validate_on_submit():
        if number == len(questions):
            return redirect(url_for("manage.preview_end", slug=slug, lang=lang))
        return redirect(url_for("manage.preview_question", slug=slug, number=number + 1, lang=lang))
    condition = question.show_when_option
    return render_template(
        "manage/consultations/preview_question.html",
        consultation=consultation,
        preview_language=lang,
        question=question,
        form=form,
        options=choice_options(question, consultation.areas),
        number=number,
        total=len(questions),
        action=own_url(request),
        condition=condition,
        condition_number=[q.id for q in questions].index(condition.question_id) + 1 if condition else None,
        back_url=url_for("manage.preview_question", slug=slug, number=number - 1, lang=lang) if number > 1 else url_for("manage.preview", slug=slug, lang=lang),
    )


@bp.get("/consultations/<slug>/preview/end")
def preview_end(slug):
    consultation, lang = _previewed(slug)
    return render_template("manage/consultations/preview_end.html", consultation=consultation, preview_language=lang)
