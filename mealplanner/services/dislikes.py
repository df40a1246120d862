"""Foods and dishes a person won't eat (issue 17): marked from a plan entry, unmarked from the list.

The generator never plans them (selectors.meal_candidates leaves them out); entries already in a plan stay
where they are, for the person to remove or swap.
"""

from __future__ import annotations

from django.db import transaction

from foods.models import Food
from mealplanner.models import PlanEntry, Profile
from recipes.models import Recipe

FOOD, DISH = "food", "dish"


def dislike_target(entry: PlanEntry) -> tuple[str, int] | None:
    """What "won't eat" would mark for this entry: its food, or its recipe; None for a supplement, an own food
    (the person's own to delete) or a dish whose recipe is gone."""
    if entry.food_id is not None:
        return FOOD, entry.food_id
    if entry.recipe_id is not None:
        return DISH, entry.recipe_id
    return None


@transaction.atomic
def profile_dislike_entry(*, profile: Profile, entry: PlanEntry) -> str:
    """Mark the entry's food or dish as one the person won't eat; returns its name. The entry must be in one
    of the profile's plans."""
    if entry.plan.profile_id != profile.pk:
        raise ValueError("That entry is not in this person's plans.")
    target = dislike_target(entry)
    if target is None:
        raise ValueError("Only a food or a recipe can be marked as one the person won't eat.")
    kind, pk = target
    if kind == FOOD:
        profile.disliked_foods.add(pk)
        return entry.food.name if entry.food else Food.objects.get(pk=pk).name
    profile.disliked_recipes.add(pk)
    return entry.recipe_name or Recipe.objects.get(pk=pk).name


@transaction.atomic
def profile_dislike_remove(*, profile: Profile, kind: str, pk: int) -> bool:
    """The person will eat it again: the generator may plan it. Returns whether it was marked."""
    if kind not in (FOOD, DISH):
        raise ValueError(f"Unknown kind {kind!r}.")
    related = profile.disliked_foods if kind == FOOD else profile.disliked_recipes
    marked = related.filter(pk=pk).exists()
    related.remove(pk)
    return marked
