"""Areas (officers and admins): the population of each, for the board's responses per 1,000 residents."""
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from consult.manage import bp
from consult.manage.area_forms import AreaPopulationForm, cell_name, population_table_form
from consult.services.consultations import areas
from consult.services.consultations.equality import AGE_BANDS, SEXES


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
    return _area_page(area, form, population_table_form(AGE_BANDS, SEXES, areas.population_cells(area)))


@bp.post("/areas/<int:area_id>/by-age-and-sex")
def area_population_table(area_id):
    """Save the area's population by age band and sex. :raise 404: when there is no area `area_id`."""
    area = areas.find_area(area_id)
    if area is None:
        abort(404)
    table = population_table_form(AGE_BANDS, SEXES, {})
    if table.validate_on_submit():
        if areas.save_population_cells(area, table.values(), current_user):
            flash(f"Population of {area.name} by age and sex saved.")
        else:
            flash(f"Nothing changed in {area.name}.")
        return redirect(url_for("manage.areas_list"))
    form = AreaPopulationForm(data={"population": "" if area.population is None else str(area.population)})
    return _area_page(area, form, table)


def _area_page(area, form, table):
    errors = [(field.id, field.errors[0]) for field in (*form, *table) if field.errors]
    total = sum(areas.population_cells(area).values())
    return render_template(
        "manage/areas/edit.html", form=form, table=table, area=area, errors=errors, has_error=bool(errors),
        bands=AGE_BANDS, sexes=SEXES, cell_name=cell_name, table_total=total,
    )
