"""The shipped foods (fixtures/foods.json) and curated recipes (fixtures/recipes.json) as the meal planner's
inputs, read straight from the files (plain Python, no database): for the benchmark and the tests.

A recipe's figures per serving and its diet facts come from recipes.per_serving, as the recipes pages show
them; a dish is a choking hazard under 4 when one of its ingredients is (the curated fact).
"""

from __future__ import annotations

import json
from pathlib import Path

from foods.portions import default_portion
from mealplanner.generator.patterns import MEALS, NUTRIENTS, Dish, SideFood, caffeine_or_zero
from recipes.curated import read_curated
from recipes.per_serving import Ingredient, diet_facts, grams_per_serving, per_serving

ROOT = Path(__file__).resolve().parent.parent.parent
DIET_FIELDS = (
    "vegan",
    "vegetarian",
    "contains_nuts",
    "contains_peanuts",
    "contains_dairy",
    "contains_gluten",
    "contains_fish",
    "contains_shellfish",
    "contains_soy",
    "contains_egg",
)


class _Portion:
    def __init__(self, pk, seq, label, grams, is_default):
        self.pk, self.seq, self.label, self.grams, self.is_default = pk, seq, label, grams, is_default


def _rows(path: Path):
    rows = json.loads(path.read_text())
    foods = {r["pk"]: r["fields"] for r in rows if r["model"] == "foods.food"}
    portions: dict[int, list[_Portion]] = {}
    for r in rows:
        if r["model"] == "foods.portion":
            f = r["fields"]
            portions.setdefault(f["food"], []).append(
                _Portion(r["pk"], f.get("seq", 1), f["label"], float(f["grams"]), bool(f.get("is_default")))
            )
    return foods, portions


def shipped_foods(path: Path = ROOT / "fixtures" / "foods.json") -> list[SideFood]:
    foods, portions = _rows(path)
    out = []
    for pk, f in sorted(foods.items()):
        portion = default_portion(portions.get(pk, []), f["food_group"])
        grams = portion.grams if portion is not None else 100.0
        out.append(
            SideFood(
                food_id=pk,
                name=f["name"],
                food_group=f["food_group"],
                meals=frozenset(m for m in MEALS if f.get(f"suits_{m}")),
                per_100g={n: f.get(n) for n in NUTRIENTS},
                diet={k: f.get(k) for k in DIET_FIELDS},
                portion_grams=grams,
                portion_label=portion.label if portion is not None else "",
                portion_id=portion.pk if portion is not None else None,
                choking_hazard=bool(f.get("choking_hazard_under_4")),
            )
        )
    return out


def shipped_dishes(
    recipes_path: Path = ROOT / "fixtures" / "recipes.json", foods_path: Path = ROOT / "fixtures" / "foods.json"
) -> list[Dish]:
    foods, portions = _rows(foods_path)
    by_ndb = {f["ndb_number"]: pk for pk, f in foods.items() if f.get("ndb_number")}
    out = []
    for number, recipe in enumerate(read_curated(recipes_path), start=1):
        parts, grams_of = [], []
        for item in recipe.ingredients:
            pk = by_ndb[item.ndb]
            grams = item.grams
            if grams is None:
                grams = next(p.grams for p in portions.get(pk, []) if p.label == item.portion) * item.quantity
            f = foods[pk]
            values = {n: f.get(n) for n in NUTRIENTS}
            values["caffeine_mg"] = caffeine_or_zero(f.get("caffeine_mg"), name=f["name"], food_group=f["food_group"])
            parts.append(Ingredient(grams, values, {k: f.get(k) for k in DIET_FIELDS}))
            grams_of.append((pk, grams / recipe.servings, bool(f.get("choking_hazard_under_4"))))
        figures = per_serving(parts, recipe.servings, NUTRIENTS)
        out.append(
            Dish(
                dish_id=number,
                name=recipe.name,
                meals=frozenset(recipe.meals),
                per_serving={n: a.value for n, a in figures.items()},
                diet=diet_facts(parts, DIET_FIELDS),
                grams_per_serving=grams_per_serving(parts, recipe.servings),
                ingredient_grams=tuple((pk, g) for pk, g, _h in grams_of),
                choking_hazard=any(h for _pk, _g, h in grams_of),
                partial=frozenset(n for n, a in figures.items() if a.at_least),
            )
        )
    return out
