"""Swap one entry of a day for another dish or food (issue 17), in plain Python (no Django).

The day's totals less the replaced entry plus a candidate must keep the day in its bands:
- magnesium from food at least the target, or, on a day already short of it, not lower than it was;
- energy within ±10 % of the goal (bands.Bands), or, on a day already outside, no further out than it was;
- every other band the totals carry (the caps: sodium, caffeine and a dietitian's potassium or phosphorus;
  the macro shares and fibre when the totals hold them): inside it, or no further out than before.
Candidates are patterns.options_for's (the person's diet, allergies, dislikes, choking hazards under 4, and
unknown values under a cap left out), in the replaced entry's meal. A dish comes in halves of a serving, a
food in its usual portion or half of it (the option's own range). The best are those in the same meal role
as the replaced entry, then those keeping the day's magnesium within the soft aim (at most about twice the
target; a day already above it no further above), then closest in energy to it (the day changes least),
then richest in magnesium; ties by kind and id, so the same inputs always give the same choices.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from mealplanner.generator.bands import FIBRE_G_PER_1000_KCAL, KCAL_PER_G, MACROS, Bands
from mealplanner.generator.patterns import (
    NUTRIENTS,
    Dish,
    Option,
    Person,
    SideFood,
    dish_roles,
    food_roles,
    options_for,
)

SWAP_COUNT = 3
EPS = 1e-6


@dataclass(frozen=True)
class Replaced:
    """The entry to replace: its meal, what it is (kind "dish" or "food", with its id; "" when neither, e.g.
    an own food) and what it adds to the day (None: unknown, so the day's totals do not hold it either)."""

    meal: str
    amounts: Mapping[str, float | None]
    kind: str = ""
    ref: int | None = None

    @property
    def key(self) -> tuple[str, int | None]:
        return (self.kind, self.ref)


@dataclass(frozen=True)
class SwapChoice:
    """One alternative: `halves` servings (a dish) or usual portions (a food), in halves."""

    kind: str
    ref: int
    name: str
    meal: str
    role: str
    halves: int
    unit_label: str
    grams: float
    amounts: Mapping[str, float] = field(default_factory=dict)  # for this quantity
    day_totals: Mapping[str, float] = field(default_factory=dict)  # the day after the swap

    @property
    def quantity(self) -> float:
        return self.halves / 2

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.ref)


def day_after(
    totals: Mapping[str, float], replaced: Mapping[str, float | None], added: Mapping[str, float]
) -> dict[str, float]:
    """The day's totals with `replaced` taken out and `added` put in (only the nutrients the totals hold)."""
    return {n: v - float(replaced.get(n) or 0.0) + float(added.get(n, 0.0)) for n, v in totals.items()}


def _outside(value: float, low: float, high: float) -> float:
    """How far `value` lies outside [low, high] (0 inside)."""
    return max(0.0, low - value, value - high)


def _shares(totals: Mapping[str, float]) -> dict[str, float] | None:
    """Each macro's share of the energy from the macros (Atwater factors, as the planner counts them)."""
    if not all(m in totals for m in MACROS):
        return None
    atwater = sum(totals[m] * KCAL_PER_G[m] for m in MACROS)
    return {m: totals[m] * KCAL_PER_G[m] / atwater for m in MACROS} if atwater > 0 else None


