"""Redaction removes personal details and keeps places and postcode districts."""
import pytest

from consult.analysis import analyse
from consult.analysis.redact import redact


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Email jo.bloggs@example.co.uk please", "Email [email] please"),
        ("Ring me on 07700 900123", "Ring me on [phone]"),
        ("Ring me on +44 7700 900123", "Ring me on [phone]"),
        ("Our landline is 01900 604123", "Our landline is [phone]"),
        ("Call 020 7946 0018", "Call [phone]"),
        ("The van AB12 CDE was speeding", "The van [vehicle] was speeding"),
        ("Drugs at 14 Lowther Street all night", "Drugs at [address] all night"),
    ],
)
def test_each_kind_of_detail_is_replaced(text, expected):
    assert redact(text) == expected


def test_full_postcode_keeps_its_district():
    assert redact("I live in CA28 7AB near the park") == "I live in CA28 [postcode] near the park"


def test_postcode_district_on_its_own_is_kept():
    assert redact("We are in CA14") == "We are in CA14"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("My neighbour Gary keeps dumping rubbish", "My neighbour [name] keeps dumping rubbish"),
        ("Mrs Higginbotham saw it happen", "Mrs [name] saw it happen"),
        ("A lad called Kieran deals drugs", "A lad called [name] deals drugs"),
        ("I told Sarah Jenkins about it", "I told [name] about it"),
    ],
)
def test_names_are_replaced(text, expected):
    assert redact(text) == expected


def test_built_in_and_given_places_are_kept():
    text = "Workington, Cleator Moor and Salterbeck need more Police patrols in May"
    assert redact(text, places=["Salterbeck"]) == text


def test_unknown_capitalised_word_is_a_name_unless_listed_as_a_place():
    assert "[name]" in redact("Moorclose gets all the trouble")
    assert redact("Moorclose gets all the trouble", places=["Moorclose"]) == (
        "Moorclose gets all the trouble"
    )


def test_street_names_are_kept():
    assert redact("Speeding on Lowther Street") == "Speeding on Lowther Street"


def test_analysis_carries_the_redacted_text_and_phrases_never_hold_names():
    analysis = analyse("My neighbour Gary Pemberton deals drugs", places=())
    assert analysis.redacted == "My neighbour [name] deals drugs"
    assert not any("gary" in p or "pemberton" in p for p in analysis.phrases)


# Sentences that each end in a full stop: what redaction does to one never depends on the
# others, so redacting them joined must equal joining their redactions, however long the text.
SENTENCES = [
    "My neighbour Gary keeps dumping rubbish by the garages.",
    "Drugs are sold from 14 Lowther Street most nights.",
    "Email jo.bloggs@example.co.uk or ring 07700 900123 if you need me.",
    "Boy racers in Harrington and Salterbeck never slow down.",
    "A lad called Kieran Moss was seen in the van AB12 CDE.",
    "Nobody listens.",
    "I live in CA28 7AB near the park.",
    "Mrs Higginbotham saw it happen outside the Co-op.",
    "Moorclose gets all the trouble.",
]


def test_a_long_text_is_redacted_as_its_sentences_are():
    sentences = SENTENCES * 600  # about 36,000 characters
    expected = " ".join(redact(s, places=["Salterbeck"]) for s in sentences)
    assert redact(" ".join(sentences), places=["Salterbeck"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("x@y.com+x@y.com", "[email][email]"),
        ("...jo@example.com", "...[email]"),
        ("a.b.c.d.e", "a.b.c.d.e"),
        ("write to a@b then c@d.org", "write to a@b then [email]"),
    ],
)
def test_runs_of_address_characters_are_redacted_only_where_an_address_is(text, expected):
    assert redact(text) == expected
