"""Save and come back later: continuing with a resume code, and e-mailing oneself the link."""
from flask import abort, current_app, redirect, render_template, request, session, url_for

from consult.extensions import limiter
from consult.public import bp
from consult.public.forms import ResumeForm, SavedEmailForm
from consult.public.views import render_saved_page
from consult.services.mail import links
from consult.services.mail.settings import mail_configured
from consult.services.survey import saved
from consult.services.survey.drafts import survey_and_draft
from consult.services.survey.skip_logic import first_unseen
from consult.services.survey.snapshots import survey


def _resume_limit():
    return current_app.config["RESUME_RATE_LIMIT"]


def _submit_limit():
    return current_app.config["SUBMIT_RATE_LIMIT"]


@bp.route("/continue", methods=["GET", "POST"])
@limiter.limit(_resume_limit, methods=["POST"])
def resume():
    """Enter a resume code on any device: the saved answers move to this browser, and the survey
    continues at the first question not yet answered. A link from the e-mail fills the code in."""
    form = ResumeForm() if request.method == "POST" else ResumeForm(formdata=None, code=request.args.get("code", "")[:40])
    problem = None
    if form.validate_on_submit():
        try:
            resumed = saved.resume(form.code.data)
        except saved.ResumeProblem as error:
            problem = str(error)
        else:
            session["drafts"] = {**(session.get("drafts") or {}), resumed.slug: resumed.token}
            session.permanent = True
            consultation = survey(resumed.slug)
            unseen = first_unseen(consultation.questions, resumed.answers)
            if unseen is None:
                return redirect(url_for("public.check_answers", slug=resumed.slug))
            number = consultation.questions.index(unseen) + 1
            return redirect(url_for("public.question", slug=resumed.slug, number=number))
    if problem:
        form.code.errors = [problem]
    errors = [("code", problem)] if problem else []
    return render_template("public/resume.html", form=form, errors=errors, has_error=bool(errors),
                           days=current_app.config["SAVED_DRAFT_DAYS"]), 400 if problem else 200


@bp.post("/c/<slug>/saved/email")
@limiter.limit(_submit_limit)
def saved_email(slug):
    """Send the resident a link to continue their saved draft; only the browser holding the draft
    and its current code may.

    :raise 404: for an unknown consultation, or when mail is not configured.
    """
    consultation, draft = survey_and_draft(slug, (session.get("drafts") or {}).get(slug))
    if consultation is None or not mail_configured(current_app.config):
        abort(404)
    form = SavedEmailForm()
    code = saved.format_code(form.code.data or "")
    if draft is None:
        return redirect(url_for("public.resume"))
    if not form.validate_on_submit():
        return render_saved_page(consultation, code, None, form, status=400)
    link = links.absolute(url_for("public.resume", code=code))
    if not saved.email_link(draft.token, code, form.email.data.strip().lower(), consultation.title, link):
        return redirect(url_for("public.resume"))
    return render_template("public/saved_emailed.html", consultation=consultation, email=form.email.data.strip().lower())
