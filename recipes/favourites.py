"""Reads for favourites (issue 16): what a person starred, and the keys the add box and recipe page mark."""

from django.db.models import Q

from foods.models import Food
from recipes.models import Favourite, OwnFood, Recipe
from recipes.selectors import visible_own_foods, visible_recipes


def item_key(item: Food | OwnFood | Recipe) -> str:
    """The key item_from_key reads back: "food:<id>", "own:<id>" or "recipe:<id>"."""
    return f"{'food' if isinstance(item, Food) else 'own' if isinstance(item, OwnFood) else 'recipe'}:{item.pk}"


def favourite_keys(user) -> set[str]:
    """The keys ("food:<id>", "own:<id>", "recipe:<id>") of what `user` starred, in one query."""
    if not user.is_authenticated:
        return set()
    keys = set()
    for food_id, own_id, recipe_id in Favourite.objects.filter(user=user).values_list(
        "food_id", "own_food_id", "recipe_id"
    ):
        keys.add(f"food:{food_id}" if food_id else f"own:{own_id}" if own_id else f"recipe:{recipe_id}")
    return keys


def favourites(user) -> list[Favourite]:
    """What `user` starred, newest first, each with its item loaded; an own food or recipe only while the
    person may still see it (a dietitian may stop sharing)."""
    seen = (
        Q(food__isnull=False)
        | Q(own_food__in=visible_own_foods(user).values("pk"))
        | Q(recipe__in=visible_recipes(user).values("pk"))
    )
    return list(Favourite.objects.filter(seen, user=user).select_related("food", "own_food", "recipe"))
