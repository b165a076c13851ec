"""The theme editor (admins only): change the taxonomy, then re-analyse stored answers in the background."""
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from consult.access import role_required
from consult.manage import bp
from consult.manage.theme_forms import NewThemeForm, ReanalyseForm, ThemeForm
from consult.services.jobs.dispatch import starter
from consult.services.tagging import jobs, themes


@bp.get("/themes")
@role_required("admin")
def themes_list():
    return render_template(
        "manage/themes/index.html", themes=themes.all_themes(), form=ReanalyseForm(), answers=themes.answers_to_reanalyse(),
        running=jobs.unfinished_job(), latest=jobs.latest_job(),
    )


def _show_problems(form, error):
    for field, message in error.problems:
        getattr(form, field).errors.append(message)


def _render_form(form, theme=None):
    errors = [(field.id, message) for field in form for message in field.errors]
    return render_template("manage/themes/edit.html", form=form, theme=theme, errors=errors, has_error=bool(errors))


@bp.route("/themes/new", methods=["GET", "POST"])
@role_required("admin")
def theme_new():
    form = NewThemeForm(data={"active": True})
    if form.validate_on_submit():
        try:
            theme = themes.add_theme(form.slug.data, form.name.data, form.description.data, form.terms.data, form.active.data, current_user)
        except themes.ThemeError as error:
            _show_problems(form, error)
        else:
            flash(f"Theme ‘{theme.name}’ added. Re-analyse answers (below) to find it in answers already sent.")
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
            _show_problems(form, error)
        else:
            if changed:
                flash(f"Theme ‘{theme.name}’ saved. New answers use it at once; re-analyse answers (below) to apply it to answers already sent.")
            else:
                flash(f"Nothing changed in ‘{theme.name}’.")
            return redirect(url_for("manage.themes_list"))
    return _render_form(form, theme)


@bp.post("/themes/reanalyse")
@role_required("admin")
def themes_reanalyse():
    """Queue a re-analysis, start it after the commit (on the job queue), show its progress."""
    if not ReanalyseForm().validate_on_submit():
        abort(400)
    job, created = jobs.queue_retag(current_user)
    if created:
        starter(current_app).start(job.id, background=not current_app.testing)
    else:
        flash("Answers are already being re-analysed: here is how far it has got.")
    return redirect(url_for("manage.themes_reanalysis", job_id=job.id))


@bp.get("/themes/reanalyse/<int:job_id>")
@role_required("admin")
def themes_reanalysis(job_id):
    """A re-analysis's progress, read from the database so any server process can show it.

    :raise 404: when there is no such job.
    """
    job = jobs.find_job(job_id)
    if job is None:
        abort(404)
    return render_template("manage/themes/progress.html", job=job, lost=jobs.is_lost(job))
