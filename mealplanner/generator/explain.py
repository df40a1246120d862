"""The words beside a day's plan: which limits were tight, and which one was relaxed to fill the day."""

from __future__ import annotations

from mealplanner.generator.model import CAP_LABELS, CAPPED, SHORT, DayPlan, DayProblem, Item

GROUPS_NOTE = ("Meals: some meal holds two foods of the same food group or kind, because no plan fitted the "
               "limits with one of each.")


def floor_note(problem: DayProblem, items: tuple[Item, ...]) -> str:
    """The day ends below the energy band because the meals already planned leave too little room."""
    limits, fixed = problem.limits, problem.fixed
    kcal = fixed.energy_kcal + sum(i.energy_kcal for i in items)
    return (f"Energy: reached {kcal:,.0f} of {limits.energy_low:,.0f}–{limits.energy_high:,.0f} kcal (the goal of "
            f"{limits.energy_kcal:,.0f} kcal ±{limits.energy_tolerance * 100:.0f} %): the planned meals leave too "
            "little room, so the empty meals got as much as they can hold.")


def plan_of(problem: DayProblem, status: str, items: tuple[Item, ...], *, shuffled: bool = False,
          relaxed: tuple[str, ...] = (), below_band: bool = False) -> DayPlan:
    limits, fixed = problem.limits, problem.fixed
    mg = fixed.magnesium_mg + sum(i.magnesium_mg for i in items)
    kcal = fixed.energy_kcal + sum(i.energy_kcal for i in items)
    tight = []
    if status == SHORT:
        within = "under the top of the energy goal" if below_band else "within the energy goal"
        tight.append(f"Magnesium: food reaches {mg:.0f} of {limits.magnesium_mg:.0f} mg at most {within}, "
                     "diet and limits.")
    elif mg <= limits.magnesium_mg * 1.05:
        tight.append(f"Magnesium: the plan just reaches the {limits.magnesium_mg:.0f} mg target.")
    if below_band:
        pass  # the relaxed note already says where energy stands
    elif kcal <= limits.energy_low * 1.02:
        tight.append(f"Energy: the plan stays near the low end of the energy goal ({limits.energy_low:.0f} kcal), "
                     "because it uses about the fewest calories that reach magnesium.")
    elif kcal >= limits.energy_high * 0.98:
        tight.append(f"Energy: the plan is near the top of the energy goal ({limits.energy_high:.0f} kcal).")
    for nutrient in CAPPED:
        cap = limits.cap(nutrient)
        if cap is None:
            continue
        total = fixed.value(nutrient) + sum((i.candidate.value(nutrient) or 0.0) * i.count for i in items)
        if cap == 0:
            why = limits.caffeine_reason if nutrient == "caffeine_mg" and limits.caffeine_reason else ""
            tight.append(f"{CAP_LABELS[nutrient].capitalize()}: only foods without it were used{why}.")
        elif total >= cap * 0.95:
            tight.append(f"{CAP_LABELS[nutrient].capitalize()}: {total:.0f} mg, close to the {cap:.0f} mg limit.")
    return DayPlan(status=status, items=items, magnesium_mg=mg, energy_kcal=kcal,
                   food_magnesium_gap_mg=max(0.0, limits.magnesium_mg - mg), tight=tuple(tight), shuffled=shuffled,
                   relaxed=relaxed)
