"""Fill a day or the empty meals of a week with foods that reach magnesium from food (writes).

The optimiser is plain Python (`mealplanner.generator`); this module reads the plan, runs it, and
replaces the entries it made earlier (generated, not pinned, in unlocked meals) with the new ones.
A day the optimiser cannot fill at all keeps its entries as they were and says why.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from foods.models import MEALS
from mealplanner.generator.advice import SupplementAdvice, supplement_advice
from mealplanner.generator.model import INFEASIBLE, NOTHING, OK, SHORT, DayPlan
from mealplanner.generator.week import solve_week
from mealplanner.models import Plan, PlanEntry
from mealplanner.services.plans import check_room
from mealplanner.selectors import generator as sel

# Seconds of solving one request may spend: gunicorn's timeout is 30 s (README), and loading the foods and
# writing the entries come on top. Days not reached in time are not filled and say so.
SOLVE_BUDGET_S = 18.0

# The NIH ODS gives no upper limit under 1 year: babies get magnesium from milk and food only, and the
# generator does not plan for them [NIH ODS fact sheet, Table 3].
MIN_AGE_YEARS = 1


@dataclass
class DayResult:
    day: int
    plan: DayPlan
    advice: SupplementAdvice | None = None
    supplement_mg: float | None = 0.0  # planned supplements that day (None: one has an unknown dose)
    past: bool = False  # a day before today: filled only when asked for by name, and never a supplement dose

    @property
    def status(self) -> str:
        return self.plan.status


@dataclass
class FillResult:
    plan: Plan
    days: list[DayResult] = field(default_factory=list)
    problem: str = ""  # why nothing could be planned at all
    target_mg: float = 0
    energy_goal_kcal: float = 0
    created: int = 0
    skipped_past: list[int] = field(default_factory=list)  # days before today left as they are (week fill)

    @property
    def ok(self) -> bool:
        return not self.problem


def _problem(week) -> str:
    if week.problem and "age or birth date" not in week.problem:
        return f"The plan cannot be filled yet: {week.problem} Correct it in the profile first."
    if week.problem or week.person is None:
        # The profile's own message for a missing age speaks to the person ("your age"); dietitians fill
        # clients' plans too, so the generator says what is missing in its own, neutral words.
        return ("The plan cannot be filled yet: the profile needs an age or birth date before it has a magnesium "
                "target and an energy goal. Add it in the profile first.")
    if week.person.age_years < MIN_AGE_YEARS:
        return ("The generator makes no plans for babies under 1 year: they get magnesium from breast milk or "
                "formula and first foods. Ask a doctor or health visitor.")
    if not week.target.mg or not week.energy_goal[0]:
        return "The profile has no magnesium target or energy goal yet: complete it first."
    return ""


def past_days(plan: Plan, today: datetime.date) -> set[int]:
    """The plan's days (0-6) that fall before today."""
    return {d for d in range(7) if plan.start_date + datetime.timedelta(days=d) < today}


