"""A week of meals made of dishes and sides (issue 17), day by day, in plain Python.

Each day is one MILP (meal_milp) over the options that suit the person (patterns.options_for). Between days
the week keeps its variety: a dish on at most two days, a food on at most three, no two days with the same
meals, and a cost for repeating a dish, a food or a food group in the same meal. What stays in the week
(pinned, locked, added by hand) counts towards those limits. A day is first planned from short lists per
meal role, then from longer ones, then from every option left, then with staples (foods past their three
days; _tiers); each time the MIP runs over the core of the list's LP relaxation first (meal_core: HiGHS's
time grows with the model). When a day cannot fit, the meal shares are dropped first; then the magnesium
floor (the day is SHORT: every other band holds and it gets the most magnesium it can). Deterministic:
options are sorted, the tie-break is a hash of the seed and the day, and HiGHS runs with a node limit (its
time limit and the week's budget are a safety net only)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

from mealplanner.generator import meal_core, meal_milp
from mealplanner.generator.bands import Bands
from mealplanner.generator.patterns import MEALS, NUTRIENTS, Dish, Option, Person, SideFood, options_for

MAX_DISH_DAYS = 2  # a dish at most twice a week (issue 17)
MAX_FOOD_DAYS = 3  # a food on at most three days a week
# Per meal role, a day's short lists: least used, richest in magnesium per kcal, nearest the magnesium aim
# (and, with kidney caps, the lightest on them). Three times as long when they cannot fill the day. The MIP
# itself runs over the core of their LP relaxation (meal_core), so longer lists cost little: 6, 4, 3 rather
# than 4, 3, 2 kept magnesium between the target and twice it on 95 % of days rather than 91 % at the same speed.
SHORT_RANDOM, SHORT_DENSE, SHORT_NEAR = 6, 4, 3
WIDE_FACTOR = 3
# The short lists aim at this many times the target's magnesium per kcal: above the target, under twice it.
MG_AIM_FACTOR = 1.5
HEAVY_LOAD = 2.5  # with kidney caps, the short lists keep items using at most 2.5x as much cap as energy
WEEK_BUDGET_S = 8.0  # a week's requests end well inside gunicorn's 30 s, whatever the profile

OK, SHORT, NONE = "ok", "short", "none"
SHARES_NOTE = "Meals are less evenly sized than usual, so that the day fits its other bands."
SHORT_NOTE = (
    "Food alone could not reach the magnesium target within the other bands this day: it holds the "
    "most magnesium it can."
)
NONE_NOTE = (
    "No day fits every band with the dishes and foods that suit this person: add dishes, relax a "
    "limit with a dietitian, or fill this day by hand."
)
TOO_LONG_NOTE = "This day was not filled: filling took too long this time. Fill it again on its own."


@dataclass(frozen=True)
class PlannedItem:
    meal: str
    kind: str  # "dish" or "food"
    ref: int
    name: str
    role: str
    halves: int  # servings (dish) or usual portions (food), in halves
    unit_label: str
    grams: float
    group: str  # the food's SR28 group ("" for a dish)
    amounts: Mapping[str, float] = field(default_factory=dict)  # for this quantity

    @property
    def quantity(self) -> float:
        return self.halves / 2


@dataclass(frozen=True)
class PlannedDay:
    day: int
    status: str
    items: tuple[PlannedItem, ...] = ()
    totals: Mapping[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def chosen(self) -> frozenset[tuple[str, int, str]]:
        return frozenset((i.kind, i.ref, i.meal) for i in self.items)


def plan_week(
    *,
    dishes: Iterable[Dish],
    foods: Iterable[SideFood],
    person: Person,
    bands: Bands,
    days: Iterable[int] = range(7),
    meals: tuple[str, ...] = MEALS,
    fixed: Mapping[int, Mapping[str, float]] | None = None,
    seed: int = 0,
    budget_s: float = WEEK_BUDGET_S,
    meals_by_day: Mapping[int, tuple[str, ...]] | None = None,
    kept: Mapping[int, Iterable[tuple[str, int]]] | None = None,
) -> list[PlannedDay]:
    """The week's days in order. `fixed`: per day, what it already holds (kept; only `meals` are filled).
    `meals_by_day`: per day, the meals to fill there (each a subset of `meals`), when days differ.
    `kept`: per day of the week (filled or not), the dishes and foods it holds that stay, as (kind, ref):
    they count towards the week's repeats (a dish on at most two days) and are not planned again that day."""
    deadline = time.monotonic() + budget_s
    options = options_for(dishes, foods, person, bands, meals)
    kept_on = {d: frozenset(keys) for d, keys in (kept or {}).items()}
    days_of: Counter = Counter(key for keys in kept_on.values() for key in keys)
    groups_seen: Counter = Counter()
    earlier: list[frozenset] = []
    out = []
    for day in sorted(days):
        here = kept_on.get(day, frozenset())
        day_meals = tuple(m for m in meals if m in (meals_by_day or {}).get(day, meals))
        # Staples: foods past their days this week, for a day nothing else fills (dishes keep their limit).
        staples = [
            o
            for o in options
            if o.meal in day_meals and o.key not in here and not (o.kind == "dish" and days_of[o.key] >= MAX_DISH_DAYS)
        ]
        planned = plan_day(
            [o for o in staples if not (o.kind == "food" and days_of[o.key] >= MAX_FOOD_DAYS)],
            bands,
            day_meals,
            day=day,
            seed=seed,
            fixed=(fixed or {}).get(day, {}),
            seen=dict(days_of),
            groups_seen=groups_seen,
            earlier=earlier,
            deadline=deadline,
            staples=staples,
        )
        out.append(planned)
        earlier.append(planned.chosen)
        days_of.update({(i.kind, i.ref) for i in planned.items} - here)
        groups_seen.update({(i.meal, i.group) for i in planned.items if i.kind == "food"})
    return out


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


