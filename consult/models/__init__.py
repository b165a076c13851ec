"""The data model: import every model class from here."""
from consult.models._base import utcnow
from consult.models.api_token import ApiToken
from consult.models.audit import AuditEvent
from consult.models.consultation import (
    QUESTION_KINDS,
    STATUSES,
    Area,
    AreaPopulation,
    Consultation,
    Option,
    Question,
    Translation,
    consultation_areas,
)
from consult.models.job import JOB_STATUSES, Job
from consult.models.mail import OutboxMessage, ResultsSubscription
from consult.models.outcome import Outcome, OutcomeItem
from consult.models.response import CHANNELS, Answer, Draft, Response
from consult.models.settings import PartnershipContact
from consult.models.safeguarding import (
    CLOSING_ACTIONS,
    SAFEGUARDING_ACTIONS,
    SAFEGUARDING_LEVELS,
    SafeguardingAction,
    SafeguardingLevelChange,
)
from consult.models.summary import SummaryCount, SummaryOptionCount, SummaryPhrase, SummaryStale
from consult.models.theme import TAG_SOURCES, AnswerTheme, Theme
from consult.models.user import ROLES, LoginThrottle, User, user_areas

__all__ = [
    "CHANNELS",
    "CLOSING_ACTIONS",
    "JOB_STATUSES",
    "QUESTION_KINDS",
    "ROLES",
    "SAFEGUARDING_ACTIONS",
    "SAFEGUARDING_LEVELS",
    "STATUSES",
    "TAG_SOURCES",
    "AreaPopulation",
    "Job",
    "Answer",
    "ApiToken",
    "AuditEvent",
    "LoginThrottle",
    "AnswerTheme",
    "Area",
    "Consultation",
    "Draft",
    "Option",
    "OutboxMessage",
    "Outcome",
    "PartnershipContact",
    "OutcomeItem",
    "Question",
    "Response",
    "ResultsSubscription",
    "SafeguardingAction",
    "SafeguardingLevelChange",
    "SummaryCount",
    "SummaryOptionCount",
    "SummaryPhrase",
    "SummaryStale",
    "Theme",
    "Translation",
    "User",
    "consultation_areas",
    "user_areas",
    "utcnow",
]
