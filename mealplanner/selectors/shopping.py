"""The shopping list of a plan over some of its days: one query for the entries with food and portion."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from mealplanner.entry_amounts import entry_foods, entry_grams, entry_portion_label, is_recipe_entry, load_ingredients
from mealplanner.models import Plan, PlanEntry
from mealplanner.shopping import ShoppingGroup, ShoppingItem, shopping_list
from mealplanner.totals import DAYS


@dataclass
class ShoppingView:
    plan: Plan
    first: datetime.date
    last: datetime.date
    groups: list[ShoppingGroup]
    skipped: int  # entries left out because they were skipped

    @property
    def is_whole_week(self) -> bool:
        return self.first == self.plan.start_date and (self.last - self.first).days == DAYS - 1

    @property
    def is_empty(self) -> bool:
        return not self.groups


def week_dates(plan: Plan) -> tuple[datetime.date, datetime.date]:
    return plan.start_date, plan.start_date + datetime.timedelta(days=DAYS - 1)


def plan_shopping(plan: Plan, *, first: datetime.date | None = None, last: datetime.date | None = None) -> ShoppingView:
    """Foods to buy for the plan's days from `first` to `last` (both inside the week; default the whole week)."""
    start, end = week_dates(plan)
    first, last = first or start, last or end
    if not (start <= first <= last <= end):
        raise ValueError("The dates must be inside the plan's week, the first on or before the last.")
    days = ((first - start).days, (last - start).days)
    entries = load_ingredients(
        PlanEntry.objects.filter(plan=plan, supplement__isnull=True, day__gte=days[0], day__lte=days[1])
        .select_related("food", "portion")
        .order_by("day", "id")
    )
    items: list[ShoppingItem] = []
    skipped = 0
    for entry in entries:
        if entry.status == "skipped":
            skipped += 1
        if is_recipe_entry(entry):
            # A dish is bought as its ingredients, in grams (entry_foods: its kept ingredients × servings).
            items.extend(_ingredient_item(food, grams, entry) for food, grams in entry_foods(entry))
            continue
        items.append(
            ShoppingItem(
                food_id=entry.food_id,
                name=entry.food.name,
                food_group=entry.food.food_group,
                status=entry.status,
                # The amount as planned (stored on the entry), whatever happened to the food's portions since.
                quantity=float(entry.quantity),
                portion_label=entry_portion_label(entry),
                portion_grams=entry_grams(entry) / float(entry.quantity) if entry_portion_label(entry) else None,
                ndb_number=entry.food.ndb_number or "",
                day=entry.day,
            )
        )
    return ShoppingView(plan=plan, first=first, last=last, groups=shopping_list(items), skipped=skipped)


def _ingredient_item(food, grams: float, entry: PlanEntry) -> ShoppingItem:
    """One ingredient of a recipe entry; an own food (recipes.OwnFood) is keyed apart from shared foods."""
    own = not hasattr(food, "ndb_number")
    return ShoppingItem(
        food_id=f"own:{food.pk}" if own else food.pk,
        name=food.name,
        food_group="Your own foods" if own else food.food_group,
        status=entry.status,
        quantity=grams,
        ndb_number="" if own else (food.ndb_number or ""),
        day=entry.day,
    )
