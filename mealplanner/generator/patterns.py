"""What a generated meal is made of (issue 17): the inputs as plain values, and the meal patterns.

- Breakfast: a dish, or cereal with milk and fruit.
- Lunch and dinner: a main dish with up to two sides (when the dishes run short, a main food: tofu, beans,
  fish, meat or eggs at its usual portion).
- Snack: one or two items (foods or dishes that suit a snack).
Dishes come in halves of a serving (1/2 to 2 servings); foods in their usual portion (the curated default,
Portion.is_default), or half of it. Everything here is plain Python: the service, the benchmark and the
tests build the same values.

`options_for` turns dishes and foods into the `Option`s a day may use, after the person's diet, allergies,
dislikes, the choking-hazard rule under 4 and the caps (a value that must stay under a cap but is unknown,
or only known as "at least", cannot be shown to stay under it, so that item is left out). Supplements are
never inputs: a plan is food and dishes only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from foods.choking import named_like_hazard
from foods.diet import diet_conflicts
from mealplanner.generator.bands import Bands
from mealplanner.generator.foods import CAFFEINE_SUSPECT_GROUPS, CAFFEINE_SUSPECT_WORDS, SKIPPED_WORDS
from mealplanner.generator.portions import PORTION_MAX_KCAL

MEALS = ("breakfast", "lunch", "dinner", "snack")
NUTRIENTS = (
    "energy_kcal",
    "magnesium_mg",
    "carbohydrate_g",
    "fat_g",
    "protein_g",
    "fibre_g",
    "sodium_mg",
    "potassium_mg",
    "phosphorus_mg",
    "caffeine_mg",
)

DISH_HALVES = (1, 4)  # 1/2 to 2 servings of a dish
FOOD_HALVES = (1, 2)  # half or the whole usual portion of a food
SIDE_GROUPS = (
    "Vegetables and Vegetable Products",
    "Cereal Grains and Pasta",
    "Baked Products",
    "Legumes and Legume Products",
    "Fruits and Fruit Juices",
    "Dairy and Egg Products",
)
NO_SNACK_GROUPS = ("Fats and Oils", "Spices and Herbs", "Baby Foods", "Fast Foods")
MILK_WORDS = ("soymilk", "almond milk", "rice milk")
# Foods that can be the main of a lunch or dinner when the dishes run short (a dish at most twice a week):
# tofu, beans, fish, meat, eggs at their usual portion, with sides, as a plate is served. A dish is preferred
# (FOOD_MAIN_COST in meal_milp).
MAIN_GROUPS = (
    "Legumes and Legume Products",
    "Finfish and Shellfish Products",
    "Poultry Products",
    "Beef Products",
    "Pork Products",
    "Lamb, Veal, and Game Products",
)
MAIN_WORDS = ("egg, whole, cooked", "tofu", "tempeh", "falafel", "beans", "lentils", "chickpeas")

# Roles in a meal pattern.
MAIN, CEREAL, MILK, FRUIT, SIDE, SNACK = "main", "cereal", "milk", "fruit", "side", "snack"


@dataclass(frozen=True)
class Dish:
    """A recipe, per serving. `partial`: nutrients whose value is only "at least" (an ingredient unknown)."""

    dish_id: int
    name: str
    meals: frozenset[str]
    per_serving: Mapping[str, float | None]
    diet: Mapping[str, bool | None]
    grams_per_serving: float = 0.0
    ingredient_grams: tuple[tuple[int, float], ...] = ()  # (food id, grams per serving)
    choking_hazard: bool = False  # any ingredient a choking hazard under 4
    partial: frozenset[str] = frozenset()

    @property
    def food_ids(self) -> frozenset[int]:
        return frozenset(f for f, _g in self.ingredient_grams)


@dataclass(frozen=True)
class SideFood:
    """A food at its usual portion (`portion_grams`); nutrients per 100 g (None: unknown)."""

    food_id: int
    name: str
    food_group: str
    meals: frozenset[str]
    per_100g: Mapping[str, float | None]
    diet: Mapping[str, bool | None]
    portion_grams: float
    portion_label: str = ""
    portion_id: int | None = None
    choking_hazard: bool = False


@dataclass(frozen=True)
class Person:
    diet: str = "none"
    allergies: tuple[str, ...] = ()
    disliked_foods: frozenset[int] = frozenset()
    disliked_dishes: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Option:
    """One dish or food a meal may hold in one role, with its nutrients per unit (a serving or a portion)."""

    kind: str  # "dish" or "food"
    ref: int  # the dish or food id
    name: str
    meal: str
    role: str
    group: str  # the food's SR28 group ("" for a dish)
    unit_grams: float
    unit_label: str
    per_unit: Mapping[str, float] = field(default_factory=dict)
    halves: tuple[int, int] = FOOD_HALVES
    food_grams: tuple[tuple[int, float], ...] = ()  # grams of each food in one unit (a dish: its ingredients)

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.ref)


def food_roles(food: SideFood, meal: str) -> tuple[str, ...]:
    """The roles a food can take in a meal's pattern (none: it is not offered there)."""
    if meal not in food.meals:
        return ()
    name, group = food.name.lower(), food.food_group
    roles = []
    if meal == "breakfast":
        if group == "Breakfast Cereals" and "dry" not in name:
            roles.append(CEREAL)
        if (name.startswith("milk,") and "chocolate" not in name) or (
            any(w in name for w in MILK_WORDS) and "chocolate" not in name
        ):
            roles.append(MILK)
        if group == "Fruits and Fruit Juices" and "juice" not in name:
            roles.append(FRUIT)
    elif meal in ("lunch", "dinner"):
        if group in SIDE_GROUPS and "juice" not in name:
            roles.append(SIDE)
        if (group in MAIN_GROUPS and group != "Legumes and Legume Products") or any(w in name for w in MAIN_WORDS):
            roles.append(MAIN)
    elif meal == "snack" and group not in NO_SNACK_GROUPS:
        roles.append(SNACK)
    return tuple(roles)


