"""Which portion a person would use for a food: the Add form's default (plain Python, no Django).

The curated fixture marks one portion of each food as its default (scripts/food_selection_safety.py says
how). A food without one (added by hand, imported from full SR28) falls back to the portion whose weight
is closest, by ratio, to a typical serving for its food group, among portions up to PORTION_CAP_G; then
to the first portion.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

PORTION_CAP_G = 250.0  # heavier than a plateful ("1 head", "1 lb") is never a default

# A typical serving by SR28 food group, in grams. Nuts and seeds: 1 oz (28 g), the serving the NIH ODS
# fact sheet uses in its Table 2; drinks: 1 cup (240 g); fats: 1 tbsp (14 g). The rest use 100 g, the
# unit SR28 reports in. These only choose among SR28's own portion weights.
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


class PortionLike(Protocol):
    """A Portion row or a plain (possibly frozen) stand-in: the caller gets back the kind it passed in."""

    @property
    def seq(self) -> int: ...
    @property
    def grams(self) -> float: ...
    @property
    def is_default(self) -> bool: ...


def typical_serving_g(food_group: str) -> float:
    return TYPICAL_SERVING_G.get(food_group, DEFAULT_SERVING_G)


def default_portion[P: PortionLike](portions: Sequence[P], food_group: str = "") -> P | None:
    """The curated default, else the portion nearest a typical serving; None for a food without portions."""
    if not portions:
        return None
    for portion in portions:
        if portion.is_default:
            return portion
    typical = typical_serving_g(food_group)
    fitting = [p for p in portions if 0 < float(p.grams) <= PORTION_CAP_G]
    if not fitting:
        return min(portions, key=lambda p: (p.seq, float(p.grams)))
    return min(fitting, key=lambda p: (abs(math.log(float(p.grams) / typical)), p.seq))
