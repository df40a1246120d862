"""Who may see and change what. Every view that takes an id goes through these, so a stranger's id is a 404.

- A person sees their own profile and its plans (including the plans their dietitian shared with them).
- A dietitian also sees the profiles of their clients (profile.dietitian == them) and all their plans.
- Whoever sees a plan may tick its entries eaten or skipped: on a plan a dietitian shared read-only, the
  client's ticks are their own record; only the foods are read-only.
- Nobody else sees anything; staff use the Django admin, not these pages.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from mealplanner.models import Plan, Profile, SupplementProduct


def own_profile(user) -> Profile:
    """The profile of the logged-in person themselves, made on first use."""
    profile, _ = Profile.objects.get_or_create(user=user, defaults={"name": user.get_full_name() or user.username})
    return profile


def visible_profiles(user) -> QuerySet[Profile]:
    if not user.is_authenticated:
        return Profile.objects.none()
    mine = Q(user=user)
    if user.is_dietitian:
        mine |= Q(dietitian=user)
    return Profile.objects.filter(mine)


def client_profiles(user) -> QuerySet[Profile]:
    if not (user.is_authenticated and user.is_dietitian):
        return Profile.objects.none()
    return Profile.objects.filter(dietitian=user).exclude(user=user)


def _visible_plans_q(user_id, is_dietitian: bool) -> Q:
    # On their own profile a person sees what they made and what a dietitian shared with them.
    own = Q(profile__user_id=user_id) & (
        Q(created_by_id=user_id) | Q(created_by__isnull=True) | Q(shared_with_client=True)
    )
    if is_dietitian:
        own |= Q(profile__dietitian_id=user_id)
    return own


def _editable_plans_q(user_id, is_dietitian: bool) -> Q:
    # A plan whose maker is gone (a dietitian who closed their account) stays as it was shared: read-only
    # unless the client could edit it (issue 14); a plan nobody made (the admin, an import) is the person's own.
    own = Q(profile__user_id=user_id) & (
        Q(created_by_id=user_id)
        | Q(created_by__isnull=True, shared_with_client=False)
        | Q(shared_with_client=True, client_can_edit=True)
    )
    if is_dietitian:
        own |= Q(profile__dietitian_id=user_id)
    return own


def visible_plans(user) -> QuerySet[Plan]:
    if not user.is_authenticated:
        return Plan.objects.none()
    return Plan.objects.filter(_visible_plans_q(user.pk, user.is_dietitian))


def editable_plans(user) -> QuerySet[Plan]:
    if not user.is_authenticated:
        return Plan.objects.none()
    return Plan.objects.filter(_editable_plans_q(user.pk, user.is_dietitian))


def can_edit_plan(user, plan: Plan) -> bool:
    return editable_plans(user).filter(pk=plan.pk).exists()


def get_profile_or_404(user, profile_id) -> Profile:
    return get_object_or_404(visible_profiles(user), pk=profile_id)


def get_plan_or_404(user, plan_id, *, edit: bool = False) -> Plan:
    """A plan this user may see (or, with edit=True, change); anything else is a 404."""
    try:
        plan_id = int(plan_id)
    except (TypeError, ValueError):
        raise Http404("No such plan.") from None
    if not 0 < plan_id < 2**63:  # beyond a 64-bit id the database would refuse it
        raise Http404("No such plan.")
    plans = editable_plans(user) if edit else visible_plans(user)
    return get_object_or_404(plans.select_related("profile"), pk=plan_id)


def get_plan_to_tick_or_404(user, plan_id) -> tuple[Plan, bool]:
    """A plan whose entries this user may tick eaten or skipped (every plan they see), and whether they may
    also change it. One query for the usual case, a plan they may change."""
    try:
        return get_plan_or_404(user, plan_id, edit=True), True
    except Http404:
        return get_plan_or_404(user, plan_id), False


def get_supplement_or_404(user, supplement_id, *, profile: Profile | None = None) -> SupplementProduct:
    queryset = SupplementProduct.objects.filter(profile__in=visible_profiles(user))
    if profile is not None:
        queryset = queryset.filter(profile=profile)
    return get_object_or_404(queryset, pk=supplement_id)


def require_dietitian(user) -> None:
    if not (user.is_authenticated and user.is_dietitian):
        raise Http404("Not a dietitian.")
