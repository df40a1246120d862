"""food_bulk_upsert: all or nothing, updates by NDB number, keeps what an import leaves unknown."""

import pytest

from foods.models import Food, Portion
from foods.rows import FoodRow, PortionRow
from foods.services import FoodImportError, food_bulk_upsert

pytestmark = pytest.mark.django_db

SPINACH = {
    "ndb_number": "11457",
    "name": "Spinach, raw",
    "food_group": "Vegetables and Vegetable Products",
    "magnesium_mg": 79.0,
    "portions": [{"label": "1 cup", "grams": 30}],
}  # SR28 NDB 11457


def test_it_adds_then_updates_by_ndb_number_without_duplicating():
    assert food_bulk_upsert(rows=[SPINACH]).added == 1
    result = food_bulk_upsert(rows=[{**SPINACH, "magnesium_mg": 80.0}])
    assert (result.added, result.updated, result.unchanged) == (0, 1, 0)
    assert Food.objects.get().magnesium_mg == 80
    assert food_bulk_upsert(rows=[{**SPINACH, "magnesium_mg": 80.0}]).unchanged == 1
    assert Portion.objects.get().grams == 30


def test_arguments_are_keyword_only():
    with pytest.raises(TypeError):
        food_bulk_upsert([SPINACH])


def test_a_bad_row_writes_nothing_and_every_problem_is_reported():
    rows = [SPINACH, {**SPINACH, "ndb_number": "1234x"}, {"name": "X", "food_group": "G", "fat_g": 120}]
    with pytest.raises(FoodImportError) as caught:
        food_bulk_upsert(rows=rows)
    assert caught.value.errors == [
        "row 2: ndb_number '1234x' is not 5 digits",
        "row 3: fat_g: 120 is more than 100 g per 100 g",
    ]
    assert not Food.objects.exists()


def test_dry_run_counts_but_writes_nothing():
    result = food_bulk_upsert(rows=[SPINACH], dry_run=True)
    assert (result.added, result.dry_run) == (1, True)
    assert not Food.objects.exists()


def test_a_food_an_admin_edited_is_skipped():
    food_bulk_upsert(rows=[SPINACH])
    Food.objects.update(edited_by_admin=True, magnesium_mg=78)
    result = food_bulk_upsert(rows=[{**SPINACH, "magnesium_mg": 1.0}])
    assert result.skipped == ["11457 Spinach, raw"]
    assert Food.objects.get().magnesium_mg == 78


def test_curated_diet_facts_and_meals_survive_an_import_that_does_not_know_them():
    food_bulk_upsert(rows=[{**SPINACH, "vegan": True, "suits_dinner": True}])
    food_bulk_upsert(
        rows=[
            FoodRow(
                name="Spinach, raw",
                food_group="Vegetables",
                ndb_number="11457",
                diet={"vegan": None},
                defaults={"vegan": False, "suits_dinner": False},
            )
        ]
    )
    food = Food.objects.get()
    assert (food.vegan, food.suits_dinner, food.food_group) == (True, True, "Vegetables")


def test_group_guesses_fill_only_unknown_facts_and_new_foods():
    beef = FoodRow(
        name="Beef", food_group="Beef Products", ndb_number="13001", defaults={"vegan": False, "suits_dinner": True}
    )
    food_bulk_upsert(rows=[beef])
    food = Food.objects.get()
    assert (food.vegan, food.vegetarian, food.suits_dinner, food.suits_breakfast) == (False, None, True, False)


def test_hand_added_foods_match_by_name_and_group():
    row = {"name": "Grandma's porridge", "food_group": "Breakfast", "magnesium_mg": 40.0}
    food_bulk_upsert(rows=[row])
    assert food_bulk_upsert(rows=[{**row, "magnesium_mg": 41.0}]).updated == 1
    assert Food.objects.get().magnesium_mg == 41


def test_portions_are_replaced_keeping_the_ones_that_stay():
    food_bulk_upsert(rows=[{**SPINACH, "portions": [{"label": "1 cup", "grams": 30}, {"label": "1 oz", "grams": 28}]}])
    cup = Portion.objects.get(label="1 cup")
    result = food_bulk_upsert(
        rows=[
            FoodRow(
                name="Spinach, raw",
                food_group="V",
                ndb_number="11457",
                portions=[PortionRow("1 bunch", 340, 1), PortionRow("1 cup", 30, 2)],
            )
        ]
    )
    assert (result.portions_added, result.portions_removed) == (1, 1)
    assert list(Portion.objects.values_list("label", "seq")) == [("1 bunch", 1), ("1 cup", 2)]
    assert Portion.objects.get(label="1 cup").pk == cup.pk  # plans that use "1 cup" keep it


def test_a_portion_a_plan_uses_is_kept_when_the_file_drops_it():
    import datetime

    from mealplanner.models import Plan, PlanEntry, Profile

    food_bulk_upsert(rows=[SPINACH])
    profile = Profile.objects.create(name="Ann")
    plan = Plan.objects.create(profile=profile, name="Week", start_date=datetime.date(2026, 1, 5))
    entry = PlanEntry.objects.create(
        plan=plan, day=0, meal="dinner", food=Food.objects.get(), portion=Portion.objects.get(), quantity=2
    )
    result = food_bulk_upsert(rows=[{**SPINACH, "portions": [{"label": "1 bunch", "grams": 340}]}])
    assert (result.portions_kept_in_use, result.portions_removed) == (1, 0)
    entry.refresh_from_db()
    assert entry.portion.label == "1 cup"  # still two cups, not two grams
