"""The plain rules an imported or edited food must keep (foods.rows), and SR28 group guesses."""

import pytest

from foods.rows import FoodRow, PortionRow, check_food_values, check_rows, parse_bool, parse_portions
from foods.sr28 import group_defaults


def test_negative_and_implausible_amounts_are_refused_with_the_field_named():
    problems = check_food_values({"magnesium_mg": -5, "protein_g": 101, "energy_kcal": 1001, "fibre_g": 3})
    assert [p.for_row() for p in problems] == [
        "magnesium_mg: -5 is negative",
        "protein_g: 101 is more than 100 g per 100 g",
        "energy_kcal: 1001 is more than 1,000 kcal per 100 g",
    ]
    assert check_food_values({"magnesium_mg": 1200})[0].for_form("Magnesium (mg/100 g)") == (
        "Magnesium (mg/100 g) cannot be more than 1,000 mg per 100 g"
    )


def test_unknown_amounts_and_the_limits_themselves_are_fine():
    assert check_food_values({"magnesium_mg": None, "fat_g": 100, "energy_kcal": 1000, "magnesium_mg_x": -1}) == []


def test_every_bad_row_is_listed_with_its_row_number():
    rows = [
        FoodRow(name="Ok", food_group="G", ndb_number="00001", line=2),
        FoodRow(name="Bad ndb", food_group="G", ndb_number="1234x", line=3),
        FoodRow(name="", food_group="G", nutrients={"magnesium_mg": -5}, line=4),
        FoodRow(name="Twin", food_group="G", ndb_number="00001", line=5),
        FoodRow(name="Zero cup", food_group="G", portions=[PortionRow("1 cup", 0)], line=6),
    ]
    assert check_rows(rows) == [
        "row 3: ndb_number '1234x' is not 5 digits",
        "row 4: name is empty",
        "row 4: magnesium_mg: -5 is negative",
        "row 5: ndb_number 00001 is already on row 2",
        "row 6: portion '1 cup' must weigh more than 0 g, not 0",
    ]


def test_portions_are_read_with_grams_after_the_last_equals_sign():
    assert parse_portions("1 cup=30; 1 serving (NLEA serving = 1 cup)=29 g") == [
        PortionRow("1 cup", 30, 1),
        PortionRow("1 serving (NLEA serving = 1 cup)", 29, 2),
    ]
    with pytest.raises(ValueError, match="label=grams"):
        parse_portions("1 cup 30")


@pytest.mark.parametrize("cell, value", [("yes", True), ("No", False), ("", None), (1, True), (float("nan"), None)])
def test_yes_no_cells(cell, value):
    assert parse_bool(cell) is value


def test_sr28_groups_give_only_safe_guesses():
    beef = group_defaults("Beef Products")
    assert beef["vegan"] is False and beef["vegetarian"] is False
    assert group_defaults("Breakfast Cereals")["suits_breakfast"] is True
    fruit = group_defaults("Fruits and Fruit Juices")
    assert (fruit["suits_breakfast"], fruit["suits_snack"], fruit["suits_dinner"]) == (True, True, False)
    assert not any(group_defaults("Spices and Herbs").values())
    assert not any(group_defaults("Restaurant Foods").values())
    # A group never makes a food vegan: that would be an unsafe guess.
    assert "vegan" not in group_defaults("Vegetables and Vegetable Products")
