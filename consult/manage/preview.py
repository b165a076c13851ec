"""Preview a consultation as a resident sees it, in any status, through the public templates; nothing saved."""
from flask import abort, redirect, render_template, request, url_for

from consult.manage import bp
from consult.manage.consultations import consultation_or_404
from consult.answer_forms import form_for
from consult.answer_forms import choice_options
from consult.urls import own_url


@bp.get("/consultations/<slug>/preview")
def preview(slug):
    consultation = consultation_or_404(slug)
    first = "manage.preview_question" if consultation.questions else "manage.preview_end"
    return render_template(
        "manage/consultations/preview_start.html",
        consultation=consultation,
        start_url=url_for(first, slug=slug, number=1) if consultation.questions else url_for(first, slug=slug),
    )


@bp.route("/consultations/<slug>/preview/q/<int:number>", methods=["GET", "POST"])
def preview_question(slug, number):
    """Every question in turn (skip logic is described, not applied); answers are checked, then dropped."""
    consultation = consultation_or_404(slug)
    questions = consultation.questions
    if not 1 <= number <= len(questions):
        abort(404)
    question = questions[number - 1]
    form = form_for(question, consultation.areas)
    if form.validate_on_submit():
        if number == len(questions):
            return redirect(url_for("manage.preview_end", slug=slug))
        return redirect(url_for("manage.preview_question", slug=slug, number=number + 1))
    condition = question.show_when_option
    return render_template(
        "manage/consultations/preview_question.html",
        consultation=consultation,
        question=question,
        form=form,
        options=choice_options(question, consultation.areas),
        number=number,
        total=len(questions),
        action=own_url(request),
        condition=condition,
        condition_number=questions.index(condition.question) + 1 if condition else None,
        back_url=url_for("manage.preview_question", slug=slug, number=number - 1) if number > 1 else url_for("manage.preview", slug=slug),
    )


@bp.get("/consultations/<slug>/preview/end")
def preview_end(slug):
    return render_template("manage/consultations/preview_end.html", consultation=consultation_or_404(slug))
