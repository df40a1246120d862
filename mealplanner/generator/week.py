"""A week, solved day by day: each day sees which foods the earlier days already used (variety)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from mealplanner.generator.model import MAX_DAYS_PER_FOOD, DayPlan, DayProblem, Fixed, Limits
from mealplanner.generator.solve import solve_day


@dataclass(frozen=True)
class DaySpec:
    day: int
    meals: tuple[str, ...]  # the empty, unlocked meals to fill
    fixed: Fixed = field(default_factory=Fixed)


def used_up(counts: Counter, pinned: frozenset[int] = frozenset()) -> frozenset[int]:
    """Foods already on MAX_DAYS_PER_FOOD days (pinned foods do not count against the others)."""
    return frozenset(f for f, n in counts.items() if n >= MAX_DAYS_PER_FOOD and f not in pinned)


def solve_week(*, candidates, limits: Limits, days: list[DaySpec], day_counts: Counter | None = None,
               shuffle: int | None = None) -> dict[int, DayPlan]:
    """Plans for the given days, in day order.

    `day_counts` says on how many days of the week each food already appears among the entries that are
    kept (pinned entries left out: a pinned food may be on any number of days).
    """
    counts = Counter(day_counts or {})
    plans: dict[int, DayPlan] = {}
    for spec in sorted(days, key=lambda d: d.day):
        problem = DayProblem(candidates=tuple(candidates), meals=spec.meals, limits=limits, fixed=spec.fixed,
                             used_up=used_up(counts), seen=dict(counts),
                             shuffle=None if shuffle is None else shuffle * 7 + spec.day)
        plan = solve_day(problem)
        plans[spec.day] = plan
        for food_id in plan.food_ids:
            counts[food_id] += 1
    return plans


def one_day(*, candidates, limits: Limits, spec: DaySpec, day_counts: Counter | None = None,
            shuffle: int | None = None) -> DayPlan:
    return solve_week(candidates=candidates, limits=limits, days=[spec], day_counts=day_counts,
                      shuffle=shuffle)[spec.day]

