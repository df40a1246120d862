"""Pre-filtering: of thousands of foods, keep the few dozen per meal that a good plan could use.

For each meal: the foods richest in magnesium per 100 kcal (they reach the target cheaply), the richest
per portion, and the most energy-dense among foods with some magnesium (so the energy goal can be met
too). The union keeps the MILP small, so a week over the whole SR28 database stays fast.
Ties are broken by food id, so the same foods always give the same candidates.
"""

from __future__ import annotations

from collections.abc import Iterable

from mealplanner.generator.model import MEALS, Candidate

TOP_DENSITY = 30
TOP_PORTION = 10
TOP_ENERGY = 10
LOW_ENERGY_FILLERS = 3


def shortlist(candidates: Iterable[Candidate], meals: Iterable[str] = MEALS, *, extra: int = 0) -> tuple[Candidate, ...]:
    """A stable, small set of candidates covering every meal; `extra` widens each list (for shuffling)."""
    pool = sorted((c for c in candidates if c.energy_kcal > 0 and c.grams > 0), key=lambda c: c.food_id)
    keep: dict[int, Candidate] = {}
    stems: set[str] = set()
    for meal in meals:
        here = [c for c in pool if meal in c.meals]
        lists = (
            sorted(here, key=lambda c: (-(c.magnesium_mg / c.energy_kcal), c.food_id))[: TOP_DENSITY + extra],
            sorted(here, key=lambda c: (-c.magnesium_mg, c.food_id))[: TOP_PORTION + extra],
            sorted((c for c in here if c.magnesium_mg > 0), key=lambda c: (-c.energy_kcal, c.food_id))[: TOP_ENERGY + extra],
            sorted(here, key=lambda c: (c.energy_kcal, c.food_id))[:LOW_ENERGY_FILLERS],
        )
        for group in lists:
            for c in group:
                # One food per kind ("Chard, swiss" raw, boiled, boiled with salt...): a plan of three chards
                # is not varied.
                stem = name_stem(c.name)
                if c.food_id in keep or stem in stems:
                    continue
                keep[c.food_id] = c
                stems.add(stem)
    return tuple(sorted(keep.values(), key=lambda c: c.food_id))


def name_stem(name: str) -> str:
    """The kind of food: the first two parts of an SR28 name ("Chard, swiss, cooked, ..." -> "chard, swiss")."""
    return ",".join(part.strip() for part in name.lower().split(",")[:2])
