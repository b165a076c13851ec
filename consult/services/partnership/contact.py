"""How residents contact the partnership: one e-mail address and one phone number, set by an admin."""
import re
from typing import NamedTuple

import sqlalchemy as sa

from consult.extensions import db
from consult.models import PartnershipContact, utcnow
from consult.services.accounts import audit
from consult.services.accounts.users import email_problem, normalise_email

# Digits, spaces and the usual separators, with an optional leading +: "01900 123456", "+44 1900 123 456".
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,30}$")


class Contact(NamedTuple):
    email: str
    phone: str


def contact_details():
    """The partnership's contact details (empty strings when an admin has not set them)."""
    row = db.session.execute(sa.select(PartnershipContact.email, PartnershipContact.phone).limit(1)).first()
    return Contact(*row) if row else Contact("", "")


def contact_problems(email, phone):
    """{field: message} for details that cannot be saved; empty when both are fine."""
    problems = {}
    problem = email_problem(normalise_email(email))
    if problem:
        problems["email"] = problem
    if not phone:
        problems["phone"] = "Enter a phone number"
    elif not _PHONE.match(phone) or not 7 <= sum(ch.isdigit() for ch in phone) <= 15:
        problems["phone"] = "Enter a phone number in the correct format, like 01900 123456"
    return problems


def save_contact_details(email, phone, user):
    """Store the contact details residents are shown; commits.

    :raise ValueError: when contact_problems() finds something wrong.
    """
    if contact_problems(email, phone):
        raise ValueError("invalid contact details")
    row = db.session.scalar(sa.select(PartnershipContact).limit(1))
    if row is None:
        row = PartnershipContact()
        db.session.add(row)
    row.email, row.phone, row.updated_at = normalise_email(email), phone.strip(), utcnow()
    audit.record("settings.contact_changed", "settings:contact", user=user)
    db.session.commit()
    return Contact(row.email, row.phone)
