"""Which household portion the generator offers for a food: one a person would really eat.

SR28 lists several weights per food ("1 cup", "1 tbsp", "1 lb"...). The generator uses the one
closest to a typical serving for the food's group, never one over PORTION_CAP_G, so a plan never asks
for 900 g of spinach. A food without a fitting portion is offered by weight (a typical serving in grams).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from foods.portions import typical_serving_g

PORTION_CAP_G = 250.0  # no single portion heavier than this (two of them at most per meal)
PORTION_MIN_G = 5.0  # nor so small it is a garnish (a teaspoon of seeds)
# Nor more energy than a plateful: a cup of peanuts (146 g, about 850 kcal) is not a snack. Chosen for
# realistic plans, not from a health source.
PORTION_MAX_KCAL = 350.0
DOUBLE_MAX_G = 150.0  # two portions of a food only when both together stay at most 300 g


@dataclass(frozen=True)
class PortionChoice:
    portion_id: int | None
    label: str
    grams: float


def choose_portion(portions, *, food_group: str = "", kcal_per_100g: float | None = None) -> PortionChoice:
    """The portion closest (by ratio) to a typical serving; `portions` are (id, label, grams) tuples.

    With the food's energy known, portions over PORTION_MAX_KCAL are left out, and a food offered by
    weight gets at most that much energy.
    """
    typical = typical_serving_g(food_group)
    max_g = PORTION_CAP_G
    if kcal_per_100g and kcal_per_100g > 0:
        max_g = min(max_g, PORTION_MAX_KCAL * 100.0 / kcal_per_100g)
    fitting = [(pid, label, float(g)) for pid, label, g in portions if PORTION_MIN_G <= float(g) <= max_g]
    if not fitting:
        return PortionChoice(None, "", round(max(min(typical, max_g), 1.0)))
    pid, label, grams = min(fitting, key=lambda p: (abs(math.log(p[2] / typical)), p[2], p[0] or 0))
    return PortionChoice(pid, label, grams)


def max_count(grams: float, kcal: float = 0.0) -> int:
    """How many of this portion one meal may hold: two of a small one, one of a large or energy-dense one."""
    return 2 if grams <= DOUBLE_MAX_G and 2 * kcal <= PORTION_MAX_KCAL else 1
