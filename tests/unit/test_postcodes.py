"""Postcode districts: the only part of a resident's postcode Consult keeps."""
import pytest

from consult.models import Area
from consult.postcodes import area_for_district, postcode_district


@pytest.mark.parametrize(
    "typed, district",
    [
        ("CA28 7AB", "CA28"),
        ("ca287ab", "CA28"),
        ("  la18 4ef ", "LA18"),
        ("CA1", "CA1"),
        ("SW1A 1AA", "SW1A"),
        ("M1 1AE", "M1"),
        ("EC1A1BB", "EC1A"),
    ],
)
def test_postcode_district_keeps_the_outward_code(typed, district):
    assert postcode_district(typed) == district


@pytest.mark.parametrize("typed", ["", "hello", "12345", "CA28 7A", "CA28 7ABX", "28CA", None])
def test_postcode_district_refuses_what_is_not_a_postcode(typed):
    assert postcode_district(typed) is None


def test_area_for_district_matches_whole_districts_only():
    carlisle = Area(name="Carlisle", postcode_districts="CA1 CA2")
    whitehaven = Area(name="Whitehaven", postcode_districts="CA28")
    assert area_for_district([carlisle, whitehaven], "CA28") is whitehaven
    assert area_for_district([carlisle, whitehaven], "CA2") is carlisle
    assert area_for_district([carlisle, whitehaven], "CA20") is None
