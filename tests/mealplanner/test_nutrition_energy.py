"""Default energy goal from the Dietary Guidelines for Americans 2020–2025, Appendix 2."""

import pytest

from mealplanner.nutrition import ENERGY_GOAL_SOURCE, default_energy_goal_kcal


@pytest.mark.parametrize(("age", "male", "female"), [
    (1, 1000, 1000), (2, 1000, 1000), (3, 1400, 1200), (7, 1600, 1600), (10, 1800, 1800),
    (14, 2400, 2000), (18.99, 2800, 2000), (19, 2800, 2200), (25, 2800, 2200), (26, 2600, 2000),
    (40, 2600, 2000), (46, 2400, 2000), (51, 2400, 1800), (65.9, 2400, 1800), (66, 2200, 1800), (100, 2200, 1800),
])
def test_moderately_active_is_the_default(age, male, female):
    assert default_energy_goal_kcal(age, "male") == male
    assert default_energy_goal_kcal(age, "female") == female


@pytest.mark.parametrize(("age", "male", "female"), [
    (19, 2600, 2000), (21, 2400, 2000), (26, 2400, 1800), (41, 2200, 1800), (51, 2200, 1600), (61, 2000, 1600),
])
def test_sedentary_figures_are_available(age, male, female):
    assert default_energy_goal_kcal(age, "male", activity="sedentary") == male
    assert default_energy_goal_kcal(age, "female", activity="sedentary") == female


def test_adult_goals_stay_within_the_guidelines_adult_range():
    # DGA 2020–2025: adult women 1,600–2,400 and adult men 2,000–3,000 kcal a day.
    for age in range(19, 131):
        for activity in ("sedentary", "moderate"):
            assert 1600 <= default_energy_goal_kcal(age, "female", activity=activity) <= 2400
            assert 2000 <= default_energy_goal_kcal(age, "male", activity=activity) <= 3000


def test_pregnancy_is_accepted_and_gives_the_non_pregnant_figure():
    assert default_energy_goal_kcal(30, "female", pregnant=True) == default_energy_goal_kcal(30, "female")


def test_the_source_names_the_dietary_guidelines():
    assert "Dietary Guidelines for Americans, 2020–2025" in ENERGY_GOAL_SOURCE


@pytest.mark.parametrize(("args", "kwargs"), [
    ((0.5, "female"), {}),  # babies: no meal plan
    ((-1, "female"), {}),
    ((200, "male"), {}),
    ((30, "male"), {"pregnant": True}),
    ((30, "female"), {"activity": "athlete"}),
])
def test_bad_arguments_raise_value_error(args, kwargs):
    with pytest.raises(ValueError):
        default_energy_goal_kcal(*args, **kwargs)
