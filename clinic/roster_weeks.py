"""The roster's week sums (issue 19): each current plan's week as planned, from three grouped sums read
from indexes that hold what they sum (PlanEntry.Meta.indexes), whatever the roster's size. clinic.roster
ranks and draws the clients from these.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, FloatField, Q, QuerySet, Sum
from django.db.models.functions import Cast, Coalesce

from mealplanner import nutrition
from mealplanner.models import Plan, PlanEntry, PlanEntryIngredient, SupplementProduct
from mealplanner.selectors.plan_list import dose_for, food_amount


@dataclass
class PlannedWeek:
    """A plan's week as planned: food magnesium, unknowns, days with entries, each day's supplement doses."""

    food_mg: float = 0.0
    supplement_mg: float = 0.0  # the doses' known magnesium (an unknown one makes the average "at least")
    unknown: int = 0
    days: int = 0
    doses: dict = field(default_factory=lambda: defaultdict(list))  # day -> [SupplementDose]

    @property
    def average_mg(self) -> float | None:
        return (self.food_mg + self.supplement_mg) / self.days if self.days else None

    @property
    def days_doses(self) -> tuple:
        """Each day's doses, as the rules are asked about them (RulesAnswers.judge)."""
        return tuple(tuple(doses) for doses in self.doses.values()) if self.doses else ()


def planned_weeks(plan_ids: QuerySet | list[int], products: dict) -> dict[int, PlannedWeek]:
    """Each plan's week as planned, from three grouped sums: one row per plan for its foods, one per plan for
    its recipes' ingredients, one per supplement taken on a day (and a fourth only while a week holds a food
    entry from before entries kept their grams).

    A dietitian judges the week as planned (clients without a login never tick anything)."""
    weeks: dict[int, PlannedWeek] = defaultdict(PlannedWeek)
    # Read from the plans' side, each plan's entries one range of an index holding every column the sum reads
    # (PlanEntry.Meta.indexes): PostgreSQL would otherwise scan every entry of every plan and merge.
    totals = (
        Plan.objects.filter(pk__in=plan_ids)
        .order_by()
        .values_list("pk")
        .annotate(
            food_mg=Sum(F("entries__food__magnesium_mg") * F("entries__grams") / 100.0, output_field=FloatField()),
            foods=Count("entries__food"),
            known=Count("entries__food__magnesium_mg"),
            days=Count("entries__day", distinct=True),
            without_grams=Count("entries__food", filter=Q(entries__grams__isnull=True)),
        )
    )
    older = False
    for plan_id, food_mg, foods, known, days, without_grams in totals:
        week = weeks[plan_id]
        week.food_mg, week.unknown, week.days = food_mg or 0.0, foods - known, days
        older |= without_grams > 0
    if older:
        # Food entries written before entries kept their grams (mealplanner.entry_amounts) count through their
        # portion as it is now: a second sum, only when such an entry is in a week, so that the usual sum
        # needs no join to the portions.
        for plan_id, food_mg in (
            PlanEntry.objects.filter(plan_id__in=plan_ids, food__isnull=False, grams__isnull=True)
            .order_by()
            .values_list("plan_id")
            .annotate(food_mg=Sum(food_amount("magnesium_mg"), output_field=FloatField()))
        ):
            weeks[plan_id].food_mg += food_mg or 0.0
    # A recipe entry counts through its kept ingredients (issue 16), as on the plan page: read from the
    # ingredients' side, so the many food entries cost no join.
    per_100g = Coalesce(F("food__magnesium_mg"), F("own_food__magnesium_mg"), output_field=FloatField())
    recipes = (
        PlanEntryIngredient.objects.filter(entry__plan_id__in=plan_ids)
        .exclude(entry__recipe_name="")  # only dishes have ingredients: this reads the index of dishes
        .order_by()
        .values_list("entry__plan_id")
        .annotate(
            mg=Sum(Cast("entry__quantity", FloatField()) * F("grams") * per_100g / 100.0),
            known=Count(per_100g),
            ingredients=Count("id"),
        )
    )
    for plan_id, recipe_mg, known, ingredients in recipes:
        week = weeks[plan_id]
        week.food_mg += recipe_mg or 0.0
        week.unknown += ingredients - known
    supplements = (
        PlanEntry.objects.filter(plan_id__in=plan_ids, supplement__isnull=False)
        .order_by()
        .values_list("plan_id", "day", "supplement_id", "time_taken")
        .annotate(units=Sum(Cast("quantity", FloatField())), entries=Count("id"))
    )
    doses: dict[tuple, nutrition.SupplementDose | None] = {}  # each different dose worked out once
    for plan_id, day, supplement_id, time_taken, units, entries in supplements:
        week = weeks[plan_id]
        key = (supplement_id, units, time_taken)
        if key not in doses:
            doses[key] = dose_of(products.get(supplement_id), units, time_taken)
        dose = doses[key]
        if dose is None or dose.elemental_mg is None:
            week.unknown += entries  # a product whose magnesium is unknown: the average is "at least"
        else:
            week.supplement_mg += dose.elemental_mg
        if dose is not None:
            week.doses[day].append(dose)
    return weeks


def dose_of(product: SupplementProduct | None, units, time_taken) -> nutrition.SupplementDose | None:
    """The rules' dose for `units` of a product (None for a product not in the client's cabinet). A product
    whose magnesium is unknown reaches the rules as unknown, never as 0 mg (issue 13)."""
    if product is None:
        return None
    dose = dose_for(product, units, time_taken)
    if dose is None:
        return nutrition.SupplementDose(
            name=product.name,
            elemental_mg=None,
            prescribed=product.prescribed,
            time_taken=time_taken,
            kind=product.kind,
        )
    return dose
