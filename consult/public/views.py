"""Routes a resident follows: list, consultation start page, questions (and saving them for later), check answers, thank you."""
from flask import abort, current_app, redirect, render_template, request, session, url_for

from consult.extensions import limiter
from consult.public import bp
from consult.answer_forms import choice_options, describe_answer, form_for
from consult.public.forms import ResultsEmailForm, SavedEmailForm, StartAgainForm, SubmitForm
from consult.services.survey.listing import open_consultations, public_consultation
from consult.services.consultations.outcomes import recently_published
from consult.services.partnership.contact import contact_details
from consult.services.survey.submission import IncompleteResponse, sent_response, submit_response
from consult.services.survey.skip_logic import first_unseen, visible_questions
from consult.services.mail.settings import mail_configured
from consult.services.survey.drafts import save_answer, survey_and_draft
from consult.services.survey.saved import save_for_later
from consult.services.survey.receipts import format_receipt_code
from consult.services.survey.snapshots import survey
from consult.services.survey.translated import consultations_in, survey_in
from consult.i18n import current_language
from consult.urls import own_url


def _token(slug):
    return (session.get("drafts") or {}).get(slug)


def _remember(slug, token):
    if _token(slug) != token:
        # Only a new draft changes the session, so other pages need not sign a new cookie.
        session["drafts"] = {**(session.get("drafts") or {}), slug: token}
        session.permanent = True


def _open_consultation(slug):
    """(survey, open draft or None, None) for an open consultation at `slug`, or (None, None,
    the page to show instead). The survey is a read-only copy (services/snapshots.py).

    :raise 404: when no resident may see a consultation at this slug.
    """
    consultation, draft = survey_and_draft(slug, _token(slug))
    if consultation is None:
        abort(404)
    if not consultation.accepting_responses():
        # The closed page shows the published outcome, which the survey copy does not carry.
        closed = consultations_in([public_consultation(slug)], current_language())[0]
        return None, None, render_template("public/closed.html", consultation=closed)
    return survey_in(consultation, current_language()), draft, None


def _question_url(consultation, question, change=False):
    number = consultation.questions.index(question) + 1
    return url_for("public.question", slug=consultation.slug, number=number, change=1 if change else None)


@bp.get("/")
def index():
    return render_template(
        "public/index.html", consultations=consultations_in(open_consultations(), current_language()),
        results=recently_published(),
        form=StartAgainForm(), answers_on_device=bool(session.get("drafts")),
    )


@bp.post("/start-again")
def start_again():
    """Forget every survey this browser was part way through or has sent: on a shared device, the
    next person sees neither the last resident's answers nor their receipt code."""
    if StartAgainForm().validate_on_submit():
        session.pop("drafts", None)
    return redirect(url_for("public.index"))


@bp.get("/accessibility")
def accessibility():
    return render_template("public/accessibility.html")


@bp.get("/privacy")
def privacy():
    return render_template("public/privacy.html")


@bp.get("/c/<slug>")
def consultation(slug):
    consultation, _draft, other_page = _open_consultation(slug)
    if other_page:
        return other_page
    return render_template("public/consultation.html", consultation=consultation)


def _survey_limit():
    return current_app.config["SURVEY_RATE_LIMIT"]


def _submit_limit():
    return current_app.config["SUBMIT_RATE_LIMIT"]


@bp.route("/c/<slug>/q/<int:number>", methods=["GET", "POST"])
@limiter.limit(_survey_limit, methods=["POST"])
def question(slug, number):
    consultation, draft, other_page = _open_consultation(slug)
    if other_page:
        return other_page
    questions = consultation.questions
    if not 1 <= number <= len(questions):
        abort(404)
    question = questions[number - 1]
    change = request.args.get("change") == "1"
    answers = dict(draft.answers) if draft else {}
    visible = visible_questions(questions, answers)
    if question not in visible:
        return redirect(_next_url(consultation, answers, question, change))

    form = form_for(question, consultation.areas, answers.get(str(question.id)))
    if request.method == "POST" and request.form.get("save"):
        return _save_for_later(consultation, draft, question, form)
    if form.validate_on_submit():
        _remember(slug, save_answer(consultation, draft, question, form.value))
        answers[str(question.id)] = form.value
        return redirect(_next_url(consultation, answers, question, change))

    position = visible.index(question)
    if change:
        back_url = url_for("public.check_answers", slug=slug)
    elif position:
        back_url = _question_url(consultation, visible[position - 1])
    else:
        back_url = url_for("public.consultation", slug=slug)
    return render_template(
        "public/question.html",
        consultation=consultation,
        question=question,
        form=form,
        options=choice_options(question, consultation.areas),
        number=position + 1,
        total=len(visible),
        back_url=back_url,
        action=own_url(request),  # with ?change=1 when the page has it
    )


