"""Fill a day or the empty meals of a week with meals made of dishes and sides (issue 17) (writes).

The planner is plain Python (`mealplanner.generator.meals`); this module reads the plan, the person's bands
and the dishes and foods they may have (selectors.meal_candidates), runs it, and replaces the entries it made
earlier (generated, not pinned, in unlocked meals) with the new ones, through the entry services, in one
transaction. Meals that hold anything kept (pinned, added by hand, locked) are not filled, and what they hold
counts towards the day. A day the planner cannot fill keeps its entries as they were and says why. The
generator only ever adds dishes and foods, never a supplement (it may suggest one in words).
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from foods.models import MEALS, Food, Portion
from mealplanner.generator.advice import SupplementAdvice, supplement_advice
from mealplanner.generator.meals import (
    NONE,
    OK,
    SHORT,
    WEEK_BUDGET_S,
    PlannedDay,
    PlannedItem,
    plan_week,
)
from mealplanner.models import Plan, PlanEntry
from mealplanner.selectors import generator as sel
from mealplanner.selectors.meal_candidates import is_own_food_ref, meal_candidates, person_of
from mealplanner.selectors.swap import entry_key
from mealplanner.services.generator_days import DayOutcome, outcome_of, refill_without_room, room_note
from mealplanner.services.plans import plan_entry_add
from mealplanner.services.recipe_entries import plan_own_food_add, plan_recipe_add
from recipes.models import OwnFood, Recipe

# Seconds of planning one request may spend: every request ends within 10 s, and reading the plan and the
# foods and writing the entries come on top (about a second each on a busy machine). Days not reached in
# time are not filled and say so.
SOLVE_BUDGET_S = min(WEEK_BUDGET_S, 7.0)
NOTHING = "nothing"  # a day with no meal to fill

# The NIH ODS gives no upper limit under 1 year: babies get magnesium from milk and food only, and the
# generator does not plan for them [NIH ODS fact sheet, Table 3].
MIN_AGE_YEARS = 1


@dataclass
class DayResult:
    day: int
    plan: DayOutcome
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
        return (
            "The plan cannot be filled yet: the profile needs an age or birth date before it has a magnesium "
            "target and an energy goal. Add it in the profile first."
        )
    if week.person.age_years < MIN_AGE_YEARS:
        return (
            "The generator makes no plans for babies under 1 year: they get magnesium from breast milk or "
            "formula and first foods. Ask a doctor or health visitor."
        )
    if not week.target.mg or not week.energy_goal[0]:
        return "The profile has no magnesium target or energy goal yet: complete it first."
    return ""


def kept_in_week(week, states: list, to_fill: list[int]) -> dict[int, set[tuple[str, int]]]:
    """Per day, the dishes and foods that stay in the week when it is filled: everything on the days not
    filled, and what is pinned, added by hand or locked on the days filled. They count towards the week's
    repeats (a dish on at most two days)."""
    out: dict[int, set[tuple[str, int]]] = {}
    for day in week.days:
        replaced = set(states[day.index].replace_ids) if day.index in to_fill else set()
        for meal in day.meals:
            for ev in meal.entries:
                kind, ref = ("", None) if ev.entry.pk in replaced else entry_key(ev.entry)  # a supplement: ("", None)
                if ref is not None:
                    out.setdefault(day.index, set()).add((kind, ref))
    return out


def past_days(plan: Plan, today: datetime.date) -> set[int]:
    """The plan's days (0-6) that fall before today."""
    return {d for d in range(7) if plan.start_date + datetime.timedelta(days=d) < today}


class _Writer:
    """Writes planned items through the entry services, reading the rows they need once."""

    def __init__(self, plan: Plan, planned: list[PlannedDay], foods_by_id: dict):
        items = [i for day in planned for i in day.items]
        self.plan, self.sides = plan, foods_by_id
        self.recipes = Recipe.objects.in_bulk({i.ref for i in items if i.kind == "dish"})
        self.own = OwnFood.objects.in_bulk({-i.ref for i in items if i.kind == "food" and is_own_food_ref(i.ref)})
        shared = {i.ref for i in items if i.kind == "food" and not is_own_food_ref(i.ref)}
        self.foods = Food.objects.in_bulk(shared)
        self.portions = Portion.objects.in_bulk({self.sides[ref].portion_id for ref in shared} - {None})

    def write(self, day: int, item: PlannedItem) -> PlanEntry:
        quantity = Decimal(item.halves) / 2
        if item.kind == "dish":
            entry = plan_recipe_add(
                plan=self.plan, day=day, meal=item.meal, recipe=self.recipes[item.ref], servings=quantity
            )
        elif is_own_food_ref(item.ref):
            entry = plan_own_food_add(
                plan=self.plan, day=day, meal=item.meal, own_food=self.own[-item.ref], servings=quantity
            )
        else:
            portion = self.portions.get(self.sides[item.ref].portion_id)
            # A count of the usual portion; a food without portions is planned in grams.
            amount = quantity if portion is not None else Decimal(str(round(item.grams, 1)))
            return plan_entry_add(
                plan=self.plan,
                day=day,
                meal=item.meal,
                food=self.foods[item.ref],
                portion=portion,
                quantity=amount,
                generated=True,
            )
        entry.generated = True  # the recipe services add what a person chose; this one the generator did
        entry.save(update_fields=["generated"])
        return entry


