"""A week, solved day by day: each day sees which foods the earlier days already used (variety)."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field, replace

from mealplanner.generator.candidates import shortlist
from mealplanner.generator.model import INFEASIBLE, MAX_DAYS_PER_FOOD, DayPlan, DayProblem, Fixed, Limits
from mealplanner.generator.solve import TOO_LONG, solve_day

WIDER = 30  # more foods per list for a second try at a day the short lists could not fill


@dataclass(frozen=True)
class DaySpec:
    day: int
    meals: tuple[str, ...]  # the empty, unlocked meals to fill
    fixed: Fixed = field(default_factory=Fixed)


def used_up(counts: Counter, pinned: frozenset[int] = frozenset()) -> frozenset[int]:
    """Foods already on MAX_DAYS_PER_FOOD days (pinned foods do not count against the others)."""
    return frozenset(f for f, n in counts.items() if n >= MAX_DAYS_PER_FOOD and f not in pinned)


def solve_week(*, candidates=None, pool=None, limits: Limits, days: list[DaySpec], day_counts: Counter | None = None,
               shuffle: int | None = None, budget_s: float | None = None) -> dict[int, DayPlan]:
    """Plans for the given days, in day order.

    `candidates` is a fixed list for every day; `pool` (every food that suits the person) is shortlisted
    afresh each day without the foods already used up or in the day, so a late day of a week with strict
    caps still has its best foods to choose from (a fixed shortlist ran dry by the seventh kidney day).
    `day_counts` says on how many days of the week each food already appears among the entries that are
    kept (pinned entries left out: a pinned food may be on any number of days).
    `budget_s`: seconds for the whole call; days reached after it are not filled and say so.
    """
    deadline = None if budget_s is None else time.monotonic() + budget_s
    counts = Counter(day_counts or {})
    plans: dict[int, DayPlan] = {}
    for spec in sorted(days, key=lambda d: d.day):
        gone = used_up(counts)
        if pool is not None:
            candidates = shortlist((c for c in pool if c.food_id not in gone and c.food_id not in spec.fixed.food_ids),
                                   limits=limits)
        problem = DayProblem(candidates=tuple(candidates), meals=spec.meals, limits=limits, fixed=spec.fixed,
                             used_up=gone, seen=dict(counts),
                             shuffle=None if shuffle is None else shuffle * 7 + spec.day, deadline=deadline)
        wider = None
        if pool is not None:
            wider = shortlist((c for c in pool if c.food_id not in gone and c.food_id not in spec.fixed.food_ids),
                              limits=limits, extra=WIDER)
            wider = wider if len(wider) > len(problem.candidates) else None
        plan = solve_day(problem, diagnose=wider is None)
        if plan.status == INFEASIBLE and wider is not None and TOO_LONG not in plan.reasons:
            # Strict limits can leave a short list with no day at all: once more with longer lists (and reasons).
            plan = solve_day(replace(problem, candidates=tuple(wider)))
        plans[spec.day] = plan
        for food_id in plan.food_ids:
            counts[food_id] += 1
    return plans


def one_day(*, candidates=None, pool=None, limits: Limits, spec: DaySpec, day_counts: Counter | None = None,
            shuffle: int | None = None, budget_s: float | None = None) -> DayPlan:
    return solve_week(candidates=candidates, pool=pool, limits=limits, days=[spec], day_counts=day_counts,
                      shuffle=shuffle, budget_s=budget_s)[spec.day]

