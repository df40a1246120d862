"""The lists' figures worked out in Python (nutrition.numbers, plan_numbers.whole_text) read exactly as the templates' floatformat gives them."""

import random

import pytest
from django.template.defaultfilters import floatformat

from mealplanner.nutrition.numbers import tenths
from mealplanner.templatetags.plan_numbers import whole_text

# Halves and tenths that round up only when rounded half up from their shortest decimal (2.675 is stored as
# 2.67499999..., but floatformat reads "2.675"), tiny and large values, whole numbers, and one below zero.
EDGES = [0, 0.0, 0.5, 1.5, 2.5, 0.05, 0.15, 0.25, 2.45, 2.55, 2.675, 99.95, 0.04, 1e-05, 79.0, 1234.5, 123456.75, -0.04]


@pytest.mark.parametrize("value", EDGES)
def test_edge_values_read_as_floatformat_gives_them(value):
    assert whole_text(value) == floatformat(value, 0)
    assert tenths(value) == floatformat(value, "-1")


def test_many_values_read_as_floatformat_gives_them():
    rng = random.Random(15)
    values = [rng.uniform(0, 2000) for _ in range(2000)] + [round(rng.uniform(0, 500), 2) for _ in range(2000)]
    assert [whole_text(v) for v in values] == [floatformat(v, 0) for v in values]
    assert [tenths(v) for v in values] == [floatformat(v, "-1") for v in values]


def test_a_whole_number_keeps_no_decimal_and_any_other_keeps_one():
    assert tenths(129.0) == "129"
    assert tenths(28.35) == "28.4"
    assert tenths(0.04) == "0.0"
    assert whole_text(176.5) == "177"
