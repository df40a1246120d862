"""Writes for the dietitians' workspace: the client roster, invitations, and plans made for clients.

New plans and next-week copies go through the plan services, so they are the same as those made on the
plan page; copies across profiles (templates) are made here.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import smtplib
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from clinic.models import Invitation
from mealplanner.mail import WholeLinesEmail
from mealplanner.models import Plan, Profile, SupplementProduct
from mealplanner.services import plans as plan_services

logger = logging.getLogger(__name__)

INVITATION_DAYS = 7
PLAN_SETTINGS_FIELDS = ("name", "start_date", "note", "shared_with_client", "client_can_edit")


class InvitationError(Exception):
    """Why an invitation link cannot be used; the message is shown to the person who opened it."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- The roster -------------------------------------------------------------------------------------


@transaction.atomic
def client_create(*, dietitian, data: dict) -> Profile:
    """A client profile on the dietitian's roster, without a login of its own."""
    return Profile.objects.create(dietitian=dietitian, user=None, **data)


@transaction.atomic
def client_update(*, profile: Profile, data: dict) -> Profile:
    for field, value in data.items():
        setattr(profile, field, value)
    profile.save(update_fields=list(data))
    return profile


@transaction.atomic
def client_remove(*, profile: Profile) -> bool:
    """Take a client off the roster. Returns True when the profile itself was deleted.

    A client without a login exists only in the dietitian's records, so the profile and its plans go.
    A client with a login keeps their profile and account; the dietitian just loses access, and the
    dietitian's private notes about them are cleared.
    """
    if profile.user_id is None:
        profile.delete()
        return True
    _end_link(profile)
    return False


@transaction.atomic
def link_end(*, profile: Profile) -> None:
    """The client ends the link with their dietitian: the dietitian loses access from now on."""
    _end_link(profile)


def _end_link(profile: Profile) -> None:
    profile.dietitian = None
    profile.dietitian_notes = ""
    profile.save(update_fields=["dietitian", "dietitian_notes"])
    # Open invitations for this profile can no longer be used by anyone.
    profile.invitations.filter(used_at__isnull=True).delete()


# --- Invitations ------------------------------------------------------------------------------------


def invitation_create(*, profile: Profile, email: str = "", link_for=None) -> tuple[Invitation, str, bool]:
    """A one-time sign-up link for a client without a login. Returns the invitation, the raw token and
    whether the link was e-mailed.

    Only the token's SHA-256 is stored, so the link cannot be read back from the database. When an
    e-mail address is given, the link goes out by e-mail too; `link_for(token)` builds the absolute URL.
    The invitation is saved before the e-mail is sent: a mail server that is down or refuses the message
    costs the e-mail, not the invitation (the page shows the link to copy and says the e-mail failed).
    """
    invitation, token = _invitation_make(profile=profile, email=email)
    emailed = False
    if email and link_for is not None:
        emailed = _invitation_send(invitation=invitation, link=link_for(token))
    return invitation, token, emailed


@transaction.atomic
def _invitation_make(*, profile: Profile, email: str) -> tuple[Invitation, str]:
    if profile.user_id is not None:
        raise ValueError("This client already has a login.")
    # A new link replaces any older one still open, so only one link for this client works at a time.
    profile.invitations.filter(used_at__isnull=True).delete()
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        profile=profile,
        email=email,
        token_hash=token_hash(token),
        expires=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    return invitation, token


