"""Week figures for many plans at once, summed in the database: the plans list, the clinic's roster.

`week_sums(plans)` runs ONE query whatever the number of plans or entries: the entries of those plans,
grouped by plan, day, status and supplement, with each nutrient summed from the food's per-100 g value
× the entry's grams. Python then adds up at most a few rows per day into the same `totals` types the plan
page uses (`WeekTotals`, `DayTotals`), so both read the same way: past days count what was eaten once
anything that day was ticked; unknown values are counted, never zero.

The week average is over the days that have something planned (issue 18: one planned day is not a week
of days at 0 mg), and says over how many.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, FloatField, Sum
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from mealplanner.entry_amounts import entry_grams_sql
from mealplanner.models import PlanEntry, SupplementProduct
from mealplanner.totals import DAYS, NUTRIENTS, Amount, DayTotals, Totals, WeekTotals

# The per-100 g food fields summed per day (Food field name = Totals field name, food magnesium aside).
_FOOD_FIELDS = {"food_magnesium": "magnesium_mg", **{name: name for name in NUTRIENTS}}
_SUPPLEMENT_FIELDS = ("name", "kind", "form", "elemental_mg_per_unit", "compound_mg_per_unit", "prescribed")
SUPPLEMENT_VALUES = tuple(f"supplement__{name}" for name in _SUPPLEMENT_FIELDS)  # a product, read with a grouped row


@dataclass(frozen=True)
class WeekSums:
    """One plan's week from the database sums."""

    totals: WeekTotals

    @property
    def days_with_entries(self) -> int:
        return self.totals.days_with_entries

    @property
    def average_mg(self) -> float | None:
        return self.totals.average_magnesium_mg


def food_amount(food_field: str):
    """What an entry's food gives of a per-100 g Food field (SQL); NULL for unknown values and supplements."""
    return F(f"food__{food_field}") * entry_grams_sql() / 100.0


def ingredient_value(food_field: str):
    """A recipe entry's kept ingredient's per-100 g value (a shared food's or an own food's; SQL, NULL unknown)."""
    return Coalesce(
        F(f"ingredients__food__{food_field}"), F(f"ingredients__own_food__{food_field}"), output_field=FloatField()
    )


def ingredient_amount(food_field: str):
    """What a recipe entry's ingredient gives for the entry's servings (SQL), as entry_amounts.entry_foods counts
    it: grams per serving × servings × the per-100 g value / 100. Summed over a join to the ingredients, which
    gives food and supplement entries one row each (no ingredients), so their sums are not repeated."""
    return Cast(F("quantity"), FloatField()) * F("ingredients__grams") * ingredient_value(food_field) / 100.0


def recipe_sums(name: str, food_field: str) -> dict:
    """The annotations that count recipe entries' ingredients as foods (see ingredient_amount)."""
    return {
        f"isum_{name}": Sum(ingredient_amount(food_field), output_field=FloatField()),
        f"iknown_{name}": Count(ingredient_value(food_field)),
    }


MAGNESIUM_ONLY = ("food_magnesium",)  # what a list of weeks shows


def _grouped_rows(plan_ids, nutrients):
    """One row per (plan, day, status, supplement, time): counts, summed nutrients, summed supplement units."""
    sums = {}
    for total_name in nutrients:
        food_field = _FOOD_FIELDS[total_name]
        sums[f"sum_{total_name}"] = Sum(food_amount(food_field), output_field=FloatField())
        sums[f"known_{total_name}"] = Count(f"food__{food_field}")
        sums.update(recipe_sums(total_name, food_field))
    return (
        PlanEntry.objects.filter(plan_id__in=plan_ids)
        .order_by()
        .values("plan_id", "day", "status", "supplement_id", "time_taken", *SUPPLEMENT_VALUES)
        # A recipe entry joins one row per ingredient: count entries once; units matter for supplements only.
        .annotate(
            entries=Count("id", distinct=True),
            foods=Count("food_id"),
            ingredient_rows=Count("ingredients__id"),
            units=Sum("quantity"),
            **sums,
        )
    )


class _DayAdder:
    """The sums of one day's groups, kept as planned (everything) and eaten (ticked eaten)."""

    def __init__(self, nutrients):
        self.planned, self.eaten = _Sums(nutrients), _Sums(nutrients)
        self.entries = self.ticked = 0


