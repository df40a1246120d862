"""The curated recipes: written from SR28 foods, loaded once as public recipes, magnesium-rich, and covering
every meal, vegan, gluten-, dairy- and nut-free, kidney-friendly and child-friendly dishes."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from recipes.curated import CuratedFileError, parse_curated, read_curated
from recipes.models import Recipe
from recipes.per_serving import kidney_friendly
from recipes.selectors import recipe_figures

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "recipes.json"


@pytest.fixture
def loaded(db):
    call_command("load_foods", verbosity=0)
    call_command("load_recipes", verbosity=0)
    return list(Recipe.objects.select_related("owner"))


def test_every_curated_recipe_loads_as_a_public_recipe_nobody_can_log_in_as(loaded):
    assert len(loaded) == len(read_curated(FIXTURE)) >= 60
    assert {r.visibility for r in loaded} == {"public"}
    owner = loaded[0].owner
    assert not owner.is_active and not owner.has_usable_password() and not owner.is_staff


def test_loading_again_adds_nothing_and_changes_nothing(loaded, capsys):
    Recipe.objects.filter(pk=loaded[0].pk).update(name=loaded[0].name, servings=7)
    call_command("load_recipes")
    assert Recipe.objects.count() == len(loaded)
    assert Recipe.objects.get(pk=loaded[0].pk).servings == 7
    assert "0 added" in capsys.readouterr().out


def test_each_dish_gives_magnesium_and_known_figures(loaded):
    for recipe in loaded:
        figures = recipe_figures(recipe)
        magnesium = figures.per_serving["magnesium_mg"]
        assert magnesium.known and magnesium.value >= 40, recipe.name


def test_the_dishes_cover_meals_diets_kidneys_and_children(loaded):
    facts, kidney, child, meals = {}, [], [], set()
    for recipe in loaded:
        figures = recipe_figures(recipe)
        for name, value in figures.facts.items():
            facts.setdefault(name, []).append(value)
        if kidney_friendly(figures.per_serving):
            kidney.append(recipe.name)
        # Choking hazards for children under 4 (CDC, AAP; foods.Food.choking_hazard_under_4) when the
        # food table has the flag.
        if not any(getattr(row.food, "choking_hazard_under_4", False) for row in figures.rows):
            child.append(recipe.name)
        meals |= {m for m in ("breakfast", "lunch", "dinner", "snack") if getattr(recipe, f"suits_{m}")}
    assert meals == {"breakfast", "lunch", "dinner", "snack"}
    assert facts["vegan"].count(True) >= 15
    assert facts["vegetarian"].count(True) >= 15
    assert facts["contains_gluten"].count(False) >= 15
    assert facts["contains_dairy"].count(False) >= 15
    nut_free = [
        n is False and p is False for n, p in zip(facts["contains_nuts"], facts["contains_peanuts"], strict=True)
    ]
    assert nut_free.count(True) >= 15
    assert len(kidney) >= 15
    assert len(child) >= 30


def test_a_file_naming_an_unknown_food_or_portion_loads_nothing(db, tmp_path):
    call_command("load_foods", verbosity=0)
    bad = tmp_path / "recipes.json"
    bad.write_text(
        '{"recipes": ['
        '{"name": "Fine", "servings": 1, "ingredients": [{"ndb": "11458", "portion": "1 cup", "quantity": 1}]},'
        '{"name": "Bad food", "servings": 1, "ingredients": [{"ndb": "99999", "grams": 10}]},'
        '{"name": "Bad portion", "servings": 1, "ingredients": [{"ndb": "11458", "portion": "1 bucket", "quantity": 1}]}'
        "]}"
    )
    with pytest.raises(CommandError) as error:
        call_command("load_recipes", fixture=bad)
    assert "recipe 2, ingredient 1: no food with NDB number 99999" in str(error.value)
    assert "recipe 3, ingredient 1" in str(error.value) and "1 bucket" in str(error.value)
    assert not Recipe.objects.exists()


@pytest.mark.parametrize(
    "data, problem",
    [
        ([], 'a "recipes" list'),
        ({"recipes": [{"servings": 1}]}, "recipe 1: needs a name"),
        ({"recipes": [{"name": "A", "servings": 0, "ingredients": [{"ndb": "11458", "grams": 5}]}]}, "servings"),
        (
            {
                "recipes": [
                    {"name": "A", "servings": 1, "meals": ["brunch"], "ingredients": [{"ndb": "11458", "grams": 5}]}
                ]
            },
            "meals",
        ),
        ({"recipes": [{"name": "A", "servings": 1, "ingredients": []}]}, "needs ingredients"),
        ({"recipes": [{"name": "A", "servings": 1, "ingredients": [{"ndb": "1145", "grams": 5}]}]}, "5-digit"),
        ({"recipes": [{"name": "A", "servings": 1, "ingredients": [{"ndb": "11458", "grams": -5}]}]}, "grams"),
        (
            {"recipes": [{"name": "A", "servings": 1, "ingredients": [{"ndb": "11458", "portion": "1 cup"}]}]},
            "quantity",
        ),
        (
            {
                "recipes": [
                    {"name": "A", "servings": 1, "ingredients": [{"ndb": "11458", "grams": 5}]},
                    {"name": "A", "servings": 1, "ingredients": [{"ndb": "11458", "grams": 5}]},
                ]
            },
            "appears twice",
        ),
    ],
)
def test_a_malformed_file_is_refused_with_the_recipes_number(data, problem):
    with pytest.raises(CuratedFileError) as error:
        parse_curated(data)
    assert problem in str(error.value)
