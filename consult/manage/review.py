"""Tag review: the compact queue (filtered, paged, bulk confirm), one answer's own page, the summary."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from consult.manage import bp
from consult.manage.review_forms import BulkConfirmForm, ReviewForm
from consult.services.tagging import learning, review

# The query arguments the queue keeps between pages, saves and the answer's own page.
FILTER_ARGS = ("consultation", "theme", "area", "confidence", "status")


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


def _filters(values, strict=False):
    """ReviewFilters from query or form values; values naming nothing mean "any".

    :raise 404: with `strict`, when the consultation slug names no consultation.
    """
    slug = (values.get("consultation") or "").strip()
    consultation = review.consultation_by_slug(slug)
    if strict and slug and consultation is None:
        abort(404)
    band = values.get("confidence") or None
    status = values.get("status") or "unreviewed"
    return review.ReviewFilters(
        consultation=consultation,
        theme=review.theme_by_slug((values.get("theme") or "").strip()),
        area=review.area_by_id((values.get("area") or "").strip()),
        band=band if band in review.CONFIDENCE_BANDS else None,
        status=status if status in review.REVIEW_STATUSES else "unreviewed",
        other_language=values.get("language") == "other",
    )


def _filter_args(filters):
    """The filters as query arguments, leaving out those that mean "any"."""
    args = {
        "consultation": filters.consultation.slug if filters.consultation else None,
        "theme": filters.theme.slug if filters.theme else None,
        "area": filters.area.id if filters.area else None,
        "confidence": filters.band,
        "status": filters.status if filters.status != "unreviewed" else None,
        "language": "other" if filters.other_language else None,
    }
    return {name: value for name, value in args.items() if value is not None}


def _page_number(text):
    """A page number from plain digits; anything else is the first page."""
    text = (text or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 7 else 1


def _render_queue(filters, page=1, form=None, errors=(), status_code=200):
    answers, total, page, pages = review.review_page(filters, page)
    args = _filter_args(filters)
    return render_template(
        "manage/review/index.html", answers=answers, total=total, page=page, pages=pages,
        per_page=review.PAGE_SIZE, filters=filters, args=args, consultation=filters.consultation,
        themes=review.active_themes(), areas=review.areas(), bands=review.CONFIDENCE_BANDS,
        statuses=review.REVIEW_STATUSES, consultations=review.consultations_with_text_answers(),
        remaining=review.unreviewed_count(filters.consultation), effective=review.effective_tags,
        form=form or BulkConfirmForm(formdata=None), errors=list(errors), has_error=bool(errors),
        model=learning.model_status(current_app), last_retrain=learning.last_retrain(),
        retraining=learning.retraining_now(), language_name=review.language_name,
    ), status_code


@bp.get("/review")
def review_queue():
    return _render_queue(_filters(request.args, strict=True), _page_number(request.args.get("page")))


@bp.post("/review/confirm")
def review_confirm():
    """Confirm the selected answers' tags as they are, in one go (CSRF checked app-wide)."""
    filters = _filters(request.form)
    form = BulkConfirmForm()
    page = _page_number(request.form.get("page"))
    if not form.validate_on_submit():
        problem = form.answers.errors[0] if form.answers.errors else "Select from the answers shown"
        return _render_queue(filters, page, form, [("selection", problem)])
    try:
        confirmed = review.confirm_answers(form.answer_ids, current_user)
    except review.ReviewError as error:
        return _render_queue(filters, page, form, [("selection", str(error))])
    flash(f"Tags saved for {confirmed:,} answer{'' if confirmed == 1 else 's'}.")
    return redirect(url_for("manage.review_queue", **_filter_args(filters), page=page if page > 1 else None))


@bp.post("/review/retrain")
def review_retrain():
    """Retrain the analysis model with every review so far (in the background); audit-logged.

    The CSRF token is checked by the app-wide CSRF protection, as for every POST.
    """
    started = learning.start_retrain(current_app, current_user.id, background=not current_app.testing)
    if not started:
        flash("The model is already being retrained. Refresh this page in a minute to see the result.")
    elif current_app.testing:
        flash("Retraining finished: the result is shown below.")
    else:
        flash("Retraining has started. It takes a minute or two: refresh this page to see the result.")
    return redirect(url_for("manage.review_queue"))


def _answer_or_404(answer_id):
    """:raise 404: when there is no such text answer."""
    answer = review.reviewable_answer(answer_id)
    if answer is None:
        abort(404)
    return answer


@bp.get("/review/<int:answer_id>")
def review_answer(answer_id):
    """One answer with its original text (the viewing is audit-logged) and the review form."""
    answer = _answer_or_404(answer_id)
    review.view_original(answer, current_user)
    return _render_answer(answer, ReviewForm(), _filter_args(_filters(request.args)))


def _render_answer(answer, form, back, errors=(), original=True):
    return render_template(
        "manage/review/answer.html", answer=answer, form=form, themes=review.active_themes(), original=original,
        effective=review.effective_tags, auto_tags=review.auto_tags, errors=list(errors), has_error=bool(errors),
        back=back, language_name=review.language_name,
    )


@bp.post("/review/<int:answer_id>")
def review_save(answer_id):
    answer = _answer_or_404(answer_id)
    form = ReviewForm()
    # Back to the queue the officer came from; values naming nothing are dropped, never a 404.
    back = _filter_args(_filters(request.form))
    problem = None
    if form.validate_on_submit():
        try:
            review.save_review(answer, form.theme_ids, current_user, form.note.data)
        except review.ReviewError as error:
            problem = str(error)
        else:
            flash(f"Tags saved for answer {answer.id}.")
            return redirect(url_for("manage.review_queue", **back))
    else:
        problem = next((field.errors[0] for field in form if field.errors), "Select from the themes shown")
    field = f"a{answer.id}-note" if "note" in problem.lower() else f"a{answer.id}-themes"
    return _render_answer(answer, form, back, [(field, problem)], original=False)


@bp.get("/review/summary")
def review_summary():
    consultation = _consultation_from_args()
    return render_template("manage/review/summary.html", consultation=consultation)
