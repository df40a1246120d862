"""Reads for the dietitians' workspace: which client or plan a dietitian may open, and the dashboard rows.

Every lookup by id goes through `mealplanner.access`, then narrows to what a clinic page is for
(a client on this dietitian's roster, a plan on such a client, or one of the dietitian's templates),
so anything else is a 404.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from clinic.models import Invitation
from clinic.services import token_hash
from mealplanner.access import client_profiles, get_plan_or_404, own_profile, require_dietitian
from mealplanner.models import Plan, Profile


def client_or_404(user, profile_id) -> Profile:
    """A client on this dietitian's roster; anything else (or a non-dietitian) is a 404."""
    require_dietitian(user)
    return get_object_or_404(client_profiles(user), pk=profile_id)


def client_plan_or_404(user, plan_id) -> Plan:
    """A plan (not a template) on one of this dietitian's clients."""
    require_dietitian(user)
    plan = get_plan_or_404(user, plan_id, edit=True)
    if plan.is_template or not client_profiles(user).filter(pk=plan.profile_id).exists():
        raise Http404("Not a plan of your client.")
    return plan


def template_or_404(user, plan_id) -> Plan:
    """One of this dietitian's own templates."""
    require_dietitian(user)
    plan = get_plan_or_404(user, plan_id, edit=True)
    if not plan.is_template or plan.profile.user_id != user.pk:
        raise Http404("Not your template.")
    return plan


def templates_for(user) -> QuerySet[Plan]:
    require_dietitian(user)
    return Plan.objects.filter(profile=own_profile(user), is_template=True).order_by("name", "id")


def client_facts(profile: Profile) -> dict[str, list[str]]:
    """The client's conditions and caps as short phrases, for the client page."""
    conditions = [label for flag, label in (
        (profile.pregnant, "pregnant"), (profile.lactating, "breastfeeding"), (profile.kidney_disease, "kidney disease"),
        (profile.bleeding_disorder, "bleeding disorder"), (profile.restless_legs, "restless legs"),
        (profile.caffeine_free, "caffeine-free days"),
    ) if flag]
    caps = [f"{name} {mg} mg" for name, mg in (
        ("potassium", profile.potassium_cap_mg), ("phosphorus", profile.phosphorus_cap_mg),
        ("sodium", profile.sodium_cap_mg),
    ) if mg]
    return {"conditions": conditions, "caps": caps}


def client_plans(profile: Profile) -> QuerySet[Plan]:
    return profile.plans.filter(is_template=False)


def invitation_for_token(token: str) -> Invitation | None:
    return Invitation.objects.select_related("profile").filter(token_hash=token_hash(token)).first()


def open_invitations(profile: Profile) -> QuerySet[Invitation]:
    return profile.invitations.filter(used_at__isnull=True, expires__gt=timezone.now())


def current_plan(plans, today: date) -> Plan | None:
    """The plan whose week holds today; else the one that starts latest. `plans` is newest first."""
    for plan in plans:
        if plan.start_date <= today <= plan.start_date + timedelta(days=6):
            return plan
    return plans[0] if plans else None


# --- The dashboard ----------------------------------------------------------------------------------

@dataclass
class ClientRow:
    profile: Profile
    plan: Plan | None = None
    average_mg: float | None = None
    target_mg: int | None = None
    target_custom: bool = False
    dangers: list = field(default_factory=list)
    problem: str = ""  # why there is no target (e.g. no age yet)

    @property
    def below_target(self) -> bool:
        return self.average_mg is not None and self.target_mg is not None and self.average_mg < self.target_mg

    @property
    def rank(self) -> int:
        """Who needs attention first: a danger finding, then a week below target (or no target), then no plan."""
        if self.dangers:
            return 0
        if self.below_target or self.problem:
            return 1
        if self.plan is None:
            return 2
        return 3


def dashboard_rows(user, *, today: date | None = None) -> list[ClientRow]:
    """Each client with their current plan's average magnesium against target and any danger finding.

    Queries: the clients with their medicines, and all their plans, in a fixed number of queries;
    then one plan_week per client for the current plan only.
    """
    require_dietitian(user)
    today = today or timezone.localdate()
    clients = list(
        client_profiles(user)
        .prefetch_related(
            "medicines",
            Prefetch("plans", queryset=Plan.objects.filter(is_template=False).order_by("-start_date", "-id"),
                     to_attr="clinic_plans"),
        )
        .order_by("name", "id")
    )
    rows = [client_row(profile, profile.clinic_plans, today=today) for profile in clients]
    rows.sort(key=lambda r: (r.rank, r.profile.name.lower(), r.profile.pk))
    return rows


def client_row(profile: Profile, plans: list[Plan], *, today: date | None = None) -> ClientRow:
    """One client's dashboard row (current plan, planned average against target, danger findings)."""
    today = today or timezone.localdate()
    row = ClientRow(profile=profile, plan=current_plan(plans, today))
    _fill_week(row, today)
    return row


def _fill_week(row: ClientRow, today: date) -> None:
    from mealplanner import nutrition
    from mealplanner.selectors.plans import plan_week
    from mealplanner.selectors.profiles import person_for

    if row.plan is None:
        try:
            target = nutrition.target_for(person_for(row.profile, on=today))
        except ValueError as error:  # no age yet: the dashboard says what is missing
            row.problem = str(error)
        else:
            row.target_mg, row.target_custom = target.mg, target.is_custom
        return
    # plan_week reads plan.profile: hand it the profile we already have (with its medicines prefetched).
    row.plan.profile = row.profile
    # Judge the week as planned: as of its first day no day is past, so every day counts its planned
    # entries rather than those ticked eaten (clients without a login never tick anything).
    week = plan_week(row.plan, today=row.plan.start_date)
    if week.problem:
        row.problem = week.problem
        return
    row.target_mg, row.target_custom = week.target.mg, week.target.is_custom
    row.average_mg = week.average_mg
    findings = list(week.person_findings)
    for day in week.days:
        findings.extend(day.findings)
    # The same warning on several days is one thing to look at.
    seen = set()
    for finding in findings:
        if finding.level == "danger" and (finding.code, finding.message) not in seen:
            seen.add((finding.code, finding.message))
            row.dangers.append(finding)
