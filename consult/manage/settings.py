"""Administrators' settings page: the partnership's contact details shown to residents."""
from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField

from consult.access import role_required
from consult.cleaning import error_items, strip_spaces
from consult.manage import bp
from consult.services.partnership.contact import contact_details, contact_problems, save_contact_details


class ContactForm(FlaskForm):
    email = StringField(filters=[strip_spaces])
    phone = StringField(filters=[strip_spaces])

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        for name, message in contact_problems(self.email.data, self.phone.data).items():
            getattr(self, name).errors.append(message)
        return valid and not (self.email.errors or self.phone.errors)


@bp.route("/settings", methods=["GET", "POST"])
@role_required("admin")
def settings():
    form = ContactForm(data=contact_details()._asdict())
    if form.validate_on_submit():
        save_contact_details(form.email.data, form.phone.data, current_user)
        flash("Contact details saved. Residents see them on the thank-you page.")
        return redirect(url_for("manage.settings"))
    errors = error_items(form)
    return render_template("manage/settings/index.html", form=form, errors=errors, has_error=bool(errors))
