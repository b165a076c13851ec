"""The partnership's own settings that an admin edits: how residents contact it."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from consult.extensions import db
from consult.models._base import utcnow


class PartnershipContact(db.Model):
    """One row: the e-mail address and phone number residents are given to contact the partnership."""

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    phone: Mapped[str] = mapped_column(sa.String(40), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
