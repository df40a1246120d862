"""Import and export carry the choking-hazard fact and the default portion (issue 13), all or nothing."""

import pytest

from foods.models import Food, Portion
from foods.services import FoodImportError, food_bulk_upsert, food_file_import
from foods.tabular import COLUMNS, write_food_table
from tests.foods.factories import make_food

pytestmark = pytest.mark.django_db

# NDB 12061, almonds: SR28 portions "1 cup, whole" 143 g and "1 oz (23 whole kernels)" 28.35 g.
ALMONDS = dict(mg=270.0, kcal=579.0, portions=[("1 cup, whole", 143.0), ("1 oz (23 whole kernels)", 28.35)])


def test_the_columns_include_the_choking_hazard_and_the_default_portion():
    assert "choking_hazard_under_4" in COLUMNS and "default_portion" in COLUMNS


def test_an_export_imports_back_with_its_hazard_and_default(tmp_path):
    food = make_food("12061", "Nuts, almonds", "Nut and Seed Products", choking_hazard_under_4=True, **ALMONDS)
    Portion.objects.filter(food=food, label__startswith="1 oz").update(is_default=True)
    path = tmp_path / "foods.csv"
    write_food_table(Food.objects.all(), path, "csv")
    text = path.read_text(encoding="utf-8")
    assert "1 oz (23 whole kernels)" in text.splitlines()[1].rsplit(",", 1)[1]
    Food.objects.update(choking_hazard_under_4=False)
    Portion.objects.update(is_default=False)
    food_file_import(path=path)
    food.refresh_from_db()
    assert food.choking_hazard_under_4 is True
    assert list(Portion.objects.filter(is_default=True).values_list("label", flat=True)) == ["1 oz (23 whole kernels)"]


def test_a_row_can_move_the_default_to_another_portion():
    food = make_food("12061", "Nuts, almonds", "Nut and Seed Products", **ALMONDS)
    Portion.objects.filter(food=food, label="1 cup, whole").update(is_default=True)
    result = food_bulk_upsert(
        rows=[
            {
                "ndb_number": "12061",
                "name": "Nuts, almonds",
                "food_group": "Nut and Seed Products",
                "default_portion": "1 oz (23 whole kernels)",
            }
        ]
    )
    assert result.updated == 1
    assert list(Portion.objects.filter(is_default=True).values_list("label", flat=True)) == ["1 oz (23 whole kernels)"]


def test_a_default_that_is_not_a_portion_changes_nothing_and_names_the_row():
    food = make_food("12061", "Nuts, almonds", "Nut and Seed Products", **ALMONDS)
    with pytest.raises(FoodImportError) as caught:
        food_bulk_upsert(
            rows=[
                {
                    "ndb_number": "12061",
                    "name": "Nuts, almonds",
                    "food_group": "Nut and Seed Products",
                    "choking_hazard_under_4": True,
                    "default_portion": "1 handful",
                }
            ]
        )
    assert "row 1" in caught.value.errors[0] and "1 handful" in caught.value.errors[0]
    food.refresh_from_db()
    assert food.choking_hazard_under_4 is False


def test_a_new_food_gets_its_default_among_its_new_portions():
    food_bulk_upsert(
        rows=[
            {
                "name": "Toddler oat bites",
                "food_group": "Snacks",
                "choking_hazard_under_4": False,
                "portions": [{"label": "1 piece", "grams": 5}, {"label": "1 bowl", "grams": 40}],
                "default_portion": "1 bowl",
            }
        ]
    )
    assert list(Portion.objects.filter(is_default=True).values_list("label", flat=True)) == ["1 bowl"]


def test_a_hazard_cell_that_is_not_yes_or_no_is_reported(tmp_path):
    path = tmp_path / "foods.csv"
    path.write_text("name,food_group,choking_hazard_under_4\nX,Snacks,perhaps\n", encoding="utf-8")
    with pytest.raises(FoodImportError) as caught:
        food_file_import(path=path)
    assert any("row 2" in e and "choking_hazard_under_4" in e for e in caught.value.errors)
