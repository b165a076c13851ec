"""The "You said, we did" form: an introduction, then what was heard and what will be done per theme."""
from flask import request
from wtforms import TextAreaField

from consult.manage.builder_forms import OfficerForm
from consult.cleaning import clean_text
from consult.services.consultations.outcomes import TEXT_MAX


class OutcomeForm(OfficerForm):
    introduction = TextAreaField()

    def __init__(self, rows, **kwargs):
        """`rows` are outcome_rows(): (theme, answer count, saved item or None)."""
        outcome_introduction = kwargs.pop("introduction", "")
        kwargs.setdefault("data", {"introduction": outcome_introduction})
        super().__init__(**kwargs)
        self.rows = rows
        self.replies = {}
        self.reply_errors = {}
        for theme, _count, item in rows:
            if request.method == "POST":
                heard = clean_text(request.form.get(f"heard-{theme.id}", ""))
                did = clean_text(request.form.get(f"did-{theme.id}", ""))
            else:
                heard, did = (item.we_heard, item.we_did) if item else ("", "")
            self.replies[theme.id] = (heard, did)

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if len(self.introduction.data or "") > TEXT_MAX:
            self.introduction.errors.append(f"Introduction must be {TEXT_MAX:,} characters or fewer")
            valid = False
        for theme, _count, _item in self.rows:
            heard, did = self.replies[theme.id]
            if len(heard) > TEXT_MAX or len(did) > TEXT_MAX:
                self.reply_errors[f"heard-{theme.id}"] = f"{theme.name}: each box must be {TEXT_MAX:,} characters or fewer"
            elif did and not heard:
                self.reply_errors[f"heard-{theme.id}"] = f"{theme.name}: say what you heard, as well as what you will do"
            elif heard and not did:
                self.reply_errors[f"did-{theme.id}"] = f"{theme.name}: say what you will do, or why nothing will change"
        return valid and not self.reply_errors

    def error_items(self):
        return super().error_items() + list(self.reply_errors.items())