def _fill(
    plan: Plan, days: list[int], shuffle: int | None, *, past: set[int], skipped_past: list[int] | None = None
) -> FillResult:
    week = sel.week_for(plan)
    problem = _problem(week)
    if problem:
        return FillResult(plan=plan, problem=problem)
    if not days:
        return FillResult(
            plan=plan,
            skipped_past=skipped_past or [],
            problem="Every day of this plan is before today, so nothing was filled: past days are kept as they are.",
        )
    bands, why = sel.meal_bands(week)
    states = sel.day_states(week)
    dishes, foods = meal_candidates(profile=week.profile)
    to_fill = [d for d in days if states[d].empty_meals]
    kept = kept_in_week(week, states, to_fill)
    person, deadline = person_of(week.profile), time.monotonic() + SOLVE_BUDGET_S
    planned = {
        p.day: p
        for p in plan_week(
            dishes=dishes,
            foods=foods,
            person=person,
            bands=bands,
            days=to_fill,
            meals=MEALS,
            meals_by_day={d: states[d].empty_meals for d in to_fill},
            fixed={d: states[d].fixed for d in to_fill},
            seed=shuffle or 0,
            budget_s=SOLVE_BUDGET_S,
            kept=kept,
        )
    }
    eased = refill_without_room(planned, states, dishes, foods, person, bands, shuffle or 0, deadline, kept)
    sides = {f.food_id: f for f in foods}
    writer = _Writer(plan, list(planned.values()), sides)
    portions = {ref: side.portion_id for ref, side in sides.items()}
    result = FillResult(
        plan=plan, target_mg=bands.magnesium_mg, energy_goal_kcal=bands.energy_kcal, skipped_past=skipped_past or []
    )
    for d in days:
        state = states[d]
        if d not in planned:
            outcome = DayOutcome(
                status=NOTHING,
                magnesium_mg=state.fixed["magnesium_mg"],
                energy_kcal=state.fixed["energy_kcal"],
                notes=("Every meal of this day is planned by hand, pinned or locked, so nothing was changed.",),
            )
        elif d in eased:
            outcome = outcome_of(planned[d], eased[d], why, portions, state)
            # Energy is said once, against the real goal; the eased band is the planner's working figure only.
            outcome.tight = tuple(t for t in outcome.tight if not t.startswith("Energy:"))
            outcome.relaxed = (room_note(bands, state, outcome.energy_kcal),)
        else:
            outcome = outcome_of(planned[d], bands, why, portions, state)
        if outcome.status in (OK, SHORT):
            PlanEntry.objects.filter(pk__in=state.replace_ids, plan=plan).delete()
            for item in planned[d].items:
                writer.write(d, item)
            result.created += len(planned[d].items)
        advice = None
        # No supplement dose for a day already gone: it can no longer be taken.
        if outcome.status in (SHORT, NONE, NOTHING) and d not in past:
            gap = max(0.0, bands.magnesium_mg - outcome.magnesium_mg - (state.supplement_mg or 0.0))
            if gap > 0:
                advice = supplement_advice(
                    gap_mg=gap,
                    limit_mg=week.supplement_limit_mg,
                    planned_supplement_mg=state.supplement_mg,
                    kidney_disease=week.person.kidney_disease,
                )
        result.days.append(
            DayResult(day=d, plan=outcome, advice=advice, supplement_mg=state.supplement_mg, past=d in past)
        )
    return result


@transaction.atomic
def plan_fill_day(
    *, plan: Plan, day: int, shuffle: int | None = None, today: datetime.date | None = None
) -> FillResult:
    """Fill the empty, unlocked meals of one day (replacing what the generator made there before).

    A past day is filled when asked for by name (to record a week afterwards), without supplement advice.
    """
    if not 0 <= day <= 6:
        raise ValueError("The day must be 0 to 6.")
    return _fill(plan, [day], shuffle, past=past_days(plan, today or timezone.localdate()))


@transaction.atomic
def plan_fill_week(*, plan: Plan, shuffle: int | None = None, today: datetime.date | None = None) -> FillResult:
    """Fill the empty, unlocked meals of the week from today on, as one week of meals (a dish on at most two
    days, a food on at most three, no two days alike).

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
