"""The paper-response entry form: every question on one page, each checked by the resident path's form."""
import re
import secrets

from flask_wtf import FlaskForm
from wtforms import HiddenField

from consult.answer_forms import FORMS
from consult.services.survey.skip_logic import chosen_option_ids

_ENTRY_KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class PaperResponseForm(FlaskForm):
    """Holds the CSRF token and a random entry key, so sending the same sheet twice stores it once."""

    entry_key = HiddenField()

    def __init__(self, consultation, **kwargs):
        super().__init__(**kwargs)
        self.consultation = consultation
        if not self.entry_key.data:
            self.entry_key.data = secrets.token_urlsafe(24)
        # One resident-path form per question, named q<id>-answer, without a CSRF token of its own.
        self.questions = [
            (question, FORMS[question.kind](question, consultation.areas, prefix=f"q{question.id}", meta={"csrf": False}))
            for question in consultation.questions
        ]
        self.answers = None

    def validate(self, extra_validators=None):
        """Check the questions the paper form's skip logic shows; answers to the others are dropped."""
        valid = super().validate(extra_validators) and bool(_ENTRY_KEY.match(self.entry_key.data or ""))
        answers, chosen = {}, set()
        for question, form in self.questions:
            if question.show_when_option_id is not None and question.show_when_option_id not in chosen:
                continue
            if not form.validate():
                valid = False
                continue
            answers[str(question.id)] = form.value
            chosen.update(chosen_option_ids(question, form.value))
        if valid:
            self.answers = answers
        return valid

    def error_items(self):
        """(field id, message) for the error summary, in question order."""
        items = []
        for question, form in self.questions:
            for field in form:
                if field.errors:
                    items.append((field.id, f"Question {self.consultation.questions.index(question) + 1}: {field.errors[0]}"))
        return items
