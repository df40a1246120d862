"""Reads the recipe pages share: who sees which recipe and own food, a recipe's figures, food candidates.

- A person sees their own recipes and own foods, the recipes and own foods their dietitian shared with
  clients (read only), and public recipes (an admin's, read only). Nobody else's: a stranger's id is a 404.
- Only the owner changes a recipe or an own food.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from foods.models import DIET_FIELDS, NUTRIENT_FIELDS, Food, Portion
from foods.search_terms import singular
from foods.selectors import search_foods
from mealplanner.models import Profile
from recipes import per_serving
from recipes.ingredients import GramsMatch, ParsedLine, grams_for
from recipes.models import OwnFood, Recipe, RecipeIngredient

CANDIDATES = 3


def _dietitian_ids(user) -> QuerySet:
    """The person's dietitian, as a subquery: seeing what they shared costs no query of its own."""
    return Profile.objects.filter(user=user, dietitian__isnull=False).values("dietitian_id")


def _valid_id(value) -> int:
    try:
        value = int(value)
    except (TypeError, ValueError):
        raise Http404("No such item.") from None
    if not 0 < value < 2**63:  # beyond a 64-bit id the database would refuse it
        raise Http404("No such item.")
    return value


def visible_recipes(user) -> QuerySet[Recipe]:
    if not user.is_authenticated:
        return Recipe.objects.none()
    seen = Q(owner=user) | Q(visibility=Recipe.PUBLIC) | Q(owner_id__in=_dietitian_ids(user), visibility=Recipe.CLIENTS)
    return Recipe.objects.filter(seen)


def get_recipe_or_404(user, recipe_id, *, edit: bool = False) -> Recipe:
    recipe_id = _valid_id(recipe_id)
    recipes = Recipe.objects.filter(owner=user) if edit else visible_recipes(user)
    return get_object_or_404(recipes.select_related("owner"), pk=recipe_id)


def get_ingredient_or_404(recipe: Recipe, ingredient_id) -> RecipeIngredient:
    return get_object_or_404(RecipeIngredient.objects.filter(recipe=recipe), pk=_valid_id(ingredient_id))


def visible_own_foods(user) -> QuerySet[OwnFood]:
    if not user.is_authenticated:
        return OwnFood.objects.none()
    seen = Q(owner=user) | Q(owner_id__in=_dietitian_ids(user), shared_with_clients=True)
    return OwnFood.objects.filter(seen)


def visible_to_profile(profile: Profile) -> tuple[QuerySet[Recipe], QuerySet[OwnFood]]:
    """The recipes and own foods a profile's person may see. With a login, the rules above; a client without
    a login sees what any person does (public recipes) and what their dietitian shares with clients."""
    if profile.user_id is not None:
        return visible_recipes(profile.user), visible_own_foods(profile.user)
    recipes = Recipe.objects.filter(
        Q(visibility=Recipe.PUBLIC) | Q(owner_id=profile.dietitian_id, visibility=Recipe.CLIENTS)
    )
    return recipes, OwnFood.objects.filter(owner_id=profile.dietitian_id, shared_with_clients=True)


def get_own_food_or_404(user, own_food_id, *, edit: bool = False) -> OwnFood:
    foods = OwnFood.objects.filter(owner=user) if edit else visible_own_foods(user)
    return get_object_or_404(foods, pk=_valid_id(own_food_id))


@dataclass
class RecipeList:
    mine: list
    shared: list
    public: list


def recipe_list(user) -> RecipeList:
    mine, shared, public = [], [], []
    for recipe in visible_recipes(user).select_related("owner"):
        if recipe.owner_id == user.pk:
            mine.append(recipe)
        elif recipe.visibility == Recipe.CLIENTS:
            shared.append(recipe)
        else:
            public.append(recipe)
    return RecipeList(mine, shared, public)


# ------------------------------------------------------------------------------------------ figures


def _values(thing) -> tuple[dict, dict]:
    return (
        {name: getattr(thing, name) for name in NUTRIENT_FIELDS},
        {name: getattr(thing, name) for name in DIET_FIELDS},
    )


@dataclass(frozen=True)
class IngredientRow:
    """One ingredient as the recipe page lists it: the stored amount, its food (`item`: the shared food or the
    own food) and the magnesium in its grams (None when unknown)."""

    pk: int
    food: Food | None
    own_food: OwnFood | None
    portion: Portion | None
    quantity: float
    grams: float
    item: Food | OwnFood
    magnesium: float | None


