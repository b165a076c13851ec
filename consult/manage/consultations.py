"""Officers' consultation pages: dashboard, list, create, edit, overview, lifecycle buttons and copy."""
from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user

from consult.manage import bp
from consult.manage.builder_forms import ConfirmForm, ConsultationForm
from consult.services.consultations import builder
from consult.services.consultations import lifecycle
from consult.services.consultations.outcomes import published_outcome
from consult.services.consultations.paper import accepts_paper
from consult.services.consultations.questions import KIND_NAMES
from consult.services.consultations.translations import translation_languages


def consultation_or_404(slug):
    """The consultation at `slug`, in any status.

    :raise 404: when there is none.
    """
    consultation = builder.find_consultation(slug)
    if consultation is None:
        abort(404)
    return consultation


def _rows():
    return [(c, count, lifecycle.stage(c)) for c, count in builder.consultations_with_counts()]


@bp.get("/")
def dashboard():
    rows = _rows()
    needs_outcome = [row for row in rows if row[2] == "closed"]
    running = [row for row in rows if row[2] in ("open", "scheduled", "draft")]
    return render_template("manage/consultations/dashboard.html", running=running, needs_outcome=needs_outcome, stage_names=lifecycle.STAGE_NAMES)


@bp.get("/consultations")
def consultations():
    return render_template("manage/consultations/list.html", rows=_rows(), stage_names=lifecycle.STAGE_NAMES)


@bp.route("/consultations/new", methods=["GET", "POST"])
def new_consultation():
    areas = builder.all_areas()
    form = ConsultationForm(areas=areas)
    if form.validate_on_submit():
        consultation = builder.save_consultation(None, form.details, form.area_ids(), current_user)
        return redirect(url_for("manage.consultation", slug=consultation.slug))
    return render_template("manage/consultations/form.html", form=form, areas=areas, consultation=None)


@bp.route("/consultations/<slug>/edit", methods=["GET", "POST"])
def edit_consultation(slug):
    consultation = consultation_or_404(slug)
    areas = builder.all_areas()
    form = ConsultationForm(consultation, areas=areas)
    if form.validate_on_submit():
        builder.save_consultation(consultation, form.details, form.area_ids(), current_user)
        return redirect(url_for("manage.consultation", slug=consultation.slug))
    return render_template("manage/consultations/form.html", form=form, areas=areas, consultation=consultation)


@bp.get("/consultations/<slug>")
def consultation(slug):
    consultation = consultation_or_404(slug)
    return render_template(
        "manage/consultations/show.html",
        consultation=consultation,
        stage=lifecycle.stage(consultation),
        stage_names=lifecycle.STAGE_NAMES,
        responses=builder.response_count(consultation),
        locked=builder.has_responses(consultation),
        opening_problems=lifecycle.opening_problems(consultation) if consultation.status == "draft" else [],
        paper=accepts_paper(consultation),
        outcome=consultation.outcome,
        published=published_outcome(consultation),
        kind_names=KIND_NAMES,
        form=ConfirmForm(),
        translation_languages=translation_languages(),
    )


CHANGES = {
    "open": {
        "heading": "Open “{title}” to residents",
        "button": "Open the consultation",
    },
    "close": {
        "heading": "Close “{title}” now",
        "button": "Close the consultation",
    },
    "copy": {
        "heading": "Copy “{title}” as a new draft",
        "button": "Copy as a new draft",
    },
}


@bp.route("/consultations/<slug>/<any(open, close, copy):change>", methods=["GET", "POST"])
def change_status(slug, change):
    """A confirmation page, then the change itself on POST."""
    consultation = consultation_or_404(slug)
    spec = CHANGES[change]
    if not lifecycle.can_change(consultation, change):
        return redirect(url_for("manage.consultation", slug=slug))
    form = ConfirmForm()
    problem = None
    if form.validate_on_submit():
        try:
            if change == "open":
                lifecycle.open_consultation(consultation, current_user)
            elif change == "close":
                lifecycle.close_consultation(consultation, current_user)
            else:
                copy = builder.copy_as_draft(consultation, current_user)
                return redirect(url_for("manage.consultation", slug=copy.slug))
            return redirect(url_for("manage.consultation", slug=slug))
        except lifecycle.LifecycleProblem as error:
            problem = str(error)
    return render_template(
        "manage/consultations/confirm.html",
        consultation=consultation,
        change=change,
        heading=spec["heading"].format(title=consultation.title),
        button=spec["button"],
        problem=problem,
        opening_problems=lifecycle.opening_problems(consultation) if change == "open" else [],
        responses=builder.response_count(consultation),
        form=form,
        action=request.path,
    )
