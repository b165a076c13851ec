"""The tagger finds each theme, ignores denials, handles inflections and several themes."""
import pytest

from consult.analysis import CONFIDENCE_THRESHOLD, analyse


def slugs(text):
    return set(analyse(text).theme_slugs)


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Men shout and whistle at girls walking past the building site", "vawg"),
        ("I get catcalled on my way to work", "vawg"),
        ("Racist abuse was shouted at the shopkeeper", "hate-crime"),
        ("Someone sprayed homophobic slurs on the community centre", "hate-crime"),
        ("Fly-tipping in the back lane again", "antisocial-behaviour"),
        ("Scramblers tearing round the field every night", "antisocial-behaviour"),
        ("Concerned about grooming of teenagers online", "sexual-abuse-exploitation"),
        ("Young people are exploited through county lines", "sexual-abuse-exploitation"),
        ("The same offenders are released early and reoffend straight away", "reoffending"),
        ("Probation need to supervise people properly", "reoffending"),
        ("Domestic abuse goes unreported in rural areas", "domestic-abuse"),
        ("My partner controls my money and checks my phone", "domestic-abuse"),
        ("Nitrous oxide canisters dumped in the lay-by", "substance-misuse"),
        ("Street drinking by the war memorial", "substance-misuse"),
        ("Teenagers are carrying knives", "serious-violence"),
        ("There was a stabbing near the station", "serious-violence"),
        ("Boy racers speeding through the village", "road-safety"),
        ("Cars park on the pavement so pedestrians walk in the road", "road-safety"),
    ],
)
def test_each_theme_is_found_in_plain_resident_wording(text, slug):
    assert slug in slugs(text)


@pytest.mark.parametrize(
    "text",
    [
        "No problems with drugs round here",
        "I have never seen any violence in this village",
        "I don't feel threatened at all",
        "Speeding isn't really an issue on our street",
        "We have not had any trouble with fly-tipping",
        "No drug dealers here",
        "There are no boy racers on our road",
    ],
)
def test_denied_terms_do_not_count(text):
    assert analyse(text).themes == ()


def test_denial_does_not_reach_past_a_clause_break():
    assert slugs("No problems with drugs, but speeding is awful") == {"road-safety"}


def test_a_negation_before_another_verb_does_not_hide_the_theme():
    assert "road-safety" in slugs("Drivers don't stop for pedestrians at the zebra crossing")


@pytest.mark.parametrize(
    "text", ["A drug dealer on the corner", "Dealers on the corner", "Dealing drugs on the corner"]
)
def test_inflections_of_a_term_are_found(text):
    assert "substance-misuse" in slugs(text)


@pytest.mark.parametrize("text", ["Speeders on the bypass", "People speed on the bypass"])
def test_speeding_inflections_are_road_safety(text):
    assert "road-safety" in slugs(text)


def test_deal_with_is_not_drug_dealing():
    assert "substance-misuse" not in slugs("The council should deal with the potholes")


def test_several_themes_are_returned_best_first():
    analysis = analyse(
        "Drug dealers on the estate, boy racers speeding and graffiti on every wall"
    )
    assert {"substance-misuse", "road-safety", "antisocial-behaviour"} <= set(analysis.theme_slugs)
    confidences = [m.confidence for m in analysis.themes]
    assert confidences == sorted(confidences, reverse=True)


def test_every_returned_theme_is_at_or_above_the_threshold_and_has_evidence():
    analysis = analyse("Knife crime and drunk youths in the town centre at weekends")
    assert analysis.themes
    for match in analysis.themes:
        assert CONFIDENCE_THRESHOLD <= match.confidence <= 1
        assert match.evidence


def test_off_topic_text_has_no_theme_and_is_not_undecided():
    analysis = analyse("Please could the library open on Sundays")
    assert analysis.themes == ()
    assert analysis.undecided is False


def test_safety_text_without_a_confident_theme_is_undecided():
    analysis = analyse("Crime seems to be going up but I couldn't say what sort")
    assert analysis.themes == ()
    assert analysis.undecided is True


def test_empty_text_gives_an_empty_analysis():
    analysis = analyse("   ")
    assert analysis.themes == () and analysis.redacted == "" and not analysis.undecided


def test_a_phrase_does_not_span_punctuation():
    assert "substance-misuse" not in slugs("After my evening class, a man followed me home")


def test_words_that_merely_start_like_a_term_do_not_match():
    assert "substance-misuse" not in slugs("A needless delay on the stone bridge repairs")
