"""Issue 14, items 12 and 13: the database itself holds one account per e-mail address (any case) and a plan's
dates within 2000-2100, so no path (a form, the admin, two requests at once) can store anything else."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from mealplanner.models import Plan, User
from tests.mealplanner.plan_factories import make_plan, make_profile

pytestmark = pytest.mark.django_db


def test_two_accounts_cannot_share_an_address_whatever_its_case():
    User.objects.create_user(username="one", email="Same@Example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(username="two", email="same@example.ORG")
    # Accounts without an address are not affected.
    User.objects.create_user(username="three", email="")
    User.objects.create_user(username="four", email="")


@pytest.fixture
def staff_client(client):
    client.force_login(User.objects.create_superuser(username="sam", password="x" * 20))
    return client


def test_the_admin_refuses_a_second_account_with_the_same_address_with_a_message(staff_client):
    User.objects.create_user(username="one", email="taken@example.org")
    other = User.objects.create_user(username="two", email="")
    response = staff_client.post(
        reverse("admin:mealplanner_user_change", args=[other.pk]),
        {
            "username": "two",
            "email": "TAKEN@example.org",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
            "initial-date_joined_0": "2026-01-01",
            "initial-date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 200
    assert "An account with this e-mail address already exists." in response.content.decode()
    other.refresh_from_db()
    assert other.email == ""


def test_a_plan_date_outside_2000_to_2100_is_refused_by_the_database(user):
    profile = make_profile(user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.create(profile=profile, name="Typo", start_date=datetime.date(9999, 12, 30))
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.create(profile=profile, name="Typo", start_date=datetime.date(1999, 12, 31))


def test_the_admin_refuses_a_plan_date_outside_the_range_with_a_message(staff_client, user):
    plan = make_plan(make_profile(user))
    response = staff_client.post(
        reverse("admin:mealplanner_plan_change", args=[plan.pk]),
        {
            "profile": plan.profile_id,
            "name": plan.name,
            "start_date": "9999-12-30",
            "locked_meals": "[]",
            "entries-TOTAL_FORMS": "0",
            "entries-INITIAL_FORMS": "0",
            "entries-MIN_NUM_FORMS": "0",
            "entries-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "A plan must start between 1 January 2000 and 31 December 2100." in response.content.decode()
    plan.refresh_from_db()
    assert plan.start_date != datetime.date(9999, 12, 30)


def test_copying_a_plan_past_2100_is_refused_with_a_message_not_a_500(client, user):
    plan = make_plan(make_profile(user), start=datetime.date(2100, 12, 27))
    client.force_login(user)
    response = client.post(reverse("plans:duplicate", args=[plan.pk]))
    assert response.status_code == 422 and "between 1 January 2000 and 31 December 2100" in response.content.decode()
    assert Plan.objects.count() == 1
