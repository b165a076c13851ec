"""Small statistics for the board's summaries: shares, lift and a two-proportion z-test.

Computed in Python from counts the database has already aggregated, so no scipy is needed.
"""
import math
from dataclasses import dataclass

SIGNIFICANCE_LEVEL = 0.05
TEST_NAME = "two-proportion z-test (each area against all other areas, two-sided, 5% level)"


def share(count, total):
    """count / total, or None when there is nothing to divide by."""
    return count / total if total else None


def lift(area_count, area_total, all_count, all_total):
    """Observed share in an area divided by the share across all areas (1.0 = as expected)."""
    observed = share(area_count, area_total)
    expected = share(all_count, all_total)
    if observed is None or not expected:
        return None
    return observed / expected


def normal_cdf(z):
    """P(Z <= z) for a standard normal variable."""
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


@dataclass(frozen=True)
class ZTest:
    z: float
    p_value: float

    @property
    def significant(self):
        return self.p_value < SIGNIFICANCE_LEVEL

    @property
    def direction(self):
        """'higher' or 'lower' than the rest when significant, else ''."""
        if not self.significant:
            return ""
        return "higher" if self.z > 0 else "lower"


def two_proportion_z_test(x1, n1, x2, n2):
    """Compare x1/n1 with x2/n2 using the pooled standard error; None if either group is empty
    or the pooled share is 0 or 1 (no variation to test)."""
    if n1 <= 0 or n2 <= 0:
        return None
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance <= 0:
        return None
    z = (x1 / n1 - x2 / n2) / math.sqrt(variance)
    return ZTest(z=z, p_value=2 * (1 - normal_cdf(abs(z))))


def area_against_rest(area_count, area_total, all_count, all_total):
    """The z-test of one area's share against the share in every other area together."""
    return two_proportion_z_test(area_count, area_total, all_count - area_count, all_total - area_total)
