"""Save and come back later: a draft kept under a short resume code, continued once on any device."""
import secrets
from datetime import timedelta
from typing import NamedTuple

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _, ngettext

from consult.extensions import db
from consult.formatting import long_date
from consult.models import Consultation, Draft, utcnow
from consult.services.mail import outbox
from consult.services.survey.drafts import hash_token

# No 0/O, 1/I/L: a code read aloud or copied from paper is typed right. 16 characters of 31 are
# over 79 bits, far beyond guessing at the rate limit, so a plain SHA-256 of the code is enough.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
GROUPS, GROUP_LENGTH = 4, 4


class ResumeProblem(ValueError):
    """The code cannot be used; the message is for the resident."""


class SavedDraft(NamedTuple):
    token: str
    code: str
    saved_until: object


class ResumedDraft(NamedTuple):
    slug: str
    token: str
    answers: dict


def _saved_days():
    return current_app.config["SAVED_DRAFT_DAYS"]


def new_code():
    return "".join(secrets.choice(ALPHABET) for _position in range(GROUPS * GROUP_LENGTH))


def normalise_code(text):
    """What the resident typed, without spaces, dashes and case: the form the hash is taken of."""
    return "".join(character for character in (text or "").upper() if character.isalnum())


def format_code(code):
    code = normalise_code(code)
    return "-".join(code[start:start + GROUP_LENGTH] for start in range(0, len(code), GROUP_LENGTH))


def _open_draft(token, now):
    if not token:
        return None
    return db.session.scalar(sa.select(Draft).where(
        Draft.token_hash == hash_token(token), Draft.response_id.is_(None), Draft.expires_at > now,
    ))


def save_for_later(consultation_id, token, now=None):
    """Give the resident's open draft (found by its session `token`, or a new empty one) a new
    resume code and keep it for SAVED_DRAFT_DAYS; commits. A code given before stops working.

    Returns a SavedDraft: the session token, the code (its only plain copy) and the keeping date.
    """
    now = now or utcnow()
    draft = _open_draft(token, now)
    if draft is None or draft.consultation_id != consultation_id:
        token = secrets.token_urlsafe(32)
        draft = Draft(token_hash=hash_token(token), consultation_id=consultation_id, answers={},
                      started_at=now, updated_at=now, expires_at=now)
        db.session.add(draft)
    code = new_code()
    draft.resume_code_hash = hash_token(code)
    draft.saved_until = now + timedelta(days=_saved_days())
    draft.expires_at = max(draft.expires_at, draft.saved_until)
    db.session.commit()
    return SavedDraft(token, format_code(code), draft.saved_until)


def resume(code, now=None):
    """Move the draft saved under `code` to a new session token, so the browser that enters the
    code continues it and the code stops working; commits. Returns a ResumedDraft.

    :raise ResumeProblem: for a code that is unknown, used, sent or past its keeping date.
    """
    now = now or utcnow()
    code = normalise_code(code)
    if len(code) != GROUPS * GROUP_LENGTH:
        raise ResumeProblem(_("Enter your code: %(count)d letters and numbers, like ABCD-EFGH-JKMN-PQRS", count=GROUPS * GROUP_LENGTH))
    code_hash = hash_token(code)
    draft = db.session.scalar(sa.select(Draft).where(Draft.resume_code_hash == code_hash))
    if draft is None:
        raise ResumeProblem(_(
            "We could not find answers saved with this code. Check it and try again. Each code works "
            "once: if you have used it already, save again to get a new one."
        ))
    if draft.response_id is not None:
        raise ResumeProblem(_("The answers saved with this code have been sent already. Thank you."))
    if draft.saved_until is None or draft.saved_until <= now or draft.expires_at <= now:
        raise ResumeProblem(ngettext(
            "Sorry, this code has expired: saved answers are kept for %(num)d day, and we "
            "have deleted these. You are welcome to start the survey again.",
            "Sorry, this code has expired: saved answers are kept for %(num)d days, and we "
            "have deleted these. You are welcome to start the survey again.",
            _saved_days(),
        ))
    token = secrets.token_urlsafe(32)
    moved = db.session.execute(
        sa.update(Draft)
        .where(Draft.id == draft.id, Draft.resume_code_hash == code_hash, Draft.response_id.is_(None))
        .values(token_hash=hash_token(token), resume_code_hash=None, saved_until=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if not moved.rowcount:  # the same code entered twice at once: only one browser gets the draft
        db.session.rollback()
        raise ResumeProblem(_("This code has just been used. Each code works once."))
    slug = db.session.scalar(sa.select(Consultation.slug).where(Consultation.id == draft.consultation_id))
    answers = dict(draft.answers or {})
    db.session.commit()
    return ResumedDraft(slug, token, answers)


def email_link(token, code, email, title, resume_url, now=None):
    """Queue one e-mail to `email` with the link to continue the draft saved under `code`; commits.
    The address is kept only in the outbox message, deleted once sent (outbox.FORGET_WHEN_SENT).

    Returns False when `code` is not this session's current code (an old page, a tampered form).
    """
    now = now or utcnow()
    draft = _open_draft(token, now)
    if draft is None or draft.resume_code_hash != hash_token(normalise_code(code)) or draft.saved_until is None:
        return False
    # Written in the language of the page that asked for it (the resident's, consult/i18n.py).
    body = "\n\n".join((
        _("You saved your answers to “%(title)s” to finish later.", title=title),
        _("To continue, open this link and press Continue:\n%(link)s", link=resume_url),
        _("Or go to the site, choose “Continue a saved response” and enter this code: %(code)s", code=format_code(code)),
        _("We keep your answers until %(date)s. The code works once: if you save again, you will get a new one.",
          date=long_date(draft.saved_until)),
        _("We have not kept your e-mail address: this is the only e-mail we will send you."),
    ))
    outbox.queue("saved_draft_link", email, _("Your saved answers"), body, ref=f"consultation:{draft.consultation_id}")
    db.session.commit()
    return True
