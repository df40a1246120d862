"""Writes for a person's account: sign-up and closing the account with everything in it."""

import logging

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction

from core import throttle
from mealplanner.access import own_profile
from mealplanner.mail import send_plain
from mealplanner.models import Plan, Profile

logger = logging.getLogger("mealplanner.security")

SIGNUP_SALT = "mealplanner.signup"
SIGNUP_LINK_DAYS = 2


class SignupError(ValueError):
    """The sign-up link cannot make an account (expired, used, or the name or address taken meanwhile)."""


def signup_request(*, username: str, email: str, link_for) -> None:
    """Start a sign-up: e-mail a link that finishes it, or, when the address already has an account, a note
    to its owner instead. The caller answers the same either way, so the page never tells a stranger which
    addresses are registered (issue 14). Nothing is stored until the link is used; a mailbox gets at most
    throttle.SIGNUP_EMAIL.limit of these an hour. Raises OSError when the e-mail cannot be sent."""
    mailbox = email.strip().casefold()
    if throttle.attempt(throttle.SIGNUP_EMAIL, mailbox) > throttle.SIGNUP_EMAIL.limit:
        logger.warning("Sign-up e-mail not sent: too many requests for one address")
        return
    if get_user_model().objects.filter(email__iexact=email.strip()).exists():
        subject = "Someone tried to sign up with your address"
        message = (
            "Someone (perhaps you) tried to create a Magnesium Meal Planner account with this e-mail "
            "address, which already has an account. Nothing was changed.\n\nIf it was you, log in, "
            "or ask for a new password from the log-in page. If it was not you, you can ignore this.\n"
        )
    else:
        token = signing.dumps({"username": username, "email": email.strip()}, salt=SIGNUP_SALT)
        subject = "Finish creating your Magnesium Meal Planner account"
        message = (
            f"Open this link to choose your password and finish creating the account {username!r}:\n\n"
            f"{link_for(token)}\n\nThe link expires in {SIGNUP_LINK_DAYS} days. If you did not ask for "
            "an account, ignore this e-mail: nothing is created without it.\n"
        )
    send_plain(subject=subject, body=message, to=email)


def signup_details(token: str) -> dict:
    """The username and address a sign-up link was made for; SignupError when it is damaged or expired."""
    try:
        return signing.loads(token, salt=SIGNUP_SALT, max_age=SIGNUP_LINK_DAYS * 24 * 3600)
    except signing.BadSignature:
        raise SignupError("This link has expired or is not complete. Sign up again to get a new one.") from None


def signup_finish(*, token: str, password: str):
    """The account a sign-up link was made for, with this password. The database holds one account per
    address and per username, so two uses of the link (or two links) at once make one account."""
    details = signup_details(token)
    User = get_user_model()
    if User.objects.filter(username__iexact=details["username"]).exists():
        raise SignupError("This link was already used, or the username was taken meanwhile. Log in, or sign up again.")
    try:
        return account_create(username=details["username"], email=details["email"], password=password)
    except IntegrityError:
        raise SignupError(
            "An account with this username or e-mail address already exists. Log in, or ask "
            "for a new password from the log-in page."
        ) from None


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