def _invitation_send(*, invitation: Invitation, link: str) -> bool:
    profile = invitation.profile
    dietitian = profile.dietitian
    who = (dietitian.get_full_name() or dietitian.username) if dietitian else "Your dietitian"
    message = WholeLinesEmail(
        subject="Your dietitian invites you to the Magnesium Meal Planner",
        body=(
            f"Hello {profile.name},\n\n{who} keeps your meal plans in the Magnesium Meal Planner. "
            f"Open this link to create your login and see the plans they share with you:\n\n{link}\n\n"
            f"The link works once and expires in {INVITATION_DAYS} days.\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[invitation.email],
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError):  # refused, unreachable, timed out: the link is still shown
        logger.warning("The invitation e-mail for profile %s could not be sent", profile.pk, exc_info=True)
        return False
    return True


def invitation_check(invitation: Invitation | None) -> Invitation:
    """The invitation if it can still be used; otherwise InvitationError with a plain reason."""
    if invitation is None:
        raise InvitationError("unknown", "This invitation link is not valid. Check that you copied all of it.")
    if invitation.used_at is not None:
        raise InvitationError("used", "This invitation link has already been used. Log in with the account you made.")
    if invitation.expires <= timezone.now():
        raise InvitationError("expired", "This invitation link has expired. Ask your dietitian for a new one.")
    if invitation.profile.user_id is not None or invitation.profile.dietitian_id is None:
        raise InvitationError("used", "This invitation is no longer valid. Ask your dietitian for a new one.")
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, username: str, password: str, email: str = ""):
    """Create the client's login and bind it to their profile. The link then stops working."""
    # Lock the row so two people opening the same link at once cannot both use it.
    invitation = (
        Invitation.objects.select_for_update().select_related("profile").filter(token_hash=token_hash(token)).first()
    )
    invitation = invitation_check(invitation)
    user = get_user_model().objects.create_user(username=username, password=password, email=email)
    profile = invitation.profile
    profile.user = user
    profile.save(update_fields=["user"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    return user


# --- Plans for clients ------------------------------------------------------------------------------


@transaction.atomic
def client_plan_create(*, profile: Profile, dietitian, data: dict) -> Plan:
    """A new empty week for a client, made by their dietitian, with the note and sharing chosen."""
    plan = plan_services.plan_create(
        profile=profile, name=data["name"], start_date=data["start_date"], created_by=dietitian
    )
    return plan_settings_update(plan=plan, data=data)


@transaction.atomic
def plan_settings_update(*, plan: Plan, data: dict) -> Plan:
    """Name, start date, the note the client sees, and whether the client sees or may edit the plan."""
    fields = [f for f in PLAN_SETTINGS_FIELDS if f in data]
    if "start_date" in fields:
        plan_services.check_start_date(data["start_date"])
    for field in fields:
        setattr(plan, field, data[field])
    if not plan.shared_with_client:
        # A client cannot edit a plan they cannot see.
        plan.client_can_edit = False
        if "client_can_edit" not in fields:
            fields.append("client_can_edit")
    plan.save(update_fields=[*fields, "updated"])
    return plan


@transaction.atomic
def plan_copy(*, plan: Plan, profile: Profile, by, name: str, start_date: date, is_template: bool = False) -> Plan:
    """A copy of a plan's entries onto `profile` (a client's, or the dietitian's own for a template).

    Supplement entries refer to a product in one person's cabinet, and a note is written to one person,
    so both are copied only when the copy stays on the same profile. Targets and findings are computed when the plan is shown, so the
    copy is judged against the new person's rules automatically.
    """
    same_profile = plan.profile_id == profile.id
    plan_services.check_start_date(start_date)
    plan_services.check_copy_allowed(by)
    copy = Plan.objects.create(
        profile=profile,
        created_by=by,
        name=name,
        start_date=start_date,
        is_template=is_template,
        # A note is written to one client; it does not travel to another person's copy.
        note=plan.note if same_profile else "",
        locked_meals=list(plan.locked_meals or []),
    )
    # Foods and recipes (with their kept ingredients) travel; supplements only within the same profile.
    plan_services.clone_entries(
        [(e, {"plan_id": copy.pk}) for e in plan.entries.all() if e.supplement_id is None or same_profile]
    )
    return copy


@transaction.atomic
def plan_duplicate(*, plan: Plan, by, start_date: date | None = None) -> Plan:
    """The same week again for the same client, starting the week after (or on `start_date`)."""
    if start_date is None:
        # Same note and sharing as the week it copies; every entry planned again.
        return plan_services.plan_duplicate_next_week(plan=plan, created_by=by)
    return plan_copy(plan=plan, profile=plan.profile, by=by, name=plan.name, start_date=start_date)


@transaction.atomic
def plan_save_as_template(*, plan: Plan, dietitian, owner_profile: Profile, name: str) -> Plan:
    """A template: a copy of a client's week on the dietitian's own profile, with is_template set."""
    return plan_copy(
        plan=plan, profile=owner_profile, by=dietitian, name=name, start_date=plan.start_date, is_template=True
    )


@transaction.atomic
def plan_from_template(*, template: Plan, profile: Profile, dietitian, start_date: date, name: str = "") -> Plan:
    """A client's week started from a template; it is not shared until the dietitian says so."""
    copy = plan_copy(plan=template, profile=profile, by=dietitian, name=name or template.name, start_date=start_date)
    return copy


@transaction.atomic
def template_delete(*, template: Plan) -> None:
    template.delete()


# --- The cabinet ------------------------------------------------------------------------------------


@transaction.atomic
def supplement_save(*, profile: Profile, data: dict, supplement: SupplementProduct | None = None) -> SupplementProduct:
    """Add or change a product in a client's cabinet (e.g. mark it as prescribed)."""
    supplement = supplement or SupplementProduct(profile=profile)
    for field, value in data.items():
        setattr(supplement, field, value)
    supplement.save()
    return supplement


# --- The generator ----------------------------------------------------------------------------------


def plan_generate(*, plan: Plan) -> tuple[bool, str]:
    """Fill the empty, unlocked meals of the client's week with the generator.

    Returns (worked, a sentence for the dietitian). The generator judges the week against the client's
    own rules (target, caps, diet, allergies), because it reads them from plan.profile.
    """
    try:
        from mealplanner.services.generator import plan_fill_week
    except ImportError:  # pragma: no cover - the generator ships with the app
        return False, "The plan generator is not available. Add foods on the plan page instead."
    try:
        result = plan_fill_week(plan=plan)
    except ValueError as error:
        return False, f"The generator could not fill this week: {error}"
    if not result.ok:
        return False, result.problem
    if not result.created:
        return True, "The generator found no empty meals to fill (locked meals and meals with food stay as they are)."
    things = "dish or food" if result.created == 1 else "dishes and foods"
    return True, (
        f"The generator added {result.created} {things} to the empty meals. Meals that had food stay as they were."
    )
