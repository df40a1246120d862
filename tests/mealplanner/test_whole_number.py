"""whole_number's quick path (figures not near a half) gives what the Decimal rounding gives, for any figure."""

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from mealplanner.nutrition.numbers import whole_number


def decimal_rounding(value: float) -> int:
    return int(Decimal(repr(float(value))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@settings(deadline=None, max_examples=2000)
@given(st.floats(min_value=-1e13, max_value=1e13, allow_nan=False))
def test_any_figure_rounds_as_the_decimal_rounding_does(value):
    assert whole_number(value) == decimal_rounding(value)


@settings(deadline=None, max_examples=500)
@given(
    st.integers(min_value=-(10**6), max_value=10**6), st.sampled_from([0.5, 0.4999999, 0.5000001, 0.499999, 0.500001])
)
def test_figures_at_and_near_a_half_round_half_up(whole, fraction):
    value = whole + fraction
    assert whole_number(value) == decimal_rounding(value)


def test_halves_round_up_and_binary_noise_does_not_push_over_a_half():
    assert [whole_number(v) for v in (904.5, 100.5, 0.5, -0.5, 2.4999999999999996, 0.1 + 0.2)] == [
        905,
        101,
        1,
        -1,
        2,
        0,
    ]