def _fill(plan: Plan, days: list[int], shuffle: int | None, *, past: set[int],
          skipped_past: list[int] | None = None) -> FillResult:
    week = sel.week_for(plan)
    problem = _problem(week)
    if problem:
        return FillResult(plan=plan, problem=problem)
    if not days:
        return FillResult(plan=plan, skipped_past=skipped_past or [],
                          problem="Every day of this plan is before today, so nothing was filled: "
                                  "past days are kept as they are.")
    limits = sel.limits_for(week)
    states = sel.day_states(week)
    counts = sel.day_counts(states, week, skip_days=set(days))
    # Every food that suits the person; the week shortlists it per day, under the person's limits.
    pool = sel.candidates_for_profile(week.profile, limits=limits, young=sel.young_child(week), short=False)
    plans = solve_week(pool=pool, limits=limits, days=[sel.spec(states[d]) for d in days],
                       day_counts=counts, shuffle=shuffle, budget_s=SOLVE_BUDGET_S)
    result = FillResult(plan=plan, target_mg=limits.magnesium_mg, energy_goal_kcal=limits.energy_kcal,
                        skipped_past=skipped_past or [])
    supplement_limit = week.supplement_limit_mg
    for d in days:
        day_plan, state = plans[d], states[d]
        advice = None
        # No supplement dose for a day already gone: it can no longer be taken.
        if day_plan.status in (SHORT, NOTHING, INFEASIBLE) and d not in past:
            gap = max(0.0, limits.magnesium_mg - day_plan.magnesium_mg - (state.supplement_mg or 0.0))
            if gap > 0:
                advice = supplement_advice(gap_mg=gap, limit_mg=supplement_limit,
                                           planned_supplement_mg=state.supplement_mg,
                                           kidney_disease=week.person.kidney_disease)
        if day_plan.status in (OK, SHORT):
            PlanEntry.objects.filter(pk__in=state.replace_ids, plan=plan).delete()
            result.created += _create(plan, d, day_plan)
        result.days.append(DayResult(day=d, plan=day_plan, advice=advice, supplement_mg=state.supplement_mg,
                                     past=d in past))
    return result


def _create(plan: Plan, day: int, day_plan: DayPlan) -> int:
    rows = []
    for item in day_plan.items:
        c = item.candidate
        # A count of the chosen portion; a food without a fitting portion is planned in grams.
        quantity = Decimal(item.count) if c.portion_id else Decimal(str(round(c.grams * item.count, 1)))
        # What was planned is stored with the entry (issue 14): grams, and the portion's name.
        rows.append(PlanEntry(plan=plan, day=day, meal=item.meal, food_id=c.food_id, portion_id=c.portion_id,
                              quantity=quantity, generated=True, grams=float(quantity) * (c.grams if c.portion_id else 1.0),
                              portion_label=c.portion_label if c.portion_id else ""))
    check_room(plan, [(row.day, row.meal) for row in rows])
    PlanEntry.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def plan_fill_day(*, plan: Plan, day: int, shuffle: int | None = None,
                  today: datetime.date | None = None) -> FillResult:
    """Fill the empty, unlocked meals of one day (replacing what the generator made there before).

    A past day is filled when asked for by name (to record a week afterwards), without supplement advice.
    """
    if not 0 <= day <= 6:
        raise ValueError("The day must be 0 to 6.")
    return _fill(plan, [day], shuffle, past=past_days(plan, today or timezone.localdate()))


@transaction.atomic
def plan_fill_week(*, plan: Plan, shuffle: int | None = None, today: datetime.date | None = None) -> FillResult:
    """Fill the empty, unlocked meals of the week from today on, day by day (a food on at most 3 days).

    Days before today are history: they stay as they are, and the result lists them.
    """
    past = past_days(plan, today or timezone.localdate())
    days = [d for d in range(7) if d not in past]
    return _fill(plan, days, shuffle, past=past, skipped_past=sorted(past))


@transaction.atomic
def plan_meal_lock_toggle(*, plan: Plan, day: int, meal: str) -> bool:
    """Lock a meal so the generator leaves it alone, or unlock it; returns whether it is now locked."""
    if not 0 <= day <= 6 or meal not in MEALS:
        raise ValueError("Unknown day or meal.")
    key = f"{day}:{meal}"
    current = [m for m in (plan.locked_meals or []) if m != key]
    now_locked = key not in (plan.locked_meals or [])
    if now_locked:
        current.append(key)
    plan.locked_meals = sorted(current)
    plan.save(update_fields=["locked_meals", "updated"])
    return now_locked


@transaction.atomic
def plan_entry_pin_set(*, entry: PlanEntry, pinned: bool) -> bool:
    """Pin an entry so the generator keeps it (on any number of days), or unpin it."""
    entry.pinned = pinned
    entry.save(update_fields=["pinned"])
    return entry.pinned
