"""The plan page's own read of a week: the same figures as `plan_week`, from plain rows.

`plan_week(plan)` builds a model instance for every entry, food, portion and supplement (about 600 for a
packed week of 147 entries); that alone costs several times the page's whole budget. The page only needs a
few columns, so `page_week` reads them as tuples in one query and computes the totals, findings and chart
with the very functions `plan_week` uses (tests/mealplanner/test_plan_page_week.py checks they agree).

It comes in two steps. `week_inputs` runs the queries and fingerprints what came back: each day's rows
(`day_keys`) and everything else a day shows (`facts_key`: the plan's id and dates, the profile, the
cabinet, the rules' view of the person, today's date). The view keys its cached renderings on those, so
any change makes a new key; only when a rendering is missing does `page_week` work the week out.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import pickle
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any

from django.db import connections, router
from django.db.models import FloatField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.safestring import mark_safe

from foods.diet import diet_conflicts
from foods.models import DIET_FIELDS
from mealplanner.compiled import CompiledQuery
from mealplanner.models import Medicine as MedicineRow
from mealplanner.models import PlanEntry, SupplementProduct
from mealplanner.nutrition import Medicine
from mealplanner.process_cache import ProcessCache
from mealplanner.selectors.plans import (
    MEALS, DayView, MealView, WeekView, _dose, day_findings_for, locked_meals_of, person_facts, person_findings_for,
    week_chart,
)
from mealplanner.totals import DAYS, EntryValues, WeekTotals, day_totals, scale_per_100g

NUTRIENTS = ("magnesium_mg", "energy_kcal", "caffeine_mg", "potassium_mg", "phosphorus_mg", "sodium_mg")
COLUMNS = (
    "id", "day", "meal", "status", "quantity", "time_taken", "food_id", "portion_id", "supplement_id",
    "food__name", "portion__label", "portion__grams", "pinned", "generated",
    *(f"food__{name}" for name in NUTRIENTS), *(f"food__{name}" for name in DIET_FIELDS),
)
_FIXED = 14  # the columns before the nutrients
_DIET = _FIXED + len(NUTRIENTS)  # the first diet column
_MEAL_INDEX = {code: i for i, (code, _) in enumerate(MEALS)}


def whole(value) -> str:
    """What `value|floatformat:0` shows (rounded half up, no separators), without the template machinery."""
    return str(int(Decimal(repr(float(value))).quantize(Decimal(1), rounding=ROUND_HALF_UP)))


@dataclass(slots=True)
class EntryRef:
    """What the generator's pin list reads of an entry (`ev.entry.pk`, `.pinned`, `.generated`)."""

    pk: int
    pinned: bool
    generated: bool


@dataclass(slots=True)
class PageEntry:
    """One entry as the page shows it. The texts are worked out only when a day is rendered (a cached day
    never asks for them)."""

    ref: str  # the entry's id, as text for URLs and element ids
    status: str
    name: str
    is_supplement: bool
    magnesium: float | None
    quantity: Decimal | float  # as the database gives it
    time_taken: datetime.time | None
    portion_label: str | None  # None for grams and supplements
    grams: float | None
    diet_facts: tuple | None  # the food's DIET_FIELDS values; None for supplements
    diet: tuple  # (the person's diet, allergies)
    entry: object = None  # an EntryRef; the PlanEntry itself when its change was refused
    # Only for an entry whose change was refused: the bound form and the food's portions.
    form: object = None
    portions: list | None = None
    html: str = ""  # the rendered <li>, set by the view

    def cache_key(self) -> tuple:
        """Everything the entry's <li> shows, as a hashable value."""
        # The person's diet as text: allergies come from a JSON field, which could hold lists (unhashable).
        return (self.ref, self.status, self.name, self.is_supplement, self.magnesium, self.quantity,
                self.time_taken, self.portion_label, self.grams, self.diet_facts, repr(self.diet),
                self.entry.pinned, self.entry.generated)

    @property
    def mg(self) -> str | None:
        return None if self.magnesium is None else whole(self.magnesium)

    @property
    def amount(self) -> str:
        """What selectors.plans.EntryView.amount_label says, and the time a supplement is taken."""
        qty = f"{float(self.quantity):g}"
        if self.is_supplement:
            text = f"{qty} unit" + ("" if float(self.quantity) == 1 else "s")
        elif self.portion_label is not None:
            text = f"{qty} × {self.portion_label} ({self.grams:.0f} g)"
        else:
            text = f"{qty} g"
        return f"{text} at {self.time_taken:%H:%M}" if self.time_taken else text

    @property
    def conflicts(self) -> list[str]:
        if self.diet_facts is None:
            return []
        try:
            facts = {name: _flag(value) for name, value in zip(DIET_FIELDS, self.diet_facts)}
            return diet_conflicts(facts, diet=self.diet[0], allergies=self.diet[1])
        except ValueError:  # a stale allergen code in the profile must not break the page
            return []


