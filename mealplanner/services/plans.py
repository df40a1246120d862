"""Writes to plans and their entries. Views validate with forms first; these check again and raise
ValueError for anything that would store nonsense, so a caller that skipped a form cannot."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from core import throttle
from core.limits import LimitReached
from foods.models import Food, Portion
from mealplanner.entry_amounts import is_recipe_entry, planned_amount
from mealplanner.models import (
    PLAN_FIRST_START,
    PLAN_LAST_START,
    Plan,
    PlanEntry,
    PlanEntryIngredient,
    Profile,
    SupplementProduct,
)

# Sensible amounts: nobody eats more than 5 kg of one food in one meal, or takes 20 units of a
# supplement at once; larger numbers are typing mistakes.
MAX_FOOD_GRAMS = 5000
MAX_SUPPLEMENT_UNITS = 20
# Limits that keep one account from exhausting the server's memory (issue 14: 2,700 entries made every
# worker grow by 600 MB). A real week is 10 to 60 entries; the benchmark's packed week has 147.
MAX_ENTRIES_PER_MEAL = 15
MAX_ENTRIES_PER_PLAN = 250
# Copies of a plan (next week, from a template, as a template) one person may make per hour.
PLAN_COPIES = throttle.Rule("plan-copies", 20, 60 * 60)


MEAL_CODES = tuple(code for code, _ in PlanEntry.MEAL_CHOICES)
STATUS_CODES = tuple(code for code, _ in PlanEntry.STATUS_CHOICES)


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def food_grams(quantity: Decimal | float, portion: Portion | None) -> float:
    return planned_amount(quantity, portion)["grams"]


def check_room(plan: Plan, adding, *, removing_days=()) -> None:
    """Refuse when adding entries at `adding` ((day, meal) pairs), after removing the entries of
    `removing_days`, would pass the limits per meal or per plan. Locks the plan's row first, so two
    requests at once cannot both take the last place (SQLite's immediate transactions do the same)."""
    adding = list(adding)
    if not adding:
        return
    Plan.objects.select_for_update().filter(pk=plan.pk).exists()
    kept = PlanEntry.objects.filter(plan=plan).exclude(day__in=list(removing_days))
    if kept.count() + len(adding) > MAX_ENTRIES_PER_PLAN:
        raise LimitReached(
            f"A plan holds at most {MAX_ENTRIES_PER_PLAN} entries: remove some first. Nothing was added."
        )
    meals: dict[tuple[int, str], int] = {}
    for day, meal in adding:
        meals[(day, meal)] = meals.get((day, meal), 0) + 1
    for (day, meal), count in meals.items():
        if kept.filter(day=day, meal=meal).count() + count > MAX_ENTRIES_PER_MEAL:
            raise LimitReached(f"A meal holds at most {MAX_ENTRIES_PER_MEAL} entries. Nothing was added.")


def check_copy_allowed(user) -> None:
    """Count one plan copy for `user`; refuse past PLAN_COPIES (429) without copying."""
    if user is None:
        return
    if throttle.attempt(PLAN_COPIES, str(user.pk)) > PLAN_COPIES.limit:
        wait = throttle.wait_seconds(PLAN_COPIES, str(user.pk))
        raise LimitReached(
            f"You can copy at most {PLAN_COPIES.limit} plans an hour. Try again in {throttle.minutes(wait)}.",
            status=429,
        )


def check_start_date(start_date: datetime.date) -> None:
    if not PLAN_FIRST_START <= start_date <= PLAN_LAST_START:
        raise LimitReached("A plan must start between 1 January 2000 and 31 December 2100. Nothing was changed.")


def check_day_meal(day: int, meal: str) -> None:
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
    check_start_date(start_date)
    return Plan.objects.create(
        profile=profile, name=name.strip() or "My week", start_date=start_date, created_by=created_by
    )


@transaction.atomic
def plan_delete(*, plan: Plan) -> None:
    plan.delete()


@transaction.atomic
def plan_duplicate_next_week(*, plan: Plan, created_by=None) -> Plan:
    """A copy of the plan starting a week later, every entry planned again (nothing ticked eaten)."""
    check_start_date(plan.start_date + datetime.timedelta(days=7))
    check_copy_allowed(created_by)
    copy = Plan.objects.create(
        profile=plan.profile,
        created_by=created_by,
        name=plan.name,
        start_date=plan.start_date + datetime.timedelta(days=7),
        is_template=plan.is_template,
        shared_with_client=plan.shared_with_client,
        client_can_edit=plan.client_can_edit,
        note=plan.note,
        locked_meals=list(plan.locked_meals or []),
    )
    clone_entries([(entry, {"plan_id": copy.pk}) for entry in plan.entries.all()])
    return copy


def _clone(entry: PlanEntry, **changes) -> PlanEntry:
    values = {
        "plan_id": entry.plan_id,
        "day": entry.day,
        "meal": entry.meal,
        "food_id": entry.food_id,
        "portion_id": entry.portion_id,
        "quantity": entry.quantity,
        "supplement_id": entry.supplement_id,
        "recipe_id": entry.recipe_id,
        "recipe_name": entry.recipe_name,
        "grams": entry.grams,
        "portion_label": entry.portion_label,
        "time_taken": entry.time_taken,
        "pinned": entry.pinned,
        "generated": entry.generated,
    }
    values.update(changes)
    return PlanEntry(**values, status="planned")


def clone_entries(pairs: list[tuple[PlanEntry, dict]]) -> list[PlanEntry]:
    """Copies of entries (each with its changes, as plans._clone), recipe entries with their kept ingredients.
    The sources' ingredients are read in one query; the copies are written in two."""
    copies = PlanEntry.objects.bulk_create([_clone(entry, **changes) for entry, changes in pairs])
    sources = [entry.pk for entry, _ in pairs if entry.recipe_name]
    if sources:
        kept: dict[int, list[PlanEntryIngredient]] = {}
        for row in PlanEntryIngredient.objects.filter(entry_id__in=sources):
            kept.setdefault(row.entry_id, []).append(row)
        rows = [
            PlanEntryIngredient(
                entry=copy, food_id=r.food_id, own_food_id=r.own_food_id, grams=r.grams, position=r.position
            )
            for (entry, _), copy in zip(pairs, copies, strict=True)
            for r in kept.get(entry.pk, [])
        ]
        PlanEntryIngredient.objects.bulk_create(rows)
    return copies


@transaction.atomic
def plan_entry_add(
    *,
    plan: Plan,
    day: int,
    meal: str,
    food: Food | None = None,
    portion: Portion | None = None,
    quantity: Decimal | float = 1,
    supplement: SupplementProduct | None = None,
    time_taken: datetime.time | None = None,
    generated: bool = False,
) -> PlanEntry:
    """Add a food (a count of one of its portions, or grams without a portion) or a supplement (units)."""
    check_day_meal(day, meal)
    if (food is None) == (supplement is None):
        raise ValueError("An entry is either a food or a supplement.")
    amount = {}
    if food is not None:
        _check_food_amount(food.pk, portion, quantity)
        amount = planned_amount(quantity, portion)
    elif supplement is not None:  # always, after the check above
        if supplement.profile_id != plan.profile_id:
            raise ValueError("That supplement is not in this person's cabinet.")
        _check_units(quantity)
        portion = None
    check_room(plan, [(day, meal)])
    return PlanEntry.objects.create(
        plan=plan,
        day=day,
        meal=meal,
        food=food,
        portion=portion,
        quantity=Decimal(str(quantity)),
        supplement=supplement,
        time_taken=time_taken,
        generated=generated,
        **amount,
    )


@transaction.atomic
def plan_entry_change_amount(
    *,
    entry: PlanEntry,
    quantity: Decimal | float,
    portion: Portion | None = None,
    time_taken: datetime.time | None = None,
) -> PlanEntry:
    if is_recipe_entry(entry):  # servings of a dish (issue 16)
        from mealplanner.services.recipe_entries import plan_recipe_servings

        return plan_recipe_servings(entry=entry, servings=quantity)
    if entry.food_id:
        _check_food_amount(entry.food_id, portion, quantity)
        entry.portion = portion
        for name, value in planned_amount(quantity, portion).items():
            setattr(entry, name, value)
    else:
        _check_units(quantity)
        entry.time_taken = time_taken
    entry.quantity = Decimal(str(quantity))
    # A person's own amount: the entry is theirs now, so the generator's next fill keeps it.
    entry.generated = False
    entry.save(update_fields=["quantity", "portion", "grams", "portion_label", "time_taken", "generated"])
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
    check_day_meal(day, meal)
    if (day, meal) != (entry.day, entry.meal) and (
        PlanEntry.objects.filter(plan_id=entry.plan_id, day=day, meal=meal).count() >= MAX_ENTRIES_PER_MEAL
    ):
        raise LimitReached(f"A meal holds at most {MAX_ENTRIES_PER_MEAL} entries. Nothing was moved.")
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
        check_day_meal(day, "breakfast")
    source = list(plan.entries.filter(day=from_day))
    check_room(plan, [(day, e.meal) for day in targets for e in source], removing_days=targets)
    plan.entries.filter(day__in=targets).delete()
    clone_entries([(entry, {"day": day}) for day in targets for entry in source])
    return targets