@dataclass
class RecipeFigures:
    rows: list[IngredientRow]
    per_serving: dict  # nutrient field -> per_serving.Amount
    facts: dict  # diet field -> True / False / None
    grams_per_serving: float


def recipe_figures(recipe: Recipe) -> RecipeFigures:
    """The recipe's ingredients, nutrients per serving ("at least" where a value is unknown) and diet facts."""
    rows = []
    ingredients = []
    for row in recipe.ingredients.select_related("food", "own_food", "portion"):
        item = row.food if row.food is not None else row.own_food
        if item is None:  # the database holds every ingredient to a food or an own food
            continue
        nutrients, facts = _values(item)
        magnesium = None if nutrients["magnesium_mg"] is None else nutrients["magnesium_mg"] * row.grams / 100
        rows.append(
            IngredientRow(
                pk=row.pk,
                food=row.food,
                own_food=row.own_food,
                portion=row.portion,
                quantity=row.quantity,
                grams=row.grams,
                item=item,
                magnesium=magnesium,
            )
        )
        ingredients.append(per_serving.Ingredient(grams=row.grams, per_100g=nutrients, facts=facts))
    return RecipeFigures(
        rows=rows,
        per_serving=per_serving.per_serving(ingredients, recipe.servings, NUTRIENT_FIELDS),
        facts=per_serving.diet_facts(ingredients, DIET_FIELDS),
        grams_per_serving=per_serving.grams_per_serving(ingredients, recipe.servings),
    )


# ------------------------------------------------------------------------------------------ food choice


@dataclass
class FoodChoice:
    """A food a person may put in a recipe: `key` is "food:<id>" or "own:<id>"."""

    key: str
    name: str
    own: bool
    portions: list = field(default_factory=list)  # Portion rows (shared foods) or one (label, grams) pair
    magnesium_mg: float | None = None
    match: GramsMatch | None = None


def _own_food_choices(user, words: list[str], limit: int) -> list[FoodChoice]:
    if not words:
        return []
    query = visible_own_foods(user)
    for word in words:
        query = query.filter(Q(name__icontains=word) | Q(name__icontains=singular(word)))
    return [_own_choice(own) for own in query[:limit]]


def _own_choice(own: OwnFood) -> FoodChoice:
    portions = [(own.serving_label or "1 serving", own.serving_grams)] if own.serving_grams else []
    return FoodChoice(f"own:{own.pk}", own.name, True, portions, own.magnesium_mg)


def _search_shared_foods(words: list[str], limit: int) -> list[Food]:
    """Shared foods matching the words as the food search finds and ranks them (foods.selectors.search_foods:
    word forms, synonyms, one typo; whole words and the basic form first, so "milk" gives whole cow's milk
    before sheep's milk)."""
    words = [w[:40] for w in words if w.strip()][:8]
    if not words or limit <= 0:
        return []
    return [result.food for result in search_foods(" ".join(words), limit=limit)]


def food_choices(user, query: str, *, limit: int = 20) -> list[FoodChoice]:
    """The person's own foods (theirs and their dietitian's shared ones) whose name holds every word, then
    shared foods."""
    words = query.split()[:8]
    choices = _own_food_choices(user, [w[:40] for w in words], limit)
    foods = _search_shared_foods(words, limit - len(choices))
    portions = _portions_of(foods)
    choices += [
        FoodChoice(f"food:{food.pk}", food.name, False, portions.get(food.pk, []), food.magnesium_mg) for food in foods
    ]
    return choices


def _portions_of(foods: list) -> dict[int, list]:
    by_food: dict[int, list] = {}
    for portion in Portion.objects.filter(food__in=foods).order_by("food_id", "seq", "id"):
        by_food.setdefault(portion.food_id, []).append(portion)
    return by_food


def _shared_food_candidates(words: tuple[str, ...]) -> list:
    """Shared foods for a line's words, best first: all the words; then fewer (the last ones kept:
    "cooked baby spinach" -> "baby spinach" -> "spinach")."""
    found, seen = [], set()
    for start in range(len(words)):
        for food in _search_shared_foods(list(words[start:]), CANDIDATES):
            if food.pk not in seen:
                seen.add(food.pk)
                found.append(food)
        if len(found) >= CANDIDATES:
            break
    return found[:CANDIDATES]


