"""Demo content: the partnership's areas, an open survey, a closed one, and synthetic responses."""
import random
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa

from consult.extensions import db
from consult.models import (
    Answer,
    AnswerTheme,
    Area,
    AreaPopulation,
    Consultation,
    Draft,
    Option,
    Question,
    Response,
    Theme,
    Translation,
    consultation_areas,
    utcnow,
)
from consult.services.consultations import equality
from consult.services.demo import content
from consult.services.demo.phrases import DISCLOSURES
from consult.services.demo.polish import polish_translations
from consult.services.demo.writing import ResidentWriter
from consult.services.summaries import tally
from consult.services.tagging.store import Analyser, ensure_default_themes, insert_text_answers

BATCH = 5000
# The answer most of the demo's residents give to the other "About you" questions.
_COMMONEST = frozenset((
    "White: English, Welsh, Scottish, Northern Irish or British", "Christian", "Straight or heterosexual", "Yes",
))
# Most synthetic responses go to the open survey; the closed one gets enough for its board pages.
CLOSED_SHARE = 0.25
# One written disclosure (for the safeguarding queue) in about this many open-survey responses.
RESPONSES_PER_DISCLOSURE = 250


def seed_demo(responses=0, reset=False, seed=2026, progress=None, closed_share=CLOSED_SHARE):
    """Create the demo once (or again with reset) and add `responses` synthetic responses,
    `closed_share` of them to the closed survey and the rest to the open one.

    Returns a short sentence for the CLI saying what was done.
    """
    if reset:
        clear_all()
    said = []
    survey = db.session.scalar(sa.select(Consultation).where(Consultation.slug == content.SURVEY["slug"]))
    if survey is None:
        # The themes its options count towards, stored first (on a connection of their own).
        ensure_default_themes()
        areas = _areas()
        now = utcnow().replace(second=0, microsecond=0)
        survey = build_consultation(content.SURVEY, areas, "open", now - timedelta(days=30), now + timedelta(days=60))
        build_consultation(content.CLOSED_SURVEY, areas, "closed", now - timedelta(days=90), now - timedelta(days=20))
        db.session.flush()
        db.session.add_all(polish_translations(survey))
        db.session.commit()
        said.append(f"Created {len(areas)} areas and the “{survey.title}” consultation.")
    else:
        said.append(f"The “{survey.title}” consultation already exists: kept it.")
    if responses:
        # Demo data must be repeatable from a seed, and nothing here is a secret (bandit B311).
        rng = random.Random(seed)  # nosec B311
        closed = db.session.scalar(sa.select(Consultation).where(Consultation.slug == content.CLOSED_SURVEY["slug"]))
        to_closed = int(responses * closed_share) if closed is not None else 0
        add_synthetic_responses(survey, responses - to_closed, rng, progress)
        if to_closed:
            add_synthetic_responses(closed, to_closed, rng, progress)
            said.append(
                f"Added {responses:,} synthetic responses: {responses - to_closed:,} to “{survey.title}” "
                f"and {to_closed:,} to “{closed.title}”."
            )
        else:
            said.append(f"Added {responses:,} synthetic responses.")
        # Counted now, so the first board view neither recounts nor waits for a rebuild.
        tally.refresh()
    return " ".join(said)


def database_is_empty():
    return db.session.scalar(sa.select(sa.func.count()).select_from(Consultation)) == 0


def clear_all():
    """Delete every consultation, response, draft and area: the demo starts again from nothing."""
    db.session.execute(sa.update(Question).values(show_when_option_id=None))
    for model in (Draft, AnswerTheme, Answer, Response, Translation, Option, Question):
        db.session.execute(sa.delete(model))
    db.session.execute(sa.delete(consultation_areas))
    db.session.execute(sa.delete(Consultation))
    db.session.execute(sa.delete(AreaPopulation))
    db.session.execute(sa.delete(Area))
    db.session.commit()


