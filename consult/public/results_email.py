"""'Tell me when the results are published': giving an address on the thank-you page, and withdrawing it."""
from flask import abort, current_app, redirect, render_template, session, url_for

from consult.extensions import limiter
from consult.i18n import current_language
from consult.public import bp
from consult.public.forms import ResultsEmailForm
from consult.public.views import thank_you_page
from consult.services.mail import links, results
from consult.services.survey.snapshots import survey
from consult.services.survey.submission import sent_response


def _limit():
    return current_app.config["SUBMIT_RATE_LIMIT"]


def _unsubscribe_url(token):
    return links.absolute(url_for("public.results_email_stop", token=token))


@bp.post("/c/<slug>/results-email")
@limiter.limit(_limit)
def results_email(slug):
    """Only a browser that has just sent a response here is offered (and may use) the form.

    :raise 404: for an unknown consultation.
    """
    consultation = survey(slug)
    if consultation is None:
        abort(404)
    sent = sent_response(consultation, (session.get("drafts") or {}).get(slug))
    if sent is None or consultation.status == "published":
        return redirect(url_for("public.consultation", slug=slug))
    form = ResultsEmailForm()
    if not form.validate_on_submit():
        return thank_you_page(consultation, sent, form, status=400)
    try:
        token = results.subscribe(
            consultation.id, consultation.title, form.email.data, _unsubscribe_url, language=current_language(),
        )
    except results.SubscriptionProblem as problem:
        form.email.errors.append(str(problem))
        return thank_you_page(consultation, sent, form, status=400)
    return render_template(
        "public/results_email.html", consultation=consultation, email=form.email.data.strip().lower(),
        stop_url=url_for("public.results_email_stop", token=token),
    )


@bp.get("/results-email/stop/<token>")
@limiter.limit(_limit)
def results_email_stop(token):
    """One click from the e-mail or the confirmation page deletes the address."""
    if not results.unsubscribe(token):
        return render_template("public/results_email_stopped.html", valid=False), 404
    return render_template("public/results_email_stopped.html", valid=True)
