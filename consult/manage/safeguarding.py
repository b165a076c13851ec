"""The safeguarding queue: flagged answers, urgent first, recording what officers did, changing a level."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from consult.manage import bp
from consult.manage.safeguarding_forms import ChangeLevelForm, SafeguardingActionForm
from consult.models import SAFEGUARDING_ACTIONS, SAFEGUARDING_LEVELS, utcnow
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
    return render_template(
        "manage/safeguarding/index.html", rows=rows, status=status, filters=FILTERS, statuses=safeguarding.STATUSES, now=utcnow(),
    )


def _render_flag(answer, form=None, level_form=None, errors=()):
    status, _ = safeguarding.open_flag(answer, current_user)
    consultation, area = safeguarding.consultation_and_area(answer)
    options = [(kind, label, False) for kind, label in SAFEGUARDING_ACTIONS.items()]
    levels = [(level, label, False) for level, label in SAFEGUARDING_LEVELS.items() if level != answer.safeguarding_level]
    return render_template(
        "manage/safeguarding/detail.html", answer=answer, status=status, history=safeguarding.history_for(answer),
        form=form or SafeguardingActionForm(formdata=None), level_form=level_form or ChangeLevelForm(formdata=None),
        consultation=consultation, area=area, options=options, levels=levels, statuses=safeguarding.STATUSES,
        errors=list(errors), has_error=bool(errors), now=utcnow(),
    )


@bp.get("/safeguarding/<int:answer_id>")
def safeguarding_flag(answer_id):
    """The flagged answer's original text, reasons and history. Opening it is audit-logged."""
    return _render_flag(_flag_or_404(answer_id))


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
        return _render_flag(answer, form=form, errors=[(field, str(error))])
    flash(f"Action recorded for flag {answer.id}: {SAFEGUARDING_ACTIONS[form.kind.data]}.")
    return redirect(url_for("manage.safeguarding_queue"))


@bp.post("/safeguarding/<int:answer_id>/level")
def safeguarding_change_level(answer_id):
    """Change a flag's level with a reason; audit-logged and kept in the flag's history."""
    answer = _flag_or_404(answer_id)
    form = ChangeLevelForm()
    if not form.validate_on_submit():
        abort(400)
    before = answer.safeguarding_level
    try:
        safeguarding.change_level(answer, form.level.data, form.reason.data, current_user)
    except safeguarding.SafeguardingError as error:
        field = "reason" if form.level.data in SAFEGUARDING_LEVELS and form.level.data != before else "level"
        getattr(form, field).errors = [str(error)]
        return _render_flag(answer, level_form=form, errors=[(field, str(error))])
    flash(f"Flag {answer.id} changed from {before} to {answer.safeguarding_level}. The reason is in its history.")
    return redirect(url_for("manage.safeguarding_flag", answer_id=answer.id))
