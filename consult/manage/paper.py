"""Paper: the printable questionnaire, and entering a response from a paper form or an event (the
resident path's checks and analysis, channel paper)."""
from flask import redirect, render_template, request, session, url_for
from flask_login import current_user

from consult.manage import bp
from consult.manage.consultations import consultation_or_404
from consult.manage.paper_forms import PaperResponseForm
from consult.answer_forms import choice_options
from consult.services.consultations.paper import accepts_paper, enter_paper_response, paper_count
from consult.services.consultations.paper_form import paper_questions
from consult.services.partnership.contact import contact_details
from consult.services.survey.receipts import format_receipt_code
from consult.services.survey.submission import IncompleteResponse


@bp.get("/consultations/<slug>/paper/print")
def paper_questionnaire(slug):
    """The A4 questionnaire to print, in the order and numbering the paper-entry page uses."""
    consultation = consultation_or_404(slug)
    return render_template(
        "manage/paper/questionnaire.html", consultation=consultation, items=paper_questions(consultation), contact=contact_details()
    )


@bp.route("/consultations/<slug>/paper", methods=["GET", "POST"])
def paper_response(slug):
    consultation = consultation_or_404(slug)
    if not accepts_paper(consultation):
        return render_template("manage/paper/not_now.html", consultation=consultation), 409
    form = PaperResponseForm(consultation)
    if form.validate_on_submit():
        try:
            response, _stored = enter_paper_response(consultation, form.answers, form.entry_key.data, current_user)
            # Kept for the next page only, so the code is not in the address bar or browser history.
            session["paper_receipt"] = response.receipt_code
            return redirect(url_for("manage.paper_response", slug=slug, saved=1))
        except IncompleteResponse:
            # The form checked every shown question, so this means the questions changed meanwhile.
            return redirect(url_for("manage.paper_response", slug=slug))
    saved = request.args.get("saved") == "1" and request.method == "GET"
    return render_template(
        "manage/paper/form.html",
        consultation=consultation,
        form=form,
        options={question.id: choice_options(question, consultation.areas) for question in consultation.questions},
        paper={item.question.id: item for item in paper_questions(consultation)},
        saved=saved,
        receipt_code=format_receipt_code(session.pop("paper_receipt", None)) if saved else "",
        count=paper_count(consultation),
    )
