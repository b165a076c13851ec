"""E-mail waiting to go or gone (the outbox), and residents' "tell me when the results are out" addresses."""
import secrets
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from consult.extensions import db
from consult.models._base import utcnow


class OutboxMessage(db.Model):
    """One e-mail to one person, written in the same transaction as the event that causes it.

    Delivered by services/mail/delivery.py; without a mail server it stays here for an admin
    to read. `ref` names what it is about ("answer:42", "consultation:7"), never its words.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(30), index=True)
    ref: Mapped[str] = mapped_column(sa.String(60), default="", index=True)
    recipient: Mapped[str] = mapped_column(sa.String(254))
    subject: Mapped[str] = mapped_column(sa.String(200))
    body_text: Mapped[str] = mapped_column(sa.Text)
    # Extra headers, such as List-Unsubscribe: {name: value}.
    headers: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    sent_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(sa.String(500))
    # A sender holds a message until then, so two senders never deliver it twice.
    claimed_until: Mapped[datetime | None]

    @property
    def status(self):
        if self.sent_at is not None:
            return "sent"
        return "failed, will retry" if self.last_error else "waiting"


def _subscription_key():
    return secrets.token_hex(16)


class ResultsSubscription(db.Model):
    """An address to tell, once, when a consultation's "You said, we did" is published.

    Kept apart from responses on purpose: no response id, no receipt, only the day it was given,
    and a random key rather than a counting id, so nothing links an address to an answer.
    """

    key: Mapped[str] = mapped_column(sa.String(32), primary_key=True, default=_subscription_key)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultation.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(sa.String(254))
    given_on: Mapped[date] = mapped_column(sa.Date)
    # The language the resident used (consult/i18n.py): the results e-mail is written in it.
    language: Mapped[str] = mapped_column(sa.String(10), default="en", server_default="en")

    __table_args__ = (sa.UniqueConstraint("consultation_id", "email", name="uq_results_subscription_address"),)