class _Sums:
    def __init__(self, nutrients):
        self.nutrients = nutrients
        self.values = dict.fromkeys((*_FOOD_FIELDS, "supplement_magnesium"), 0.0)
        self.unknown = dict.fromkeys(self.values, 0)
        self.foods = self.supplements = 0

    def add_foods(self, row) -> None:
        # A recipe's ingredients count as foods, as on the plan page (entry_amounts.entry_foods).
        self.foods += row["foods"] + row["ingredient_rows"]
        for name in self.nutrients:
            self.values[name] += (row[f"sum_{name}"] or 0.0) + (row[f"isum_{name}"] or 0.0)
            self.unknown[name] += row["foods"] - row[f"known_{name}"] + row["ingredient_rows"] - row[f"iknown_{name}"]

    def add_supplement(self, entries: int, mg: float | None) -> None:
        self.supplements += entries
        if mg is None:
            self.unknown["supplement_magnesium"] += entries
        else:
            self.values["supplement_magnesium"] += mg

    def totals(self) -> Totals:
        amounts = {name: Amount(self.values[name], self.unknown[name]) for name in self.values}
        return Totals(**amounts, foods=self.foods, supplements=self.supplements)


def product_from_values(supplement_id, values: dict) -> SupplementProduct:
    """A cabinet product from its SUPPLEMENT_VALUES in a grouped row (not saved, not read again)."""
    return SupplementProduct(pk=supplement_id, **{name: values[f"supplement__{name}"] for name in _SUPPLEMENT_FIELDS})


def dose_for(product, units, time_taken):
    """The rules' dose for `units` of the product, or None when its magnesium is unknown."""
    from mealplanner.selectors.profiles import supplement_dose_for

    try:
        return supplement_dose_for(product, units, time_taken=time_taken)
    except ValueError:
        return None


def _dose(row):
    return dose_for(product_from_values(row["supplement_id"], row), row["units"], row["time_taken"])


def week_sums(
    plans, *, today: datetime.date | None = None, as_planned: bool = False, nutrients=tuple(_FOOD_FIELDS)
) -> dict[int, WeekSums]:
    """Each plan's week figures, by plan id, from one query. `plans`: objects with pk and start_date.

    as_planned: judge every day by what is planned (the clinic's view of a week), not what was ticked eaten.
    nutrients: the food totals to sum (names of Totals fields); the others stay at 0, so ask for what you show.
    """
    today = today or timezone.localdate()
    plans = list(plans)
    adders = {plan.pk: [_DayAdder(nutrients) for _ in range(DAYS)] for plan in plans}
    for row in _grouped_rows(list(adders), nutrients):
        day = adders[row["plan_id"]][row["day"]]
        day.entries += row["entries"]
        if row["status"] != "planned":
            day.ticked += row["entries"]
        targets = [day.planned] + ([day.eaten] if row["status"] == "eaten" else [])
        if row["supplement_id"] is None:
            for sums in targets:
                sums.add_foods(row)
            continue
        dose = _dose(row)
        for sums in targets:
            sums.add_supplement(row["entries"], None if dose is None else dose.elemental_mg)
    result = {}
    for plan in plans:
        past_days = 0 if as_planned else max(0, min(DAYS, (today - plan.start_date).days))
        days = tuple(
            DayTotals(
                day=d,
                planned=adder.planned.totals(),
                eaten=adder.eaten.totals(),
                past=d < past_days,
                entries=adder.entries,
                ticked=adder.ticked,
            )
            for d, adder in enumerate(adders[plan.pk])
        )
        result[plan.pk] = WeekSums(totals=WeekTotals(days=days))
    return result


PLANS_PER_PAGE = 10  # the same page, and the same cost, for a person with 10 plans or 200


@dataclass
class PlanRow:
    plan: object
    sums: WeekSums
    can_edit: bool
    url: str = ""  # the view's link to the plan page


def plan_list_page(user, profile, page_number) -> tuple:
    """(page, rows): one page of the person's own plans, newest first, with each week's figures.

    A fixed number of queries whatever the history's length: the count, the page, which of them the person
    may change, and the week sums.
    """
    from django.core.paginator import Paginator

    from mealplanner import access

    # A dietitian's templates live on their own profile too; they are managed in the clinic pages.
    plans = access.visible_plans(user).filter(profile=profile, is_template=False).order_by("-start_date", "-id")
    page = Paginator(plans, PLANS_PER_PAGE).get_page(page_number)
    shown = list(page.object_list)
    ids = [plan.pk for plan in shown]
    editable = set(access.editable_plans(user).filter(pk__in=ids).values_list("pk", flat=True))
    sums = week_sums(shown, nutrients=MAGNESIUM_ONLY)
    return page, [PlanRow(plan=plan, sums=sums[plan.pk], can_edit=plan.pk in editable) for plan in shown]
