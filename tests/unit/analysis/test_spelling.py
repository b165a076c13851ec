"""Misspelt taxonomy words are read as meant; real words and names are never 'repaired'."""
import pytest

from consult.analysis import analyse
from consult.analysis.spelling import Respeller, one_edit


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("whistling", "whistling", True),
        ("whsistling", "whistling", True),  # a letter added
        ("pedestrain", "pedestrian", True),  # two letters swapped
        ("alcohal", "alcohol", True),  # a letter changed
        ("molestd", "molested", True),  # a letter dropped
        ("harrasment", "harassment", False),  # two edits
        ("speeding", "spending", True),
    ],
)
def test_one_edit_means_one_insertion_deletion_change_or_swap(a, b, expected):
    assert one_edit(a, b) is expected


def test_an_unknown_word_one_edit_from_one_long_taxonomy_word_is_repaired():
    respeller = Respeller(["whistling", "harassment", "pedestrian"])
    assert respeller.correct("whsistling") == "whistling"
    assert respeller.correct("harassement") == "harassment"
    assert respeller.correct("pedestrain") == "pedestrian"


@pytest.mark.parametrize("word", ["spending", "texting", "refuges", "bleeding"])
def test_english_words_are_never_repaired(word):
    respeller = Respeller(["speeding", "sexting", "refugee", "breeding"])
    assert respeller.correct(word) is None


def test_short_words_are_never_repaired():
    assert Respeller(["stalker"]).correct("stalk") is None
    assert Respeller(["needle"]).correct("neadle") is None  # taxonomy word under 7 letters


@pytest.mark.parametrize(
    "text, slug",
    [
        ("A car full of lads kept whsistling at the girls by the bus stop", "vawg"),
        ("Drivers never stop for pedestrains at the zebra crossing", "road-safety"),
        ("There are lads drinking alchohol in the park every night", "substance-misuse"),
    ],
)
def test_misspelt_answers_still_get_their_theme(text, slug):
    assert slug in analyse(text).theme_slugs


def test_evidence_quotes_the_word_as_the_resident_wrote_it():
    match = next(m for m in analyse("Lads kept whsistling at girls").themes if m.slug == "vawg")
    assert any("whsistling" in e for e in match.evidence)


def test_a_capitalised_name_inside_a_sentence_is_not_repaired():
    # "Alcohal" is one edit from "alcohol" but here it is someone's surname.
    assert "substance-misuse" not in analyse("We went to see Mrs Alcohal about the fence").theme_slugs
