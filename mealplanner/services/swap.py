"""Swap (issue 17): replace one plan entry by an alternative that keeps its day in its bands (writes).

The alternative comes from selectors.swap.swap_offer, which only offers what suits the person (diet,
allergies, dislikes, choking hazards, caps) and keeps the day in its magnesium and energy bands. A dish goes
in as a recipe entry (servings, with its ingredients kept), a food as a food entry in its usual portion (or
by weight when it has none), an own food as own foods are added; the day, meal, status and pin stay.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from foods.models import Food, Portion
from mealplanner.generator.swap import SwapChoice
from mealplanner.models import PlanEntry
from mealplanner.selectors.meal_candidates import is_own_food_ref
from mealplanner.services.plans import plan_entry_add
from mealplanner.services.recipe_entries import plan_own_food_add, plan_recipe_add
from recipes.models import OwnFood, Recipe

GONE = "That alternative is no longer there (perhaps deleted in another tab): choose another."


def _thing(choice: SwapChoice) -> Recipe | OwnFood | Food:
    """The chosen recipe, own food or food; ValueError when it is gone."""
    thing: Recipe | OwnFood | Food | None
    if choice.kind == "dish":
        thing = Recipe.objects.filter(pk=choice.ref).first()
    elif is_own_food_ref(choice.ref):
        thing = OwnFood.objects.filter(pk=-choice.ref).first()
    else:
        thing = Food.objects.filter(pk=choice.ref).first()
    if thing is None:
        raise ValueError(GONE)
    return thing


@transaction.atomic
def plan_entry_swap(*, entry: PlanEntry, choice: SwapChoice, portion_id: int | None = None) -> PlanEntry:
    """Replace `entry` by `choice` (`portion_id`: the food's usual portion, None to plan it by weight).
    Raises ValueError, changing nothing, when the chosen dish or food is gone."""
    plan, day, meal, status, pinned = entry.plan, entry.day, entry.meal, entry.status, entry.pinned
    thing = _thing(choice)
    # Removed first, so a meal at its limit of entries has room for the one that replaces it (a queryset
    # delete: the entry object keeps its id should anything below roll the change back).
    PlanEntry.objects.filter(pk=entry.pk).delete()
    servings = Decimal(choice.halves) / 2
    if isinstance(thing, Recipe):
        new = plan_recipe_add(plan=plan, day=day, meal=meal, recipe=thing, servings=servings)
    elif isinstance(thing, OwnFood):
        new = plan_own_food_add(plan=plan, day=day, meal=meal, own_food=thing, servings=servings)
    else:
        portion = Portion.objects.filter(food=thing, pk=portion_id).first() if portion_id is not None else None
        quantity = servings if portion is not None else Decimal(str(round(choice.grams, 1)))
        new = plan_entry_add(plan=plan, day=day, meal=meal, food=thing, portion=portion, quantity=quantity)
    if (new.status, new.pinned) != (status, pinned):
        new.status, new.pinned = status, pinned
        new.save(update_fields=["status", "pinned"])
    return new
