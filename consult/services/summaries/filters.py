"""Which responses a summary covers: consultation, area, dates, channel and an answered option."""
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from consult.extensions import db
from consult.models import CHANNELS, Answer, Area, Option, Question, Response, SummaryCount
from consult.models.summary import OPTION_COUNT_KINDS
from consult.services.summaries import tally
from consult.services.summaries.base import SOURCE_NAMES, SOURCES
from consult.services.summaries.suppression import is_small


@dataclass(frozen=True)
class Filters:
    """A filter on responses. None means "any"."""

    consultation_id: int | None = None
    # Across consultations (all of them, or a trend by consultation): only these, the ones the
    # reader may see that have no respondents or at least the threshold; None means every one.
    consultation_ids: tuple | None = None
    area_id: int | None = None
    # The reader's own limit (a partner limited to some areas, scope.area_limit): only these
    # areas' responses count anywhere; None means every area.
    area_ids: tuple | None = None
    date_from: date | None = None
    date_to: date | None = None
    channel: str | None = None
    option_id: int | None = None
    # Where respondents raised a theme: written, ticked or either (base.SOURCES). Only theme
    # figures read it; which responses are covered does not change.
    source: str = "all"

    def conditions(self, response=Response):
        """SQL conditions on the Response table (or an alias of it).

        Suspect responses (spam traps) never count until an officer keeps them.
        """
        found = [response.suspect_reason.is_(None)]
        if self.consultation_id is not None:
            found.append(response.consultation_id == self.consultation_id)
        if self.consultation_id is None and self.consultation_ids is not None:
            found.append(response.consultation_id.in_(self.consultation_ids))
        if self.area_id is not None:
            found.append(response.area_id == self.area_id)
        if self.area_ids is not None:
            found.append(response.area_id.in_(self.area_ids))
        if self.date_from is not None:
            found.append(response.submitted_at >= datetime.combine(self.date_from, time.min))
        if self.date_to is not None:
            # Up to the day's last moment: the day after 9999-12-31 overflows (a 500, found by tests/fuzz).
            found.append(response.submitted_at <= datetime.combine(self.date_to, time.max))
        if self.channel is not None:
            found.append(response.channel == self.channel)
        if self.option_id is not None:
            # EXISTS, probed per response along the (option, response) index, rather than
            # `IN (the option's respondents)`: SQLite would start every query from that whole
            # list (50-250 ms at a million answers for a page of quotes), where it starts from
            # the theme's or the window's rows with EXISTS (under 1 ms). PostgreSQL plans both
            # as the same semi-join.
            chosen = aliased(Answer)
            found.append(sa.exists().where(chosen.response_id == response.id, chosen.option_id == self.option_id))
        return found

    def count_conditions(self, counts):
        """SQL conditions on a maintained count table (SummaryCount or SummaryPhrase), whose
        rows are per consultation, area, channel and day."""
        found = []
        if self.consultation_id is not None:
            found.append(counts.consultation_id == self.consultation_id)
        if self.consultation_id is None and self.consultation_ids is not None:
            found.append(counts.consultation_id.in_(self.consultation_ids))
        if self.area_id is not None:
            found.append(counts.area_key == self.area_id)
        if self.area_ids is not None:
            found.append(counts.area_key.in_(self.area_ids))
        if self.channel is not None:
            found.append(counts.channel == self.channel)
        if self.date_from is not None:
            found.append(counts.day >= self.date_from)
        if self.date_to is not None:
            found.append(counts.day <= self.date_to)
        return found

    @property
    def countable(self):
        """True when the maintained counts can answer: they know every filter but an answered option."""
        return self.option_id is None

    def counted(self, kind):
        """True when maintained counts of `kind` can answer: summary_count knows every filter but
        an answered option, summary_option_count that too for respondents and themes."""
        return self.countable or (self.option_id is not None and kind in OPTION_COUNT_KINDS)

    def shows_area(self, area_id):
        """True when the reader may see `area_id`'s figures."""
        return self.area_ids is None or area_id in self.area_ids

    def without_area(self):
        return replace(self, area_id=None)

    def query_args(self):
        """The filters as query-string arguments (consultation is part of the URL instead)."""
        args = {}
        if self.area_id is not None:
            args["area"] = self.area_id
        if self.date_from is not None:
            args["from"] = self.date_from.isoformat()
        if self.date_to is not None:
            args["to"] = self.date_to.isoformat()
        if self.channel is not None:
            args["channel"] = self.channel
        if self.option_id is not None:
            args["option"] = self.option_id
        if self.source != "all":
            args["source"] = self.source
        return args