def dish_roles(dish: Dish, meal: str) -> tuple[str, ...]:
    if meal not in dish.meals:
        return ()
    return (SNACK,) if meal == "snack" else (MAIN,)


def caffeine_or_zero(value: float | None, *, name: str, food_group: str) -> float | None:
    """SR28 leaves caffeine out for most foods without it: unknown counts as none, except for drinks and
    coffee-, tea-, cola- or cocoa-like foods, which stay unknown (and so out of any day with a caffeine cap).
    Used for foods and for each ingredient of a dish (a brown rice with no caffeine figure made 28 of the
    curated dishes unusable)."""
    if value is not None:
        return value
    lower = name.lower()
    suspect = food_group in CAFFEINE_SUSPECT_GROUPS or any(w in lower for w in CAFFEINE_SUSPECT_WORDS)
    return None if suspect else 0.0


def _food_values(food: SideFood) -> dict[str, float | None]:
    scale = food.portion_grams / 100.0
    out = {n: None if (v := food.per_100g.get(n)) is None else float(v) * scale for n in NUTRIENTS}
    caffeine = caffeine_or_zero(food.per_100g.get("caffeine_mg"), name=food.name, food_group=food.food_group)
    out["caffeine_mg"] = None if caffeine is None else caffeine * scale
    return out


def _usable(values: Mapping[str, float | None], partial: Iterable[str], bands: Bands) -> dict[str, float] | None:
    """Per-unit values with unknown floors as 0, or None when a bounded value is unknown or partial.

    Bounded values must be known (not "at least"): energy, the macros (both ends of a range) and every cap.
    Magnesium and fibre only have floors, so an unknown value counts as 0 and "at least" is safe."""
    partial = set(partial)
    bounded = ("energy_kcal", "carbohydrate_g", "fat_g", "protein_g", *bands.caps())
    if any(values.get(n) is None or n in partial for n in bounded):
        return None
    out = {n: float(values.get(n) or 0.0) for n in NUTRIENTS}
    if out["energy_kcal"] <= 0 or any(v < 0 for v in out.values()):
        return None
    return out


def options_for(
    dishes: Iterable[Dish], foods: Iterable[SideFood], person: Person, bands: Bands, meals: Iterable[str] = MEALS
) -> list[Option]:
    """Every option the person's days may use, in a stable order (by meal, kind, id, role)."""
    meals = tuple(m for m in MEALS if m in set(meals))
    out: list[Option] = []
    for dish in sorted(dishes, key=lambda d: d.dish_id):
        if dish.dish_id in person.disliked_dishes or dish.food_ids & person.disliked_foods:
            continue
        if diet_conflicts(dish.diet, diet=person.diet, allergies=person.allergies):
            continue
        if bands.young_child and dish.choking_hazard:
            continue
        values = _usable(dish.per_serving, dish.partial, bands)
        if values is None:
            continue
        for meal in meals:
            for role in dish_roles(dish, meal):
                halves = (1, 2) if role == SNACK else DISH_HALVES
                out.append(
                    Option(
                        "dish",
                        dish.dish_id,
                        dish.name,
                        meal,
                        role,
                        "",
                        dish.grams_per_serving,
                        "serving",
                        values,
                        halves,
                        dish.ingredient_grams,
                    )
                )
    for food in sorted(foods, key=lambda f: f.food_id):
        if food.food_id in person.disliked_foods or food.portion_grams <= 0:
            continue
        if diet_conflicts(food.diet, diet=person.diet, allergies=person.allergies):
            continue
        if bands.young_child and (food.choking_hazard or named_like_hazard(food.name)):
            continue
        if any(word in food.name.lower() for word in SKIPPED_WORDS):
            continue
        values = _usable(_food_values(food), (), bands)
        if values is None:
            continue
        # A portion richer than a plateful (PORTION_MAX_KCAL) is offered as half of it only.
        halves = (1, 1) if values["energy_kcal"] > PORTION_MAX_KCAL else FOOD_HALVES
        for meal in meals:
            for role in food_roles(food, meal):
                out.append(
                    Option(
                        "food",
                        food.food_id,
                        food.name,
                        meal,
                        role,
                        food.food_group,
                        food.portion_grams,
                        food.portion_label or f"{food.portion_grams:g} g",
                        values,
                        halves,
                        ((food.food_id, food.portion_grams),),
                    )
                )
    order = {m: i for i, m in enumerate(MEALS)}
    return sorted(out, key=lambda o: (order[o.meal], o.kind, o.ref, o.role))
