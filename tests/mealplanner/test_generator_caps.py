"""Issue 13: a food nobody curated (full SR28) is a choking hazard for a child under 4 when it is named like
one (whole nuts and seeds, popcorn, whole grapes), as the food suggestions judge it (no database)."""

import pytest

from mealplanner.generator.foods import FoodRecord, choking_hazard


@pytest.mark.parametrize(
    "name, hazard",
    [
        ("Nuts, almonds", True),
        ("Seeds, flaxseed", True),
        ("Snacks, popcorn, air-popped", True),
        ("Grapes, red or green", True),
        ("Beans, black, mature seeds, cooked, boiled", False),
        ("Grapefruit, raw", False),
        ("Bananas, raw", False),
    ],
)
def test_foods_nobody_curated_are_hazards_when_named_like_one(name, hazard):
    record = FoodRecord(food_id=1, name=name, food_group="", per_100g={}, diet={}, meals=frozenset())
    assert choking_hazard(record) is hazard
