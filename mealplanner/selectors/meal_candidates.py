"""The dishes and foods a person's generated meals may use (issue 17), as the meal planner's plain values.

- Dishes: the recipes the person may see (public/curated, their own, the ones their dietitian shares with
  clients; recipes.selectors' rule), per serving, from their ingredients (recipes.per_serving, as the recipe
  pages show them). A recipe without ingredients or without a meal it suits is left out.
- Foods: the shared foods that suit the diet and allergies and some meal, at their usual portion (the curated
  default, foods.portions.default_portion); and the person's own foods (theirs and their dietitian's shared
  ones) at their label's serving, offered as snacks.
- Dislikes: foods and dishes the person won't eat are left out, and so is a dish holding a disliked food.

An own food's id is stored NEGATED in `SideFood.food_id` and in a dish's `ingredient_grams`, so shared foods and
own foods never share an id in the planner (`own_food_ref`, `is_own_food_ref`). Plain ORM, a fixed number of
queries whatever the number of recipes and foods.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from foods.choking import named_like_hazard
from foods.diet import ALLERGENS, allowed_filter
from foods.models import DIET_FIELDS, MEAL_FIELDS, MEALS, Food, Portion
from foods.portions import default_portion
from mealplanner.generator.patterns import NUTRIENTS, Dish, Person, SideFood, caffeine_or_zero
from mealplanner.models import Profile
from mealplanner.services.recipe_entries import own_food_serving
from recipes.models import OwnFood, Recipe, RecipeIngredient
from recipes.per_serving import Ingredient, diet_facts, grams_per_serving, per_serving
from recipes.selectors import visible_to_profile


def own_food_ref(own_food_id: int) -> int:
    return -own_food_id


def is_own_food_ref(ref: int) -> bool:
    return ref < 0


@dataclass(frozen=True)
class _PortionRow:
    pk: int
    seq: int
    label: str
    grams: float
    is_default: bool


def person_of(
    profile: Profile, *, disliked_foods: frozenset[int] | None = None, disliked_dishes: frozenset[int] | None = None
) -> Person:
    """The profile as the meal patterns see it: diet, known allergies, dislikes."""
    diet = profile.diet if profile.diet in ("none", "vegetarian", "vegan") else "none"
    allergies = tuple(a for a in (profile.allergies or []) if a in ALLERGENS)
    if disliked_foods is None:
        disliked_foods = frozenset(profile.disliked_foods.values_list("pk", flat=True))
    if disliked_dishes is None:
        disliked_dishes = frozenset(profile.disliked_recipes.values_list("pk", flat=True))
    return Person(diet=diet, allergies=allergies, disliked_foods=disliked_foods, disliked_dishes=disliked_dishes)


def _dishes(recipes: QuerySet[Recipe], disliked_foods: frozenset[int], disliked: frozenset[int]) -> list[Dish]:
    rows = list(recipes.exclude(pk__in=disliked).order_by("pk").values("pk", "name", "servings", *MEAL_FIELDS))
    ingredients: dict[int, list[RecipeIngredient]] = {}
    for row in (
        RecipeIngredient.objects.filter(recipe_id__in=[r["pk"] for r in rows])
        .select_related("food", "own_food")
        .order_by("recipe_id", "position", "id")
    ):
        ingredients.setdefault(row.recipe_id, []).append(row)
    out = []
    for row in rows:
        meals = frozenset(m for m in MEALS if row[f"suits_{m}"])
        items = ingredients.get(row["pk"], [])
        if not meals or not items:
            continue
        parts, grams_of, hazard = [], [], False
        for item in items:
            thing: Food | OwnFood
            if item.food is not None:
                thing, group, ref = item.food, item.food.food_group, item.food.pk
                # The curated fact for shared foods; an own food is named like a hazard or not (patterns' rule).
                hazard |= item.food.choking_hazard_under_4
            elif item.own_food is not None:
                thing, group, ref = item.own_food, "", own_food_ref(item.own_food.pk)
                hazard |= named_like_hazard(thing.name)
            else:  # the database holds every ingredient to a food or an own food
                continue
            values = {n: getattr(thing, n) for n in NUTRIENTS}
            values["caffeine_mg"] = caffeine_or_zero(values["caffeine_mg"], name=thing.name, food_group=group)
            parts.append(Ingredient(item.grams, values, {f: getattr(thing, f) for f in DIET_FIELDS}))
            grams_of.append((ref, item.grams / row["servings"]))
        if any(ref in disliked_foods for ref, _g in grams_of):
            continue
        figures = per_serving(parts, row["servings"], NUTRIENTS)
        out.append(
            Dish(
                dish_id=row["pk"],
                name=row["name"],
                meals=meals,
                per_serving={n: a.value for n, a in figures.items()},
                diet=diet_facts(parts, DIET_FIELDS),
                grams_per_serving=grams_per_serving(parts, row["servings"]),
                ingredient_grams=tuple(grams_of),
                choking_hazard=hazard,
                partial=frozenset(n for n, a in figures.items() if a.at_least),
            )
        )
    return out


def _shared_foods(person: Person) -> list[SideFood]:
    any_meal = Q()
    for field in MEAL_FIELDS:
        any_meal |= Q(**{field: True})
    foods = (
        Food.objects.filter(**allowed_filter(diet=person.diet, allergies=person.allergies))
        .filter(any_meal, energy_kcal__gt=0)
        .exclude(pk__in=person.disliked_foods)
    )
    rows = list(
        foods.order_by("pk").values(
            "pk", "name", "food_group", "choking_hazard_under_4", *NUTRIENTS, *DIET_FIELDS, *MEAL_FIELDS
        )
    )
    portions: dict[int, list[_PortionRow]] = {}
    for food_id, pk, seq, label, grams, is_default in (
        Portion.objects.filter(food__in=foods.values("pk"))
        .order_by("food_id", "seq", "pk")
        .values_list("food_id", "pk", "seq", "label", "grams", "is_default")
    ):
        portions.setdefault(food_id, []).append(_PortionRow(pk, seq, label, grams, is_default))
    out = []
    for row in rows:
        portion = default_portion(portions.get(row["pk"], []), row["food_group"])
        out.append(
            SideFood(
                food_id=row["pk"],
                name=row["name"],
                food_group=row["food_group"],
                meals=frozenset(m for m in MEALS if row[f"suits_{m}"]),
                per_100g={n: row[n] for n in NUTRIENTS},
                diet={f: row[f] for f in DIET_FIELDS},
                # Without any portion, a food is planned by weight: 100 g, SR28's own unit.
                portion_grams=portion.grams if portion is not None else 100.0,
                portion_label=portion.label if portion is not None else "",
                portion_id=portion.pk if portion is not None else None,
                choking_hazard=row["choking_hazard_under_4"],
            )
        )
    return out


def _own_foods(own: QuerySet[OwnFood]) -> list[SideFood]:
    """Own foods carry no food group or meals: the patterns offer them as snacks, at the label's serving."""
    out = []
    for food in own.order_by("pk"):
        grams, label = own_food_serving(food)
        out.append(
            SideFood(
                food_id=own_food_ref(food.pk),
                name=food.name,
                food_group="",
                meals=frozenset({"snack"}),
                per_100g={n: getattr(food, n) for n in NUTRIENTS},
                diet={f: getattr(food, f) for f in DIET_FIELDS},
                portion_grams=grams,
                portion_label=label,
            )
        )
    return out


def meal_candidates(*, profile: Profile) -> tuple[list[Dish], list[SideFood]]:
    """(dishes, foods) the person's generated meals may use, in a stable order (by id; own foods last).

    Diet and allergies filter shared foods here; a dish's diet facts are left to the patterns (they come
    from its ingredients). Dislikes are left out here and again by the patterns (Person)."""
    person = person_of(profile)
    recipes, own = visible_to_profile(profile)
    dishes = _dishes(recipes, person.disliked_foods, person.disliked_dishes)
    return dishes, _shared_foods(person) + _own_foods(own)