def _areas():
    areas = []
    for name, districts, _weight in content.AREAS:
        area = db.session.scalar(sa.select(Area).where(Area.name == name))
        if area is None:
            area = Area(name=name, postcode_districts=districts)
            db.session.add(area)
        if area.population is None:
            area.population = content.POPULATIONS.get(name)
        areas.append(area)
    db.session.flush()
    for area in areas:
        _population_by_age_and_sex(area)
    return areas


def _population_by_age_and_sex(area):
    """Census-like figures by age band and sex that add up (give or take rounding) to the area's population."""
    has_cells = db.session.scalar(sa.select(sa.func.count()).select_from(AreaPopulation).where(AreaPopulation.area_id == area.id))
    if has_cells or not area.population:
        return
    for band, share in content.AGE_PROFILE.items():
        for sex, sex_share in (("Female", content.FEMALE_SHARE), ("Male", 1 - content.FEMALE_SHARE)):
            db.session.add(AreaPopulation(area_id=area.id, age_band=band, sex=sex, people=round(area.population * share * sex_share)))


def build_consultation(spec, areas, status, opens_at, closes_at):
    """A Consultation with its questions and options from a plain dict like content.SURVEY."""
    consultation = Consultation(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec.get("summary", ""),
        purpose=spec.get("purpose", ""),
        how_answers_are_used=spec.get("how_answers_are_used", ""),
        privacy_notice=spec.get("privacy_notice", ""),
        minutes_to_complete=spec.get("minutes_to_complete", 3),
        status=status,
        opens_at=opens_at,
        closes_at=closes_at,
        areas=list(areas),
    )
    db.session.add(consultation)
    theme_ids = dict(db.session.execute(sa.select(Theme.slug, Theme.id)).all())
    for position, item in enumerate(spec["questions"], start=1):
        question = Question(
            position=position,
            kind=item["kind"],
            title=item["title"],
            hint=item.get("hint", ""),
            required=item.get("required", True),
            error_message=item.get("error_message", ""),
            scale_points=item.get("scale_points"),
            ranks=item.get("ranks"),
        )
        labels = list(item.get("options", []))
        for index, label in enumerate(labels, start=1):
            score = len(labels) + 1 - index if item["kind"] == "scale" else None
            theme_id = theme_ids.get(item.get("option_themes", {}).get(label))
            question.options.append(Option(position=index, label=label, value=score, theme_id=theme_id))
        if item["kind"] == "scale":
            question.options.append(Option(position=len(labels) + 1, label="Don't know", exclusive=True))
        if item.get("none_of_these"):
            question.options.append(Option(position=len(labels) + 1, label=item["none_of_these"], exclusive=True))
        consultation.questions.append(question)
    db.session.flush()
    for item, question in zip(spec["questions"], consultation.questions):
        if "show_when" in item:
            number, label = item["show_when"]
            earlier = consultation.questions[number - 1]
            question.show_when_option_id = next(o.id for o in earlier.options if o.label == label)
    return consultation


def add_synthetic_responses(consultation, count, rng, progress=None):
    """Insert `count` varied responses in batches, so a million fit in memory and reasonable time."""
    plan = _ResponsePlan(consultation, rng)
    disclosures = plan.disclosure_positions(count)
    db.session.flush()
    start = consultation.opens_at or utcnow() - timedelta(days=30)
    span = max(60, int((min(utcnow(), consultation.closes_at or utcnow()) - start).total_seconds()))
    done = 0
    while done < count:
        size = min(BATCH, count - done)
        # A new analyser per batch: it remembers every distinct text it has analysed.
        analyser = Analyser()
        rows = []
        for _ in range(size):
            area = plan.pick_area()
            rows.append(
                {
                    "consultation_id": consultation.id,
                    "area_id": area.id,
                    "postcode_district": rng.choice(area.districts),
                    "channel": "paper" if rng.random() < 0.08 else "web",
                    "submitted_at": start + timedelta(seconds=rng.randrange(span)),
                }
            )
        ids = db.session.scalars(
            sa.insert(Response).returning(Response.id, sort_by_parameter_order=True), rows
        ).all()
        answers = []
        for number, (response_id, row) in enumerate(zip(ids, rows), start=done):
            answers.extend(plan.answers(response_id, plan.area_by_id[row["area_id"]], number in disclosures))
        choices = [answer for answer in answers if "text" not in answer]
        texts = [answer for answer in answers if "text" in answer]
        db.session.execute(sa.insert(Answer), choices)
        insert_text_answers(texts, analyser)
        db.session.commit()
        done += size
        if progress:
            progress(size)


