"""The dietitian's roster: each client's current week against their target, who needs attention first.

A fixed number of queries whatever the roster's size (issue 19): the clients, each with the id of their
current plan chosen in the database; their medicines; their cabinets; those plans; and one query summing
the entries of all those plans by day (`mealplanner.selectors.plan_list.week_sums`). No plan history is
loaded. Ranking needs every client's findings, so the rules run for the whole (searched) roster; only the
page shown is rendered.

The current plan is the one whose seven-day week holds today (start date ≤ today < start date + 7); when
two do, the one made last. A client with none has "no plan this week" (issue 13), never a figure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.paginator import Paginator
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Lower
from django.utils import timezone

from mealplanner.access import client_profiles, require_dietitian
from mealplanner.models import Medicine, Plan, Profile, SupplementProduct
from mealplanner.selectors.plan_list import WeekSums, week_sums

CLIENTS_PER_PAGE = 50
SORTS = {"attention": "Needs attention first", "name": "Name"}


@dataclass
class ClientRow:
    profile: Profile
    plan: Plan | None = None
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
        if self.average_mg is None:
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
    """A row for each of `profiles` (name order), from six queries whatever their number."""
    profiles = profiles.annotate(current_plan_id=current_plan_subquery(today)).order_by(Lower("name"), "id")
    ids = profiles.values("pk")
    medicines, cabinets = defaultdict(list), defaultdict(list)
    for medicine in Medicine.objects.filter(profile__in=ids).order_by("name", "id"):
        medicines[medicine.profile_id].append(medicine)
    for product in SupplementProduct.objects.filter(profile__in=ids).order_by("name", "id"):
        cabinets[product.profile_id].append(product)
    clients = list(profiles)
    plans = {plan.pk: plan for plan in Plan.objects.filter(pk__in=[c.current_plan_id for c in clients if c.current_plan_id])}
    # A dietitian judges the week as planned: clients without a login never tick anything.
    sums = week_sums(plans.values(), today=today, as_planned=True)
    return [
        _row(client, plans.get(client.current_plan_id), sums.get(client.current_plan_id), medicines[client.pk],
             cabinets[client.pk], today)
        for client in clients
    ]


def _row(profile: Profile, plan: Plan | None, sums: WeekSums | None, medicines, cabinet, today: date) -> ClientRow:
    from mealplanner import nutrition
    from mealplanner.selectors.plans import day_findings_for, person_findings_for
    from mealplanner.selectors.profiles import person_for

    row = ClientRow(profile=profile, plan=plan)
    if plan is not None:
        plan.profile = profile
        row.average_mg, row.days_planned = sums.average_mg, sums.days_with_entries
        row.at_least = sums.totals.magnesium_at_least
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
    if sums is not None:
        for day, doses in zip(sums.totals.days, sums.doses):
            findings.extend(day_findings_for(person, day, doses))
    seen = set()  # the same warning on several days is one thing to look at
    for finding in findings:
        if finding.level == "danger" and (finding.code, finding.message) not in seen:
            seen.add((finding.code, finding.message))
            row.dangers.append(finding)
    return row


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
    return Paginator(rows, CLIENTS_PER_PAGE).get_page(page_number), len(rows)


def client_row(user, profile: Profile, *, today: date | None = None) -> ClientRow:
    """One client's row (the client page's "this week"), read the same way as on the dashboard."""
    require_dietitian(user)
    return roster_rows(client_profiles(user).filter(pk=profile.pk), today=today or timezone.localdate())[0]
