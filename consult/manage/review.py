"""Tag review: the queue of answers by need, one form per answer, and the coverage summary."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from consult.manage import bp
from consult.manage.review_forms import ReviewForm
from consult.services.tagging import learning, review


def _consultation_from_args():
    """The consultation named by ?consultation=slug, or None for all.

    :raise 404: when the slug names no consultation.
    """
    slug = request.args.get("consultation", "").strip()
    if not slug:
        return None
    consultation = review.consultation_by_slug(slug)
    if consultation is None:
        abort(404)
    return consultation


def _answer_or_404(answer_id):
    """:raise 404: when there is no such text answer."""
    answer = review.reviewable_answer(answer_id)
    if answer is None:
        abort(404)
    return answer


@bp.get("/review")
def review_queue():
    consultation = _consultation_from_args()
    answers = review.review_queue(consultation)
    return render_template(
        "manage/review/index.html", answers=answers, consultation=consultation, themes=review.active_themes(),
        remaining=review.unreviewed_count(consultation), consultations=review.consultations_with_text_answers(),
        effective=review.effective_tags, auto_tags=review.auto_tags, form=ReviewForm(),
        model=learning.model_status(current_app), last_retrain=learning.last_retrain(),
        retraining=learning.retraining_now(),
    )


@bp.post("/review/retrain")
def review_retrain():
    """Retrain the analysis model with every review so far (in the background); audit-logged.

    The CSRF token is checked by the app-wide CSRF protection, as for every POST.
    """
    started = current_app.extensions["consult.retrainer"].start(current_user.id, background=not current_app.testing)
    if not started:
        flash("The model is already being retrained. Refresh this page in a minute to see the result.")
    elif current_app.testing:
        flash("Retraining finished: the result is shown below.")
    else:
        flash("Retraining has started. It takes a minute or two: refresh this page to see the result.")
    return redirect(url_for("manage.review_queue"))


@bp.get("/review/<int:answer_id>")
def review_answer(answer_id):
    """One answer with its original text (the viewing is audit-logged) and the review form."""
    answer = _answer_or_404(answer_id)
    review.view_original(answer, current_user)
    return _render_answer(answer, ReviewForm())


def _render_answer(answer, form, errors=(), original=True):
    return render_template(
        "manage/review/answer.html", answer=answer, form=form, themes=review.active_themes(), original=original,
        effective=review.effective_tags, auto_tags=review.auto_tags, errors=list(errors), has_error=bool(errors),
        back=request.args.get("consultation", ""),
    )


@bp.post("/review/<int:answer_id>")
def review_save(answer_id):
    answer = _answer_or_404(answer_id)
    form = ReviewForm()
    problem = None
    if form.validate_on_submit():
        try:
            review.save_review(answer, form.theme_ids, current_user, form.note.data)
        except review.ReviewError as error:
            problem = str(error)
        else:
            flash(f"Review saved for answer {answer.id}.")
            # Back to the queue the officer came from; a slug naming no consultation would be a 404.
            back = review.consultation_by_slug(request.form.get("consultation", ""))
            return redirect(url_for("manage.review_queue", consultation=back.slug if back else None))
    else:
        problem = next((field.errors[0] for field in form if field.errors), "Select from the themes shown")
    field = f"a{answer.id}-note" if "note" in problem.lower() else f"a{answer.id}-themes"
    return _render_answer(answer, form, [(field, problem)], original=False)


@bp.get("/review/summary")
def review_summary():
    consultation = _consultation_from_args()
    return render_template("manage/review/summary.html", consultation=consultation)
