"""Issue 17: the tightest kidney caps a dietitian sets, on a young man's energy goal, still give a full week of
meals on the shipped foods and curated dishes, each day reaching the magnesium target from food.

Such a day needs 2,600-2,800 kcal and at least 10 % of it as protein inside 2,000-3,000 mg of potassium and
800 mg of phosphorus. Before the curated dishes made for those caps, these weeks had days that fell short of
the magnesium target or that nothing fitted.
"""

from unittest import mock

import pytest

from mealplanner.generator import meal_milp
from mealplanner.generator.bands import bands_for
from mealplanner.generator.meals import OK, plan_week
from mealplanner.generator.patterns import Person
from mealplanner.generator.shipped import shipped_dishes, shipped_foods
from mealplanner.nutrition.caffeine import caffeine_limit_mg
from mealplanner.nutrition.energy import default_energy_goal_kcal
from mealplanner.nutrition.targets import magnesium_target_mg


@pytest.mark.parametrize(
    "age, diet, allergies, potassium, phosphorus",
    [
        (28, "none", ("fish",), 2000.0, 800.0),
        (35, "none", (), 2000.0, 800.0),
        (20, "vegan", (), 3000.0, 800.0),
        (42, "vegan", (), 2000.0, 900.0),
    ],
)
def test_a_young_mans_week_under_tight_kidney_caps_reaches_the_magnesium_target_every_day(
    age, diet, allergies, potassium, phosphorus
):
    bands = bands_for(
        age_years=age,
        energy_kcal=default_energy_goal_kcal(age, "male"),
        magnesium_mg=magnesium_target_mg(age, "male"),
        caffeine_mg=caffeine_limit_mg(age_years=age, pregnant=False, lactating=False, weight_kg=None),
        potassium_cap_mg=potassium,
        phosphorus_cap_mg=phosphorus,
    )
    person = Person(diet=diet, allergies=allergies, disliked_foods=frozenset(), disliked_dishes=frozenset())
    # Only HiGHS's node limit may stop a solve here: its wall-clock safety net would depend on the machine's load.
    with mock.patch.object(meal_milp, "TIME_LIMIT_S", 600.0):
        days = plan_week(dishes=shipped_dishes(), foods=shipped_foods(), person=person, bands=bands, budget_s=600)
    assert [d.status for d in days] == [OK] * 7
    for day in days:
        assert day.totals["magnesium_mg"] >= bands.magnesium_mg - 1e-6
        assert day.totals["potassium_mg"] <= potassium + 1e-6
        assert day.totals["phosphorus_mg"] <= phosphorus + 1e-6
        assert sum(item.kind == "dish" for item in day.items) >= 2  # meals made of dishes, not piles of foods