@dataclass
class FilterChoices:
    """What the filter form offers for a consultation (or all), and the errors in what was sent."""

    areas: list = field(default_factory=list)
    channels: tuple = CHANNELS
    questions: list = field(default_factory=list)
    errors: dict = field(default_factory=dict)
    sources: dict = field(default_factory=lambda: dict(SOURCE_NAMES))


def _parse_date(text):
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def summable_ids(consultations, area_ids=None):
    """The ids of these consultations that may be summed with others: a consultation with a few
    respondents (fewer than the threshold) would be the difference between a sum and the rest."""
    people = dict(tally.summed(Filters(area_ids=area_ids), "respondents", SummaryCount.consultation_id))
    return tuple(c.id for c in consultations if not is_small(people.get(c.id, 0)))


def week_start(day):
    """The Monday of `day`'s week (or the first day there is)."""
    return day - timedelta(days=min(day.weekday(), (day - date.min).days))


def week_end(day):
    """The Sunday of `day`'s week (or the last day there is)."""
    return day + timedelta(days=min(6 - day.weekday(), (date.max - day).days))


def parse_filters(args, consultation=None, visible=None, area_ids=None):
    """Filters from query-string arguments. Returns (Filters, FilterChoices with errors).

    For all consultations (`consultation` None), `visible` lists the ones the reader may see.
    `area_ids` is the reader's area limit (scope.area_limit): every figure counts only those
    areas, and another area is refused like an unknown one.

    Bad values are dropped (the summary is shown unfiltered on that field) and reported in
    `errors` by field name with a sentence saying how to fix them.
    """
    choices = filter_choices(consultation, area_ids)
    errors = {}
    values = {"consultation_id": consultation.id if consultation else None, "area_ids": area_ids}
    if visible is not None:
        values["consultation_ids"] = summable_ids(visible, area_ids)

    area = (args.get("area") or "").strip()
    if area:
        known = {str(a.id): a.id for a in choices.areas}
        if area in known:
            values["area_id"] = known[area]
        else:
            errors["area"] = "Choose an area from the list"
    for name, key in (("from", "date_from"), ("to", "date_to")):
        text = (args.get(name) or "").strip()
        if text:
            parsed = _parse_date(text)
            if parsed is None:
                errors[name] = "Enter a real date in the form YYYY-MM-DD, for example 2026-11-01"
            else:
                values[key] = parsed
    # Whole weeks, Monday to Sunday: with the differencing checks (differencing.py), two date
    # ranges never differ by a day or two's few respondents.
    if values.get("date_from"):
        values["date_from"] = week_start(values["date_from"])
    if values.get("date_to"):
        values["date_to"] = week_end(values["date_to"])
    if values.get("date_from") and values.get("date_to") and values["date_from"] > values["date_to"]:
        errors["to"] = "The end date must be the same as or after the start date"
        del values["date_to"]
    channel = (args.get("channel") or "").strip()
    if channel:
        if channel in CHANNELS:
            values["channel"] = channel
        else:
            errors["channel"] = "Choose web, paper or import"
    option = (args.get("option") or "").strip()
    # Only a consultation's questions are offered: across all of them there is no answer to choose,
    # so an option is ignored (an error would point the reader at a list the page does not show).
    if option and choices.questions:
        known = {str(o.id): o.id for q in choices.questions for o in q.options}
        if option in known:
            values["option_id"] = known[option]
        else:
            errors["option"] = "Choose an answer from the list"
    source = (args.get("source") or "").strip()
    if source:
        if source in SOURCES:
            values["source"] = source
        else:
            errors["source"] = "Choose written or ticked, written only, or ticked only"
    choices.errors = errors
    return Filters(**values), choices


def filter_choices(consultation=None, area_ids=None):
    """Areas (of the consultation, or all; only `area_ids` when given) and its single-choice
    questions for the answer filter."""
    if consultation is not None:
        areas = list(consultation.areas)
        # Equality answers never filter other figures: beside quotes they would point at people.
        questions = [q for q in consultation.questions if q.kind in ("single", "scale") and q.options and q.section != "about_you"]
    else:
        areas = db.session.scalars(sa.select(Area).order_by(Area.name)).all()
        questions = []
    if area_ids is not None:
        areas = [area for area in areas if area.id in area_ids]
    return FilterChoices(areas=areas, questions=questions)


def option_label(option_id):
    option = db.session.get(Option, option_id)
    if option is None:
        return ""
    question = db.session.get(Question, option.question_id)
    return f"{question.title} – {option.label}"
