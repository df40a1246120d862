"""Writes for recipes and own foods. Keyword-only, each in one transaction."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from foods.models import DIET_FIELDS, NUTRIENT_FIELDS, Food, Portion
from recipes.curated import CuratedFileError
from recipes.models import Favourite, OwnFood, Recipe, RecipeIngredient
from recipes.per_serving import per_100g_from_serving

MAX_INGREDIENT_GRAMS = 20_000  # a big pot for many servings; more is a typo
MAX_INGREDIENTS = 100
RECIPE_FIELDS = (
    "name",
    "servings",
    "steps",
    "suits_breakfast",
    "suits_lunch",
    "suits_dinner",
    "suits_snack",
    "visibility",
)


class RecipeError(ValueError):
    """A change that cannot be made; the message is shown to the person."""


def allowed_visibility(user) -> list[str]:
    """Sharing with clients is for dietitians; publishing for everyone is for admins."""
    allowed = [Recipe.PRIVATE]
    if user.is_dietitian:
        allowed.append(Recipe.CLIENTS)
    if user.is_staff:
        allowed.append(Recipe.PUBLIC)
    return allowed


def _check_visibility(owner, visibility: str) -> None:
    if visibility not in allowed_visibility(owner):
        raise RecipeError("You cannot share a recipe that way.")


@transaction.atomic
def recipe_create(*, owner, data: dict, source_url: str = "") -> Recipe:
    data = {k: v for k, v in data.items() if k in RECIPE_FIELDS}
    _check_visibility(owner, data.get("visibility", Recipe.PRIVATE))
    return Recipe.objects.create(owner=owner, source_url=source_url, **data)


@transaction.atomic
def recipe_update(*, recipe: Recipe, data: dict) -> Recipe:
    data = {k: v for k, v in data.items() if k in RECIPE_FIELDS}
    _check_visibility(recipe.owner, data.get("visibility", recipe.visibility))
    for name, value in data.items():
        setattr(recipe, name, value)
    recipe.save(update_fields=[*data, "updated"])
    _plans_follow(recipe)
    return recipe


def _plans_follow(recipe: Recipe) -> None:
    """Plans from today on follow the recipe as it now is; past days and eaten entries keep theirs (issue 16)."""
    from mealplanner.services.recipe_entries import recipe_entries_refresh

    recipe_entries_refresh(recipe=recipe)


@transaction.atomic
def recipe_plans_follow(*, recipe: Recipe) -> None:
    """After a recipe was changed outside these services (the Django admin): plans from today on follow it."""
    _plans_follow(recipe)


@transaction.atomic
def recipe_delete(*, recipe: Recipe) -> None:
    recipe.delete()


@dataclass(frozen=True)
class NewIngredient:
    """One ingredient to add: a shared food or an own food, `quantity` portions (or grams without one)."""

    food: Food | None = None
    own_food: OwnFood | None = None
    portion: Portion | None = None
    quantity: float = 0.0
    grams: float | None = None  # given outright (a pasted line's conversion); else from the portion
    line: str = ""


def _grams(new: NewIngredient) -> float:
    if (new.food is None) == (new.own_food is None):
        raise RecipeError("Choose one food.")
    if new.portion is not None and (new.food is None or new.portion.food_id != new.food.pk):
        raise RecipeError("That portion is not one of this food's.")
    if new.grams is not None:
        grams = new.grams
    elif new.portion is not None:
        grams = new.quantity * new.portion.grams
    else:
        grams = new.quantity
    if not (new.quantity > 0 and 0 < grams <= MAX_INGREDIENT_GRAMS):
        raise RecipeError(f"The amount must be more than 0 and at most {MAX_INGREDIENT_GRAMS:,} g.")
    return grams


@transaction.atomic
def ingredients_add(*, recipe: Recipe, ingredients: list[NewIngredient]) -> list[RecipeIngredient]:
    """Add them all or none."""
    recipe = Recipe.objects.select_for_update().get(pk=recipe.pk)
    count = recipe.ingredients.count()
    if count + len(ingredients) > MAX_INGREDIENTS:
        raise RecipeError(f"A recipe holds at most {MAX_INGREDIENTS} ingredients.")
    position = (recipe.ingredients.aggregate(last=Max("position"))["last"] or 0) + 1
    rows = []
    for offset, new in enumerate(ingredients):
        grams = _grams(new)
        rows.append(
            RecipeIngredient(
                recipe=recipe,
                food=new.food,
                own_food=new.own_food,
                portion=new.portion,
                quantity=new.quantity if new.portion is not None else grams,
                grams=grams,
                position=position + offset,
                line=new.line[:300],
            )
        )
    RecipeIngredient.objects.bulk_create(rows)
    Recipe.objects.filter(pk=recipe.pk).update(updated=timezone.now())
    _plans_follow(recipe)
    return rows


@transaction.atomic
def ingredient_remove(*, ingredient: RecipeIngredient) -> None:
    recipe = ingredient.recipe
    ingredient.delete()
    _plans_follow(recipe)


# ------------------------------------------------------------------------------------------ own foods

PER_100G, PER_SERVING = "100g", "serving"


def _own_food_values(data: dict, basis: str) -> dict:
    values = {
        k: v
        for k, v in data.items()
        if k in (*NUTRIENT_FIELDS, *DIET_FIELDS, "name", "serving_label", "serving_grams", "shared_with_clients")
    }
    if basis == PER_SERVING:
        grams = data.get("serving_grams")
        if not grams or grams <= 0:
            raise RecipeError("Give the serving's weight in grams to enter values per serving.")
        for name in NUTRIENT_FIELDS:
            values[name] = per_100g_from_serving(data.get(name), grams)
    elif basis != PER_100G:
        raise RecipeError("Say whether the values are per 100 g or per serving.")
    return values


def _check_sharing(owner, values: dict) -> None:
    if values.get("shared_with_clients") and not owner.is_dietitian:
        raise RecipeError("Only a dietitian can share foods with clients.")


@transaction.atomic
def own_food_create(*, owner, data: dict, basis: str) -> OwnFood:
    values = _own_food_values(data, basis)
    _check_sharing(owner, values)
    return OwnFood.objects.create(owner=owner, **values)


@transaction.atomic
def own_food_update(*, own_food: OwnFood, data: dict, basis: str) -> OwnFood:
    values = _own_food_values(data, basis)
    _check_sharing(own_food.owner, values)
    for name, value in values.items():
        setattr(own_food, name, value)
    own_food.save()
    return own_food


@transaction.atomic
def own_food_delete(*, own_food: OwnFood) -> None:
    used = RecipeIngredient.objects.filter(own_food=own_food).count()
    if used:
        raise RecipeError(f"{own_food.name} is in {used} recipe ingredient(s); take it out of them first.")
    from mealplanner.models import PlanEntryIngredient

    # A dish planned or eaten keeps its foods: deleting one would change what a past day counted.
    if PlanEntryIngredient.objects.filter(own_food=own_food).exists():
        raise RecipeError(f"{own_food.name} is in a dish in your plans; it stays so their figures do not change.")
    own_food.delete()


@transaction.atomic
def own_food_promote(*, own_food: OwnFood) -> Food:
    """Copy an own food into the shared food table (an admin's choice): a hand-added food (no NDB number),
    marked as edited by an admin so imports never overwrite it, with the label's serving as its portion."""
    food = Food.objects.create(
        name=own_food.name[:200],
        food_group="Added by hand",
        ndb_number=None,
        edited_by_admin=True,
        **{name: getattr(own_food, name) for name in (*NUTRIENT_FIELDS, *DIET_FIELDS)},
    )
    if own_food.serving_grams:
        Portion.objects.create(
            food=food, seq=1, label=(own_food.serving_label or "1 serving")[:120], grams=own_food.serving_grams
        )
    own_food.promoted_to = food
    own_food.save(update_fields=["promoted_to"])
    return food


# ------------------------------------------------------------------------------------------ curated recipes

CURATED_OWNER = "curated-recipes"


def curated_owner():
    """The account the curated recipes belong to: it cannot log in (inactive, no usable password)."""
    user, created = get_user_model().objects.get_or_create(username=CURATED_OWNER, defaults={"is_active": False})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def curated_recipes_load(*, recipes: list) -> tuple[int, int]:
    """Add the curated recipes (recipes.curated.CuratedRecipe) as public recipes, each once: a recipe whose
    name the curated account already has is skipped, never changed. All or nothing: an NDB number or a
    portion label missing from the food table raises RecipeError naming every one. Returns (added, skipped)."""
    owner = curated_owner()
    existing = set(Recipe.objects.filter(owner=owner).values_list("name", flat=True))
    ndbs = {i.ndb for r in recipes for i in r.ingredients}
    foods = {f.ndb_number: f for f in Food.objects.filter(ndb_number__in=ndbs)}
    portions = {
        (p.food.ndb_number, p.label): p
        for p in Portion.objects.filter(food__ndb_number__in=ndbs).select_related("food")
    }
    problems, added = [], 0
    for number, curated in enumerate(recipes, start=1):
        if curated.name in existing:
            continue
        rows = []
        for n, item in enumerate(curated.ingredients, start=1):
            food = foods.get(item.ndb)
            portion = portions.get((item.ndb, item.portion)) if item.portion else None
            if food is None:
                problems.append(f"recipe {number}, ingredient {n}: no food with NDB number {item.ndb}")
            elif item.portion and portion is None:
                problems.append(f"recipe {number}, ingredient {n}: {food.name} has no portion {item.portion!r}")
            else:
                if item.grams is not None:
                    grams = item.grams
                elif portion is not None:
                    grams = item.quantity * portion.grams
                else:
                    problems.append(f"recipe {number}, ingredient {n}: {food.name} has neither grams nor a portion")
                    continue
                rows.append(
                    RecipeIngredient(food=food, portion=portion, quantity=item.quantity, grams=grams, position=n)
                )
        if problems:
            continue
        recipe = Recipe.objects.create(
            owner=owner,
            name=curated.name,
            servings=curated.servings,
            steps=curated.steps,
            visibility=Recipe.PUBLIC,
            **{f"suits_{m}": True for m in curated.meals},
        )
        for row in rows:
            row.recipe = recipe
        RecipeIngredient.objects.bulk_create(rows)
        added += 1
    if problems:
        raise CuratedFileError(problems)
    return added, len(recipes) - added


@transaction.atomic
def favourite_set(*, user, item: Food | OwnFood | Recipe, on: bool) -> bool:
    """Star (`on`) or unstar an item for `user`; the same request twice changes nothing more. The caller
    checks the person may see it. Returns whether it is now a favourite."""
    # The two other items are None: looked up as "is null", which is what the row holds.
    food = item if isinstance(item, Food) else None
    own_food = item if isinstance(item, OwnFood) else None
    recipe = item if isinstance(item, Recipe) else None
    if on:
        Favourite.objects.get_or_create(user=user, food=food, own_food=own_food, recipe=recipe)
    else:
        Favourite.objects.filter(user=user, food=food, own_food=own_food, recipe=recipe).delete()
    return on