def _tiers(
    options: list[Option], staples: list[Option], bands: Bands, *, day: int, seed: int, seen: Mapping
) -> Iterator[tuple[list[Option], bool]]:
    """The option lists a day is tried with, in order (each made only when the one before cannot fit), and whether the whole list is tried when the MIP over
    its LP core (meal_core) cannot fit.

    The short lists, then the wide ones, then every option left this week (late in a week, a toddler's few
    dishes without choking hazards can all sit outside the lists), then staples: foods past their three days
    this week as well (a kidney day, once the few dishes and foods within the caps are used up by mid-week;
    a dish still comes at most twice a week). With kidney caps only the staples are tried whole: HiGHS took
    seconds to prove each whole list of a kidney day impossible (bench/generator.py: 34 of 35 kidney days
    filled, rather than 29, the slowest kidney week 4.6 CPU s rather than 8)."""
    whole = not kidney_caps(bands)
    yield shortlist(options, bands, day=day, seed=seed, seen=seen), whole
    yield shortlist(options, bands, day=day, seed=seed, seen=seen, wide=True), whole
    yield options, whole
    yield staples, True


def plan_day(
    options: list[Option],
    bands: Bands,
    meals: tuple[str, ...],
    *,
    day: int,
    seed: int,
    fixed: Mapping[str, float],
    seen: dict,
    groups_seen: Mapping,
    earlier: list[frozenset],
    deadline: float,
    staples: list[Option] | None = None,
) -> PlannedDay:
    fixed = dict(fixed)
    tried: list[list[Option]] = []
    for here, whole in _tiers(options, staples or options, bands, day=day, seed=seed, seen=seen):
        if here in tried:
            continue
        tried.append(here)
        try:
            model, x = _solve_day(
                here,
                bands,
                meals,
                day=day,
                seed=seed,
                fixed=fixed,
                seen=seen,
                groups_seen=groups_seen,
                earlier=earlier,
                deadline=deadline,
                whole=whole,
            )
        except meal_milp.OutOfTime:
            return PlannedDay(day, NONE, (), dict(fixed), (TOO_LONG_NOTE,))
        if x is None:
            continue
        items = _items(model, x)
        short_mg, off_shares = meal_milp.shortfall(model, x)
        status = SHORT if short_mg > 1e-6 else OK
        notes = ((SHORT_NOTE,) if status == SHORT else ()) + ((SHARES_NOTE,) if off_shares > 1e-6 else ())
        return PlannedDay(day, status, items, _totals(items, fixed), notes)
    return PlannedDay(day, NONE, (), dict(fixed), (NONE_NOTE,))


def _solve_day(
    options: list[Option],
    bands: Bands,
    meals: tuple[str, ...],
    *,
    day: int,
    seed: int,
    fixed: Mapping[str, float],
    seen: dict,
    groups_seen: Mapping,
    earlier: list[frozenset],
    deadline: float,
    whole: bool = True,
) -> tuple[meal_milp.DayModel, np.ndarray | None]:
    """The day's MIP over the core of its LP relaxation (meal_core); when that cannot fit and `whole`, over a
    wider core, then every option given. x is None when the relaxation already cannot fit, or no day was
    found."""

    def model_of(opts: list[Option]) -> tuple[meal_milp.DayModel, np.ndarray]:
        model = meal_milp.build(opts, bands, meals, fixed=dict(fixed), earlier_days=earlier)
        return model, meal_milp.cost(model, day=day, seed=seed, seen=seen, groups_seen=groups_seen)

    model, c = model_of(options)
    centre = meal_core.core(model, c)
    if centre is None:
        return model, None
    full = (model, c)
    # The core, then (when the whole list may be tried) a wider core, then the whole list: a kidney day's
    # whole list of staples took HiGHS 5 CPU s, its wider core 2.6 s (bench/generator.py).
    for wider in (False, True) if whole else (False,):
        # The wider core is worked out only when the core cannot fit.
        opts = (meal_core.core(*full, per_role=meal_core.WIDER_PER_ROLE) or options) if wider else centre
        if len(opts) < len(options):
            model, c = model_of(opts)
            x = meal_milp.solve(model, c, time_limit_s=min(meal_milp.TIME_LIMIT_S, deadline - time.monotonic()))
            if x is not None:
                return model, x
    if not whole:
        return model, None
    model, c = full
    return model, meal_milp.solve(model, c, time_limit_s=min(meal_milp.TIME_LIMIT_S, deadline - time.monotonic()))


def _items(model: meal_milp.DayModel, x: np.ndarray) -> tuple[PlannedItem, ...]:
    out = []
    for k, halves in meal_milp.chosen_halves(model, x).items():
        o = model.options[k]
        amounts = {n: o.per_unit[n] * halves / 2 for n in NUTRIENTS}
        out.append(
            PlannedItem(
                o.meal, o.kind, o.ref, o.name, o.role, halves, o.unit_label, o.unit_grams * halves / 2, o.group, amounts
            )
        )
    order = {m: i for i, m in enumerate(MEALS)}
    return tuple(sorted(out, key=lambda i: (order[i.meal], i.role != "main", i.kind, i.ref)))


def _totals(items: Iterable[PlannedItem], fixed: Mapping[str, float]) -> dict[str, float]:
    totals = {n: float(fixed.get(n, 0.0)) for n in NUTRIENTS}
    for item in items:
        for n in NUTRIENTS:
            totals[n] += item.amounts[n]
    return totals
