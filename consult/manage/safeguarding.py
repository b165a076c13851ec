"""The safeguarding queue: flagged answers, urgent first, and recording what officers did."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from consult.manage import bp
from consult.manage.safeguarding_forms import SafeguardingActionForm
from consult.models import SAFEGUARDING_ACTIONS
from consult.services.casework import safeguarding

FILTERS = {"active": "Needing action", "open": "Open", "acknowledged": "Acknowledged", "closed": "Closed", "all": "All"}


def _flag_or_404(answer_id):
    """:raise 404: when the answer does not exist or is not flagged."""
    answer = safeguarding.flagged_answer(answer_id)
    if answer is None:
        abort(404)
    return answer


@bp.get("/safeguarding")
def safeguarding_queue():
    status = request.args.get("status", "active")
    if status not in FILTERS:
        status = "active"
    rows = safeguarding.queue(status)
    return render_template("manage/safeguarding/index.html", rows=rows, status=status, filters=FILTERS, statuses=safeguarding.STATUSES)


def _render_flag(answer, form, errors=()):
    status, actions = safeguarding.open_flag(answer, current_user)
    consultation, area = safeguarding.consultation_and_area(answer)
    options = [(kind, label, False) for kind, label in SAFEGUARDING_ACTIONS.items()]
    return render_template(
        "manage/safeguarding/detail.html", answer=answer, status=status, actions=actions, form=form,
        consultation=consultation, area=area, options=options, statuses=safeguarding.STATUSES,
        errors=list(errors), has_error=bool(errors),
    )


@bp.get("/safeguarding/<int:answer_id>")
def safeguarding_flag(answer_id):
    """The flagged answer's original text, reasons and history. Opening it is audit-logged."""
    return _render_flag(_flag_or_404(answer_id), SafeguardingActionForm())


@bp.post("/safeguarding/<int:answer_id>")
def safeguarding_record(answer_id):
    answer = _flag_or_404(answer_id)
    form = SafeguardingActionForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        safeguarding.record_action(answer, form.kind.data, form.note.data, current_user)
    except safeguarding.SafeguardingError as error:
        field = "note" if form.kind.data in SAFEGUARDING_ACTIONS else "kind"
        getattr(form, field).errors = [str(error)]
        return _render_flag(answer, form, [(field, str(error))])
    flash(f"Recorded for flag {answer.id}: {SAFEGUARDING_ACTIONS[form.kind.data]}.")
    return redirect(url_for("manage.safeguarding_queue"))
