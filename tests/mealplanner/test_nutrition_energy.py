"""Default energy goal from the Dietary Guidelines for Americans 2020–2025, Appendix 2."""

import pytest

from mealplanner.nutrition import ENERGY_GOAL_SOURCE, default_energy_goal_kcal


@pytest.mark.parametrize(
    ("age", "male", "female"),
    [
        (1, 1000, 1000),
        (2, 1000, 1000),
        (3, 1400, 1200),
        (7, 1600, 1600),
        (10, 1800, 1800),
        (14, 2400, 2000),
        (18.99, 2800, 2000),
        (19, 2800, 2200),
        (25, 2800, 2200),
        (26, 2600, 2000),
        (40, 2600, 2000),
        (46, 2400, 2000),
        (51, 2400, 1800),
        (65.9, 2400, 1800),
        (66, 2200, 1800),
        (100, 2200, 1800),
    ],
)
def test_moderately_active_is_the_default(age, male, female):
    assert default_energy_goal_kcal(age, "male") == male
    assert default_energy_goal_kcal(age, "female") == female


@pytest.mark.parametrize(
    ("age", "male", "female"),
    [
        (19, 2600, 2000),
        (21, 2400, 2000),
        (26, 2400, 1800),
        (41, 2200, 1800),
        (51, 2200, 1600),
        (61, 2000, 1600),
    ],
)
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


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((0.5, "female"), {}),  # babies: no meal plan
        ((-1, "female"), {}),
        ((200, "male"), {}),
        ((30, "male"), {"pregnant": True}),
        ((30, "female"), {"activity": "athlete"}),
    ],
)
def test_bad_arguments_raise_value_error(args, kwargs):
    with pytest.raises(ValueError):
        default_energy_goal_kcal(*args, **kwargs)


# Every row of DGA 2020–2025 Appendix 2 as the app uses it: (first age, last age in the row,
# male sedentary, male moderate, female sedentary, female moderate). Issue 20: a row turned to 0 went unnoticed.
ENERGY_ROWS = [
    (2, 2.99, 1000, 1000, 1000, 1000),
    (3, 3.99, 1000, 1400, 1000, 1200),
    (4, 4.99, 1200, 1400, 1200, 1400),
    (5, 5.99, 1200, 1400, 1200, 1400),
    (6, 6.99, 1400, 1600, 1200, 1400),
    (7, 7.99, 1400, 1600, 1200, 1600),
    (8, 8.99, 1400, 1600, 1400, 1600),
    (9, 9.99, 1600, 1800, 1400, 1600),
    (10, 10.99, 1600, 1800, 1400, 1800),
    (11, 11.99, 1800, 2000, 1600, 1800),
    (12, 12.99, 1800, 2200, 1600, 2000),
    (13, 13.99, 2000, 2200, 1600, 2000),
    (14, 14.99, 2000, 2400, 1800, 2000),
    (15, 15.99, 2200, 2600, 1800, 2000),
    (16, 16.99, 2400, 2800, 1800, 2000),
    (17, 17.99, 2400, 2800, 1800, 2000),
    (18, 18.99, 2400, 2800, 1800, 2000),
    (19, 20.99, 2600, 2800, 2000, 2200),
    (21, 25.99, 2400, 2800, 2000, 2200),
    (26, 30.99, 2400, 2600, 1800, 2000),
    (31, 35.99, 2400, 2600, 1800, 2000),
    (36, 40.99, 2400, 2600, 1800, 2000),
    (41, 45.99, 2200, 2600, 1800, 2000),
    (46, 50.99, 2200, 2400, 1800, 2000),
    (51, 55.99, 2200, 2400, 1600, 1800),
    (56, 60.99, 2200, 2400, 1600, 1800),
    (61, 65.99, 2000, 2400, 1600, 1800),
    (66, 70.99, 2000, 2200, 1600, 1800),
    (71, 75.99, 2000, 2200, 1600, 1800),
    (76, 130, 2000, 2200, 1600, 1800),
]


@pytest.mark.parametrize("row", ENERGY_ROWS, ids=lambda row: f"{row[0]}-{row[1]}")
def test_every_row_of_the_energy_table_at_both_ends(row):
    first, last, male_sed, male_mod, female_sed, female_mod = row
    for age in (first, last):
        assert default_energy_goal_kcal(age, "male", activity="sedentary") == male_sed
        assert default_energy_goal_kcal(age, "male") == male_mod
        assert default_energy_goal_kcal(age, "female", activity="sedentary") == female_sed
        assert default_energy_goal_kcal(age, "female") == female_mod


def test_a_one_year_old_gets_the_age_two_row():
    assert default_energy_goal_kcal(1, "female", activity="sedentary") == 1000
    assert default_energy_goal_kcal(1.99, "male") == 1000


def test_no_energy_goal_under_one_year():
    with pytest.raises(ValueError, match="babies"):
        default_energy_goal_kcal(0.99, "female")