def line_candidates(user, line: ParsedLine) -> list[FoodChoice]:
    """Up to three foods a pasted line may mean, each with the grams its amount comes to through that food's
    portions or the line's unit (None when neither converts it)."""
    words = line.food_words[:8]
    if not words:
        return []
    choices = _own_food_choices(user, list(words), CANDIDATES)
    foods = _shared_food_candidates(words)[: CANDIDATES - len(choices)]
    portions_by_food = _portions_of(foods)
    for food in foods:
        choices.append(
            FoodChoice(f"food:{food.pk}", food.name, False, portions_by_food.get(food.pk, []), food.magnesium_mg)
        )
    for choice in choices:
        pairs = [(p.label, p.grams) if isinstance(p, Portion) else p for p in choice.portions]
        choice.match = grams_for(line, pairs)
    return choices


def item_from_key(user, key: str) -> Food | OwnFood | Recipe | None:
    """The food, own food or recipe a "food:<id>" / "own:<id>" / "recipe:<id>" key names, if this person may
    see it; None otherwise (a stranger's is as unknown as a typo)."""
    if (key or "").startswith("recipe:"):
        try:
            pk = _valid_id(key.partition(":")[2])
        except Http404:
            return None
        return visible_recipes(user).filter(pk=pk).first()
    food, own_food = food_from_key(user, key)
    return food or own_food


def food_from_key(user, key: str) -> tuple[Food | None, OwnFood | None]:
    """The food a "food:<id>" / "own:<id>" key names, if this person may use it; (None, None) otherwise."""
    kind, _, raw_id = (key or "").partition(":")
    try:
        pk = int(raw_id)
    except ValueError:
        return None, None
    if not 0 < pk < 2**63:
        return None, None
    if kind == "food":
        return Food.objects.filter(pk=pk).first(), None
    if kind == "own":
        return None, visible_own_foods(user).filter(pk=pk).first()
    return None, None


@dataclass(frozen=True)
class RecipeSummary:
    """A recipe's magnesium per serving ("at least" when an ingredient's is unknown) and its diet facts."""

    magnesium: per_serving.Amount
    facts: dict[str, bool | None]


def recipe_summaries(recipe_ids: list[int]) -> dict[int, RecipeSummary]:
    """Each recipe's magnesium per serving and diet facts (per_serving.diet_facts), in one query."""
    columns = ["magnesium_mg", *DIET_FIELDS]
    ingredients: dict[int, list[per_serving.Ingredient]] = {}
    servings: dict[int, int] = {}
    rows = RecipeIngredient.objects.filter(recipe_id__in=recipe_ids).values(
        "recipe_id",
        "recipe__servings",
        "grams",
        "food_id",
        *(f"food__{c}" for c in columns),
        *(f"own_food__{c}" for c in columns),
    )
    for row in rows:
        source = "food__" if row["food_id"] is not None else "own_food__"
        values = {c: row[source + c] for c in columns}
        servings[row["recipe_id"]] = row["recipe__servings"]
        ingredients.setdefault(row["recipe_id"], []).append(
            per_serving.Ingredient(
                grams=row["grams"],
                per_100g={"magnesium_mg": values["magnesium_mg"]},
                facts={f: values[f] for f in DIET_FIELDS},
            )
        )
    return {
        pk: RecipeSummary(
            per_serving.per_serving(parts, servings[pk], ["magnesium_mg"])["magnesium_mg"],
            per_serving.diet_facts(parts, DIET_FIELDS),
        )
        for pk, parts in ingredients.items()
    }


def item_diet_facts(item: OwnFood | Recipe) -> dict[str, bool | None]:
    """An own food's diet facts, or a recipe's derived from its ingredients (all unknown without any)."""
    if isinstance(item, OwnFood):
        return {name: getattr(item, name) for name in DIET_FIELDS}
    summary = recipe_summaries([item.pk]).get(item.pk)
    return summary.facts if summary is not None else dict.fromkeys(DIET_FIELDS)


def ingredient_items(recipe: Recipe) -> list[Food | OwnFood]:
    """The foods and own foods a recipe is made of, in its order (one query)."""
    rows = recipe.ingredients.select_related("food", "own_food").order_by("position", "id")
    return [item for row in rows for item in (row.food, row.own_food) if item is not None]
