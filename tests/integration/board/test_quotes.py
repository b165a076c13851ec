"""The typical quotes for a theme differ: the same words about another place are quoted once (issue 16)."""
import importlib
from datetime import datetime

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AnswerTheme, Area, Consultation, Question, Response, Theme
from consult.services import summaries
from consult.services.summaries import Filters
from consult.services.summaries.drilldown import quote_key, typical_quotes


@pytest.mark.parametrize("one, other", [
    ("Speeding on Main Street in Maryport!", "speeding on Station Road in Workington"),
    ("Cars race past at 10pm, it is awful.", "Cars race past at 11pm. It is awful"),
    ("Drug dealing outside the Co-op every night", "drug dealing outside the Spar every night"),
])
def test_quotes_that_differ_only_by_a_place_number_case_or_punctuation_share_a_key(one, other):
    assert quote_key(one, ("Maryport", "Workington")) == quote_key(other, ("Maryport", "Workington"))


def test_quotes_that_say_different_things_keep_their_own_keys():
    assert quote_key("Speeding on Main Street") != quote_key("Litter on Main Street")


TEXTS = [
    # The most typical (sentiment nearest the median 0.0) say the same thing about three towns.
    ("Speeding on Main Street in Maryport", 0.0),
    ("Speeding on Main Street in Workington", 0.0),
    ("speeding on Station Road in Whitehaven!", 0.01),
    ("Nobody slows down near the school", 0.05),
    ("The crossing by the park needs lights", -0.1),
    ("Lorries use the estate as a short cut", 0.2),
    ("Parking on the pavement blocks prams", -0.3),
]


def quoted_theme(texts=TEXTS):
    """A theme whose answers are `texts` (text, sentiment), stored in order; returns (theme, consultation)."""
    towns = [Area(name=name) for name in ("Maryport", "Workington", "Whitehaven")]
    theme = Theme(slug="road-safety", name="Road safety", terms=[])
    consultation = Consultation(slug="quotes", title="Quotes", status="open", opens_at=datetime(2026, 3, 1), areas=towns)
    question = Question(position=1, kind="long_text", title="What worries you?")
    consultation.questions = [question]
    db.session.add_all([theme, consultation, *towns])
    for index, (text, sentiment) in enumerate(texts):
        response = Response(consultation=consultation, area=towns[index % 3], submitted_at=datetime(2026, 3, 10, 12))
        answer = Answer(question=question, text=text, redacted_text=text, sentiment=sentiment, phrases=[])
        answer.themes = [AnswerTheme(theme=theme, source="auto")]
        response.answers = [answer]
        db.session.add(response)
    db.session.commit()
    return theme, consultation


def test_the_drilldown_quotes_the_next_typical_answer_instead_of_a_repeat(app):
    theme, consultation = quoted_theme()
    detail = summaries.drilldown(theme, Filters(consultation_id=consultation.id))
    assert len(detail.quotes) == 3
    assert sum(quote.lower().startswith("speeding on") for quote in detail.quotes) == 1
    assert detail.quotes[1] == "Nobody slows down near the school"
    assert len({quote_key(q, ("Maryport", "Workington", "Whitehaven")) for q in detail.quotes}) == 3


def test_quotes_are_picked_from_a_bounded_sample_of_the_latest_answers(app, monkeypatch):
    """However many answers carry the theme, only the latest SAMPLE are read: here the last three,
    whose median is -0.1, so the most typical of them comes first."""
    theme, consultation = quoted_theme()
    # The module (the package's `drilldown` name is the function of that name).
    monkeypatch.setattr(importlib.import_module("consult.services.summaries.drilldown"), "SAMPLE", 3)
    assert typical_quotes(theme, Filters(consultation_id=consultation.id)) == [
        "The crossing by the park needs lights",
        "Parking on the pavement blocks prams",
        "Lorries use the estate as a short cut",
    ]


def test_quotes_read_in_windows_are_the_latest_in_the_selection(app, monkeypatch):
    """Read a window of the theme's tags at a time (here two, then four, ...), the sample is still
    the latest SAMPLE answers of the selection, however the filter thins each window."""
    theme, consultation = quoted_theme()
    module = importlib.import_module("consult.services.summaries.drilldown")
    maryport = db.session.scalar(sa.select(Area).where(Area.name == "Maryport"))
    in_maryport = Filters(consultation_id=consultation.id, area_id=maryport.id)
    # Stored in order, Maryport holds answers 1, 4 and 7 of TEXTS.
    monkeypatch.setattr(module, "SAMPLE", 2)
    monkeypatch.setattr(module, "WINDOW", 2)
    assert [tuple(row) for row in module._latest_candidates(theme, in_maryport)] == [TEXTS[6][::-1], TEXTS[3][::-1]]
    monkeypatch.setattr(module, "SAMPLE", 5)
    assert [text for _sentiment, text in module._latest_candidates(theme, in_maryport)] == [TEXTS[6][0], TEXTS[3][0], TEXTS[0][0]]
    monkeypatch.setattr(module, "WINDOW", 1)
    everything = Filters(consultation_id=consultation.id)
    assert [text for _sentiment, text in module._latest_candidates(theme, everything)] == [text for text, _ in reversed(TEXTS)][:5]