@dataclass(frozen=True)
class _Resident:
    """One synthetic resident: what they worry about most and how uneasy they are (0 to 1)."""

    topic: str
    unease: float
    day: int  # index into the safety options, 0 "Very safe" to 4 "Very unsafe"
    after_dark: int


class _ResponsePlan:
    """Draws plausible answers: towns lean to some worries, everyone feels less safe after dark
    than by day, and the more uneasy someone is the less they trust the police to deal with it.

    Each question's "demo" key in demo_content says which answer it takes.
    """

    def __init__(self, consultation, rng):
        self.rng = rng
        spec = next((s for s in (content.SURVEY, content.CLOSED_SURVEY) if s["slug"] == consultation.slug), {"questions": []})
        roles = {item["title"]: item.get("demo") for item in spec["questions"]}
        self.questions = [(question, roles.get(question.title)) for question in consultation.questions]
        self.areas = list(consultation.areas)
        self.area_by_id = {area.id: area for area in self.areas}
        weights = {name: weight for name, _districts, weight in content.AREAS}
        self.area_weights = [weights.get(area.name, 5) for area in self.areas]
        self.topics, self.topic_weights = zip(*content.TOPIC_WEIGHTS.items())
        self.writer = ResidentWriter(rng)

    def pick_area(self):
        return self.rng.choices(self.areas, self.area_weights)[0]

    def disclosure_positions(self, count):
        """Which of the next `count` responses disclose a risk: a few, never in a survey without a worry question."""
        if count == 0 or all(role != "worry" for _question, role in self.questions):
            return set()
        wanted = min(len(DISCLOSURES), max(1, count // RESPONSES_PER_DISCLOSURE))
        return set(self.rng.sample(range(count), wanted))

    def answers(self, response_id, area, disclose=False):
        resident = self._resident(area, disclose)
        rows, chosen = [], set()
        for question, role in self.questions:
            if question.show_when_option_id and question.show_when_option_id not in chosen:
                continue
            if question.is_text:
                text = self._text(role, resident, disclose)
                if text:
                    rows.append({"response_id": response_id, "question_id": question.id, "text": text})
            elif question.kind in ("grid", "ranking"):
                rows.extend(
                    {"response_id": response_id, "question_id": question.id, "option_id": option.id, "choice": choice}
                    for option, choice in self._grid_or_ranking(question, resident)
                )
            elif question.options:
                for option in self._choose(question, role, resident, area):
                    chosen.add(option.id)
                    rows.append({"response_id": response_id, "question_id": question.id, "option_id": option.id})
        return rows

    def _resident(self, area, disclose):
        rng = self.rng
        leanings = content.AREA_LEANINGS.get(area.name, [])
        if leanings and rng.random() < 0.45:
            topic = rng.choice(leanings)
        else:
            topic = rng.choices(self.topics, self.topic_weights)[0]
        unease = rng.random() ** (2.5 if topic == "Nothing much" else 0.9)
        if disclose:
            unease = max(unease, 0.8)
        day = min(4, int(abs(rng.gauss(unease * 2.4, 0.8))))
        # After dark is never safer than by day, and most people feel a step or two less safe.
        after_dark = min(4, day + rng.choices((0, 1, 2), (30, 45, 25))[0])
        return _Resident(topic, unease, day, after_dark)

    def _choose(self, question, role, resident, area):
        """The options one resident picks for a choice question (none if they skip it)."""
        rng, options = self.rng, question.options
        if getattr(question, "section", "") == equality.SECTION:
            return self._about_you(question)
        if not question.required and rng.random() < 0.2:
            return []
        if role in ("day_safety", "after_dark_safety"):
            # The last option is "Don't know".
            index = len(options) - 1 if rng.random() < 0.02 else (resident.day if role == "day_safety" else resident.after_dark)
        elif role == "confidence":
            index = len(options) - 1 if rng.random() < 0.06 else min(4, max(0, round(rng.gauss(0.8 + resident.unease * 2.6, 1.0))))
        elif role == "problems":
            return self._problems(options, content.AREA_LEANINGS.get(area.name, []), resident.topic)
        elif role == "victim":
            index = rng.choices(range(3), (0.08 + 0.3 * resident.unease, 0.88 - 0.3 * resident.unease, 0.04))[0]
        elif role == "reported":
            index = rng.choices(range(3), (5, 2, 4))[0]
        elif role == "nights_out":
            index = rng.choices(range(4), (2, 4, 5, 3))[0]
        elif question.kind == "multiple":
            return rng.sample(options, 1)
        else:
            index = rng.randrange(len(options))
        return [options[index]]

    def _about_you(self, question):
        """An "About you" answer: ages and sexes near the towns' profile, but with fewer young
        people and men than live there (as in real consultations, so "Who responded" has gaps to
        name); a few prefer not to say or skip; most of the rest give the commonest answer."""
        rng, options = self.rng, question.options
        if rng.random() < 0.08:
            return []
        by_label = {option.label: option for option in options}
        if rng.random() < 0.05 and equality.PREFER_NOT in by_label:
            return [by_label[equality.PREFER_NOT]]
        if question.title == equality.AGE_TITLE:
            # Under-16s seldom answer, 16 to 34s less than their share, older people more.
            turnout = {"Under 16": 0.05, "16 to 24": 0.5, "25 to 34": 0.7, "65 to 74": 1.3, "75 or over": 1.1}
            bands = [band for band in content.AGE_PROFILE if band in by_label]
            band = rng.choices(bands, [content.AGE_PROFILE[b] * turnout.get(b, 1.0) for b in bands])[0]
            return [by_label[band]]
        if question.title == equality.SEX_TITLE and "Female" in by_label:
            return [by_label["Female" if rng.random() < 0.58 else "Male"]]
        regular = [option for option in options if option.label != equality.PREFER_NOT]
        commonest = next((o for o in regular if o.label in _COMMONEST), None) or by_label.get("No")
        if commonest is not None and rng.random() < 0.85:
            return [commonest]
        return [rng.choice(regular)] if regular else []

    def _grid_or_ranking(self, question, resident):
        """(statement, scale point) for a grid, the more uneasy the less agreeing; (option, rank) for a ranking."""
        rng = self.rng
        if not question.required and rng.random() < 0.15:
            return []
        if question.kind == "grid":
            points = len(question.scale_points or [])
            return [
                (option, min(points, max(1, round(rng.gauss(1.8 + resident.unease * 2.5, 1.0)))))
                for option in question.options
            ]
        # Earlier options are the popular ones: weights fall with position.
        options = list(question.options)
        ranked = []
        for _rank in range(question.rank_count):
            pick = rng.choices(options, [len(options) - n + 2 for n in range(len(options))])[0]
            options.remove(pick)
            ranked.append(pick)
        return [(option, rank) for rank, option in enumerate(ranked, start=1)]

    def _text(self, role, resident, disclose):
        rng, writer = self.rng, self.writer
        if role == "worry":
            if disclose:
                return writer.disclosure() or writer.worry(resident.topic)
            return writer.worry(resident.topic) if rng.random() < 0.85 else None
        if role == "safer" and rng.random() < 0.75:
            topic = resident.topic if rng.random() < 0.7 else rng.choices(self.topics, self.topic_weights)[0]
            return writer.safer(topic)
        if role == "night_out" and rng.random() < 0.8:
            return writer.night_out()
        return None

    def _problems(self, options, leanings, topic):
        rng = self.rng
        regular = [o for o in options if not o.exclusive]
        picked = [o for o in regular if o.label == topic or (o.label in leanings and rng.random() < 0.5)]
        picked += [o for o in regular if o not in picked and rng.random() < 0.12]
        if not picked:
            return [o for o in options if o.exclusive][:1]
        return picked
