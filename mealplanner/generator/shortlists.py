"""A day's short lists of dishes and foods per meal role (issue 17), before its MIP: plain Python.

The MIP's size is what takes HiGHS time, so each day starts from a few options per meal role (and, with a
dietitian's potassium or phosphorus caps, only those light on them); meals._tiers widens the lists when a day
cannot fit.
"""

from __future__ import annotations

from collections.abc import Mapping

from mealplanner.generator import meal_milp
from mealplanner.generator.bands import Bands
from mealplanner.generator.patterns import Option

# Per meal role, a day's short lists: least used, richest in magnesium per kcal, nearest the magnesium aim
# (and, with kidney caps, the lightest on them). Three times as long when they cannot fill the day. The MIP
# itself runs over the core of their LP relaxation (meal_core), so longer lists cost little: 6, 4, 3 rather
# than 4, 3, 2 kept magnesium between the target and twice it on 95 % of days rather than 91 % at the same speed.
SHORT_RANDOM, SHORT_DENSE, SHORT_NEAR = 6, 4, 3
WIDE_FACTOR = 3
# The short lists aim at this many times the target's magnesium per kcal: above the target, under twice it.
MG_AIM_FACTOR = 1.5
HEAVY_LOAD = 2.5  # with kidney caps, the short lists keep items using at most 2.5x as much cap as energy


def kidney_caps(bands: Bands) -> bool:
    """A dietitian set a potassium or phosphorus cap."""
    return any(n in bands.caps() for n in ("potassium_mg", "phosphorus_mg"))


def cap_load(o: Option, bands: Bands) -> float:
    """How much more of the potassium or phosphorus cap than of the energy goal one unit uses (0: no caps)."""
    caps = {n: v for n, v in bands.caps().items() if n in ("potassium_mg", "phosphorus_mg")}
    if not caps:
        return 0.0
    return max(o.per_unit[n] / cap for n, cap in caps.items()) / (o.per_unit["energy_kcal"] / bands.energy_kcal)


def shortlist(
    options: list[Option], bands: Bands, *, day: int, seed: int, seen: Mapping, wide: bool = False
) -> list[Option]:
    """A few dishes and foods per meal role, so each day's MILP stays small (its size is what takes HiGHS
    time). Per role: the ones the day's tie-break prefers (least used first); the richest in magnesium per
    kcal (so the target can be reached); those whose magnesium per kcal is nearest MG_AIM_FACTOR x the
    target's, in steps of 25 %, the least used first (so a day can stay well under twice it). With potassium
    or phosphorus caps, only items that use at most HEAVY_LOAD times as much of a cap as of the energy goal
    (a kidney day of heavier ones cannot fit, and they made HiGHS search long), plus the lightest per role.
    `wide`: WIDE_FACTOR times as many and no load limit (the retry of a day the short lists could not fill)."""
    scale = WIDE_FACTOR if wide else 1
    few, dense, near = scale * SHORT_RANDOM, scale * SHORT_DENSE, scale * SHORT_NEAR
    aim = MG_AIM_FACTOR * bands.magnesium_mg / bands.energy_kcal
    capped = kidney_caps(bands)
    load = {id(o): cap_load(o, bands) for o in options} if capped else {}
    by_role: dict[tuple[str, str, str], list[Option]] = {}
    for o in options:
        if wide or load.get(id(o), 0.0) <= HEAVY_LOAD:
            by_role.setdefault((o.meal, o.role, o.kind), []).append(o)

    def density(o: Option) -> float:
        return o.per_unit["magnesium_mg"] / o.per_unit["energy_kcal"]

    keep: dict[tuple[str, int, str, str], Option] = {}
    for group in by_role.values():
        lists = [
            sorted(group, key=lambda o: (seen.get(o.key, 0), meal_milp.tie_break(o, day, seed), o.ref))[:few],
            sorted(group, key=lambda o: (-density(o), o.ref))[:dense],
            sorted(
                group,
                key=lambda o: (
                    round(4 * abs(density(o) / aim - 1)),
                    seen.get(o.key, 0),
                    meal_milp.tie_break(o, day, seed),
                    o.ref,
                ),
            )[:near],
        ]
        if capped:
            lists.append(sorted(group, key=lambda o: (load[id(o)], o.ref))[:dense])
        for lst in lists:
            for o in lst:
                keep[(o.kind, o.ref, o.meal, o.role)] = o
    order = {id(o): i for i, o in enumerate(options)}
    return sorted(keep.values(), key=lambda o: order[id(o)])
