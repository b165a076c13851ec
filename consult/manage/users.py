"""Administrators' user pages: the list, inviting someone, changing a role, disabling."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from consult.access import ROLE_NAMES, role_required
from consult.cleaning import error_items
from consult.extensions import db
from consult.manage import bp
from consult.manage.user_forms import ROLE_HINTS, AlertsForm, AreasForm, ConfirmForm, InviteForm, RoleForm, role_choices
from consult.models import User
from consult.services.accounts import users
from consult.services.mail import links
from consult.services.mail.settings import mail_configured


def _user_or_404(user_id):
    """:raise 404: when there is no such user."""
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _set_password_link(token):
    return links.absolute(url_for("auth.set_password", token=token))


def _invited(user, token, reissued=False):
    """The page after making a set-password link: it was e-mailed, or (no mail server) the
    admin sees it once, in this response only, since the token is kept nowhere readable."""
    emailed = mail_configured(current_app.config)
    link = None if emailed else _set_password_link(token)
    return render_template("manage/users/invited.html", user=user, link=link, emailed=emailed, role_names=ROLE_NAMES, reissued=reissued)


def _choices(selected):
    return [(value, label + f" – {ROLE_HINTS[value]}", False) for value, label in role_choices()], [selected or ""]


@bp.get("/users")
@role_required("admin")
def users_list():
    return render_template("manage/users/index.html", users=users.all_users(), role_names=ROLE_NAMES)


@bp.route("/users/invite", methods=["GET", "POST"])
@role_required("admin")
def invite_user():
    form = InviteForm()
    if form.validate_on_submit():
        try:
            user, token = users.invite_user(form.email.data, form.role.data, form.name.data, current_user, link=_set_password_link)
        except users.UserError as error:
            form.email.errors.append(str(error))
        else:
            return _invited(user, token)
    options, selected = _choices(form.role.data)
    errors = error_items(form)
    return render_template("manage/users/invite.html", form=form, options=options, selected=selected, errors=errors, has_error=bool(errors))


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@role_required("admin")
def user_detail(user_id):
    user = _user_or_404(user_id)
    form = RoleForm(data={"role": user.role})
    if form.validate_on_submit():
        try:
            users.change_role(user, form.role.data, current_user)
        except users.UserError as error:
            form.role.errors.append(str(error))
        else:
            flash(f"{user.display_name} is now: {ROLE_NAMES[user.role]}.")
            return redirect(url_for("manage.users_list"))
    return _detail_page(user, form, _areas_form(user))


def _areas_form(user, formdata=None):
    form = AreasForm(formdata=formdata, data={"areas": [area.id for area in user.areas]})
    form.areas.choices = [(area.id, area.name) for area in users.all_areas()]
    return form


def _detail_page(user, form, areas_form):
    options, selected = _choices(form.role.data)
    errors = error_items(form) + error_items(areas_form)
    area_options = [(value, label, False) for value, label in areas_form.areas.choices]
    chosen = [str(value) for value in areas_form.areas.data or ()]
    return render_template(
        "manage/users/detail.html", user=user, form=form, confirm=ConfirmForm(), options=options, selected=selected,
        alerts=AlertsForm(data={"receives": user.receives_safeguarding_alerts}),
        areas_form=areas_form, area_options=area_options, chosen_areas=chosen,
        errors=errors, has_error=bool(errors), role_names=ROLE_NAMES,
    )


@bp.post("/users/<int:user_id>/areas")
@role_required("admin")
def user_areas(user_id):
    """Limit a partner account to some areas, or to none (every area)."""
    user = _user_or_404(user_id)
    if user.role != "partner":
        flash("Only a partner agency's account can be limited to some areas.")
        return redirect(url_for("manage.user_detail", user_id=user.id))
    form = _areas_form(user, formdata=request.form)
    if form.validate_on_submit():
        try:
            users.limit_areas(user, form.area_ids, current_user)
        except users.UserError as error:
            form.areas.errors.append(str(error))
        else:
            names = ", ".join(area.name for area in user.areas) or "every area"
            flash(f"{user.display_name} now sees figures for: {names}.")
            return redirect(url_for("manage.user_detail", user_id=user.id))
    return _detail_page(user, RoleForm(data={"role": user.role}), form)


@bp.post("/users/<int:user_id>/<any(disable, enable):change>")
@role_required("admin")
def user_active(user_id, change):
    user = _user_or_404(user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        users.set_active(user, change == "enable", current_user)
    except users.UserError as error:
        flash(str(error))
        return redirect(url_for("manage.user_detail", user_id=user.id))
    flash(f"{user.display_name} can {'now' if user.active else 'no longer'} sign in.")
    return redirect(url_for("manage.users_list"))


@bp.post("/users/<int:user_id>/sign-out")
@role_required("admin")
def user_sign_out(user_id):
    """End every session the user has, on every device."""
    user = _user_or_404(user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    users.sign_out_everywhere(user, current_user)
    flash(f"{user.display_name} is signed out everywhere.")
    return redirect(url_for("manage.user_detail", user_id=user.id))


@bp.post("/users/<int:user_id>/link")
@role_required("admin")
def user_new_link(user_id):
    user = _user_or_404(user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    token = users.reissue_invite(user, current_user, link=_set_password_link)
    return _invited(user, token, reissued=True)


@bp.post("/users/<int:user_id>/alerts")
@role_required("admin")
def user_alerts(user_id):
    """Switch safeguarding alert e-mails on or off for an admin or officer."""
    user = _user_or_404(user_id)
    form = AlertsForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        users.set_safeguarding_alerts(user, form.receives.data, current_user)
    except users.UserError as error:
        flash(str(error))
    else:
        state = "now receives" if user.receives_safeguarding_alerts else "no longer receives"
        flash(f"{user.display_name} {state} safeguarding alerts by e-mail.")
    return redirect(url_for("manage.user_detail", user_id=user.id))
