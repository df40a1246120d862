"""Recipes in plans (issue 16): a dish goes into a meal as one entry, in servings, with a snapshot of its
ingredients (grams per serving) so that past days never change; and a meal copied to other days.

A recipe edited later changes the plan from today on: recipe_entries_refresh takes a fresh snapshot for the
entries of today and later days that are not ticked eaten, and leaves every earlier or eaten one as it was.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from mealplanner.models import Plan, PlanEntry, PlanEntryIngredient
from mealplanner.services.plans import (
    MAX_ENTRIES_PER_MEAL,
    MAX_FOOD_GRAMS,
    LimitReached,
    check_day_meal,
    check_room,
    clone_entries,
)

MAX_SERVINGS = 20  # more servings of one dish in one meal is a typing mistake


def check_servings(servings) -> Decimal:
    """Servings in quarter steps, more than 0 and at most MAX_SERVINGS; the value to store."""
    try:
        value = Decimal(str(servings))
    except ArithmeticError:
        raise ValueError("Enter a number of servings.") from None
    if not value.is_finite() or not 0 < value <= MAX_SERVINGS:
        raise ValueError(f"Servings must be more than 0 and at most {MAX_SERVINGS}.")
    if (value * 4) % 1:
        raise ValueError("Servings go in quarter steps (0.25, 0.5, 0.75, 1, 1.25...).")
    return value


def _snapshot(recipe) -> list[PlanEntryIngredient]:
    """The recipe's ingredients as they are now, in grams per serving (unsaved rows)."""
    rows = [
        PlanEntryIngredient(
            food_id=ingredient.food_id,
            own_food_id=ingredient.own_food_id,
            grams=ingredient.grams / recipe.servings,
            position=n,
        )
        for n, ingredient in enumerate(recipe.ingredients.order_by("position", "id"))
    ]
    if not rows:
        raise ValueError(f"{recipe.name} has no ingredients yet: add some to the recipe first.")
    return rows


def _store(entry: PlanEntry, rows: list[PlanEntryIngredient]) -> None:
    for row in rows:
        row.pk, row.entry = None, entry
    PlanEntryIngredient.objects.bulk_create(rows)


def _serving_grams(rows) -> float:
    return sum(row.grams for row in rows)


@transaction.atomic
def plan_recipe_add(*, plan: Plan, day: int, meal: str, recipe, servings) -> PlanEntry:
    """Add `servings` of `recipe` to a meal as one entry. The caller checks the person may see the recipe."""
    check_day_meal(day, meal)
    servings = check_servings(servings)
    rows = _snapshot(recipe)
    grams = float(servings) * _serving_grams(rows)
    if grams > MAX_FOOD_GRAMS:
        raise ValueError(f"That is more than {MAX_FOOD_GRAMS / 1000:g} kg of food: enter fewer servings.")
    check_room(plan, [(day, meal)])
    entry = PlanEntry.objects.create(
        plan=plan, day=day, meal=meal, recipe=recipe, recipe_name=recipe.name[:200], quantity=servings, grams=grams
    )
    _store(entry, rows)
    return entry


@transaction.atomic
def plan_recipe_servings(*, entry: PlanEntry, servings) -> PlanEntry:
    """Change a recipe entry's servings (its snapshot of the recipe stays as it is)."""
    servings = check_servings(servings)
    grams = float(servings) * _serving_grams(entry.ingredients.all())
    if grams > MAX_FOOD_GRAMS:
        raise ValueError(f"That is more than {MAX_FOOD_GRAMS / 1000:g} kg of food: enter fewer servings.")
    entry.quantity, entry.grams, entry.generated = servings, grams, False
    entry.save(update_fields=["quantity", "grams", "generated"])
    return entry


def entry_date(entry: PlanEntry) -> datetime.date:
    return entry.plan.start_date + datetime.timedelta(days=entry.day)


@transaction.atomic
def recipe_entries_refresh(*, recipe, today: datetime.date | None = None) -> int:
    """After `recipe` changed: entries of it on today or later days, not ticked eaten, take its new name and
    ingredients; earlier days and eaten entries keep what was planned (or eaten). Returns how many changed.
    A recipe left without ingredients changes nothing (an entry without foods would count as nothing)."""
    today = today or timezone.localdate()
    entries = [
        entry
        for entry in PlanEntry.objects.filter(recipe=recipe).exclude(status="eaten").select_related("plan")
        if entry_date(entry) >= today
    ]
    if not entries:
        return 0
    try:
        rows = _snapshot(recipe)
    except ValueError:
        return 0
    PlanEntryIngredient.objects.filter(entry__in=entries).delete()
    per_serving = _serving_grams(rows)
    for entry in entries:
        entry.recipe_name, entry.grams = recipe.name[:200], float(entry.quantity) * per_serving
        _store(
            entry,
            [
                PlanEntryIngredient(food_id=r.food_id, own_food_id=r.own_food_id, grams=r.grams, position=r.position)
                for r in rows
            ],
        )
    PlanEntry.objects.bulk_update(entries, ["recipe_name", "grams"])
    return len(entries)


@transaction.atomic
def plan_meal_copy(*, plan: Plan, from_day: int, meal: str, to_days) -> list[int]:
    """Add one meal's entries to the same meal of other days ("repeat yesterday's breakfast"), planned again
    (nothing ticked). What those meals already hold stays. Returns the days written."""
    check_day_meal(from_day, meal)
    targets = sorted({int(d) for d in to_days} - {from_day})
    for day in targets:
        check_day_meal(day, meal)
    source = list(plan.entries.filter(day=from_day, meal=meal).order_by("id"))
    if not source:
        raise ValueError("That meal has nothing to copy.")
    if len(source) > MAX_ENTRIES_PER_MEAL:
        raise LimitReached(f"A meal holds at most {MAX_ENTRIES_PER_MEAL} entries. Nothing was added.")
    check_room(plan, [(day, meal) for day in targets for _ in source])
    clone_entries([(entry, {"day": day, "generated": False, "pinned": False}) for day in targets for entry in source])
    return targets


def own_food_serving(own_food) -> tuple[float, str]:
    """(grams, words) of one serving of an own food: its label's serving, or 100 g when the label gave none."""
    if own_food.serving_grams:
        return float(own_food.serving_grams), own_food.serving_label or f"{own_food.serving_grams:g} g"
    return 100.0, "100 g"


@transaction.atomic
def plan_own_food_add(*, plan: Plan, day: int, meal: str, own_food, servings) -> PlanEntry:
    """Add `servings` of an own food (its label's serving, or 100 g) to a meal. It is kept like a one-food dish
    (recipe_name, one PlanEntryIngredient), so every figure counts it as recipes are counted, and a later edit
    of the own food's label changes its values but never its grams. The caller checks the person may see it."""
    check_day_meal(day, meal)
    servings = check_servings(servings)
    grams, _ = own_food_serving(own_food)
    if float(servings) * grams > MAX_FOOD_GRAMS:
        raise ValueError(f"That is more than {MAX_FOOD_GRAMS / 1000:g} kg of food: enter fewer servings.")
    check_room(plan, [(day, meal)])
    entry = PlanEntry.objects.create(
        plan=plan, day=day, meal=meal, recipe_name=own_food.name[:200], quantity=servings, grams=float(servings) * grams
    )
    _store(entry, [PlanEntryIngredient(own_food=own_food, grams=grams, position=0)])
    return entry
