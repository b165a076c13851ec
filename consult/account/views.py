"""Personal API tokens: the list, making one (its value shown once) and revoking one."""
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from consult.account import bp
from consult.account.forms import ConfirmForm, TokenForm, lifetime_options
from consult.cleaning import error_items
from consult.models import utcnow
from consult.services.accounts import api_tokens


@bp.route("/api-tokens", methods=["GET", "POST"])
def api_tokens_page():
    """The signed-in user's tokens, and the form for a new one. A new token's value is in this
    response only: it is stored as a hash and cannot be shown again."""
    form = TokenForm()
    if form.validate_on_submit():
        try:
            token, secret = api_tokens.create_token(current_user, form.name.data, int(form.days.data))
        except api_tokens.TokenError as error:
            form.name.errors.append(str(error))
        else:
            return render_template("account/token_created.html", token=token, secret=secret)
    errors = error_items(form)
    return render_template(
        "account/api_tokens.html", form=form, tokens=api_tokens.tokens_of(current_user), now=utcnow(),
        lifetimes=lifetime_options(), chosen=[form.days.data or ""], confirm=ConfirmForm(),
        errors=errors, has_error=bool(errors),
    )


@bp.post("/api-tokens/<int:token_id>/revoke")
def revoke_api_token(token_id):
    """:raise 404: not one of the signed-in user's tokens. :raise 400: no CSRF token."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        token = api_tokens.revoke_token(current_user, token_id)
    except api_tokens.TokenError:
        abort(404)
    flash(f"The token “{token.name}” is revoked: programs using it can no longer call the API.")
    return redirect(url_for("account.api_tokens_page"))
