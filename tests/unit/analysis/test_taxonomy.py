"""Taxonomies load from the bundled file or from database records and tag with their terms."""
import pytest

from consult.analysis import Taxonomy, analyse, analyse_many, load_default_taxonomy
from consult.analysis.taxonomy import TaxonomyError, parse_term

SLUGS = {
    "vawg", "hate-crime", "antisocial-behaviour", "sexual-abuse-exploitation", "reoffending",
    "domestic-abuse", "substance-misuse", "serious-violence", "road-safety",
}


def test_default_taxonomy_has_the_nine_themes_with_names_descriptions_and_terms():
    taxonomy = load_default_taxonomy()
    assert set(taxonomy.slugs) == SLUGS
    for record in taxonomy.records():
        assert record["name"] and record["description"] and len(record["terms"]) >= 10
        assert record["active"] is True


def test_default_taxonomy_is_cached():
    assert load_default_taxonomy() is load_default_taxonomy()


def test_records_round_trip_through_from_records():
    records = load_default_taxonomy().records()
    assert Taxonomy.from_records(records).records() == records


def test_a_taxonomy_from_records_tags_with_its_own_terms():
    taxonomy = Taxonomy.from_records(
        [{"slug": "parking", "name": "Parking", "description": "", "terms": ["double parked"],
          "active": True},
         {"slug": "dogs", "name": "Dogs", "description": "", "terms": ["dog fouling"],
          "active": False}]
    )
    assert analyse("Vans double parked again", taxonomy).theme_slugs == ("parking",)
    assert analyse("Dog fouling everywhere", taxonomy).theme_slugs == ()


def test_weights_wildcards_and_co_occurrence_are_understood():
    assert parse_term("county lines (strong)").weight == 2.0
    assert parse_term("drinking (weak)").weight == 0.5
    taxonomy = Taxonomy.from_records(
        [{"slug": "x", "name": "X", "terms": ["antisemit*", "man/men + stare"]}]
    )
    assert analyse("antisemitism in schools", taxonomy).theme_slugs == ("x",)
    assert analyse("men stared at her", taxonomy).theme_slugs == ("x",)
    assert analyse("men walked past", taxonomy).theme_slugs == ()


@pytest.mark.parametrize(
    "records",
    [[{"slug": "Bad Slug", "name": "X"}], [{"slug": "ok", "name": ""}],
     [{"slug": "a", "name": "A"}, {"slug": "a", "name": "B"}],
     [{"slug": "a", "name": "A", "terms": ["x + "]}]],
)
def test_invalid_records_are_refused(records):
    with pytest.raises(TaxonomyError):
        Taxonomy.from_records(records)


def test_analyse_many_matches_analyse():
    texts = ["Knife crime", "Nice park", "Speeding cars"]
    assert analyse_many(texts) == [analyse(t) for t in texts]


def test_an_ampersand_term_needs_its_groups_anywhere_in_the_answer():
    assert parse_term("my boyfriend & hit me").whole_answer is True
    assert parse_term("man + stare").whole_answer is False
    taxonomy = Taxonomy.from_records(
        [{"slug": "x", "name": "X", "terms": ["my boyfriend & hit me", "man + stare"]}]
    )
    assert analyse("My boyfriend is moody. Yesterday he hit me.", taxonomy).theme_slugs == ("x",)
    assert analyse("A man walked in. He began to stare.", taxonomy).theme_slugs == ()
    with pytest.raises(TaxonomyError):
        parse_term("a + b & c")
