"""The generator's inputs and outputs as plain values (no Django, no pandas).

A `Candidate` is one food at one realistic portion, with that portion's nutrients already worked out.
A `DayProblem` is one day to fill: the candidates, what the day already holds (fixed entries that the
generator must keep), which meals to fill and the limits. `DayPlan` is the answer, with its reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MEALS = ("breakfast", "lunch", "dinner", "snack")

# How many different foods a meal the generator fills gets: a breakfast of 2-4 things, a lunch or dinner
# of 3-5, one or two snacks. Chosen for plans that look like meals, not from a health source.
MEAL_ITEMS = {"breakfast": (2, 4), "lunch": (3, 5), "dinner": (3, 5), "snack": (1, 2)}
MAX_PORTIONS = 2  # at most two of the chosen portion of one food in one meal
MAX_DAYS_PER_FOOD = 3  # a food on at most three days of a week, unless the person pinned it
ENERGY_TOLERANCE = 0.10  # the day's energy within ±10 % of the goal
SHUFFLE_COST_FACTOR = 1.10  # a shuffled plan uses at most 10 % more energy than the best one
# Foods of one SR28 food group per meal the generator fills: one (a breakfast of three cereals does not look
# like a breakfast), two vegetables (greens and potatoes make one dinner). Dropped only when no plan fits
# with it. Chosen for plans that look like meals, not from a health source.
GROUP_MAX_PER_MEAL = 1
GROUP_MAX_PER_MEAL_EXCEPTIONS = {"Vegetables and Vegetable Products": 2}

# Caffeine: up to 400 mg a day is not generally associated with harm in healthy adults
# [US FDA, "Spilling the Beans: How Much Caffeine is Too Much?"; ../shared/reference/magnesium.md].
ADULT_CAFFEINE_CAP_MG = 400.0

CAPPED = ("caffeine_mg", "potassium_mg", "phosphorus_mg", "sodium_mg")
CAP_LABELS = {"caffeine_mg": "caffeine", "potassium_mg": "potassium", "phosphorus_mg": "phosphorus",
              "sodium_mg": "sodium"}


@dataclass(frozen=True)
class Candidate:
    """One food at its realistic portion; nutrient values are per ONE portion (None = unknown)."""

    food_id: int
    name: str
    meals: frozenset[str]
    grams: float  # grams in one portion
    portion_id: int | None = None  # None: the "portion" is `grams` grams of the food
    portion_label: str = ""
    magnesium_mg: float = 0.0
    energy_kcal: float = 0.0
    caffeine_mg: float | None = 0.0
    potassium_mg: float | None = None
    phosphorus_mg: float | None = None
    sodium_mg: float | None = None
    max_count: int = MAX_PORTIONS  # 1 for a large portion (two would be too much for one meal)
    group: str = ""  # SR28 food group ("" = unknown: no per-meal group rule applies)

    def value(self, nutrient: str) -> float | None:
        return getattr(self, nutrient)

    @property
    def mg_per_100_kcal(self) -> float | None:
        if self.energy_kcal <= 0:
            return None
        return self.magnesium_mg * 100.0 / self.energy_kcal

    @property
    def label(self) -> str:
        return self.portion_label or f"{self.grams:g} g"


@dataclass(frozen=True)
class Fixed:
    """What the day already holds and the generator keeps: amounts for the whole day."""

    magnesium_mg: float = 0.0
    energy_kcal: float = 0.0
    caffeine_mg: float = 0.0
    potassium_mg: float = 0.0
    phosphorus_mg: float = 0.0
    sodium_mg: float = 0.0
    food_ids: frozenset[int] = frozenset()  # foods already in the day (not offered again that day)

    def value(self, nutrient: str) -> float:
        return getattr(self, nutrient)


@dataclass(frozen=True)
class Limits:
    """The person's day: magnesium from food, energy goal and the caps that apply (None = no cap)."""

    magnesium_mg: float
    energy_kcal: float
    energy_tolerance: float = ENERGY_TOLERANCE
    caffeine_mg: float | None = ADULT_CAFFEINE_CAP_MG
    potassium_mg: float | None = None
    phosphorus_mg: float | None = None
    sodium_mg: float | None = None
    # Why caffeine is capped at 0, in words for the explanation ("" when it is not, or for no stated reason).
    caffeine_reason: str = ""

    @property
    def energy_low(self) -> float:
        return self.energy_kcal * (1 - self.energy_tolerance)

    @property
    def energy_high(self) -> float:
        return self.energy_kcal * (1 + self.energy_tolerance)

    def cap(self, nutrient: str) -> float | None:
        return getattr(self, nutrient)


@dataclass(frozen=True)
class DayProblem:
    candidates: tuple[Candidate, ...]
    meals: tuple[str, ...]  # the empty, unlocked meals to fill
    limits: Limits
    fixed: Fixed = field(default_factory=Fixed)
    # Foods that may not be used this day because they are already on MAX_DAYS_PER_FOOD days.
    used_up: frozenset[int] = frozenset()
    # On how many earlier days of the week each food already is (a small cost, for variety).
    seen: dict[int, int] = field(default_factory=dict)
    shuffle: int | None = None
    # time.monotonic() past which no more solving starts (the request's budget; None: no budget).
    deadline: float | None = None


@dataclass(frozen=True)
class Item:
    meal: str
    candidate: Candidate
    count: int

    @property
    def magnesium_mg(self) -> float:
        return self.candidate.magnesium_mg * self.count

    @property
    def energy_kcal(self) -> float:
        return self.candidate.energy_kcal * self.count

    @property
    def grams(self) -> float:
        return self.candidate.grams * self.count


# Outcomes of one day.
OK = "ok"  # the target is met from food, within energy and every cap
SHORT = "short"  # food alone cannot reach the target within the other limits: the best food can do
INFEASIBLE = "infeasible"  # even without the magnesium target the other limits cannot all hold
NOTHING = "nothing"  # no meal to fill


@dataclass(frozen=True)
class DayPlan:
    status: str
    items: tuple[Item, ...] = ()
    magnesium_mg: float = 0.0  # whole day: fixed + generated
    energy_kcal: float = 0.0
    food_magnesium_gap_mg: float = 0.0  # how far the day stays below the target (0 when met)
    tight: tuple[str, ...] = ()  # plain sentences: which limits held the plan back
    reasons: tuple[str, ...] = ()  # plain sentences: why there is no plan / what to relax
    relaxed: tuple[str, ...] = ()  # plain sentences: which constraint was eased to fill the day at all
    shuffled: bool = False

    @property
    def generated_energy_kcal(self) -> float:
        return sum(i.energy_kcal for i in self.items)

    @property
    def food_ids(self) -> frozenset[int]:
        return frozenset(i.candidate.food_id for i in self.items)
