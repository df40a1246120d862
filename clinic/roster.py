"""The dietitian's roster: each client's current week against their target, who needs attention first.

A fixed number of queries whatever the roster's size (issue 19): the clients, each with the id of their
current plan chosen in the database; their medicines; their cabinets; those plans; and two grouped sums
over those plans' entries (one row a plan; one row a supplement taken on a day). No plan history is
loaded. Ranking needs every client's findings, so the rules run for the whole (searched) roster, asked
once per different supplement day; only the page shown is rendered.

The current plan is the one whose seven-day week holds today (start date ≤ today < start date + 7); when
two do, the one made last. A client with none has "no plan this week" (issue 13), never a figure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.core.paginator import Paginator
from django.db.models import Count, FloatField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Lower
from django.utils import timezone

from mealplanner import nutrition
from mealplanner.access import client_profiles, require_dietitian
from mealplanner.models import Medicine, Plan, PlanEntry, Profile, SupplementProduct
from mealplanner.selectors.plan_list import dose_for, food_amount, recipe_sums
from mealplanner.selectors.plans import person_findings_for
from mealplanner.selectors.profiles import person_for

CLIENTS_PER_PAGE = 50
SORTS = {"attention": "Needs attention first", "name": "Name"}


@dataclass
class ClientRow:
    profile: Profile
    plan_id: int | None = None  # this week's plan
    plan: Plan | None = None  # read for the rows shown (attach_plans)
    average_mg: float | None = None  # over the days of the week that have something planned
    days_planned: int = 0
    at_least: bool = False  # a food without a magnesium figure: the average is a lower bound
    target_mg: int | None = None
    target_custom: bool = False
    dangers: list = field(default_factory=list)
    problem: str = ""  # why there is no target (e.g. no age yet)
    plan_url: str = ""  # set by the view

    @property
    def below_target(self) -> bool:
        return self.average_mg is not None and self.target_mg is not None and self.average_mg < self.target_mg

    @property
    def rank(self) -> int:
        """Who needs attention first: a danger finding, then a week below target (or no target), then no plan
        (or nothing planned in it), then the rest."""
        if self.dangers:
            return 0
        if self.below_target or self.problem:
            return 1
        if self.average_mg is None:  # no plan this week, or nothing in it
            return 2
        return 3


def current_plan_subquery(today: date) -> Subquery:
    """The id of the profile's (OuterRef "pk") plan whose week holds today; the latest made wins."""
    return Subquery(
        Plan.objects.filter(profile=OuterRef("pk"), is_template=False,
                            start_date__lte=today, start_date__gt=today - timedelta(days=7))
        .order_by("-created", "-id").values("pk")[:1]
    )


def roster_rows(profiles: QuerySet[Profile], *, today: date) -> list[ClientRow]:
    """A row for each of `profiles` (name order), from seven queries whatever their number."""
    profiles = profiles.annotate(current_plan_id=current_plan_subquery(today)).order_by(Lower("name"), "id")
    ids = profiles.values("pk")
    medicines, cabinets = defaultdict(list), defaultdict(list)
    for medicine in Medicine.objects.filter(profile__in=ids).order_by("name", "id"):
        medicines[medicine.profile_id].append(medicine)
    for product in SupplementProduct.objects.filter(profile__in=ids).order_by("name", "id"):
        cabinets[product.profile_id].append(product)
    clients = list(profiles)
    products = {product.pk: product for cabinet in cabinets.values() for product in cabinet}
    weeks = _planned_weeks([c.current_plan_id for c in clients if c.current_plan_id], products)
    return [_row(client, weeks.get(client.current_plan_id), medicines[client.pk], cabinets[client.pk], today)
            for client in clients]


def attach_plans(rows: list[ClientRow]) -> None:
    """Give the rows (a page of them) their current Plan objects: one query."""
    plans = Plan.objects.in_bulk([row.plan_id for row in rows if row.plan_id])
    for row in rows:
        row.plan = plans.get(row.plan_id)


@dataclass
class _Week:
    """A plan's week as planned: food magnesium, unknowns, days with entries, each day's supplement doses."""

    food_mg: float = 0.0
    unknown: int = 0
    days: int = 0
    doses: dict = field(default_factory=lambda: defaultdict(list))  # day -> [SupplementDose]

    @property
    def supplement_mg(self) -> float:
        return sum(dose.elemental_mg or 0.0 for doses in self.doses.values() for dose in doses)  # unknown: "at least"

    @property
    def average_mg(self) -> float | None:
        return (self.food_mg + self.supplement_mg) / self.days if self.days else None


