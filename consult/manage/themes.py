"""The theme editor (admins only): change the taxonomy, then re-analyse stored answers."""
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from consult.access import role_required
from consult.manage import bp
from consult.manage.theme_forms import NewThemeForm, ReanalyseForm, ThemeForm
from consult.services.tagging import themes


@bp.get("/themes")
@role_required("admin")
def themes_list():
    return render_template(
        "manage/themes/index.html", themes=themes.all_themes(), form=ReanalyseForm(), answers=themes.answers_to_reanalyse(),
    )


def _render_form(form, theme=None):
    errors = [(field.id, field.errors[0]) for field in form if field.errors]
    return render_template("manage/themes/edit.html", form=form, theme=theme, errors=errors, has_error=bool(errors))


@bp.route("/themes/new", methods=["GET", "POST"])
@role_required("admin")
def theme_new():
    form = NewThemeForm(data={"active": True})
    if form.validate_on_submit():
        try:
            theme = themes.add_theme(form.slug.data, form.name.data, form.description.data, form.terms.data, form.active.data, current_user)
        except themes.ThemeError as error:
            getattr(form, error.field).errors = [str(error)]
        else:
            flash(f"Theme ‘{theme.name}’ added. Re-analyse answers to find it in answers already sent.")
            return redirect(url_for("manage.themes_list"))
    return _render_form(form)


@bp.route("/themes/<slug>", methods=["GET", "POST"])
@role_required("admin")
def theme_edit(slug):
    """:raise 404: when there is no theme at `slug`."""
    theme = themes.find_theme(slug)
    if theme is None:
        abort(404)
    form = ThemeForm(data={"name": theme.name, "description": theme.description, "terms": "\n".join(theme.terms or []), "active": theme.active})
    if form.validate_on_submit():
        try:
            changed = themes.save_theme(theme, form.name.data, form.description.data, form.terms.data, form.active.data, current_user)
        except themes.ThemeError as error:
            getattr(form, error.field).errors = [str(error)]
        else:
            if changed:
                flash(f"Theme ‘{theme.name}’ saved. New answers use it at once; re-analyse to apply it to answers already sent.")
            else:
                flash(f"Nothing changed in ‘{theme.name}’.")
            return redirect(url_for("manage.themes_list"))
    return _render_form(form, theme)


@bp.post("/themes/reanalyse")
@role_required("admin")
def themes_reanalyse():
    if not ReanalyseForm().validate_on_submit():
        abort(400)
    done = themes.reanalyse_all(current_user)
    flash(f"Re-analysed {done:,} written answer{'' if done == 1 else 's'} with the current themes. Officers’ reviewed tags were kept.")
    return redirect(url_for("manage.themes_list"))
