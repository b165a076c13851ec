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
from consult.models.theme import TAG_SOURCES, AnswerTheme, Theme

__all__ = [
    "CHANNELS",
    "QUESTION_KINDS",
    "STATUSES",
    "TAG_SOURCES",
    "Answer",
    "AnswerTheme",
    "Area",
    "Consultation",
    "Draft",
    "Option",
    "Question",
    "Response",
    "Theme",
    "consultation_areas",
    "utcnow",
]
