"""The dietitian's roster: each client's current week against their target, who needs attention first.

A fixed number of queries whatever the roster's size (issue 19): the clients (only the fields shown and the
fields the rules read, as plain values: no Profile objects for hundreds of clients); this week's plans;
their medicines; their cabinets; and three grouped sums over those plans' entries (foods, recipe
ingredients, supplements taken on a day), each read from an index that holds what it sums
(PlanEntry.Meta.indexes), not from the entries table. No plan history is loaded. Ranking needs every
client's findings, so the rules run for the whole (searched) roster; but many clients share an age, sex,
cabinet and supplement day, so the rules are asked once per different question (`RulesAnswers`) and only
the page shown is drawn, 25 clients at a time.

The current plan is the one whose seven-day week holds today (start date ≤ today < start date + 7); when
two do, the one made last. A client with none has "no plan this week" (issue 13), never a figure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from decimal import Decimal
from typing import cast

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.utils import timezone

from clinic.roster_weeks import PlannedWeek, planned_weeks
from mealplanner import nutrition
from mealplanner.access import client_profiles, require_dietitian
from mealplanner.models import Medicine, Plan, Profile, SupplementProduct
from mealplanner.nutrition.numbers import whole_number
from mealplanner.selectors.profiles import cabinet_dose, person_for

# A dietitian works down from the top of "needs attention first", and finds anyone else by name or page:
# 25 cards are a few screens at 360 px, and drawing 50 cost about as much as ranking 500 clients (issue 19).
CLIENTS_PER_PAGE = 25
SORTS = {"attention": "Needs attention first", "name": "Name"}


@dataclass(frozen=True)
class ClientFacts:
    """What the rules read of a profile (mealplanner.selectors.profiles.person_for), as plain values: the roster
    reads only these, and tests/clinic/test_roster_rules_answers.py fails if person_for ever reads another.
    person_for is given these instead of a Profile: building hundreds of model instances costs more than the
    rules themselves."""

    birth_date: date | None
    age_years: Decimal | None
    sex: str
    pregnant: bool
    lactating: bool
    kidney_disease: bool
    bleeding_disorder: bool
    restless_legs: bool
    custom_target_mg: int | None
    weight_kg: Decimal | None


PERSON_FIELDS = tuple(f.name for f in fields(ClientFacts))


@dataclass(frozen=True)
class RosterClient:
    """What a roster row shows of the client."""

    pk: int
    name: str
    user_id: int | None  # set when the client has a login of their own


@dataclass(frozen=True)
class CurrentPlan:
    """What a roster row shows of this week's plan."""

    pk: int
    name: str
    start_date: date


@dataclass
class ClientRow:
    profile: RosterClient
    plan: CurrentPlan | None = None  # this week's plan
    average_mg: float | None = None  # over the days of the week that have something planned
    days_planned: int = 0
    at_least: bool = False  # a food without a magnesium figure: the average is a lower bound
    target_mg: int | None = None
    target_custom: bool = False
    dangers: list = field(default_factory=list)
    problem: str = ""  # why there is no target (e.g. no age yet)
    plan_url: str = ""  # set by the view

    @property
    def plan_id(self) -> int | None:
        return self.plan.pk if self.plan else None

    # The figures as the card shows them, as plain text: a roster page draws many cards, and a number given to
    # a template is localised again each time it is shown.
    @property
    def average_text(self) -> str:
        """The week's average in whole milligrams, rounded once, half up, as every figure is."""
        return "" if self.average_mg is None else str(whole_number(self.average_mg))

    @property
    def target_text(self) -> str:
        return "" if self.target_mg is None else str(self.target_mg)

    @property
    def days_text(self) -> str:
        return "1 day" if self.days_planned == 1 else f"{self.days_planned} days"

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


def plans_this_week(profile_ids: QuerySet, today: date) -> QuerySet[Plan]:
    """The profiles' plans whose seven-day week holds today (start date ≤ today < start date + 7)."""
    return Plan.objects.filter(
        profile__in=profile_ids, is_template=False, start_date__lte=today, start_date__gt=today - timedelta(days=7)
    )


def current_plans(plans: QuerySet[Plan]) -> dict[int, CurrentPlan]:
    """Each profile's current plan among `plans`, by profile id: the latest made wins (it is read last)."""
    rows = plans.order_by("created", "id").values_list("profile_id", "pk", "name", "start_date")
    return {profile_id: CurrentPlan(pk, name, start) for profile_id, pk, name, start in rows}


