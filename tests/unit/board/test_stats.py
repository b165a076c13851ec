"""Lift and the two-proportion z-test against figures worked out by hand."""
import math

import pytest

from consult.services.summaries import stats


def test_normal_cdf_matches_the_table():
    assert stats.normal_cdf(0) == pytest.approx(0.5)
    assert stats.normal_cdf(1.96) == pytest.approx(0.9750, abs=1e-4)
    assert stats.normal_cdf(-1.0) == pytest.approx(0.1587, abs=1e-4)


def test_lift_is_the_area_share_over_the_share_in_all_areas():
    # 12 of 20 in the area (60%) against 20 of 40 overall (50%).
    assert stats.lift(12, 20, 20, 40) == pytest.approx(1.2)
    assert stats.lift(9, 15, 14, 40) == pytest.approx(0.6 / 0.35)
    assert stats.lift(0, 0, 20, 40) is None
    assert stats.lift(3, 10, 0, 40) is None


def test_an_area_clearly_above_the_rest_is_significant():
    # South 9/15 against the rest 5/25: pooled 14/40 = 0.35,
    # se = sqrt(0.35 * 0.65 * (1/15 + 1/25)) = 0.155778, z = 0.4 / 0.155778 = 2.5678, p = 0.0102.
    test = stats.area_against_rest(9, 15, 14, 40)
    assert test.z == pytest.approx(2.5678, abs=1e-3)
    assert test.p_value == pytest.approx(0.0102, abs=2e-4)
    assert test.significant and test.direction == "higher"


def test_a_small_difference_is_not_significant():
    # North 12/20 against the rest 8/20: pooled 0.5, se = sqrt(0.25 * 0.1) = 0.1581, z = 1.2649, p = 0.2059.
    test = stats.area_against_rest(12, 20, 20, 40)
    assert test.z == pytest.approx(1.2649, abs=1e-3)
    assert test.p_value == pytest.approx(0.2059, abs=2e-4)
    assert not test.significant and test.direction == ""


def test_an_area_below_the_rest_is_marked_lower():
    test = stats.two_proportion_z_test(5, 100, 30, 100)
    assert test.direction == "lower"
    assert math.isclose(test.z, -(0.25 / math.sqrt(0.175 * 0.825 * 0.02)), rel_tol=1e-9)


def test_no_test_without_variation_or_people():
    assert stats.two_proportion_z_test(0, 10, 0, 10) is None
    assert stats.two_proportion_z_test(3, 0, 2, 10) is None
    assert stats.area_against_rest(10, 10, 10, 10) is None
