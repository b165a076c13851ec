"""A hand-checked consultation for the board's figures: 3 areas, 40 respondents, known tags.

Every expected number in the board tests is worked out by hand from the table below.

Current consultation "board-test" (opened 2026-03-01), themes Road safety and Drug dealing:

  area   respondents  road  drugs  submitted   notes
  North  20           12    3      2026-03-10  18 web + 2 paper; respondent 12 reviewed: auto road
                                               replaced by officer drugs; respondent 0 has a second
                                               text answer also tagged road (counted once)
  South  15           3     9      2026-04-10
  West   5            5     2      2026-04-20  the two drugs respondents also have road
  All    40           20    14

Closed question "How safe do you feel?": North 10/8/2, South 7/6/2, West 3/1/1 (Safe/Unsafe/Don't know).
Untagged text answers (North 13-19, South 12-14: ten) carry the phrase "broken lights".
North road answers carry "speeding cars"; their sentiments are listed in NORTH_ROAD_SENTIMENT,
respondent 6's answer is flagged for safeguarding (never quoted).

Earlier consultation "board-earlier" (opened 2025-09-01, North and South): North 10 respondents,
3 road; South 10 respondents, 5 drugs.

Every raw text contains RAW_TOKEN; every redacted text contains REDACTED_TOKEN.
"""
from datetime import datetime

import pytest

from consult.extensions import db
from consult.models import Answer, AnswerTheme, Area, Consultation, Option, Question, Response, Theme

RAW_TOKEN = "RAWONLYZEBRA"
REDACTED_TOKEN = "SHOWNOKAPI"
NORTH_ROAD_SENTIMENT = [-0.8, -0.5, -0.3, -0.2, -0.1, 0.0, 0.0, 0.1, 0.2, 0.3, 0.5, 0.9]


class Builder:
    def __init__(self):
        self.road = Theme(slug="road-safety", name="Road safety", position=1, terms=[])
        self.drugs = Theme(slug="drugs", name="Drug dealing", position=2, terms=[])
        self.north, self.south, self.west = (Area(name=n, postcode_districts="") for n in ("North", "South", "West"))
        db.session.add_all([self.road, self.drugs, self.north, self.south, self.west])

    def consultation(self, slug, title, opens_at, areas, status="open"):
        consultation = Consultation(slug=slug, title=title, status=status, opens_at=opens_at, areas=areas)
        safety = Question(position=1, kind="single", title="How safe do you feel?")
        for position, label in enumerate(["Safe", "Unsafe", "Don't know"], start=1):
            safety.options.append(Option(position=position, label=label))
        consultation.questions = [
            safety,
            Question(position=2, kind="long_text", title="What worries you?", required=False),
            Question(position=3, kind="long_text", title="What would help?", required=False),
        ]
        db.session.add(consultation)
        db.session.flush()
        return consultation

    def respondent(self, consultation, area, when, label, themes=(), safety=None, channel="web", **text):
        response = Response(consultation=consultation, area=area, channel=channel, submitted_at=when)
        db.session.add(response)
        if safety is not None:
            option = next(o for o in consultation.questions[0].options if o.label == safety)
            response.answers.append(Answer(question=consultation.questions[0], option_id=option.id))
        response.answers.append(self.text(consultation.questions[1], label, themes, **text))
        return response

    def text(self, question, label, themes, sentiment=0.0, phrases=(), safeguarding="none", reviewed=False, officer=()):
        answer = Answer(
            question=question,
            text=f"{label} {RAW_TOKEN} said by Jo Bloggs of 1 High Street",
            redacted_text=f"{label} {REDACTED_TOKEN}",
            sentiment=sentiment,
            phrases=list(phrases),
            safeguarding_level=safeguarding,
            reviewed_at=datetime(2026, 5, 1) if reviewed else None,
        )
        answer.themes = [AnswerTheme(theme=t, source="auto") for t in themes]
        answer.themes += [AnswerTheme(theme=t, source="officer") for t in officer]
        return answer


def build_board_fixture():
    b = Builder()
    current = b.consultation("board-test", "Board test survey", datetime(2026, 3, 1), [b.north, b.south, b.west])
    march, april, late_april = datetime(2026, 3, 10, 12), datetime(2026, 4, 10, 12), datetime(2026, 4, 20, 12)
    for i in range(20):
        safety = "Safe" if i < 10 else "Unsafe" if i < 18 else "Don't know"
        channel = "paper" if i >= 18 else "web"
        if i < 12:
            themes = [b.road, b.drugs] if i < 2 else [b.road]
            response = b.respondent(
                current, b.north, march, f"North road {i}", themes, safety, channel,
                sentiment=NORTH_ROAD_SENTIMENT[i], phrases=["speeding cars"] + (["school run"] if i < 4 else []),
                safeguarding="concern" if i == 6 else "none",
            )
            if i == 0:
                response.answers.append(
                    b.text(current.questions[2], "North road extra", [b.road], sentiment=0.0, phrases=["speeding cars"])
                )
        elif i == 12:
            b.respondent(current, b.north, march, "North reviewed", [b.road], safety, channel, reviewed=True, officer=[b.drugs])
        else:
            b.respondent(current, b.north, march, f"North other {i}", [], safety, channel, phrases=["broken lights"])
    for i in range(15):
        safety = "Safe" if i < 7 else "Unsafe" if i < 13 else "Don't know"
        if i < 3:
            b.respondent(current, b.south, april, f"South road {i}", [b.road], safety)
        elif i < 12:
            b.respondent(current, b.south, april, f"South drugs {i}", [b.drugs], safety, sentiment=-0.4)
        else:
            b.respondent(current, b.south, april, f"South other {i}", [], safety, phrases=["broken lights"])
    for i in range(5):
        safety = ["Safe", "Safe", "Safe", "Unsafe", "Don't know"][i]
        themes = [b.road, b.drugs] if i < 2 else [b.road]
        b.respondent(current, b.west, late_april, f"West road {i}", themes, safety)

    earlier = b.consultation("board-earlier", "Earlier survey", datetime(2025, 9, 1), [b.north, b.south], status="closed")
    september = datetime(2025, 9, 15, 12)
    for i in range(10):
        b.respondent(earlier, b.north, september, f"Earlier north {i}", [b.road] if i < 3 else [])
        b.respondent(earlier, b.south, september, f"Earlier south {i}", [b.drugs] if i < 5 else [])
    db.session.commit()
    return {"current": current, "earlier": earlier, "builder": b}


@pytest.fixture
def board_data(app):
    return build_board_fixture()
