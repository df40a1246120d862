"""The shopping list's arithmetic (plain Python, no database)."""

import pytest

from mealplanner.shopping import ShoppingItem, shopping_list


def seeds(day, quantity=1.0, status="planned", portion="1 cup", grams=129.0):
    # USDA SR28 NDB 12014, pumpkin seed kernels: 1 cup = 129 g (WEIGHT file).
    return ShoppingItem(
        food_id=1,
        name="Seeds, pumpkin",
        food_group="Nut and Seed Products",
        status=status,
        quantity=quantity,
        portion_label=portion,
        portion_grams=grams,
        ndb_number="12014",
        day=day,
    )


def spinach(day, quantity=1.0, status="planned"):
    # USDA SR28 NDB 11457, spinach, raw: 1 cup = 30 g.
    return ShoppingItem(
        food_id=2,
        name="Spinach, raw",
        food_group="Vegetables and Vegetable Products",
        status=status,
        quantity=quantity,
        portion_label="1 cup",
        portion_grams=30.0,
        day=day,
    )


def test_a_food_used_on_two_days_is_one_line_with_the_portions_and_grams_added():
    groups = shopping_list([seeds(0, 1), seeds(3, 2)])
    [group] = groups
    [line] = group.lines
    assert line.amount_label == "3 × 1 cup"
    assert line.grams == pytest.approx(387)
    assert line.days == {0, 3}


def test_skipped_entries_are_left_out():
    [group] = shopping_list([seeds(0, 1), seeds(1, 5, status="skipped"), seeds(2, 0.5, status="eaten")])
    assert group.lines[0].amount_label == "1.5 × 1 cup"
    assert group.lines[0].grams == pytest.approx(193.5)


def test_only_skipped_entries_give_an_empty_list():
    assert shopping_list([seeds(0, status="skipped")]) == []


def test_foods_are_grouped_by_food_group_in_alphabetical_order():
    groups = shopping_list([spinach(0), seeds(0)])
    assert [g.name for g in groups] == ["Nut and Seed Products", "Vegetables and Vegetable Products"]
    assert [g.lines[0].name for g in groups] == ["Seeds, pumpkin", "Spinach, raw"]


def test_amounts_in_grams_and_in_portions_are_both_shown():
    loose = seeds(1, quantity=50, portion="", grams=None)
    [group] = shopping_list([seeds(0, 2), loose])
    assert group.lines[0].amount_label == "2 × 1 cup + 50 g"
    assert group.lines[0].grams == pytest.approx(308)


def test_two_portion_sizes_of_one_food_are_listed_side_by_side():
    ounce = seeds(1, quantity=2, portion="1 oz", grams=28.35)
    [group] = shopping_list([seeds(0, 1), ounce])
    assert group.lines[0].amount_label == "1 × 1 cup + 2 × 1 oz"
    assert group.lines[0].grams == pytest.approx(129 + 56.7)


def test_a_food_without_a_group_goes_under_other():
    item = ShoppingItem(food_id=9, name="Homemade soup", food_group="", status="planned", quantity=300)
    assert shopping_list([item])[0].name == "Other"


def test_a_zero_amount_is_refused():
    with pytest.raises(ValueError):
        shopping_list([seeds(0, quantity=0)])
