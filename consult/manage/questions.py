"""Officers' question pages: add, edit, move up or down, and remove, while nobody has answered yet."""
from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user

from consult.manage import bp
from consult.manage.builder_forms import ConfirmForm, QuestionForm
from consult.manage.consultations import consultation_or_404
from consult.services.consultations import questions as service


def _question_or_404(consultation, question_id):
    """:raise 404: when the question is not one of this consultation's."""
    question = next((q for q in consultation.questions if q.id == question_id), None)
    if question is None:
        abort(404)
    return question


def _locked_page(consultation):
    return render_template("manage/questions/locked.html", consultation=consultation), 409


def _back(consultation):
    return redirect(url_for("manage.consultation", slug=consultation.slug) + "#questions")


@bp.route("/consultations/<slug>/questions/new", methods=["GET", "POST"])
def new_question(slug):
    consultation = consultation_or_404(slug)
    return _question_page(consultation, None)


@bp.route("/consultations/<slug>/questions/<int:question_id>/edit", methods=["GET", "POST"])
def edit_question(slug, question_id):
    consultation = consultation_or_404(slug)
    return _question_page(consultation, _question_or_404(consultation, question_id))


def _question_page(consultation, question):
    try:
        service.ensure_editable(consultation)
    except service.QuestionsLocked:
        return _locked_page(consultation)
    form = QuestionForm(consultation, question, conditions=service.condition_choices(consultation, question))
    problem = None
    if form.validate_on_submit():
        try:
            if question is None:
                service.add_question(consultation, form.spec, current_user)
            else:
                service.update_question(question, form.spec, current_user)
            return _back(consultation)
        except service.QuestionProblem as error:
            problem = str(error)
            form.options.errors.append(problem)
        except service.QuestionsLocked:
            return _locked_page(consultation)
    return render_template(
        "manage/questions/form.html",
        consultation=consultation,
        question=question,
        form=form,
        kind_names=service.KIND_NAMES,
        number=consultation.questions.index(question) + 1 if question else len(consultation.questions) + 1,
    )


@bp.post("/consultations/<slug>/questions/<int:question_id>/move")
def move_question(slug, question_id):
    consultation = consultation_or_404(slug)
    question = _question_or_404(consultation, question_id)
    direction = request.form.get("direction")
    if direction not in ("up", "down"):
        abort(400)
    try:
        service.move_question(question, direction, current_user)
    except service.QuestionsLocked:
        return _locked_page(consultation)
    except service.QuestionProblem as error:
        return render_template("manage/questions/cannot.html", consultation=consultation, problem=str(error)), 409
    return _back(consultation)


@bp.route("/consultations/<slug>/questions/<int:question_id>/remove", methods=["GET", "POST"])
def remove_question(slug, question_id):
    consultation = consultation_or_404(slug)
    question = _question_or_404(consultation, question_id)
    form = ConfirmForm()
    problem = None
    if form.validate_on_submit():
        try:
            service.remove_question(question, current_user)
            return _back(consultation)
        except service.QuestionsLocked:
            return _locked_page(consultation)
        except service.QuestionProblem as error:
            problem = str(error)
    return render_template(
        "manage/questions/remove.html",
        consultation=consultation,
        question=question,
        number=consultation.questions.index(question) + 1,
        problem=problem,
        form=form,
    )
