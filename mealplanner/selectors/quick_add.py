"""Quick add (issue 16): the foods and recipes a person plans often and lately, one click each, and the
recipes they may add to a meal.

"Favourites" are what the person starred (recipes.Favourite), newest first: a food in the portion a person
would use (foods.portions), a recipe or own food in one serving. "Often" is what the person's plans hold most
(planned at least twice); "Lately" the newest of the rest. Both come from the person's latest entries, read in
one query, and leave out the favourites already offered.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import cast

from foods.models import Portion
from foods.portions import default_portion
from mealplanner.entry_amounts import is_recipe_entry, load_ingredients
from mealplanner.forms.entries import GRAMS
from mealplanner.models import PlanEntry
from recipes.favourites import favourites
from recipes.models import Recipe
from recipes.selectors import visible_own_foods, visible_recipes

RECENT_ENTRIES = 300  # how far back the picks look: a few weeks of a full plan
PICKS = 6


@dataclass(frozen=True)
class Pick:
    """One click's worth: a food with the amount last planned, or a recipe with the servings last planned."""

    kind: str  # "food", "recipe" or "own" (an own food, in its label's servings)
    pk: int
    name: str
    quantity: float
    portion: str = GRAMS  # a portion id, or "g" (grams): what entry_add_food takes
    label: str = ""  # "1 × 1 cup (30 g)", "2 servings"

    @property
    def key(self) -> tuple[str, int]:
        return self.kind, self.pk


@dataclass
class QuickPicks:
    often: list[Pick]
    lately: list[Pick]
    favourites: list[Pick] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.often and not self.lately and not self.favourites


def _servings(qty: float) -> str:
    return f"{qty:g} serving" + ("" if qty == 1 else "s")


def _pick(entry: PlanEntry) -> Pick | None:
    qty = float(entry.quantity)
    # The related rows were loaded with the entries (select_related, load_ingredients): no query here.
    recipe, food, portion = entry.recipe, entry.food, entry.portion
    if recipe is not None:
        return Pick("recipe", recipe.pk, recipe.name, qty, label=_servings(qty))
    if is_recipe_entry(entry):  # an own food (one kept own-food ingredient), or a dish whose recipe is gone
        rows = list(entry.ingredients.all())
        own_food = rows[0].own_food if len(rows) == 1 else None
        if own_food is not None:
            return Pick("own", own_food.pk, own_food.name, qty, label=_servings(qty))
        return None
    if food is None:
        return None
    if portion is not None:
        return Pick("food", food.pk, food.name, qty, str(portion.pk), f"{qty:g} × {portion.label}")
    # Grams, or a portion deleted since: the grams as planned.
    grams = float(entry.grams) if entry.grams is not None else qty
    return Pick("food", food.pk, food.name, round(grams, 2), GRAMS, f"{grams:g} g")


def favourite_picks(user) -> list[Pick]:
    """What `user` starred, one click each: a food in its usual portion (grams when it has none), a recipe or
    an own food in one serving. Two queries: the favourites, then the portions of the foods among them."""
    starred = favourites(user)
    by_food: dict[int, list[Portion]] = {}
    food_ids = [f.food_id for f in starred if f.food_id is not None]
    if food_ids:
        for row in Portion.objects.filter(food_id__in=food_ids).order_by("food_id", "seq", "id"):
            by_food.setdefault(row.food_id, []).append(row)
    picks = []
    for favourite in starred:
        recipe, own_food, food = favourite.recipe, favourite.own_food, favourite.food
        if recipe is not None:
            picks.append(Pick("recipe", recipe.pk, recipe.name, 1.0, label=_servings(1)))
        elif own_food is not None:
            picks.append(Pick("own", own_food.pk, own_food.name, 1.0, label=_servings(1)))
        elif food is not None:
            # default_portion picks one of the food's own portions (or None when it has none).
            portion = cast(Portion | None, default_portion(by_food.get(food.pk, []), food.food_group))
            if portion is None:
                picks.append(Pick("food", food.pk, food.name, 100.0, GRAMS, "100 g"))
            else:
                picks.append(Pick("food", food.pk, food.name, 1.0, str(portion.pk), f"1 × {portion.label}"))
    return picks[: PICKS * 2]


def quick_picks(profile, *, user) -> QuickPicks:
    """The person's favourites, and often and lately planned foods and recipes (recipes and own foods only while
    `user` may still see them)."""
    planned = PlanEntry.objects.filter(plan__profile=profile, supplement__isnull=True)
    entries = load_ingredients(
        planned.select_related("food", "portion", "recipe").order_by("-created", "-id")[:RECENT_ENTRIES]
    )
    latest: dict[tuple[str, int], Pick] = {}  # each food or recipe as last planned, newest first
    counts: Counter = Counter()
    for entry in entries:
        pick = _pick(entry)
        if pick is None:
            continue
        counts[pick.key] += 1
        latest.setdefault(pick.key, pick)
    recipe_ids = [pk for kind, pk in latest if kind == "recipe"]
    own_ids = [pk for kind, pk in latest if kind == "own"]
    seen = {
        ("recipe", pk)
        for pk in (visible_recipes(user).filter(pk__in=recipe_ids).values_list("pk", flat=True) if recipe_ids else ())
    }
    seen |= {
        ("own", pk)
        for pk in (visible_own_foods(user).filter(pk__in=own_ids).values_list("pk", flat=True) if own_ids else ())
    }
    starred = favourite_picks(user)
    shown = {p.key for p in starred}
    usable = [pick for pick in latest.values() if (pick.kind == "food" or pick.key in seen) and pick.key not in shown]
    often = sorted((p for p in usable if counts[p.key] >= 2), key=lambda p: -counts[p.key])[:PICKS]
    shown |= {p.key for p in often}
    lately = [p for p in usable if p.key not in shown][:PICKS]
    return QuickPicks(often=often, lately=lately, favourites=starred)


def recipes_to_add(user) -> dict[str, list[Recipe]]:
    """The recipes `user` may add, by whose they are: "Your recipes", "Shared by your dietitian", "Everyone's"."""
    groups: dict[str, list[Recipe]] = {"Your recipes": [], "Shared by your dietitian": [], "Everyone's": []}
    for recipe in visible_recipes(user).order_by("name", "id"):
        if recipe.owner_id == user.pk:
            groups["Your recipes"].append(recipe)
        elif recipe.visibility == Recipe.CLIENTS:
            groups["Shared by your dietitian"].append(recipe)
        else:
            groups["Everyone's"].append(recipe)
    return {name: recipes for name, recipes in groups.items() if recipes}
