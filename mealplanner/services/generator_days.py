"""A filled day as the result page shows it, and the second try for days whose kept meals leave too little
room (issue 17). Plain values from the meal planner's answer; the writes are services.generator's."""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from mealplanner.generator.bands import Bands
from mealplanner.generator.meal_explain import held_back
from mealplanner.generator.meal_milp import MEAL_SHARES
from mealplanner.generator.meals import (
    MAX_DISH_DAYS,
    MAX_FOOD_DAYS,
    NONE,
    OK,
    SHORT,
    SHORT_NOTE,
    PlannedDay,
    PlannedItem,
    plan_week,
)
from mealplanner.generator.patterns import MEALS, Dish, Person, SideFood
from mealplanner.selectors.generator import DayState
from mealplanner.selectors.meal_candidates import is_own_food_ref


@dataclass(frozen=True)
class ItemLine:
    """One planned dish or food as the result page shows it."""

    meal: str
    name: str
    kind: str  # "dish" or "food"
    amount: str  # "1½ servings (450 g)", "1 × 1 cup (180 g)", "100 g"
    magnesium_mg: float
    energy_kcal: float
    mg_per_unit: float  # per serving, portion or the grams planned by weight
    unit: str  # "serving", "portion" or "100 g"
    mg_per_100_kcal: float | None


@dataclass
class DayOutcome:
    status: str  # OK, SHORT, NONE (not filled) or NOTHING (no meal to fill)
    items: list[ItemLine] = field(default_factory=list)
    magnesium_mg: float = 0.0  # whole day: kept + generated
    energy_kcal: float = 0.0
    gap_mg: float = 0.0  # how far the day stays below the target (0 when met)
    tight: tuple[str, ...] = ()  # plain sentences: which bands held the plan back
    notes: tuple[str, ...] = ()  # the planner's own words (meals less even, short, not filled and why)
    relaxed: tuple[str, ...] = ()  # plain sentences: which band was eased to fill the day at all


def _halves(halves: int) -> str:
    whole, half = divmod(halves, 2)
    return (f"{whole}" if whole else "") + ("½" if half else "") or "0"


def item_line(item: PlannedItem, portions: dict[int, int | None]) -> ItemLine:
    mg, kcal = item.amounts["magnesium_mg"], item.amounts["energy_kcal"]
    if item.kind == "dish" or is_own_food_ref(item.ref):
        plural = "" if item.halves <= 2 else "s"
        amount, unit = f"{_halves(item.halves)} serving{plural} ({item.grams:.0f} g)", "serving"
    elif portions.get(item.ref) is not None:
        amount, unit = f"{_halves(item.halves)} × {item.unit_label} ({item.grams:.0f} g)", "portion"
    else:
        amount, unit = f"{item.grams:.0f} g", f"{item.grams * 2 / item.halves:.0f} g"
    return ItemLine(
        meal=item.meal,
        name=item.name,
        kind=item.kind,
        amount=amount,
        magnesium_mg=mg,
        energy_kcal=kcal,
        mg_per_unit=mg * 2 / item.halves,
        unit=unit,
        mg_per_100_kcal=mg * 100 / kcal if kcal > 0 else None,
    )


def outcome_of(
    planned: PlannedDay, bands: Bands, why: str, portions: dict[int, int | None], state: DayState
) -> DayOutcome:
    totals = planned.totals
    mg = totals.get("magnesium_mg", 0.0)
    tight = held_back(totals, bands, caffeine_reason=why) if planned.status in (OK, SHORT) else ()
    notes = tuple(n for n in planned.notes if n != SHORT_NOTE)  # the page says "Short" in its own words
    kept_kcal = state.fixed["energy_kcal"]
    if planned.status == NONE and len(state.empty_meals) < len(MEALS):
        notes += (
            f"The meals already planned hold {kept_kcal:,.0f} kcal, so the empty ones "
            f"({', '.join(state.empty_meals)}) would have to bring the day to {bands.energy_low:,.0f}–"
            f"{bands.energy_high:,.0f} kcal as a dish or a plate with sides each: change or unlock a planned "
            "meal to let the generator fill it.",
        )
    return DayOutcome(
        status=planned.status,
        items=[item_line(i, portions) for i in planned.items],
        magnesium_mg=mg,
        energy_kcal=totals.get("energy_kcal", 0.0),
        gap_mg=max(0.0, bands.magnesium_mg - mg),
        tight=tight,
        notes=notes,
    )


def room_bands(bands: Bands, state: DayState) -> Bands | None:
    """The bands for a day whose kept meals leave too little room for the energy goal (a dinner alone cannot
    bring 400 kcal of planned food to 1,800 kcal): the goal becomes what the kept meals hold plus the empty
    meals' largest usual shares of it (meal_milp.MEAL_SHARES), so the empty meals are filled as fully as a
    meal of its kind is. None when the empty meals have room enough (something else held the day back)."""
    reach = state.fixed["energy_kcal"] + sum(MEAL_SHARES[m][1] for m in state.empty_meals) * bands.energy_kcal
    if not state.empty_meals or len(state.empty_meals) == len(MEALS) or reach >= bands.energy_low:
        return None
    return dataclasses.replace(bands, energy_kcal=reach)


def room_note(bands: Bands, state: DayState, kcal: float) -> str:
    return (
        f"Energy: the meals already planned hold {state.fixed['energy_kcal']:,.0f} kcal and leave too little "
        f"room, so the empty ones were filled as a meal of their kind is, to {kcal:,.0f} kcal in all, below the "
        f"{bands.energy_low:,.0f}–{bands.energy_high:,.0f} kcal goal. Change or unlock a planned meal for a "
        "fuller day."
    )


def refill_without_room(
    planned: dict[int, PlannedDay],
    states: list,
    dishes: list[Dish],
    foods: list[SideFood],
    person: Person,
    bands: Bands,
    seed: int,
    deadline: float,
    kept: Mapping[int, Iterable[tuple[str, int]]] | None = None,
) -> dict[int, Bands]:
    """Days the week could not fill because their kept meals leave too little room, filled again one by one
    under room_bands, keeping the week's limits on repeats (a dish on two days, a food on three), what stays
    in the week (`kept`, per day) counted. Changes `planned` in place; returns the eased bands of the days
    it filled."""
    kept = kept or {}
    on_day = {d: {(i.kind, i.ref) for i in p.items} for d, p in planned.items()}
    for d, keys in kept.items():
        on_day[d] = on_day.get(d, set()) | set(keys)
    used = Counter(key for keys in on_day.values() for key in keys)
    eased: dict[int, Bands] = {}
    for d, day in sorted(planned.items()):
        room = room_bands(bands, states[d]) if day.status == NONE else None
        left = deadline - time.monotonic()
        if room is None or left <= 0:
            continue
        again = plan_week(
            dishes=[x for x in dishes if used[("dish", x.dish_id)] < MAX_DISH_DAYS],
            foods=[x for x in foods if used[("food", x.food_id)] < MAX_FOOD_DAYS],
            person=person,
            bands=room,
            days=[d],
            meals=states[d].empty_meals,
            fixed={d: states[d].fixed},
            seed=seed,
            budget_s=left,
            kept={d: kept.get(d, ())},
        )[0]
        if again.status in (OK, SHORT):
            planned[d], eased[d] = again, room
            used.update({(i.kind, i.ref) for i in again.items})
    return eased
