"""Safeguarding flags disclosures of current risk, and marks immediate danger as urgent."""
import pytest

from consult.analysis import analyse
from consult.analysis.safeguarding import assess


@pytest.mark.parametrize(
    "text",
    [
        "He hits me when he's been drinking",
        "My partner controls my money",
        "I'm scared to go home",
        "My uncle has been touching my little girl",
        "He threatened to kill me if I leave",
        "My ex is stalking me and keeps turning up at my work",
        "I've been self harming again",
        "Some days I think about suicide",
        "Older men are grooming the 14 year old girl next door",
    ],
)
def test_disclosures_raise_a_concern_or_more(text):
    assert analyse(text).safeguarding.level in {"concern", "urgent"}


@pytest.mark.parametrize(
    "text",
    [
        "He's outside now and says he'll hurt me",
        "He is going to kill me tonight",
        "I want to end it tonight",
        "I have taken all my pills",
    ],
)
def test_immediate_danger_is_urgent(text):
    result = analyse(text).safeguarding
    assert result.level == "urgent"
    assert "immediate danger" in result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "The street lights are broken",
        "Boy racers speed down the main road",
        "I am not suicidal, just fed up with the noise",
        "Fly-tipping behind the shops",
    ],
)
def test_general_comments_are_not_flagged(text):
    result = analyse(text).safeguarding
    assert result.level == "none" and result.reasons == ()


def test_reasons_are_short_readable_strings():
    reasons = analyse("My husband hits me and controls my money").safeguarding.reasons
    assert reasons and all(isinstance(r, str) and 5 < len(r) < 80 for r in reasons)
    assert any("domestic abuse" in r for r in reasons)


@pytest.mark.parametrize(
    "text",
    [
        "We call on the government to fund refuges for victims of domestic violence",
        "Petition to include the dangers of online grooming of children in the national curriculum",
        "A man on the train touched my thigh last year and got off at the next stop",
        "Three lads followed me through the park once, I ran home",
        "I was abused as a child, which is why I volunteer for the helpline",
    ],
)
def test_campaigns_strangers_one_off_acts_and_long_past_abuse_are_not_flagged(text):
    assert analyse(text).safeguarding.level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I don't feel safe at home, my husband checks where I am all day",
        "A man has been following me home from the bus stop every night",
        "As a child I was abused by my uncle and he still comes to the house",
        "We petitioned the council but my daughter's ex still turns up at her flat",
        "My stepdad comes into my room at night and I'm scared of him",
    ],
)
def test_current_risk_is_flagged_even_near_campaign_stranger_or_past_wording(text):
    assert analyse(text).safeguarding.level in {"concern", "urgent"}


def test_a_cue_counts_only_in_the_same_sentence_as_its_disclosure():
    # "I'm not safe" needs a sign of who or where (home, him, partner) in its own sentence.
    assert not analyse("I'm not safe. The bus home is late").safeguarding.flagged
    assert analyse("I'm not safe at home with him").safeguarding.flagged


def test_a_disclosure_at_the_end_of_a_long_answer_is_still_found():
    padding = "Being followed is something you read about. " * 800
    assert not analyse(padding).safeguarding.flagged
    result = analyse(padding + "I am being followed again, every day").safeguarding
    assert "ongoing harassment of a known person" in result.reasons


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("As a woman I don't feel safe walking home after dark.", False),
        ("I don't feel safe on the way home from the station.", False),
        ("I don't feel safe at home since he moved back in.", True),
        ("I do not feel safe in my house any more.", True),
        ("I don't feel safe around him when he drinks.", True),
    ],
)
def test_fear_on_the_journey_home_is_not_fear_at_home(text, flagged):
    assert (analyse(text).safeguarding.level != "none") is flagged


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Honestly my family would be happier without me", "self-harm or suicidal thoughts"),
        ("I dont really see the point in anything lately", "self-harm or suicidal thoughts"),
        ("some days i wish i wasn't here", "self-harm or suicidal thoughts"),
        ("I'm just a burden on my family now", "self-harm or suicidal thoughts"),
        ("She waits at the end of our street most nights since I left",
         "stalking or harassment of a known person"),
        ("my ex keeps sitting in his car outside my work", "stalking or harassment of a known person"),
        ("The same bloke in a grey car pulls up next to me at the bus stop every week",
         "stalking or harassment of a known person"),
        ("My sister had another \"accident\" last week, third black eye", "injuries explained away (possible abuse)"),
        ("Gran says she walked into the door again", "injuries explained away (possible abuse)"),
    ],
)
def test_indirect_disclosures_are_found_by_the_rules_alone(text, reason):
    # The rules, without the learned model: each of these is flagged whatever the model says.
    assert reason in assess(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "I don't see the point in reporting it, nothing gets done",
        "There's no point ringing 101, they never come",
        "Dealers sit in cars at the end of my road all evening",
        "He parks across my drive every single day",
        "It's not an 'accident' when drivers do 50 past the school",
        "The same lads hang around outside the shop every night",
    ],
)
def test_look_alikes_of_indirect_disclosures_are_left_to_the_model(text):
    assert assess(text).reasons == ()