def roster_rows(profiles: QuerySet[Profile], *, today: date) -> list[ClientRow]:
    """A row for each of `profiles` (name order), from seven queries whatever their number (eight while a
    week holds a food entry from before entries kept their grams)."""
    clients = profiles.order_by(Lower("name"), "id").values_list("pk", "name", "user_id", *PERSON_FIELDS)
    ids = profiles.values("pk")
    this_week = plans_this_week(ids, today)
    plans = current_plans(this_week)
    medicines: dict[int, tuple] = defaultdict(tuple)
    for profile_id, name, medicine_class, time_taken in (
        Medicine.objects.filter(profile__in=ids)
        .order_by("name", "id")
        .values_list("profile_id", "name", "medicine_class", "time_taken")
    ):
        medicines[profile_id] += (nutrition.Medicine(name, medicine_class, time_taken),)
    products = {
        product.pk: product for product in SupplementProduct.objects.filter(profile__in=ids).order_by("name", "id")
    }
    cabinets: dict[int, tuple] = defaultdict(tuple)  # each client's products, as the rules' doses of one unit
    for product in products.values():
        cabinets[product.profile_id] += (cabinet_dose(product),)
    # The plan ids as a subquery, not a list of hundreds of values for Django to prepare one by one.
    weeks = planned_weeks(this_week.values("pk"), products)
    answers = RulesAnswers(today)
    no_plan = PlannedWeek()
    rows = []
    for values in clients:
        pk = values[0]
        plan = plans.get(pk)
        week = weeks.get(plan.pk, no_plan) if plan else no_plan  # a plan with nothing in it: an empty week
        judgement = answers.judge(values[3:], medicines[pk], cabinets[pk], week.days_doses)
        rows.append(
            ClientRow(
                profile=RosterClient(pk, values[1], values[2]),
                plan=plan,
                average_mg=week.average_mg,
                days_planned=week.days,
                at_least=week.unknown > 0,
                target_mg=judgement.target_mg,
                target_custom=judgement.target_custom,
                dangers=list(judgement.dangers),
                problem=judgement.problem,
            )
        )
    return rows


@dataclass(frozen=True)
class Judgement:
    """The rules' word on one client's week: their target (or why there is none) and the dangers to show."""

    target_mg: int | None = None
    target_custom: bool = False
    dangers: tuple = ()
    problem: str = ""


class RulesAnswers:
    """The rules' answers within one request, each different question asked once. Clients with the same facts
    (age, sex, conditions, medicines), cabinet and supplement days are the same question to the rules, and a
    roster holds many alike: a plain dict keyed by those values."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.answers: dict[tuple, Judgement] = {}

    def judge(self, facts: tuple, medicines: tuple, cabinet: tuple, days_doses: tuple) -> Judgement:
        """facts: the profile's PERSON_FIELDS in order; medicines: the rules' Medicine values; cabinet: the
        cabinet's products as the rules' doses of one unit; days_doses: each day's supplement doses."""
        key = (facts, medicines, cabinet, days_doses)
        if key not in self.answers:
            self.answers[key] = self._ask(*key)
        return self.answers[key]

    def _ask(self, facts: tuple, medicines: tuple, cabinet: tuple, days_doses: tuple) -> Judgement:
        profile = cast(Profile, ClientFacts(*facts))  # all that person_for reads of a Profile
        try:
            person = person_for(profile, on=self.today, medicines=medicines)
            target = nutrition.target_for(person)
        except ValueError as error:  # no age yet: the dashboard says what is missing
            return Judgement(problem=str(error))
        # As selectors.plans.person_findings_for does with the cabinet's products (unknown amounts stay unknown).
        findings = [
            f
            for f in nutrition.sort_findings(nutrition.person_findings(person, supplements=cabinet))
            if f.level == "danger"
        ]
        findings += supplement_day_dangers(person, days_doses)
        dangers, seen = [], set()  # the same warning on several days is one thing to look at
        for finding in findings:
            if (finding.code, finding.message) not in seen:
                seen.add((finding.code, finding.message))
                dangers.append(finding)
        return Judgement(target.mg, target.is_custom, tuple(dangers))


def supplement_day_dangers(person, days_doses) -> list:
    """The rules' danger findings for days taking these supplement doses, asked once per different day.

    The rules raise a day's dangers from its supplements alone (food, caffeine and minerals give cautions and
    notes: tests/clinic/test_roster_rules_contract.py holds the rules to that), so a day is asked about
    its doses, and the many alike days of a week cost one question each.
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


def dashboard_page(
    user, *, page_number=None, today: date | None = None, search: str = "", sort: str = "attention"
) -> tuple[Page, int]:
    """(page, total): one page of the dashboard's rows, and how many clients the roster (searched) holds."""
    rows = dashboard_rows(user, today=today, search=search, sort=sort)
    return Paginator(rows, CLIENTS_PER_PAGE).get_page(page_number), len(rows)


def client_row(user, profile: Profile, *, today: date | None = None) -> ClientRow:
    """One client's row (the client page's "this week"), read the same way as on the dashboard."""
    require_dietitian(user)
    return roster_rows(client_profiles(user).filter(pk=profile.pk), today=today or timezone.localdate())[0]
