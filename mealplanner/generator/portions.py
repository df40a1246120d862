"""Which household portion the generator offers for a food: one a person would really eat.

SR28 lists several weights per food ("1 cup", "1 tbsp", "1 lb"...). The generator uses the one
closest to a typical serving for the food's group, never one over PORTION_CAP_G, so a plan never asks
for 900 g of spinach. A food without a fitting portion is offered by weight (a typical serving in grams).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

PORTION_CAP_G = 250.0  # no single portion heavier than this (two of them at most per meal)
PORTION_MIN_G = 5.0  # nor so small it is a garnish (a teaspoon of seeds)

# A typical serving by SR28 food group, in grams. Nuts and seeds: 1 oz (28 g), the serving the NIH ODS
# fact sheet uses in its Table 2; drinks: 1 cup (240 g); fats: 1 tbsp (14 g). The rest use 100 g, the
# unit SR28 reports in. These only pick among SR28's own portion weights.
TYPICAL_SERVING_G = {
    "Nut and Seed Products": 28.0,
    "Beverages": 240.0,
    "Fats and Oils": 14.0,
    "Breakfast Cereals": 40.0,
    "Snacks": 30.0,
    "Sweets": 30.0,
    "Spices and Herbs": 2.0,
    "Dairy and Egg Products": 100.0,
}
DEFAULT_SERVING_G = 100.0


@dataclass(frozen=True)
class PortionChoice:
    portion_id: int | None
    label: str
    grams: float


def typical_serving_g(food_group: str) -> float:
    return TYPICAL_SERVING_G.get(food_group, DEFAULT_SERVING_G)


def choose_portion(portions, *, food_group: str = "") -> PortionChoice:
    """The portion closest (by ratio) to a typical serving; `portions` are (id, label, grams) tuples."""
    typical = typical_serving_g(food_group)
    fitting = [(pid, label, float(g)) for pid, label, g in portions if PORTION_MIN_G <= float(g) <= PORTION_CAP_G]
    if not fitting:
        return PortionChoice(None, "", min(typical, PORTION_CAP_G))
    pid, label, grams = min(fitting, key=lambda p: (abs(math.log(p[2] / typical)), p[2], p[0] or 0))
    return PortionChoice(pid, label, grams)
