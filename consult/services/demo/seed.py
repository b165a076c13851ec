"""Demo content: the partnership's areas, an open survey, a closed one, and synthetic responses."""
import random
from datetime import timedelta

import sqlalchemy as sa

from consult.extensions import db
from consult.models import (
    Answer,
    AnswerTheme,
    Area,
    Consultation,
    Draft,
    Option,
    Question,
    Response,
    consultation_areas,
    utcnow,
)
from consult.services.demo import content
from consult.services.tagging.store import Analyser, insert_text_answers

BATCH = 5000


def seed_demo(responses=0, reset=False, seed=2026, progress=None):
    """Create the demo once (or again with reset) and add `responses` synthetic responses.

    Returns a short sentence for the CLI saying what was done.
    """
    if reset:
        clear_all()
    said = []
    survey = db.session.scalar(sa.select(Consultation).where(Consultation.slug == content.SURVEY["slug"]))
    if survey is None:
        areas = _areas()
        now = utcnow().replace(second=0, microsecond=0)
        survey = build_consultation(content.SURVEY, areas, "open", now - timedelta(days=30), now + timedelta(days=60))
        build_consultation(content.CLOSED_SURVEY, areas, "closed", now - timedelta(days=90), now - timedelta(days=20))
        db.session.commit()
        said.append(f"Created {len(areas)} areas and the “{survey.title}” consultation.")
    else:
        said.append(f"The “{survey.title}” consultation already exists: kept it.")
    if responses:
        # Demo data must be repeatable from a seed, and nothing here is a secret (bandit B311).
        add_synthetic_responses(survey, responses, random.Random(seed), progress)  # nosec B311
        said.append(f"Added {responses:,} synthetic responses.")
    return " ".join(said)


def database_is_empty():
    return db.session.scalar(sa.select(sa.func.count()).select_from(Consultation)) == 0


def clear_all():
    """Delete every consultation, response, draft and area: the demo starts again from nothing."""
    db.session.execute(sa.update(Question).values(show_when_option_id=None))
    for model in (Draft, AnswerTheme, Answer, Response, Option, Question):
        db.session.execute(sa.delete(model))
    db.session.execute(sa.delete(consultation_areas))
    db.session.execute(sa.delete(Consultation))
    db.session.execute(sa.delete(Area))
    db.session.commit()


def _areas():
    areas = []
    for name, districts, _weight in content.AREAS:
        area = db.session.scalar(sa.select(Area).where(Area.name == name))
        if area is None:
            area = Area(name=name, postcode_districts=districts)
            db.session.add(area)
        areas.append(area)
    return areas


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
    for position, item in enumerate(spec["questions"], start=1):
        question = Question(
            position=position,
            kind=item["kind"],
            title=item["title"],
            hint=item.get("hint", ""),
            required=item.get("required", True),
        )
        labels = list(item.get("options", []))
        for index, label in enumerate(labels, start=1):
            score = len(labels) + 1 - index if item["kind"] == "scale" else None
            question.options.append(Option(position=index, label=label, value=score))
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
    db.session.flush()
    analyser = Analyser()
    start = consultation.opens_at or utcnow() - timedelta(days=30)
    span = max(60, int((min(utcnow(), consultation.closes_at or utcnow()) - start).total_seconds()))
    done = 0
    while done < count:
        size = min(BATCH, count - done)
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
        for response_id, row in zip(ids, rows):
            answers.extend(plan.answers(response_id, plan.area_by_id[row["area_id"]]))
        choices = [answer for answer in answers if "text" not in answer]
        texts = [answer for answer in answers if "text" in answer]
        db.session.execute(sa.insert(Answer), choices)
        insert_text_answers(texts, analyser)
        db.session.commit()
        done += size
        if progress:
            progress(size)


class _ResponsePlan:
    """Draws plausible answers: worse feelings of safety go with more problems, towns lean to themes."""

    def __init__(self, consultation, rng):
        self.rng = rng
        self.questions = consultation.questions
        self.areas = list(consultation.areas)
        self.area_by_id = {area.id: area for area in self.areas}
        weights = {name: weight for name, _districts, weight in content.AREAS}
        self.area_weights = [weights.get(area.name, 5) for area in self.areas]

    def pick_area(self):
        return self.rng.choices(self.areas, self.area_weights)[0]

    def answers(self, response_id, area):
        rng = self.rng
        leanings = content.AREA_LEANINGS.get(area.name, [])
        worry_theme, worry = self._worry(leanings)
        rows = []
        unsafe = rng.random()
        chosen = {}
        for question in self.questions:
            if question.show_when_option_id and question.show_when_option_id not in chosen.values():
                continue
            options = question.options
            if question.kind in ("single", "scale"):
                if question.kind == "scale" or len(options) > 4:
                    index = min(len(options) - 1, int(abs(rng.gauss(unsafe * 3, 1.1))))
                else:
                    index = rng.choices(range(len(options)), [1] + [3] * (len(options) - 1))[0]
                if not question.required and rng.random() < 0.2:
                    continue
                chosen[question.id] = options[index].id
                rows.append({"response_id": response_id, "question_id": question.id, "option_id": options[index].id})
            elif question.kind == "multiple":
                picked = self._problems(options, leanings, worry_theme)
                rows.extend({"response_id": response_id, "question_id": question.id, "option_id": o.id} for o in picked)
            elif question.is_text:
                text = worry if "worries" in question.title else self._fill(rng.choice(content.SAFER))
                if rng.random() < 0.85:
                    rows.append({"response_id": response_id, "question_id": question.id, "text": text})
        return rows

    def _worry(self, leanings):
        rng = self.rng
        pool = content.WORRIES
        if leanings and rng.random() < 0.45:
            pool = [w for w in content.WORRIES if w[0] in leanings] or pool
        theme, text = rng.choice(pool)
        return theme, self._fill(text)

    def _problems(self, options, leanings, worry_theme):
        rng = self.rng
        regular = [o for o in options if not o.exclusive]
        picked = [o for o in regular if o.label == worry_theme or (o.label in leanings and rng.random() < 0.5)]
        picked += [o for o in regular if o not in picked and rng.random() < 0.12]
        if not picked:
            return [o for o in options if o.exclusive][:1]
        return picked

    def _fill(self, text):
        return text.format(street=self.rng.choice(content.STREETS), place=self.rng.choice(content.PLACES))
