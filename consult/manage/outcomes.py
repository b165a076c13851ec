"""Officers' "You said, we did" pages: write the reply per theme after closing, then publish it."""
from flask import redirect, render_template, url_for
from flask_login import current_user

from consult.manage import bp
from consult.manage.builder_forms import ConfirmForm
from consult.manage.consultations import consultation_or_404
from consult.manage.outcome_forms import OutcomeForm
from consult.services.consultations import outcomes
from consult.services.mail import links


def _not_yet(consultation):
    return render_template("manage/outcomes/not_yet.html", consultation=consultation), 409


@bp.route("/consultations/<slug>/outcome", methods=["GET", "POST"])
def outcome(slug):
    consultation = consultation_or_404(slug)
    if not outcomes.outcome_editable(consultation):
        return _not_yet(consultation)
    rows = outcomes.outcome_rows(consultation)
    saved = consultation.outcome
    form = OutcomeForm(rows, introduction=saved.introduction if saved else "")
    if form.validate_on_submit():
        outcomes.save_outcome(consultation, form.introduction.data, form.replies, current_user)
        if consultation.status == "published":
            return redirect(url_for("manage.consultation", slug=slug))
        return redirect(url_for("manage.publish_outcome", slug=slug))
    return render_template("manage/outcomes/form.html", consultation=consultation, form=form, rows=rows)


@bp.route("/consultations/<slug>/outcome/publish", methods=["GET", "POST"])
def publish_outcome(slug):
    consultation = consultation_or_404(slug)
    if not outcomes.outcome_editable(consultation):
        return _not_yet(consultation)
    form = ConfirmForm()
    problem = None
    if form.validate_on_submit():
        try:
            results_url = links.absolute(url_for("public.consultation", slug=slug))
            outcomes.publish_outcome(consultation, current_user, results_url=results_url)
            return redirect(url_for("manage.consultation", slug=slug))
        except outcomes.OutcomeProblem as error:
            problem = str(error)
    return render_template(
        "manage/outcomes/publish.html", consultation=consultation, outcome=consultation.outcome, problem=problem, form=form
    )
