"""From food records (per 100 g, as stored) to the generator's candidates (per realistic portion).

Plain values in and out, so the service (Django rows), the benchmark (SR28 files) and the tests all
share one path: diet rules from foods.diet, a realistic portion, the meals the food suits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from foods.choking import named_like_hazard
from foods.diet import diet_conflicts
from mealplanner.generator.model import MEALS, Candidate
from mealplanner.generator.portions import choose_portion, max_count

# A food whose caffeine SR28 did not report counts as caffeine-free, except drinks and chocolate-like
# foods, where caffeine is likely: with any caffeine cap, those stay out unless their value is known.
CAFFEINE_SUSPECT_WORDS = ("coffee", "tea", "cola", "cocoa", "chocolate", "energy drink", "mate", "guarana")
CAFFEINE_SUSPECT_GROUPS = ("Beverages",)
# Groups never offered by the generator: pinches, not servings; baby food; restaurant/fast food mixes.
SKIPPED_GROUPS = ("Spices and Herbs", "Baby Foods", "Fats and Oils")
# Forms nobody eats a plateful of: ingredients (flours, powders, dry mixes), dry legumes before cooking
# (SR28's "mature seeds, raw"), freeze-dried or dehydrated foods.
SKIPPED_WORDS = (
    "flour",
    "powder",
    "dry mix",
    "freeze-dried",
    "dehydrated",
    "mature seeds, raw",
    "leavening",
    "meal,",
    "unprepared",
)


@dataclass(frozen=True)
class FoodRecord:
    food_id: int
    name: str
    food_group: str
    per_100g: Mapping[str, float | None]  # magnesium_mg, energy_kcal, caffeine_mg, potassium_mg, ...
    diet: Mapping[str, bool | None]  # vegan, vegetarian, contains_* (None = unknown)
    meals: frozenset[str]
    portions: tuple[tuple[int | None, str, float], ...] = field(default=())  # (id, label, grams)
    choking_hazard: bool = False  # the curated fact: a choking hazard for a child under 4


def caffeine_suspect(record: FoodRecord) -> bool:
    name = record.name.lower()
    return record.food_group in CAFFEINE_SUSPECT_GROUPS or any(w in name for w in CAFFEINE_SUSPECT_WORDS)


def suits(record: FoodRecord, *, diet: str, allergies: Iterable[str]) -> bool:
    return not diet_conflicts(record.diet, diet=diet, allergies=allergies)


def choking_hazard(record: FoodRecord) -> bool:
    """A choking hazard for a child under 4 (CDC "Choking Hazards"; AAP; ../shared/reference/balanced-diet.md):
    the curated fact, or for foods nobody curated (full SR28) a name like one (whole nuts, seeds, popcorn...)."""
    return record.choking_hazard or named_like_hazard(record.name)


def eaten_as_is(record: FoodRecord) -> bool:
    """Whether the food is a dish or ingredient a meal can hold as it is (not flour, powder, dry beans...)."""
    name = record.name.lower()
    if any(word in name for word in SKIPPED_WORDS):
        return False
    # Dried fruit is a snack; dried seaweed, dried herbs or dried egg are not.
    return not (", dried" in name and record.food_group != "Fruits and Fruit Juices")


def candidate_from(record: FoodRecord) -> Candidate | None:
    """The record at its realistic portion, or None when the generator cannot use it."""
    mg, kcal = record.per_100g.get("magnesium_mg"), record.per_100g.get("energy_kcal")
    meals = frozenset(m for m in record.meals if m in MEALS)
    if mg is None or kcal is None or kcal <= 0 or not meals or record.food_group in SKIPPED_GROUPS:
        return None
    if not eaten_as_is(record):
        return None
    choice = choose_portion(record.portions, food_group=record.food_group, kcal_per_100g=kcal)
    scale = choice.grams / 100.0

    def amount(nutrient):
        value = record.per_100g.get(nutrient)
        return None if value is None else value * scale

    caffeine = amount("caffeine_mg")
    if caffeine is None and not caffeine_suspect(record):
        caffeine = 0.0
    return Candidate(
        food_id=record.food_id,
        name=record.name,
        meals=meals,
        grams=choice.grams,
        portion_id=choice.portion_id,
        portion_label=choice.label,
        magnesium_mg=mg * scale,
        energy_kcal=kcal * scale,
        caffeine_mg=caffeine,
        potassium_mg=amount("potassium_mg"),
        phosphorus_mg=amount("phosphorus_mg"),
        sodium_mg=amount("sodium_mg"),
        max_count=max_count(choice.grams, kcal * scale),
        group=record.food_group,
    )


def candidates_for(
    records: Iterable[FoodRecord], *, diet: str, allergies: Iterable[str], young_child: bool = False
) -> list[Candidate]:
    """Every food that suits the person's diet and allergies (unknown = not allowed), as candidates; for a
    young child (under 4), none that is a choking hazard."""
    allergies = tuple(allergies)
    out = []
    for record in records:
        if not suits(record, diet=diet, allergies=allergies):
            continue
        if young_child and choking_hazard(record):
            continue
        candidate = candidate_from(record)
        if candidate is not None:
            out.append(candidate)
    return sorted(out, key=lambda c: c.food_id)