def _planned_weeks(plan_ids: list[int], products: dict) -> dict[int, _Week]:
    """Each plan's week as planned, from two grouped sums: one row per plan, one per supplement taken.

    A dietitian judges the week as planned (clients without a login never tick anything)."""
    weeks = {pk: _Week() for pk in plan_ids}
    totals = (PlanEntry.objects.filter(plan_id__in=plan_ids).order_by().values_list("plan_id")
              .annotate(food_mg=Sum(food_amount("magnesium_mg"), output_field=FloatField()), foods=Count("food_id"),
                        known=Count("food__magnesium_mg"), days=Count("day", distinct=True),
                        **recipe_sums("mg", "magnesium_mg"), ingredient_rows=Count("ingredients__id")))
    for plan_id, food_mg, foods, known, days, recipe_mg, recipe_known, ingredients in totals:
        # A recipe entry counts through its kept ingredients (issue 16), as on the plan page.
        week = weeks[plan_id]
        week.food_mg = (food_mg or 0.0) + (recipe_mg or 0.0)
        week.unknown, week.days = foods - known + ingredients - recipe_known, days
    supplements = (PlanEntry.objects.filter(plan_id__in=plan_ids, supplement__isnull=False).order_by()
                   .values_list("plan_id", "day", "supplement_id", "time_taken")
                   .annotate(units=Sum("quantity"), entries=Count("id")))
    one_unit = {}  # product id -> (product, the rules' dose for one unit or None when unknown), once a product
    for plan_id, day, supplement_id, time_taken, units, entries in supplements:
        # An entry's product is in its client's cabinet (read already).
        if supplement_id not in one_unit:
            product = products.get(supplement_id)
            one_unit[supplement_id] = (product, None if product is None else dose_for(product, 1, None))
        product, unit = one_unit[supplement_id]
        week = weeks[plan_id]
        if unit is None:
            week.unknown += entries  # a product whose magnesium is unknown: the average is "at least"
            if product is not None:  # and the rules hear of it as unknown, never as 0 mg (issue 13)
                week.doses[day].append(nutrition.SupplementDose(
                    name=product.name, elemental_mg=None, prescribed=product.prescribed, time_taken=time_taken,
                    kind=product.kind))
            continue
        # The rules' dose for `units` is one unit's magnesium × units (profiles.supplement_dose_for).
        week.doses[day].append(replace(unit, elemental_mg=unit.elemental_mg * float(units), time_taken=time_taken))
    return weeks


def _row(profile: Profile, week: _Week | None, medicines, cabinet, today: date) -> ClientRow:
    row = ClientRow(profile=profile, plan_id=profile.current_plan_id)
    if week is not None:
        row.average_mg, row.days_planned, row.at_least = week.average_mg, week.days, week.unknown > 0
    rules_medicines = tuple(nutrition.Medicine(name=m.name, medicine_class=m.medicine_class, time_taken=m.time_taken)
                            for m in medicines)
    try:
        person = person_for(profile, on=today, medicines=rules_medicines)
        target = nutrition.target_for(person)
    except ValueError as error:  # no age yet: the dashboard says what is missing
        row.problem = str(error)
        return row
    row.target_mg, row.target_custom = target.mg, target.is_custom
    findings = list(person_findings_for(person, cabinet))
    if week is not None:
        findings += supplement_day_dangers(person, week.doses.values())
    seen = set()  # the same warning on several days is one thing to look at
    for finding in findings:
        if finding.level == "danger" and (finding.code, finding.message) not in seen:
            seen.add((finding.code, finding.message))
            row.dangers.append(finding)
    return row


def supplement_day_dangers(person, days_doses) -> list:
    """The rules' danger findings for days taking these supplement doses, asked once per different day.

    The rules raise a day's dangers from its supplements alone (food, caffeine and minerals give cautions and
    notes: tests/clinic/test_roster_rules_contract.py holds the rules to that), so a day is asked about
    its doses, and the many alike days of a roster cost one question each.
    """
    answers: dict[tuple, list] = {}
    for doses in days_doses:
        key = tuple(doses)  # in their order: the rules' words list them as given
        if key and key not in answers:
            intake = nutrition.DayIntake(food_magnesium_mg=0, supplements=key)
            answers[key] = [f for f in nutrition.day_findings(person, intake) if f.level == "danger"]
    return [finding for findings in answers.values() for finding in findings]


def dashboard_rows(user, *, today: date | None = None, search: str = "", sort: str = "attention") -> list[ClientRow]:
    """Every client of this dietitian whose name holds `search`, those who need attention first (or by name)."""
    require_dietitian(user)
    profiles = client_profiles(user)
    if search:
        profiles = profiles.filter(name__icontains=search)
    rows = roster_rows(profiles, today=today or timezone.localdate())
    if sort != "name":
        rows.sort(key=lambda r: r.rank)  # stable: name order within each rank
    return rows


def dashboard_page(user, *, page_number=None, today: date | None = None, search: str = "", sort: str = "attention"):
    """(page, total): one page of the dashboard's rows, and how many clients the roster (searched) holds."""
    rows = dashboard_rows(user, today=today, search=search, sort=sort)
    page = Paginator(rows, CLIENTS_PER_PAGE).get_page(page_number)
    attach_plans(page.object_list)
    return page, len(rows)


def client_row(user, profile: Profile, *, today: date | None = None) -> ClientRow:
    """One client's row (the client page's "this week"), read the same way as on the dashboard."""
    require_dietitian(user)
    rows = roster_rows(client_profiles(user).filter(pk=profile.pk), today=today or timezone.localdate())
    attach_plans(rows)
    return rows[0]