def _save_for_later(consultation, draft, question, form):
    """"Save and come back later": this page's answer is kept when it is valid; one that is not
    (a blank required answer, too long a text) does not stop the save, and the page says so."""
    token = draft.token if draft else None
    not_kept = None
    if form.validate_on_submit():
        token = save_answer(consultation, draft, question, form.value)
    elif any(value.strip() for name in ("answer", "postcode") for value in request.form.getlist(name)):
        not_kept = next(iter(form.errors.values()))[0]
    saved = save_for_later(consultation.id, token)
    _remember(consultation.slug, saved.token)
    return render_saved_page(consultation, saved.code, saved.saved_until, SavedEmailForm(formdata=None), not_kept)


def render_saved_page(consultation, code, saved_until, email_form, not_kept=None, status=200):
    """The page that shows a resume code: answered to the POST that saved, never stored to show again."""
    errors = [(field.id, field.errors[0]) for field in email_form if field.errors and field.id != "code"]
    return render_template(
        "public/saved.html", consultation=consultation, code=code, saved_until=saved_until,
        days=current_app.config["SAVED_DRAFT_DAYS"], not_kept=not_kept, email_form=email_form,
        email_errors=errors, has_error=bool(errors), offer_email=mail_configured(current_app.config),
    ), status


def _next_url(consultation, answers, question, change):
    """Where to go after `question`: the next visible question, or check answers when done."""
    if change:
        unseen = first_unseen(consultation.questions, answers)
        if unseen is None:
            return url_for("public.check_answers", slug=consultation.slug)
        return _question_url(consultation, unseen, change=True)
    later = [q for q in visible_questions(consultation.questions, answers) if q.position > question.position]
    if later:
        return _question_url(consultation, later[0])
    return url_for("public.check_answers", slug=consultation.slug)


@bp.route("/c/<slug>/check", methods=["GET", "POST"])
@limiter.limit(_submit_limit, methods=["POST"])
def check_answers(slug):
    consultation, draft, other_page = _open_consultation(slug)
    if other_page:
        return other_page
    if draft is None:
        if sent_response(consultation, _token(slug)) is not None:
            return redirect(url_for("public.thank_you", slug=slug))  # a replayed or second submit
        return redirect(url_for("public.question", slug=slug, number=1))
    unseen = first_unseen(consultation.questions, draft.answers)
    if unseen is not None:
        return redirect(_question_url(consultation, unseen))

    form = SubmitForm()
    if form.validate_on_submit():
        try:
            submit_response(consultation, draft, honeypot=request.form.get("website", ""), language=current_language())
        except IncompleteResponse as missing:
            return redirect(_question_url(consultation, missing.question))
        return redirect(url_for("public.thank_you", slug=slug))
    visible = visible_questions(consultation.questions, draft.answers)
    rows = [(question, describe_answer(question, draft.answers.get(str(question.id)), consultation.areas)) for question in visible]
    return render_template(
        "public/check.html", consultation=consultation, rows=rows, form=form, back_url=_question_url(consultation, visible[-1]) if visible else url_for("public.consultation", slug=slug),
    )


@bp.get("/c/<slug>/done")
def thank_you(slug):
    consultation = survey_in(survey(slug), current_language())
    if consultation is None:
        abort(404)
    sent = sent_response(consultation, _token(slug))
    if sent is None:
        return redirect(url_for("public.consultation", slug=slug))
    return thank_you_page(consultation, sent, ResultsEmailForm())


def thank_you_page(consultation, sent, results_form, status=200):
    """The thank-you page for a sent response, with the results e-mail form as given."""
    errors = [(field.id, field.errors[0]) for field in results_form if field.errors]
    return render_template(
        "public/done.html",
        form=StartAgainForm(),
        results_form=results_form,
        results_errors=errors,
        has_error=bool(errors),
        offer_results_email=consultation.status != "published",
        consultation=consultation,
        safeguarding_level=sent.safeguarding_level,
        receipt_code=format_receipt_code(sent.receipt_code),
        contact=contact_details(),
    ), status