def digest(value) -> str:
    """A short fingerprint of a value made of plain Python values (its repr)."""
    return hashlib.blake2b(repr(value).encode(), digest_size=20).hexdigest()


def rows_digest(rows: list[tuple]) -> str:
    """digest() for the entries' rows, several times faster: their pickle instead of their repr. Without
    the memo ("fast" mode) the bytes depend only on the values and their types, never on which objects
    happen to be shared, so equal rows always give the same fingerprint."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(rows)
    return hashlib.blake2b(buffer.getbuffer(), digest_size=20).hexdigest()


def model_values(instance) -> tuple:
    return tuple(getattr(instance, f.attname) for f in instance._meta.concrete_fields)


_ENTRIES_SQL: dict[str, str] = {}  # the entries query by database alias, compiled once per process


def _entry_rows(plan) -> list[tuple]:
    """The plan's entries as tuples of COLUMNS, straight from the database cursor (one query).

    values_list() would spend several times the query itself on compiling the joins and converting the
    ~5,000 values one by one; the page converts the few it uses itself (_time, and bool() for the flags).
    The values stay as the database gives them (on SQLite: 0/1 for booleans, text for times), which is all
    a cache key needs."""
    db = router.db_for_read(PlanEntry)
    sql = _ENTRIES_SQL.get(db)
    if sql is None:
        # The amount as a float (what the page computes with): a Decimal costs more to read and fingerprint.
        queryset = (PlanEntry.objects.using(db).filter(plan_id=plan.pk).order_by("day", "id")
                    .annotate(quantity_value=Cast("quantity", FloatField()))
                    .values_list(*("quantity_value" if c == "quantity" else c for c in COLUMNS)))
        sql, params = queryset.query.sql_with_params()
        if tuple(params) != (plan.pk,):  # never expected; then simply compile it each time
            with connections[db].cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        _ENTRIES_SQL[db] = sql
    with connections[db].cursor() as cursor:
        cursor.execute(sql, (plan.pk,))
        return cursor.fetchall()


# The cabinet and the medicines of a profile: queries compiled once per process (mealplanner.compiled),
# as compiling them cost more than running them.
_CABINET = CompiledQuery(SupplementProduct, lambda profile_id: SupplementProduct.objects.filter(profile_id=profile_id))
_MEDICINES = CompiledQuery(MedicineRow, lambda profile_id: MedicineRow.objects.filter(profile_id=profile_id))


def _time(value) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if isinstance(value, str) else value


def _flag(value) -> bool | None:
    return None if value is None else bool(value)


@dataclass
class WeekInputs:
    """What the page's week is computed from: the queries' results and nothing worked out yet.

    `facts_key` and `day_keys` are what the view keys its cached fragments on; when every fragment it
    needs is cached, the page never works the week out at all."""

    plan: Any
    today: datetime.date
    person: Any
    target: Any
    limit: float | None
    energy_goal: tuple
    problem: str
    cabinet: list
    products: dict
    rows: list
    day_rows: list  # rows by day
    facts_key: str  # a digest of every value besides the entries that the page depends on
    day_keys: list[str]  # a digest of each day's rows

    @cached_property
    def person_findings(self) -> list:
        return person_findings_for(self.person, self.cabinet)

    @property
    def dates(self) -> list[datetime.date]:
        return [self.plan.start_date + datetime.timedelta(days=d) for d in range(DAYS)]


def week_inputs(plan, *, today: datetime.date | None = None) -> WeekInputs:
    """Four queries whatever the plan holds: the profile's medicines, its cabinet, the entries (and, only
    for an entry of a product outside the cabinet, that product)."""
    profile = plan.profile
    today = today or timezone.localdate()
    medicines = tuple(Medicine(name=m.name, medicine_class=m.medicine_class, time_taken=m.time_taken)
                      for m in _MEDICINES.all(profile.pk))
    person, target, limit, energy_goal, problem = person_facts(profile, today, medicines=medicines)
    cabinet = _CABINET.all(profile.pk)
    products = {p.pk: p for p in cabinet}
    rows = _entry_rows(plan)
    missing = {row[8] for row in rows if row[8] is not None and row[8] not in products}
    if missing:  # a product of another profile (entries are meant to use the plan's profile's cabinet)
        products.update({p.pk: p for p in SupplementProduct.objects.filter(pk__in=missing)})
    day_rows = [[] for _ in range(DAYS)]
    for row in rows:
        day_rows[row[1]].append(row)
    facts = (today, plan.pk, plan.start_date, model_values(profile), [model_values(p) for p in products.values()],
             person, target, limit, energy_goal, problem)
    return WeekInputs(plan=plan, today=today, person=person, target=target, limit=limit, energy_goal=energy_goal,
                      problem=problem, cabinet=cabinet, products=products, rows=rows, day_rows=day_rows,
                      facts_key=digest(facts), day_keys=[rows_digest(r) for r in day_rows])


# Each day's totals and findings, by (facts_key, day, the day's rows' fingerprint): a change to one entry
# works out that day again, not the week. Pure values of their key, so never stale; bounded, oldest first.
_DAY_FIGURES = ProcessCache(max_entries=4000, seconds=6 * 3600)


def page_week(plan, *, today: datetime.date | None = None, inputs: WeekInputs | None = None,
              detail_days: set[int] | None = None) -> WeekView:
    """The week as the page shows it. With `detail_days`, only those days get their entries (the others'
    meals are empty; their totals, findings and the chart are whole): an htmx answer shows one or two days
    and the week's summary, and building the entries it does not show cost as much as the rest."""
    inputs = inputs or week_inputs(plan, today=today)
    profile, today, person, target = plan.profile, inputs.today, inputs.person, inputs.target
    diet_key = (profile.diet, list(profile.allergies or []))
    start = plan.start_date
    past_days = max(0, min(DAYS, (today - start).days))
    days = []
    for d in range(DAYS):
        key = (inputs.facts_key, d, inputs.day_keys[d])
        figures = _DAY_FIGURES.get(key)
        show = detail_days is None or d in detail_days
        meals = [[] for _ in MEALS]
        if figures is None or show:
            values, doses = _day_entries(inputs, inputs.day_rows[d], meals if show else None, diet_key)
            if figures is None:
                day_total = day_totals(values, day=d, past=d < past_days)
                counted = [dose for status, dose in doses
                           if dose is not None and (status == "eaten" or not day_total.counts_eaten)]
                figures = (day_total, day_findings_for(person, day_total, counted))
                _DAY_FIGURES.set(key, figures)
        date = start + datetime.timedelta(days=d)
        days.append(DayView(
            index=d, date=date, totals=figures[0], findings=list(figures[1]),
            meals=[MealView(code=code, label=label, entries=meals[i], day=d, locked=code in locked_meals_of(plan, d))
                   for i, (code, label) in enumerate(MEALS)],
            is_today=date == today, is_past=date < today, target_mg=target.mg,
            energy_goal_kcal=inputs.energy_goal[0],
        ))
    totals = WeekTotals(days=tuple(day.totals for day in days))
    return WeekView(
        plan=plan, profile=profile, person=person, target=target, supplement_limit_mg=inputs.limit,
        energy_goal=inputs.energy_goal, days=days, totals=totals, person_findings=inputs.person_findings,
        chart_svg=mark_safe(week_chart(target, days)),  # mealplanner.charts escapes every text it writes
        show_kidney=bool(profile.kidney_disease or profile.potassium_cap_mg or profile.phosphorus_cap_mg),
        cabinet=inputs.cabinet, problem=inputs.problem,
    )


