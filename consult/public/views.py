"""Routes a resident follows: list, consultation start page, questions, check answers, thank you."""
from flask import abort, current_app, redirect, render_template, request, session, url_for

from consult.extensions import limiter
from consult.public import bp
from consult.public.forms import SubmitForm, form_for
from consult.services.consultations import open_consultations, public_consultation
from consult.services.outcomes import recently_published
from consult.services.responses import (
    IncompleteResponse,
    first_unseen,
    save_answer,
    sent_response,
    submit_response,
    survey_and_draft,
    visible_questions,
)
from consult.services.receipts import format_receipt_code
from consult.services.snapshots import survey
from consult.templating import render_kept
from consult.urls import own_url, page_url


def _token(slug):
    return (session._get_current_object().get("drafts") or {}).get(slug)


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
        return None, None, render_template("public/closed.html", consultation=public_consultation(slug))
    return consultation, draft, None


def _question_url(consultation, question, change=False):
    number = consultation.questions.index(question) + 1
    return page_url("public.question", slug=consultation.slug, number=number, change=1 if change else None)


@bp.get("/")
def index():
    return render_template("public/index.html", consultations=open_consultations(), results=recently_published())


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


# Reading a page and sending an answer are separate views so that only sending passes through
# the rate limiter, which otherwise ran its checks on every page view too.
@bp.get("/c/<slug>/q/<int:number>")
def question(slug, number):
    return _question(slug, number)


@bp.post("/c/<slug>/q/<int:number>")
@limiter.limit(_survey_limit)
def answer_question(slug, number):
    return _question(slug, number)


def _question(slug, number):
    consultation, draft, other_page = _open_consultation(slug)
    if other_page:
        return other_page
    questions = consultation.questions
    if not 1 <= number <= len(questions):
        abort(404)
    question = questions[number - 1]
    # The request itself, not its proxy: each attribute read through `request` cost about 1 µs.
    this_request = request._get_current_object()
    change = this_request.args.get("change") == "1"
    answers = dict(draft.answers) if draft else {}
    visible = visible_questions(questions, answers)
    if question not in visible:
        return redirect(_next_url(consultation, answers, question, change))

    form = form_for(question, consultation.areas, answers.get(str(question.id)))
    if form.validate_on_submit():
        _remember(slug, save_answer(consultation, draft, question, form.value))
        answers[str(question.id)] = form.value
        return redirect(_next_url(consultation, answers, question, change))

    position = visible.index(question)
    if change:
        back_url = page_url("public.check_answers", slug=slug)
    elif position:
        back_url = _question_url(consultation, visible[position - 1])
    else:
        back_url = page_url("public.consultation", slug=slug)
    context = {
        "consultation": consultation,
        "question": question,
        "form": form,
        "options": choice_options(question, consultation.areas),
        "number": position + 1,
        "total": len(visible),
        "back_url": back_url,
        "action": own_url(this_request),  # with ?change=1 when the page has it
    }
    if this_request.method != "GET" or question.is_text or form.postcode.data or not consultation.revision:
        # A problem to show (a POST renders only then), or a resident's own words or postcode: never kept.
        return render_template("public/question.html", **context)
    # Everything else the page shows follows from the survey's revision, the question, the choice
    # ticked, where the page sits among the visible questions and its links.
    key = ("question", consultation.revision, question.id, str(form.answer.data), position, len(visible),
           back_url, this_request.script_root, context["action"])
    return render_kept(key, "public/question.html", **context)


def _next_url(consultation, answers, question, change):
    """Where to go after `question`: the next visible question, or check answers when done."""
    if change:
        unseen = first_unseen(consultation.questions, answers)
        if unseen is None:
            return page_url("public.check_answers", slug=consultation.slug)
        return _question_url(consultation, unseen, change=True)
    later = [q for q in visible_questions(consultation.questions, answers) if q.position > question.position]
    if later:
        return _question_url(consultation, later[0])
    return page_url("public.check_answers", slug=consultation.slug)


@bp.get("/c/<slug>/check")
def check_answers(slug):
    return _check_answers(slug)


@bp.post("/c/<slug>/check")
@limiter.limit(_submit_limit)
def submit_answers(slug):
    return _check_answers(slug)


def _check_answers(slug):
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
    if request.method == "POST" and form.validate_on_submit():
        try:
            submit_response(consultation, draft, honeypot=request.form.get("website", ""))
        except IncompleteResponse as missing:
            return redirect(_question_url(consultation, missing.question))
        return redirect(url_for("public.thank_you", slug=slug))
    rows = [
        (question, describe_answer(question, draft.answers.get(str(question.id)), consultation.areas))
        for question in visible_questions(consultation.questions, draft.answers)
    ]
    return render_template("public/check.html", consultation=consultation, rows=rows, form=form)


@bp.get("/c/<slug>/done")
def thank_you(slug):
    consultation = survey(slug)
    if consultation is None:
        abort(404)
    sent = sent_response(consultation, _token(slug))
    if sent is None:
        return redirect(url_for("public.consultation", slug=slug))
    return render_template(
        "public/done.html",
        consultation=consultation,
        safeguarding_level=sent.safeguarding_level,
        receipt_code=format_receipt_code(sent.receipt_code),
    )


def choice_options(question, areas):
    """(value, label, exclusive) for each radio or checkbox the question shows."""
    if question.kind == "area":
        return [(area.id, area.name, False) for area in areas]
    return [(option.id, option.label, option.exclusive) for option in question.options]


def describe_answer(question, value, areas):
    """The answer as the resident would say it back, as a list of lines (empty: not answered)."""
    if question.kind == "area":
        value = value or {}
        names = [area.name for area in areas if area.id == value.get("area_id")]
        district = [f"Postcode district {value['district']}"] if value.get("district") else []
        return names + district
    if question.is_text:
        return [value] if value else []
    chosen = value if isinstance(value, list) else [value]
    return [option.label for option in question.options if option.id in chosen]
