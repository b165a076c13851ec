"""Residents' rights and spam review: erase a response by its receipt code; keep or delete suspect ones."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField

from consult.manage import bp
from consult.cleaning import clean_text
from consult.services.casework import data_protection
from consult.services.survey.receipts import format_receipt_code


class ReceiptForm(FlaskForm):
    receipt = StringField(filters=[clean_text])


class ConfirmForm(FlaskForm):
    """A button: nothing to fill in but the CSRF token."""


@bp.route("/responses/erase", methods=["GET", "POST"])
def erase_lookup():
    form = ReceiptForm()
    errors = []
    if form.validate_on_submit():
        response = data_protection.find_by_receipt(form.receipt.data)
        if response is not None:
            return redirect(url_for("manage.erase_confirm", code=response.receipt_code))
        errors = [("receipt", "No response has that receipt code. Check it with the resident: it has 10 letters and numbers, like ABCDE-FGH23")]
    return render_template("manage/responses/erase.html", form=form, errors=errors, has_error=bool(errors))


@bp.route("/responses/erase/<code>", methods=["GET", "POST"])
def erase_confirm(code):
    """:raise 404: when no response has this receipt code."""
    response = data_protection.find_by_receipt(code)
    if response is None:
        abort(404)
    form = ConfirmForm()
    if request.method == "POST" and form.validate_on_submit():
        title = response.consultation.title
        data_protection.erase_response(response, current_user)
        flash(f"The response to “{title}” with receipt {format_receipt_code(code)} has been deleted.")
        return redirect(url_for("manage.erase_lookup"))
    return render_template(
        "manage/responses/erase_confirm.html", response=response, form=form, receipt=format_receipt_code(code)
    )


@bp.get("/responses/suspect")
def suspect_responses():
    rows = data_protection.suspect_responses()
    return render_template("manage/responses/suspect.html", rows=rows, form=ConfirmForm())


@bp.post("/responses/suspect/<int:response_id>")
def suspect_decide(response_id):
    """:raise 404: when the response does not exist or is not suspect."""
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    decision = request.form.get("decision")
    if decision not in ("keep", "delete"):
        abort(400)
    response = data_protection.suspect_response(response_id)
    if response is None:
        abort(404)
    data_protection.decide_suspect(response, keep=decision == "keep", user=current_user)
    flash("Kept: the response now counts in the summaries." if decision == "keep" else "Deleted the suspect response.")
    return redirect(url_for("manage.suspect_responses"))
