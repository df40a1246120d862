"""The food suggestions' values (no Django, no pandas): a `Candidate` is one food at one realistic portion,
with that portion's nutrients already worked out; `Limits` are the person's day (magnesium from food, the
energy goal and the caps that apply), which the suggestions keep within.
"""

from __future__ import annotations

from dataclasses import dataclass

MEALS = ("breakfast", "lunch", "dinner", "snack")

MAX_PORTIONS = 2  # at most two of the chosen portion of one food in one meal
ENERGY_TOLERANCE = 0.10  # the day's energy within ±10 % of the goal
# Caffeine: up to 400 mg a day is not generally associated with harm in healthy adults
# [US FDA, "Spilling the Beans: How Much Caffeine is Too Much?"; ../shared/reference/magnesium.md].
ADULT_CAFFEINE_CAP_MG = 400.0

CAPPED = ("caffeine_mg", "potassium_mg", "phosphorus_mg", "sodium_mg")


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
