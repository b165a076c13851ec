"""Synthetic residents' writing: every topic has words, a seed repeats them, only disclosures are flagged."""
import random

import pytest

from consult.analysis import analyse, load_default_taxonomy
from consult.services.demo import content as demo_content
from consult.services.demo import ideas as demo_ideas
from consult.services.demo import phrases as demo_phrases
from consult.services.demo.writing import ResidentWriter

TOPICS = list(demo_content.TOPIC_WEIGHTS)


def test_every_topic_a_resident_can_hold_has_a_worry_and_an_idea():
    assert set(TOPICS) == set(demo_phrases.WORRIES) | {"Nothing much"} == set(demo_ideas.SAFER)
    leanings = {topic for topics in demo_content.AREA_LEANINGS.values() for topic in topics}
    assert leanings <= set(TOPICS)


@pytest.mark.parametrize("topic", TOPICS)
def test_each_topic_is_written_many_ways(topic):
    writer = ResidentWriter(random.Random(1))
    worries = {writer.worry(topic) for _ in range(200)}
    ideas = {writer.safer(topic) for _ in range(200)}
    assert len(worries) >= 100 and len(ideas) >= 60
    assert not any("{" in text for text in worries | ideas)


def test_the_same_seed_writes_the_same_answers():
    def write(seed):
        writer = ResidentWriter(random.Random(seed))
        return [writer.worry(topic) for topic in TOPICS] + [writer.night_out(), writer.disclosure()]

    assert write(3) == write(3) != write(4)


def test_every_written_disclosure_is_flagged_for_safeguarding():
    taxonomy = load_default_taxonomy()
    for text in demo_phrases.DISCLOSURES:
        assert analyse(text, taxonomy).safeguarding.flagged, text


def test_disclosures_run_out_rather_than_repeat():
    writer = ResidentWriter(random.Random(5))
    written = [writer.disclosure() for _ in demo_phrases.DISCLOSURES]
    assert sorted(written) == sorted(demo_phrases.DISCLOSURES) and writer.disclosure() is None


def test_ordinary_answers_rarely_trip_the_safeguarding_check():
    """The planned disclosures should be most of the demo's safeguarding queue. The model flags
    for recall first, so a few ordinary answers are flagged too, as real ones would be."""
    taxonomy, rng = load_default_taxonomy(), random.Random(7)
    writer = ResidentWriter(rng)
    answers = [writer.worry(rng.choice(TOPICS)) for _ in range(600)] + [writer.safer(rng.choice(TOPICS)) for _ in range(300)]
    flagged = [text for text in answers if analyse(text, taxonomy).safeguarding.flagged]
    assert len(flagged) <= 0.03 * len(answers), flagged
