"""An entry's grams and portion name: the one place that says how much food an entry is (issue 14).

An entry stores what was planned when it was added or changed (PlanEntry.grams, .portion_label), so a later
edit or deletion of the food's portions in the admin never changes a plan or a past eaten day. Everything
that shows or sums an entry's amount reads it through these helpers: totals, exports, print, shopping.

Rows written outside the services (old test builders) may lack the stored grams: they fall back to the
portion as it is now, which is what every entry did before the stored amount existed.
"""

from __future__ import annotations

from django.db.models import Case, F, FloatField, When
from django.db.models.functions import Cast, Coalesce


def planned_amount(quantity, portion) -> dict:
    """The values to store on a food entry for `quantity` of `portion` (grams when portion is None)."""
    return {
        "grams": float(quantity) * (portion.grams if portion is not None else 1.0),
        "portion_label": portion.label if portion is not None else "",
    }


def entry_grams(entry) -> float:
    """Grams of food the entry plans (0 for a supplement)."""
    if entry.food_id is None:
        return 0.0
    if entry.grams is not None:
        return float(entry.grams)
    return float(entry.quantity) * (entry.portion.grams if entry.portion_id else 1.0)


def entry_portion_label(entry) -> str:
    """The portion's name as planned ("1 cup"), or "" for an amount in grams or a supplement."""
    if entry.food_id is None:
        return ""
    if entry.grams is not None:
        return entry.portion_label
    return entry.portion.label if entry.portion_id else ""


def entry_grams_sql(prefix: str = ""):
    """The same as entry_grams, as a database expression (a supplement's gives its units, which only ever
    multiply its NULL food values); `prefix` reaches the entry through a relation (e.g. "entries__")."""
    quantity = Cast(F(f"{prefix}quantity"), FloatField())
    legacy = Case(
        When(**{f"{prefix}portion__isnull": False}, then=quantity * F(f"{prefix}portion__grams")),
        default=quantity,
        output_field=FloatField(),
    )
    return Coalesce(F(f"{prefix}grams"), legacy, output_field=FloatField())


def is_recipe_entry(entry) -> bool:
    return bool(entry.recipe_name) and entry.food_id is None and entry.supplement_id is None


def entry_foods(entry) -> list[tuple[object, float]]:
    """The foods an entry plans, as (Food or OwnFood, grams) pairs: the one expansion that totals, findings,
    the generator's room, print, downloads and the shopping list share, so their figures agree (issue 16).

    A food entry is its food and grams; a recipe entry is its kept ingredients (grams per serving) times its
    servings; a supplement is no food. A recipe entry reads `entry.ingredients.all()`, so callers that read many
    entries prefetch them (with their food and own food) once."""
    if entry.food_id is not None:
        return [(entry.food, entry_grams(entry))]
    if is_recipe_entry(entry):
        servings = float(entry.quantity)
        return [
            (row.food if row.food_id is not None else row.own_food, row.grams * servings)
            for row in entry.ingredients.all()
        ]
    return []


def load_ingredients(entries) -> list:
    """The entries as a list, each recipe entry's kept ingredients (with their foods) loaded in one query;
    no query at all when no entry is a recipe, so a plan of foods costs what it did."""
    from django.db.models import Prefetch, prefetch_related_objects

    from mealplanner.models import PlanEntryIngredient

    entries = list(entries)
    recipes = [entry for entry in entries if is_recipe_entry(entry)]
    if recipes:
        prefetch_related_objects(
            recipes, Prefetch("ingredients", queryset=PlanEntryIngredient.objects.select_related("food", "own_food"))
        )
    return entries
