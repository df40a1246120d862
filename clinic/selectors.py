"""Reads for the dietitians' workspace: which client or plan a dietitian may open, and the dashboard rows.

Every lookup by id goes through `mealplanner.access`, then narrows to what a clinic page is for
(a client on this dietitian's roster, a plan on such a client, or one of the dietitian's templates),
so anything else is a 404.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from clinic.models import Invitation

# The dashboard and a client's current week live in clinic/roster.py (a fixed number of queries for any roster).
from clinic.roster import ClientRow, client_row, dashboard_page, dashboard_rows  # noqa: F401
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


def template_count(user) -> int:
    """How many templates the dietitian has, in one query (the dashboard's link says it)."""
    require_dietitian(user)
    return Plan.objects.filter(profile__user=user, is_template=True).count()


def client_facts(profile: Profile) -> dict[str, list[str]]:
    """The client's conditions and caps as short phrases, for the client page."""
    conditions = [
        label
        for flag, label in (
            (profile.pregnant, "pregnant"),
            (profile.lactating, "breastfeeding"),
            (profile.kidney_disease, "kidney disease"),
            (profile.bleeding_disorder, "bleeding disorder"),
            (profile.restless_legs, "restless legs"),
            (profile.caffeine_free, "caffeine-free days"),
        )
        if flag
    ]
    caps = [
        f"{name} {mg} mg"
        for name, mg in (
            ("potassium", profile.potassium_cap_mg),
            ("phosphorus", profile.phosphorus_cap_mg),
            ("sodium", profile.sodium_cap_mg),
        )
        if mg
    ]
    return {"conditions": conditions, "caps": caps}


def client_plans(profile: Profile) -> QuerySet[Plan]:
    return profile.plans.filter(is_template=False)


def invitation_for_token(token: str) -> Invitation | None:
    return Invitation.objects.select_related("profile").filter(token_hash=token_hash(token)).first()


def open_invitations(profile: Profile) -> QuerySet[Invitation]:
    return profile.invitations.filter(used_at__isnull=True, expires__gt=timezone.now())
