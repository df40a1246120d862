"""Upper limit for supplemental magnesium: every row of NIH ODS Table 3 and its boundaries."""

import pytest

from mealplanner.nutrition import Person, supplement_limit_for, supplement_limit_mg


@pytest.mark.parametrize(
    ("age", "limit"),
    [
        (0, None),
        (0.5, None),
        (0.99, None),  # [ODS Table 3] none established under 1 year
        (1, 65),
        (3.99, 65),
        (4, 110),
        (8.99, 110),
        (9, 350),
        (13.99, 350),
        (14, 350),
        (18.99, 350),
        (19, 350),
        (31, 350),
        (51, 350),
        (130, 350),
    ],
)
def test_it_gives_the_table_limit(age, limit):
    assert supplement_limit_mg(age) == limit


def test_pregnancy_does_not_change_the_limit():
    assert supplement_limit_for(Person(25, "female", pregnant=True)) == 350
    assert supplement_limit_for(Person(16, "female", lactating=True)) == 350


def test_a_custom_target_does_not_change_the_limit():
    assert supplement_limit_for(Person(40, "male", custom_target_mg=900)) == 350


def test_babies_have_no_limit_because_they_take_no_supplements():
    assert supplement_limit_for(Person(0.3, "male")) is None


@pytest.mark.parametrize("age", [-0.01, 131, float("inf"), "3", None])
def test_bad_ages_raise_value_error(age):
    with pytest.raises(ValueError):
        supplement_limit_mg(age)
