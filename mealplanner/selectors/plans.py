"""The week of a plan as the pages show it: entries by day and meal, totals, target, findings, chart.

`plan_week(plan)` is the one read of a plan that the plan page, the clinic dashboard, exports, the diary
and the generator share. It costs a fixed number of queries whatever the number of entries: one for the
entries (with their food, portion and supplement), one for the medicines, one for the cabinet, one for the
plan list's averages when asked. Totals come from one pass over the entries.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.safestring import mark_safe

from foods.diet import diet_conflicts
from foods.models import DIET_FIELDS
from mealplanner.charts import ChartDay, week_chart_svg
from mealplanner.entry_amounts import entry_foods, entry_portion_label, is_recipe_entry, load_ingredients
from mealplanner.models import Plan, PlanEntry, Profile
from mealplanner.selectors.profiles import cabinet_dose, energy_goal_for, person_for, supplement_dose_for
from mealplanner.totals import DAYS, DayTotals, EntryValues, WeekTotals, scale_per_100g, week_totals

MEALS = PlanEntry.MEAL_CHOICES  # (code, label), in the order of a day


@dataclass
class EntryView:
    entry: PlanEntry
    values: EntryValues
    grams: float | None = None  # foods only
    conflicts: list[str] = field(default_factory=list)  # diet/allergy reasons; foods only
    dose: Any = None  # nutrition.SupplementDose; supplements only
    portions: list = field(default_factory=list)  # the food's household measures, for a refused amount form
    # What the entry adds to the totals: one value per food (each of a recipe's ingredients).
    parts: list = field(default_factory=list)
    # Set by the plan page's view (views/plan_render.py) for its template: a refused change form, and the
    # line's finished words.
    form: Any = None
    line: dict | None = None

    @property
    def is_supplement(self) -> bool:
        return self.entry.supplement_id is not None

    @property
    def is_recipe(self) -> bool:
        return is_recipe_entry(self.entry)

    @property
    def name(self) -> str:
        entry = self.entry
        if entry.supplement is not None:
            return entry.supplement.name
        if self.is_recipe:
            return entry.recipe_name
        return entry.food.name if entry.food is not None else ""

    @property
    def kind_word(self) -> str:
        """How the page names a line that is not a plain food: "supplement", "recipe", "own food" (one of the
        person's foods, kept like a one-food dish), or ""."""
        if self.is_supplement:
            return "supplement"
        if not self.is_recipe:
            return ""
        foods = [food for food, _ in entry_foods(self.entry)]
        own = self.entry.recipe_id is None and len(foods) == 1 and not hasattr(foods[0], "ndb_number")
        return "own food" if own else "recipe"

    @property
    def magnesium_at_least(self) -> bool:
        """A recipe whose magnesium is known for some ingredients only: its figure is a lower bound."""
        return (
            self.is_recipe
            and self.values.magnesium_mg is not None
            and any(part.magnesium_mg is None for part in self.parts)
        )

    @property
    def magnesium_mg(self) -> float | None:
        return self.values.supplement_mg if self.is_supplement else self.values.magnesium_mg

    @property
    def amount_label(self) -> str:
        entry = self.entry
        qty = f"{float(entry.quantity):g}"
        if self.is_supplement:
            return f"{qty} unit" + ("" if float(entry.quantity) == 1 else "s")
        if self.is_recipe:
            return f"{qty} serving" + ("" if float(entry.quantity) == 1 else "s") + f" ({self.grams:.0f} g)"
        label = entry_portion_label(entry)  # as planned, even if the portion was since deleted
        if label:
            return f"{qty} × {label} ({self.grams:.0f} g)"
        return f"{qty} g"


@dataclass
class MealView:
    code: str
    label: str
    entries: list[EntryView]
    day: int = 0
    locked: bool = False  # the generator leaves this meal alone (Plan.locked_meals holds "day:meal")


def locked_meals_of(plan, day: int) -> list[str]:
    """The meal codes of one day that are locked for the generator."""
    prefix = f"{day}:"
    return sorted(
        key[len(prefix) :] for key in (plan.locked_meals or []) if isinstance(key, str) and key.startswith(prefix)
    )


@dataclass
class DayView:
    index: int
    date: datetime.date
    meals: list[MealView]
    totals: DayTotals
    findings: list = field(default_factory=list)
    is_today: bool = False
    is_past: bool = False
    target_mg: float = 0
    energy_goal_kcal: float = 0
    # Set by the plan page's view (views/plan_render.py): what the last request left open in this day.
    state: Any = None
    add_open: bool = False
    add_meal: str | None = None
    oob: bool = False  # swapped out of band in an htmx answer (not the day the control sits in)
    figures: dict | None = None  # the totals' words and numbers (plan_render.day_figures)

    @property
    def counted(self):
        return self.totals.counted

    @property
    def counts_eaten(self) -> bool:
        """A past day where something was ticked: its figures are what was eaten."""
        return self.totals.counts_eaten

    @property
    def nothing_ticked(self) -> bool:
        """A past day where nothing was ticked: its figures are what was planned (say so)."""
        return self.totals.nothing_ticked

    @property
    def counted_label(self) -> str:
        """How the pages name the day's figures: "eaten", "planned — nothing ticked" or "" (days to come)."""
        if self.counts_eaten:
            return "eaten"
        return "planned — nothing ticked" if self.nothing_ticked else ""

    @property
    def has_entries(self) -> bool:
        return self.totals.entries > 0

    @property
    def food_pct(self) -> int:
        return _pct(self.counted.food_magnesium.value, self.target_mg)

    @property
    def supplement_pct(self) -> int:
        return min(_pct(self.counted.supplement_magnesium.value, self.target_mg), 100 - self.food_pct)

    @property
    def energy_pct(self) -> int:
        return _pct(self.counted.energy_kcal.value, self.energy_goal_kcal)

    @property
    def reaches_target(self) -> bool:
        return self.counted.magnesium_mg >= self.target_mg

    @property
    def headline(self):
        """The day's one-line verdict, worst finding first: never "target reached" on a day with a danger."""
        from mealplanner.nutrition import day_headline

        if not self.has_entries:
            return None
        return day_headline(self.findings, magnesium_mg=self.counted.magnesium_mg, target_mg=self.target_mg)

    @property
    def worst_level(self) -> str | None:
        return self.findings[0].level if self.findings else None


@dataclass
class WeekView:
    plan: Plan
    profile: Profile
    person: Any
    target: Any  # nutrition.Target
    supplement_limit_mg: float | None
    energy_goal: tuple[int, bool, str]
    days: list[DayView]
    totals: WeekTotals
    person_findings: list
    chart_svg: str
    show_kidney: bool
    cabinet: list = field(default_factory=list)  # the profile's SupplementProducts, for the add forms
    problem: str = ""  # why there is no target (e.g. no age yet); empty when all is well

    @property
    def average_mg(self) -> float | None:
        return self.totals.average_magnesium_mg

    @property
    def average_pct(self) -> int:
        return _pct(self.average_mg or 0, self.target.mg)

    def day(self, index: int) -> DayView:
        return self.days[index]


def _pct(value: float, whole: float) -> int:
    """A percentage of the bar rounded to steps of 5 (the width classes in planner.css), at most 100."""
    if not whole or value <= 0:
        return 0
    return int(min(100, round(value / whole * 100 / 5) * 5))


def food_diet_facts(food) -> dict:
    return {name: getattr(food, name) for name in DIET_FIELDS}


def entry_diet_facts(entry: PlanEntry) -> dict:
    """A food's diet facts, or a recipe's derived from its kept ingredients (unknown when one could change it)."""
    if entry.food_id is not None:
        return food_diet_facts(entry.food)
    from recipes.per_serving import Ingredient, diet_facts

    return diet_facts(
        [Ingredient(grams=grams, per_100g={}, facts=food_diet_facts(food)) for food, grams in entry_foods(entry)],
        DIET_FIELDS,
    )


VALUE_FIELDS = ("magnesium_mg", "energy_kcal", "caffeine_mg", "potassium_mg", "phosphorus_mg", "sodium_mg")


def entry_parts(entry: PlanEntry, *, dose=None) -> list[EntryValues]:
    """What one entry adds to the totals: a supplement's dose, or each of its foods (entry_amounts.entry_foods:
    a food entry's one food, a recipe's ingredients for its servings) with per-100 g values scaled to grams."""
    return _parts(entry, entry_foods(entry), dose)


def _parts(entry: PlanEntry, foods: list[tuple[Any, float]], dose) -> list[EntryValues]:
    """entry_parts from the entry's foods already expanded (plan_week expands each entry once)."""
    if entry.supplement_id is not None:
        mg = dose.elemental_mg if dose is not None else None
        return [EntryValues(day=entry.day, status=entry.status, is_supplement=True, supplement_mg=mg)]
    return [EntryValues(day=entry.day, status=entry.status, **_scaled(food, grams)) for food, grams in foods]


def _scaled(food: Any, grams: float) -> dict[str, Any]:
    """EntryValues' VALUE_FIELDS (each a float or None) for `grams` of a food."""
    return {name: scale_per_100g(getattr(food, name), grams) for name in VALUE_FIELDS}


def _summed(entry: PlanEntry, parts: list[EntryValues]) -> EntryValues:
    """A recipe's line: the known part of each value (unknown only when no ingredient's is known)."""
    sums: dict[str, Any] = {}  # EntryValues' VALUE_FIELDS, each a float or None
    for name in VALUE_FIELDS:
        known = [getattr(part, name) for part in parts if getattr(part, name) is not None]
        sums[name] = sum(known) if known else None
    return EntryValues(day=entry.day, status=entry.status, **sums)


def entry_values(entry: PlanEntry, *, dose=None) -> tuple[EntryValues, float | None]:
    """What one entry contributes (and its grams of food): per-100 g values scaled to its amount."""
    foods = entry_foods(entry)
    return _entry_values(entry, _parts(entry, foods, dose), foods)


def _entry_values(
    entry: PlanEntry, parts: list[EntryValues], foods: list[tuple[Any, float]]
) -> tuple[EntryValues, float | None]:
    if entry.supplement_id is not None:
        return parts[0], None
    grams = sum(grams for _, grams in foods)  # stored when planned, never re-read from portions
    if is_recipe_entry(entry):
        return _summed(entry, parts), grams
    return parts[0], grams


def _conflicts(entry: PlanEntry, diet: str, allergies: list[str], known: dict[int, list[str]]) -> list[str]:
    """Why a food or recipe entry does not suit the diet or allergies ([] for a supplement). A food's answer is
    worked out once per week read (`known`, by food id): a week repeats its foods, and the answer is the same."""
    if entry.supplement_id is not None:
        return []
    if entry.food_id is not None and entry.food_id in known:
        return known[entry.food_id]
    try:
        conflicts = diet_conflicts(entry_diet_facts(entry), diet=diet, allergies=allergies)
    except ValueError:  # a stale allergen code in the profile must not break the page
        conflicts = []
    if entry.food_id is not None:
        known[entry.food_id] = conflicts
    return conflicts


def entries_for(plan: Plan):
    """The plan's entries, with their food, portion and supplement, in one query."""
    return load_ingredients(
        PlanEntry.objects.filter(plan=plan).select_related("food", "portion", "supplement").order_by("day", "id")
    )


def sorted_findings(findings) -> list:
    from mealplanner import nutrition

    return list(nutrition.sort_findings(findings))


def _dose(product, units, time_taken=None):
    """The rules' dose, or None when the product's magnesium cannot be worked out (shown as unknown)."""
    try:
        return supplement_dose_for(product, units, time_taken=time_taken)
    except ValueError:
        return None


def _finding_dose(ev: EntryView):
    """The dose the limit finding checks: an unknown amount stays unknown (never 0), so the finding says
    the day cannot be checked (issue 13)."""
    if ev.dose is not None:
        return ev.dose
    from mealplanner import nutrition

    product = ev.entry.supplement
    if product is None:
        raise ValueError("Only a supplement entry has a dose.")
    return nutrition.SupplementDose(
        name=product.name,
        elemental_mg=None,
        prescribed=product.prescribed,
        time_taken=ev.entry.time_taken,
        kind=product.kind,
    )


def person_facts(profile: Profile, today: datetime.date, *, medicines: tuple | None = None) -> tuple:
    """(person, target, supplement limit, energy goal, problem): what the rules say about this profile today.

    With no age yet, or answers the rules refuse, person is None and problem says what to fix, so the pages
    still show the plan."""
    from mealplanner import nutrition

    try:
        person = person_for(profile, on=today, medicines=medicines)
        return (
            person,
            nutrition.target_for(person),
            nutrition.supplement_limit_for(person),
            energy_goal_for(profile, on=today),
            "",
        )
    except ValueError as error:
        return None, nutrition.Target(mg=0, is_custom=False, source="", label=""), None, (0, True, ""), str(error)


def day_findings_for(person, day_totals, doses) -> list:
    """The rules' findings for one day's counted totals and supplement doses (none for an empty day)."""
    from mealplanner import nutrition

    if not day_totals.entries or person is None:
        return []
    counted = day_totals.counted
    intake = nutrition.DayIntake(
        food_magnesium_mg=counted.food_magnesium.value,
        supplements=tuple(doses),
        caffeine_mg=counted.caffeine_mg.value,
        potassium_mg=counted.potassium_mg.value,
        phosphorus_mg=counted.phosphorus_mg.value,
        unknown_magnesium_foods=counted.food_magnesium.unknown,
    )
    return sorted_findings(nutrition.day_findings(person, intake))


def person_findings_for(person, cabinet_products) -> list:
    """The findings about the person and their cabinet (none without a person)."""
    from mealplanner import nutrition

    if person is None:
        return []
    cabinet = tuple(cabinet_dose(product) for product in cabinet_products)  # unknown amounts stay unknown
    return sorted_findings(nutrition.person_findings(person, supplements=cabinet))


def week_chart(target, days: list[DayView]) -> str:
    """The week's bar chart (SVG) of counted magnesium per day against the target."""
    return week_chart_svg(
        [
            ChartDay(
                label=day.date.strftime("%a"),
                food_mg=day.counted.food_magnesium.value,
                supplement_mg=day.counted.supplement_magnesium.value,
                at_least=day.counted.magnesium_at_least,
            )
            for day in days
        ],
        target_mg=target.mg,
    )


def plan_week(plan: Plan, *, today: datetime.date | None = None) -> WeekView:
    profile = plan.profile
    today = today or timezone.localdate()
    person, target, limit, energy_goal, problem = person_facts(profile, today)
    diet, allergies = profile.diet, list(profile.allergies or [])

    views: list[list[list[EntryView]]] = [[[] for _ in MEALS] for _ in range(DAYS)]
    meal_index = {code: i for i, (code, _) in enumerate(MEALS)}
    all_values: list[EntryValues] = []
    known_conflicts: dict[int, list[str]] = {}
    for entry in entries_for(plan):
        dose = _dose(entry.supplement, entry.quantity, entry.time_taken) if entry.supplement_id else None
        foods = entry_foods(entry)  # expanded once, for both the parts and the grams
        parts = _parts(entry, foods, dose)
        values, grams = _entry_values(entry, parts, foods)
        conflicts = _conflicts(entry, diet, allergies, known_conflicts)
        all_values.extend(parts)
        views[entry.day][meal_index.get(entry.meal, 3)].append(
            EntryView(entry=entry, values=values, grams=grams, conflicts=conflicts, dose=dose, parts=parts)
        )

    start = plan.start_date
    past_days = max(0, min(DAYS, (today - start).days))
    totals = week_totals(all_values, past_days=past_days)
    days = []
    for d in range(DAYS):
        day_totals = totals.days[d]
        doses = [
            _finding_dose(ev)
            for meal in views[d]
            for ev in meal
            if ev.is_supplement and (ev.entry.status == "eaten" or not day_totals.counts_eaten)
        ]
        findings = day_findings_for(person, day_totals, doses)
        date = start + datetime.timedelta(days=d)
        locked = locked_meals_of(plan, d)
        days.append(
            DayView(
                index=d,
                date=date,
                totals=day_totals,
                findings=findings,
                meals=[
                    MealView(code=code, label=label, entries=views[d][i], day=d, locked=code in locked)
                    for i, (code, label) in enumerate(MEALS)
                ],
                is_today=date == today,
                is_past=date < today,
                target_mg=target.mg,
                energy_goal_kcal=energy_goal[0],
            )
        )

    cabinet_products = list(profile.supplements.all())
    person_findings, chart = person_findings_for(person, cabinet_products), week_chart(target, days)
    return WeekView(
        plan=plan,
        profile=profile,
        person=person,
        target=target,
        supplement_limit_mg=limit,
        energy_goal=energy_goal,
        days=days,
        totals=totals,
        person_findings=person_findings,
        chart_svg=mark_safe(chart),  # built by mealplanner.charts, which escapes every text it writes
        show_kidney=bool(profile.kidney_disease or profile.potassium_cap_mg or profile.phosphorus_cap_mg),
        cabinet=cabinet_products,
        problem=problem,
    )