def keeps_bands(before: Mapping[str, float], after: Mapping[str, float], bands: Bands) -> bool:
    """Whether the day `after` is in every band the totals carry, or no further out than `before` was."""
    mg_before, mg_after = before.get("magnesium_mg", 0.0), after.get("magnesium_mg", 0.0)
    if mg_after < bands.magnesium_mg - EPS and mg_after < mg_before - EPS:
        return False
    if "energy_kcal" in before:
        gap_before = _outside(before["energy_kcal"], bands.energy_low, bands.energy_high)
        if _outside(after["energy_kcal"], bands.energy_low, bands.energy_high) > gap_before + EPS:
            return False
    for nutrient, cap in bands.caps().items():
        if nutrient in before and after[nutrient] > max(cap, before[nutrient]) + EPS:
            return False
    shares_before, shares_after = _shares(before), _shares(after)
    if shares_before is not None:
        if shares_after is None:
            return False
        for macro in MACROS:
            low, high = bands.share(macro)
            if _outside(shares_after[macro], low, high) > _outside(shares_before[macro], low, high) + EPS:
                return False
    if "fibre_g" in before and "energy_kcal" in before:

        def short_of_fibre(t: Mapping[str, float]) -> float:
            return max(0.0, FIBRE_G_PER_1000_KCAL * t["energy_kcal"] / 1000 - t["fibre_g"])

        if short_of_fibre(after) > short_of_fibre(before) + EPS:
            return False
    return True


def above_aim(before: Mapping[str, float], after: Mapping[str, float], bands: Bands) -> float:
    """How many mg the day `after` holds above the soft aim (about twice the target), or above what it held
    `before` when that was already above it: 0 when the swap keeps the day within the aim."""
    ceiling = max(bands.magnesium_soft_max, before.get("magnesium_mg", 0.0))
    return round(max(0.0, after.get("magnesium_mg", 0.0) - ceiling), 6)


def replaced_roles(replaced: Replaced, dishes: Iterable[Dish], foods: Iterable[SideFood]) -> frozenset[str]:
    """The roles the replaced dish or food takes in its meal (none known: every role is as good)."""
    if replaced.kind == "dish":
        for d in dishes:
            if d.dish_id == replaced.ref:
                return frozenset(dish_roles(d, replaced.meal))
    elif replaced.kind == "food":
        for f in foods:
            if f.food_id == replaced.ref:
                return frozenset(food_roles(f, replaced.meal))
    return frozenset()


def _choice(o: Option, halves: int, totals: Mapping[str, float], replaced: Replaced) -> SwapChoice:
    amounts = {n: o.per_unit[n] * halves / 2 for n in NUTRIENTS}
    return SwapChoice(
        o.kind,
        o.ref,
        o.name,
        o.meal,
        o.role,
        halves,
        o.unit_label,
        o.unit_grams * halves / 2,
        amounts,
        day_after(totals, replaced.amounts, amounts),
    )


def swap_choices(
    *,
    totals: Mapping[str, float],
    replaced: Replaced,
    bands: Bands,
    person: Person,
    dishes: Iterable[Dish],
    foods: Iterable[SideFood],
    exclude: Iterable[tuple[str, int]] = (),
    count: int | None = SWAP_COUNT,
) -> list[SwapChoice]:
    """The best `count` alternatives to `replaced` that keep the day (`totals`, with it) in its bands (None:
    all of them, best first). `exclude`: dishes and foods not to offer (e.g. what the day already holds); the
    replaced one never is."""
    dishes, foods = list(dishes), list(foods)
    roles = replaced_roles(replaced, dishes, foods)
    skip = {*exclude, replaced.key}
    energy = float(replaced.amounts.get("energy_kcal") or 0.0)
    best: dict[tuple[str, int], tuple[tuple, SwapChoice]] = {}
    for o in options_for(dishes, foods, person, bands, (replaced.meal,)):
        if o.key in skip:
            continue
        low, high = o.halves
        for halves in range(low, high + 1):
            choice = _choice(o, halves, totals, replaced)
            if not keeps_bands(totals, choice.day_totals, bands):
                continue
            rank = (
                bool(roles) and o.role not in roles,
                above_aim(totals, choice.day_totals, bands),
                abs(choice.amounts["energy_kcal"] - energy),
                -choice.amounts["magnesium_mg"],
                o.kind,
                o.ref,
                halves,
            )
            if o.key not in best or rank < best[o.key][0]:
                best[o.key] = (rank, choice)
    return [choice for _rank, choice in sorted(best.values(), key=lambda pair: pair[0])][:count]
