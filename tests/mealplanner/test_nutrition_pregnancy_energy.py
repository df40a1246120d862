"""Extra energy in pregnancy (by trimester, from the due date) and breastfeeding (by the baby's age)
[Dietary Guidelines for Americans 2020–2025; balanced-diet.md]."""

import datetime

import pytest

from mealplanner.nutrition import LIFE_STAGE_ENERGY_SOURCE, life_stage_extra_kcal
from mealplanner.nutrition.energy import baby_age_months, trimester_on

TODAY = datetime.date(2026, 6, 1)


def due_in(days):
    return TODAY + datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("days_to_due", "trimester"),
    [
        (280, 1),  # just pregnant
        (280 - 13 * 7 - 6, 1),  # 13 weeks 6 days
        (280 - 14 * 7, 2),  # 14 weeks
        (280 - 27 * 7 - 6, 2),
        (280 - 28 * 7, 3),  # 28 weeks
        (0, 3),
        (-14, 3),  # due today, two weeks late
    ],
)
def test_the_trimester_comes_from_the_due_date(days_to_due, trimester):
    assert trimester_on(due_in(days_to_due), TODAY) == trimester


@pytest.mark.parametrize("days_to_due", [281, -15, 1000])
def test_a_due_date_that_cannot_be_a_pregnancy_today_has_no_trimester(days_to_due):
    assert trimester_on(due_in(days_to_due), TODAY) is None


@pytest.mark.parametrize(("days_to_due", "extra"), [(200, 0), (150, 340), (30, 452)])
def test_pregnancy_adds_the_trimesters_energy(days_to_due, extra):
    kcal, why = life_stage_extra_kcal(pregnant=True, lactating=False, due_date=due_in(days_to_due), on=TODAY)
    assert kcal == extra
    assert "trimester" in why


def test_pregnancy_without_a_due_date_asks_for_it():
    kcal, why = life_stage_extra_kcal(pregnant=True, lactating=False, on=TODAY)
    assert kcal is None and "due date" in why


@pytest.mark.parametrize(
    ("born", "extra"),
    [
        (datetime.date(2026, 5, 1), 330),
        (datetime.date(2025, 12, 2), 330),  # 5 months 30 days
        (datetime.date(2025, 12, 1), 400),  # 6 months: the seventh month begins
        (datetime.date(2025, 6, 2), 400),
        (datetime.date(2025, 6, 1), 0),  # from 12 months: no figure
    ],
)
def test_breastfeeding_adds_the_energy_for_the_babys_age(born, extra):
    kcal, _ = life_stage_extra_kcal(pregnant=False, lactating=True, baby_birth_date=born, on=TODAY)
    assert kcal == extra


def test_breastfeeding_without_the_babys_birth_date_asks_for_it():
    kcal, why = life_stage_extra_kcal(pregnant=False, lactating=True, on=TODAY)
    assert kcal is None and "birth date" in why


def test_neither_pregnant_nor_breastfeeding_adds_nothing():
    assert life_stage_extra_kcal(pregnant=False, lactating=False, on=TODAY) == (0, "")


def test_baby_age_counts_completed_months():
    assert baby_age_months(datetime.date(2026, 1, 31), datetime.date(2026, 2, 28)) == 0
    assert baby_age_months(datetime.date(2026, 1, 31), datetime.date(2026, 3, 1)) == 1
    assert baby_age_months(datetime.date(2026, 7, 1), TODAY) is None


def test_the_source_is_the_dietary_guidelines():
    assert "Dietary Guidelines for Americans, 2020–2025" in LIFE_STAGE_ENERGY_SOURCE


@pytest.mark.parametrize(
    ("days_to_due", "words"),
    [
        (200, "no extra energy in the first trimester"),
        (150, "+340 kcal in the second trimester"),
        (30, "+452 kcal in the third trimester"),
    ],
)
def test_the_explanation_names_the_trimester(days_to_due, words):
    assert life_stage_extra_kcal(pregnant=True, lactating=False, due_date=due_in(days_to_due), on=TODAY)[1] == words


def test_a_baby_born_today_counts_from_month_0():
    assert life_stage_extra_kcal(pregnant=False, lactating=True, baby_birth_date=TODAY, on=TODAY)[0] == 330
    assert baby_age_months(TODAY, TODAY) == 0
