"""Officers' question pages: add, edit, move up or down, and remove, while nobody has answered yet;
and which theme each answer of a choice question counts towards (at any time)."""
from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user

from consult.manage import bp
from consult.manage.builder_forms import ConfirmForm, QuestionForm, option_themes_form
from consult.manage.consultations import consultation_or_404
from consult.services.consultations import equality, option_themes
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


@bp.post("/consultations/<slug>/equality")
def equality_section(slug):
    """Add or remove the optional "About you" section in one action. :raise 400: unknown action."""
    consultation = consultation_or_404(slug)
    form = ConfirmForm()
    action = request.form.get("action")
    if action not in ("add", "remove") or not form.validate_on_submit():
        abort(400)
    try:
        if action == "add":
            equality.add_equality_questions(consultation, current_user)
        else:
            equality.remove_equality_questions(consultation, current_user)
    except equality.SectionLocked:
        return _locked_page(consultation)
    return _back(consultation)


@bp.route("/consultations/<slug>/questions/<int:question_id>/themes", methods=["GET", "POST"])
def question_themes(slug, question_id):
    """Which theme each answer of a choice question counts towards on the board.

    :raise 404: when the question is not this consultation's or is not a choice question.
    """
    consultation = consultation_or_404(slug)
    question = _question_or_404(consultation, question_id)
    if not option_themes.linkable(question):
        abort(404)
    options = option_themes.linkable_options(question)
    form = option_themes_form(options, option_themes.theme_choices(question))
    if form.validate_on_submit():
        option_themes.link_options(question, form.links(), current_user)
        return _back(consultation)
    return render_template(
        "manage/questions/themes.html",
        consultation=consultation,
        question=question,
        form=form,
        number=consultation.questions.index(question) + 1,
    )
