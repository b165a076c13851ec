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
