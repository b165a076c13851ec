"""Areas (officers and admins): the population of each, for the board's responses per 1,000 residents."""
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from consult.manage import bp
from consult.manage.area_forms import AreaPopulationForm
from consult.services.consultations import areas


@bp.get("/areas")
def areas_list():
    return render_template("manage/areas/index.html", areas=areas.all_areas())


@bp.route("/areas/<int:area_id>", methods=["GET", "POST"])
def area_edit(area_id):
    """:raise 404: when there is no area `area_id`."""
    area = areas.find_area(area_id)
    if area is None:
        abort(404)
    form = AreaPopulationForm(data={"population": "" if area.population is None else str(area.population)})
    if form.validate_on_submit():
        if areas.save_population(area, form.value, current_user):
            flash(f"Population of {area.name} saved.")
        else:
            flash(f"Nothing changed in {area.name}.")
        return redirect(url_for("manage.areas_list"))
    errors = [(field.id, field.errors[0]) for field in form if field.errors]
    return render_template("manage/areas/edit.html", form=form, area=area, errors=errors, has_error=bool(errors))
