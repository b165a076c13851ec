"""Sentiment stays in range and follows the tone; key phrases are clean noun phrases."""
import json

import pytest

from consult.analysis import analyse


@pytest.mark.parametrize(
    "text",
    ["", "ok", "Terrible terrible awful", "Brilliant, lovely, great!", "not good at all"],
)
def test_sentiment_and_subjectivity_stay_in_range(text):
    analysis = analyse(text)
    assert -1 <= analysis.sentiment <= 1
    assert 0 <= analysis.subjectivity <= 1


def test_frightened_answer_reads_negative_and_praise_positive():
    assert analyse("I feel unsafe and scared walking home").sentiment < 0
    assert analyse("The new lighting is great and the police are helpful").sentiment > 0


def test_negation_turns_good_towards_bad():
    assert analyse("It is not good").sentiment < 0 < analyse("It is good").sentiment


def test_phrases_are_lower_case_unique_and_free_of_stop_phrases():
    phrases = analyse(
        "The boy racers and the broken street lights. The boy racers again! Lots of people agree."
    ).phrases
    assert "boy racers" in phrases
    assert "street lights" in phrases
    assert len(phrases) == len(set(phrases))
    assert all(p == p.lower() for p in phrases)
    assert "people" not in phrases and "lots" not in phrases


def test_to_dict_is_json_serialisable():
    data = analyse("My neighbour Gary sells drugs and I'm scared").to_dict()
    round_trip = json.loads(json.dumps(data))
    assert round_trip["themes"][0]["slug"] == "substance-misuse"
    assert set(round_trip) >= {
        "themes", "undecided", "sentiment", "subjectivity", "phrases", "safeguarding", "redacted",
    }
    assert round_trip["safeguarding"]["level"] in {"none", "concern", "urgent"}
