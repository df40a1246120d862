"""The rules' Person: its values are normalised on creation and impossible combinations refused."""

from decimal import Decimal

import pytest

from mealplanner.nutrition import Person


def test_decimal_inputs_become_floats():
    # Model fields hand the rules Decimals; the rules compute in floats.
    person = Person(Decimal("45.50"), "female", weight_kg=Decimal("61.2"), custom_target_mg=Decimal("350.4"))
    assert person.age_years == 45.5 and type(person.age_years) is float
    assert person.weight_kg == 61.2 and type(person.weight_kg) is float
    assert person.custom_target_mg == 350 and type(person.custom_target_mg) is int


def test_sex_is_normalised_to_lower_case():
    assert Person(30, " Male ").sex == "male"


@pytest.mark.parametrize("stage", [{"pregnant": True}, {"lactating": True}])
def test_a_man_cannot_be_pregnant_or_breastfeeding(stage):
    with pytest.raises(ValueError, match="female"):
        Person(30, "male", **stage)


def test_pregnant_and_breastfeeding_together_are_refused():
    with pytest.raises(ValueError):
        Person(30, "female", pregnant=True, lactating=True)


@pytest.mark.parametrize("sex", ["", None, "other"])
def test_a_missing_or_unknown_sex_is_refused_never_assumed(sex):
    with pytest.raises(ValueError):
        Person(30, sex)


@pytest.mark.parametrize("weight", [0, -3, 501, "60", float("nan")])
def test_an_impossible_body_weight_is_refused(weight):
    with pytest.raises(ValueError):
        Person(10, "female", weight_kg=weight)


def test_the_weight_is_optional():
    assert Person(10, "female").weight_kg is None


@pytest.mark.parametrize("weight", [0.5, 1, 500])
def test_any_weight_above_0_up_to_500_kg_is_accepted(weight):
    assert Person(1, "female", weight_kg=weight).weight_kg == weight
