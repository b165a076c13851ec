"""The data model: import every model class from here."""
from consult.models._base import utcnow
from consult.models.consultation import (
    QUESTION_KINDS,
    STATUSES,
    Area,
    Consultation,
    Option,
    Question,
    consultation_areas,
)
from consult.models.response import CHANNELS, Answer, Draft, Response

__all__ = [
    "CHANNELS",
    "QUESTION_KINDS",
    "STATUSES",
    "Answer",
    "Area",
    "Consultation",
    "Draft",
    "Option",
    "Question",
    "Response",
    "consultation_areas",
    "utcnow",
]
