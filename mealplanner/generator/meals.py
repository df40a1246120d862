"""A week of meals made of dishes and sides (issue 17), day by day, in plain Python.

Each day is one MILP (meal_milp) over the options that suit the person (patterns.options_for). Between days
the week keeps its variety: a dish on at most two days, a food on at most three, no two days with the same
meals, and a cost for repeating a dish, a food or a food group in the same meal. What stays in the week
(pinned, locked, added by hand) counts towards those limits. A day is first planned from short lists per
meal role, then from longer ones, then from every option left, then with staples (foods past their three
days; _tiers); each time the MIP runs over the core of the list's LP relaxation first (meal_core: HiGHS's
time grows with the model). When a day cannot fit, the meal shares are dropped first; then the magnesium
floor (the day is SHORT: every other band holds and it gets the most magnesium it can); a SHORT day is kept
only when no later list reaches the target. Deterministic:
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
from mealplanner.generator.shortlists import kidney_caps, shortlist

MAX_DISH_DAYS = 2  # a dish at most twice a week (issue 17)
MAX_FOOD_DAYS = 3  # a food on at most three days a week
WEEK_BUDGET_S = 8.0  # a week's requests end well inside gunicorn's 30 s, whatever the profile

OK, SHORT, NONE = "ok", "short", "none"
CORE, WIDER, WHOLE = 1, 2, 3  # how far a list of options is tried: its LP core, then a wider core, then whole
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


def _tiers(
    options: list[Option], staples: list[Option], bands: Bands, *, day: int, seed: int, seen: Mapping
) -> Iterator[tuple[list[Option], int]]:
    """The option lists a day is tried with, in order (each made only when the one before cannot fit), and how
    far each is tried (_solve_day: its LP core, then a wider core, then the whole list).

    The short lists, then the wide ones, then every option left this week (late in a week, a toddler's few
    dishes without choking hazards can all sit outside the lists), then staples: foods past their three days
    this week as well (a kidney day, once the few dishes and foods within the caps are used up by mid-week;
    a dish still comes at most twice a week). With kidney caps each list is tried over its core only and the
    staples over a wider core too, never whole: HiGHS took seconds to prove each whole list of a kidney day
    impossible (the kidney weeks of bench/generator.py's seeds 3, 5, 11 and 17, with 65 curated dishes: 111
    of 140 days filled this way, 110 with the staples tried whole, which ran out of time on 22 days, not 10)."""
    reach = CORE if kidney_caps(bands) else WHOLE
    yield shortlist(options, bands, day=day, seed=seed, seen=seen), reach
    yield shortlist(options, bands, day=day, seed=seed, seen=seen, wide=True), reach
    yield options, reach
    yield staples, WIDER if reach == CORE else WHOLE


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
    tried: list[tuple[list[Option], int]] = []
    short: PlannedDay | None = None  # the first day short of the magnesium target; a longer list may reach it
    for here, reach in _tiers(options, staples or options, bands, day=day, seed=seed, seen=seen):
        # A list is tried again only when it is now tried further (a kidney day's staples are every option
        # left while no food has had its three days: skipping them never tried their wider core).
        if any(here == done and reach <= done_reach for done, done_reach in tried):
            continue
        tried.append((here, reach))
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
                reach=reach,
            )
        except meal_milp.OutOfTime:
            return PlannedDay(day, NONE, (), dict(fixed), (TOO_LONG_NOTE,))
        if x is None:
            continue
        items = _items(model, x)
        short_mg, off_shares = meal_milp.shortfall(model, x)
        status = SHORT if short_mg > 1e-6 else OK
        notes = ((SHORT_NOTE,) if status == SHORT else ()) + ((SHARES_NOTE,) if off_shares > 1e-6 else ())
        planned = PlannedDay(day, status, items, _totals(items, fixed), notes)
        if status == OK:
            return planned
        short = short or planned
    return short or PlannedDay(day, NONE, (), dict(fixed), (NONE_NOTE,))


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
    reach: int = WHOLE,
) -> tuple[meal_milp.DayModel, np.ndarray | None]:
    """The day's MIP over the core of its LP relaxation (meal_core); when that cannot fit, and as far as
    `reach` allows, over a wider core, then every option given. x is None when the relaxation already cannot
    fit, or no day was found."""

    def model_of(opts: list[Option]) -> tuple[meal_milp.DayModel, np.ndarray]:
        model = meal_milp.build(opts, bands, meals, fixed=dict(fixed), earlier_days=earlier)
        return model, meal_milp.cost(model, day=day, seed=seed, seen=seen, groups_seen=groups_seen)

    model, c = model_of(options)
    centre = meal_core.core(model, c)
    if centre is None:
        return model, None
    full = (model, c)
    # The core, then a wider core, then the whole list: a kidney day's whole list of staples took HiGHS 5 CPU
    # s, its wider core 2.6 s (bench/generator.py).
    for wider in (False, True):
        if wider and reach < WIDER:
            break
        # The wider core is worked out only when the core cannot fit.
        opts = (meal_core.core(*full, per_role=meal_core.WIDER_PER_ROLE) or options) if wider else centre
        if len(opts) < len(options):
            model, c = model_of(opts)
            x = meal_milp.solve(model, c, time_limit_s=min(meal_milp.TIME_LIMIT_S, deadline - time.monotonic()))
            if x is not None:
                return model, x
    if reach < WHOLE:
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
