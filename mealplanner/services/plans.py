"""Writes to plans and their entries. Views validate with forms first; these check again and raise
ValueError for anything that would store nonsense, so a caller that skipped a form cannot."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from foods.models import Food, Portion
from mealplanner.models import Plan, PlanEntry, Profile, SupplementProduct

# Sensible amounts: nobody eats more than 5 kg of one food in one meal, or takes 20 units of a
# supplement at once; larger numbers are typing mistakes.
MAX_FOOD_GRAMS = 5000
MAX_SUPPLEMENT_UNITS = 20
MEAL_CODES = tuple(code for code, _ in PlanEntry.MEAL_CHOICES)
STATUS_CODES = tuple(code for code, _ in PlanEntry.STATUS_CHOICES)


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def food_grams(quantity: Decimal | float, portion: Portion | None) -> float:
    return float(quantity) * (portion.grams if portion is not None else 1.0)


def _check_day_meal(day: int, meal: str) -> None:
    if not (isinstance(day, int) and 0 <= day <= 6):
        raise ValueError("The day must be 0 to 6.")
    if meal not in MEAL_CODES:
        raise ValueError(f"Unknown meal {meal!r}.")


def _check_food_amount(food_id: int, portion: Portion | None, quantity) -> None:
    if portion is not None and portion.food_id != food_id:
        raise ValueError("That portion belongs to another food.")
    if float(quantity) <= 0 or food_grams(quantity, portion) > MAX_FOOD_GRAMS:
        raise ValueError(f"The amount must be more than 0 and at most {MAX_FOOD_GRAMS} g.")


def _check_units(quantity) -> None:
    if not 0 < float(quantity) <= MAX_SUPPLEMENT_UNITS:
        raise ValueError(f"Units must be more than 0 and at most {MAX_SUPPLEMENT_UNITS}.")


@transaction.atomic
def plan_create(*, profile: Profile, name: str, start_date: datetime.date, created_by=None) -> Plan:
    return Plan.objects.create(profile=profile, name=name.strip() or "My week", start_date=start_date, created_by=created_by)


@transaction.atomic
def plan_delete(*, plan: Plan) -> None:
    plan.delete()


@transaction.atomic
def plan_duplicate_next_week(*, plan: Plan, created_by=None) -> Plan:
    """A copy of the plan starting a week later, every entry planned again (nothing ticked eaten)."""
    copy = Plan.objects.create(
        profile=plan.profile, created_by=created_by, name=plan.name, start_date=plan.start_date + datetime.timedelta(days=7),
        is_template=plan.is_template, shared_with_client=plan.shared_with_client, client_can_edit=plan.client_can_edit,
        note=plan.note, locked_meals=list(plan.locked_meals or []),
    )
    PlanEntry.objects.bulk_create([_clone(entry, plan_id=copy.pk) for entry in plan.entries.all()])
    return copy


def _clone(entry: PlanEntry, **changes) -> PlanEntry:
    values = {
        "plan_id": entry.plan_id, "day": entry.day, "meal": entry.meal, "food_id": entry.food_id,
        "portion_id": entry.portion_id, "quantity": entry.quantity, "supplement_id": entry.supplement_id,
        "time_taken": entry.time_taken, "pinned": entry.pinned, "generated": entry.generated,
    }
    values.update(changes)
    return PlanEntry(**values, status="planned")


@transaction.atomic
def plan_entry_add(
    *, plan: Plan, day: int, meal: str, food: Food | None = None, portion: Portion | None = None,
    quantity: Decimal | float = 1, supplement: SupplementProduct | None = None,
    time_taken: datetime.time | None = None, generated: bool = False,
) -> PlanEntry:
    """Add a food (a count of one of its portions, or grams without a portion) or a supplement (units)."""
    _check_day_meal(day, meal)
    if (food is None) == (supplement is None):
        raise ValueError("An entry is either a food or a supplement.")
    if food is not None:
        _check_food_amount(food.pk, portion, quantity)
    else:
        if supplement.profile_id != plan.profile_id:
            raise ValueError("That supplement is not in this person's cabinet.")
        _check_units(quantity)
        portion = None
    return PlanEntry.objects.create(
        plan=plan, day=day, meal=meal, food=food, portion=portion, quantity=Decimal(str(quantity)),
        supplement=supplement, time_taken=time_taken, generated=generated,
    )


@transaction.atomic
def plan_entry_change_amount(
    *, entry: PlanEntry, quantity: Decimal | float, portion: Portion | None = None,
    time_taken: datetime.time | None = None,
) -> PlanEntry:
    if entry.food_id:
        _check_food_amount(entry.food_id, portion, quantity)
        entry.portion = portion
    else:
        _check_units(quantity)
        entry.time_taken = time_taken
    entry.quantity = Decimal(str(quantity))
    # A person's own amount: the entry is theirs now, so the generator's next fill keeps it.
    entry.generated = False
    entry.save(update_fields=["quantity", "portion", "time_taken", "generated"])
    return entry


@transaction.atomic
def plan_entry_set_status(*, entry: PlanEntry, status: str) -> PlanEntry:
    if status not in STATUS_CODES:
        raise ValueError(f"Unknown status {status!r}.")
    entry.status = status
    entry.save(update_fields=["status"])
    return entry


@transaction.atomic
def plan_entry_move(*, entry: PlanEntry, day: int, meal: str) -> PlanEntry:
    _check_day_meal(day, meal)
    entry.day, entry.meal = day, meal
    entry.save(update_fields=["day", "meal"])
    return entry


@transaction.atomic
def plan_entry_remove(*, entry: PlanEntry) -> None:
    entry.delete()


def days_with_entries(plan: Plan, days) -> list[int]:
    return sorted(set(plan.entries.filter(day__in=list(days)).values_list("day", flat=True)))


@transaction.atomic
def plan_day_copy(*, plan: Plan, from_day: int, to_days) -> list[int]:
    """Copy one day's entries onto other days, replacing what those days had. Returns the days written."""
    targets = sorted({int(d) for d in to_days} - {from_day})
    for day in [from_day, *targets]:
        _check_day_meal(day, "breakfast")
    source = list(plan.entries.filter(day=from_day))
    plan.entries.filter(day__in=targets).delete()
    PlanEntry.objects.bulk_create([_clone(entry, day=day) for day in targets for entry in source])
    return targets
