"""Pre-filtering: of thousands of foods, keep the few dozen per meal that a good plan could use.

For each meal: the foods richest in magnesium per 100 kcal (they reach the target cheaply), the richest
per portion, and the most energy-dense among foods with some magnesium (so the energy goal can be met
too). The union keeps the MILP small, so a week over the whole SR28 database stays fast.
Ties are broken by food id, so the same foods always give the same candidates.

Every limit the person has shapes the list (issue 13: a kidney week with potassium and phosphorus caps got
no food, because the list held only foods rich in both): foods that could never be used (a capped nutrient
unknown, or one portion over the cap) are left out first, and with caps the list adds the foods that bring
the most magnesium per share of the caps, and low-potassium, low-phosphorus foods to fill the energy goal.
"""

from __future__ import annotations

from collections.abc import Iterable

from mealplanner.generator.model import CAPPED, MEALS, Candidate, Limits

TOP_DENSITY = 30
TOP_PORTION = 10
TOP_ENERGY = 10
LOW_ENERGY_FILLERS = 3
TOP_CAPPED = 15  # per list, with caps: the MILP with caps is harder, so the lists are shorter


def admissible(c: Candidate, limits: Limits | None) -> bool:
    """Whether the food could be in the person's day at all: every capped nutrient known, one portion within
    each cap (a cap of 0 admits only foods without that nutrient)."""
    if limits is None:
        return True
    for nutrient in CAPPED:
        cap = limits.cap(nutrient)
        if cap is None:
            continue
        value = c.value(nutrient)
        if value is None or value > cap:
            return False
    return True


def cap_share(c: Candidate, limits: Limits) -> float:
    """The largest share of a day's cap one portion uses (0 without caps)."""
    shares = [(c.value(n) or 0.0) / cap for n in CAPPED if (cap := limits.cap(n))]
    return max(shares, default=0.0)


def _capped_lists(here: list[Candidate], limits: Limits, extra: int) -> tuple[list[Candidate], ...]:
    """With caps: magnesium per share of the caps, and foods whose caps share is below their energy share."""
    energy_share = {c.food_id: c.energy_kcal / limits.energy_kcal for c in here}
    share = {c.food_id: cap_share(c, limits) for c in here}
    # Load below 1: the food uses less of the caps than of the energy goal, so a day of such foods fits.
    light = [c for c in here if share[c.food_id] <= energy_share[c.food_id]]
    return (
        sorted(here, key=lambda c: (-(c.magnesium_mg / max(share[c.food_id], 1e-6)), c.food_id))[: TOP_CAPPED + extra],
        sorted(light, key=lambda c: (-(c.magnesium_mg / c.energy_kcal), c.food_id))[: TOP_CAPPED + extra],
        sorted(light, key=lambda c: (-c.energy_kcal, c.food_id))[: TOP_ENERGY + extra],
    )


def shortlist(candidates: Iterable[Candidate], meals: Iterable[str] = MEALS, *, extra: int = 0,
              limits: Limits | None = None) -> tuple[Candidate, ...]:
    """A stable, small set of candidates covering every meal; `extra` widens each list (for shuffling).

    With `limits`, only foods the day could hold are kept, and the caps add their own lists."""
    capped = limits is not None and any(limits.cap(n) for n in CAPPED if n != "caffeine_mg")
    pool = sorted((c for c in candidates if c.energy_kcal > 0 and c.grams > 0 and admissible(c, limits)),
                  key=lambda c: c.food_id)
    keep: dict[int, Candidate] = {}
    stems: set[str] = set()
    for meal in meals:
        here = [c for c in pool if meal in c.meals]
        lists: tuple[list[Candidate], ...] = (
            sorted(here, key=lambda c: (-(c.magnesium_mg / c.energy_kcal), c.food_id))[: TOP_DENSITY + extra],
            sorted(here, key=lambda c: (-c.magnesium_mg, c.food_id))[: TOP_PORTION + extra],
            sorted((c for c in here if c.magnesium_mg > 0), key=lambda c: (-c.energy_kcal, c.food_id))[: TOP_ENERGY + extra],
            sorted(here, key=lambda c: (c.energy_kcal, c.food_id))[:LOW_ENERGY_FILLERS],
        )
        if capped and limits is not None:  # capped implies limits; said again for the type checker
            lists = _capped_lists(here, limits, extra) + lists[2:]
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