def _day_entries(inputs: WeekInputs, rows: list, meals: list | None, diet_key) -> tuple[list, list]:
    """One day's EntryValues and supplement doses (status, dose) in the order plan_week sees them (by meal,
    then id); with `meals`, also its PageEntries, appended to the list of their meal."""
    products = inputs.products
    values = []
    doses = [[] for _ in MEALS]
    for row in rows:
        pk, day, meal, status, quantity, time_taken, _food_id, portion_id, supplement_id = row[:9]
        time_taken = _time(time_taken)
        food_name, portion_label, portion_grams, pinned, generated = row[9:_FIXED]
        if supplement_id is not None:
            product = products[supplement_id]
            dose = _dose(product, quantity, time_taken)
            mg = dose.elemental_mg if dose is not None else None
            values.append(EntryValues(day=day, status=status, is_supplement=True, supplement_mg=mg))
            name, grams, facts = product.name, None, None
            doses[_MEAL_INDEX.get(meal, 3)].append((status, dose))
        else:  # the same arithmetic as selectors.plans.entry_values
            q = float(quantity)
            grams = q * portion_grams if portion_id else q
            entry_values = EntryValues(day=day, status=status, **{
                name: scale_per_100g(value, grams) for name, value in zip(NUTRIENTS, row[_FIXED:_DIET])})
            values.append(entry_values)
            mg, name, facts = entry_values.magnesium_mg, food_name, row[_DIET:]
        if meals is not None:
            meals[_MEAL_INDEX.get(meal, 3)].append(PageEntry(
                ref=str(pk), status=status, name=name, is_supplement=supplement_id is not None, magnesium=mg,
                quantity=quantity, time_taken=time_taken, portion_label=portion_label if portion_id else None,
                grams=grams, diet_facts=facts, diet=diet_key,
                entry=EntryRef(pk=pk, pinned=bool(pinned), generated=bool(generated)),
            ))
    return values, [pair for meal in doses for pair in meal]
