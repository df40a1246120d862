"""Writes for a person's account: sign-up and closing the account with everything in it."""

from django.contrib.auth import get_user_model
from django.db import transaction

from mealplanner.access import own_profile
from mealplanner.models import Plan, Profile


@transaction.atomic
def account_create(*, username: str, email: str, password: str):
    """A new login with its own (empty) profile, ready for the person to fill in."""
    user = get_user_model().objects.create_user(username=username, email=email, password=password)
    own_profile(user)
    return user


@transaction.atomic
def account_delete(*, user) -> None:
    """Delete the login, the person's profile and everything hanging off it (medicines, cabinet, plans, diary).

    A dietitian's clients who never had a login of their own exist only in the dietitian's records, so
    they go too. Clients with their own login keep their profile and lose their dietitian, and nothing the
    dietitian kept from them becomes theirs (issue 14): plans the dietitian made for them and never shared
    (drafts) are deleted; shared plans stay as shared (read-only ones stay read-only: mealplanner.access);
    the dietitian's private notes on them are deleted.
    """
    Plan.objects.filter(created_by=user, shared_with_client=False).exclude(profile__user=user).delete()
    Profile.objects.filter(dietitian=user).exclude(user=user).update(dietitian_notes="")
    Profile.objects.filter(dietitian=user, user__isnull=True).delete()
    # Profile.user, Medicine/SupplementProduct/Plan/DiaryEntry.profile and PlanEntry.plan all cascade.
    user.delete()
