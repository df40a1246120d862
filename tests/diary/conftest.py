"""People, plans and foods for the diary tests: a person with restless legs, a dietitian, strangers."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from foods.models import Food, Portion
from mealplanner.access import own_profile
from mealplanner.models import Plan, PlanEntry, Profile

PASSWORD = "a-long-test-password"


def today() -> datetime.date:
    return timezone.localdate()


def days_ago(n: int) -> datetime.date:
    return today() - datetime.timedelta(days=n)


@pytest.fixture
def person(user):
    profile = own_profile(user)
    profile.age_years = Decimal("45")
    profile.sex = "female"  # asked, never assumed (issue 13)
    profile.restless_legs = True
    profile.rls_habits = ["warm_bath", "no_caffeine"]
    profile.save()
    return profile


@pytest.fixture
def dietitian(django_user_model):
    return django_user_model.objects.create_user(username="dora", password=PASSWORD, is_dietitian=True)


@pytest.fixture
def other_dietitian(django_user_model):
    return django_user_model.objects.create_user(username="otto", password=PASSWORD, is_dietitian=True)


@pytest.fixture
def client_of_dora(dietitian, django_user_model):
    login = django_user_model.objects.create_user(username="clara", password=PASSWORD)
    return Profile.objects.create(
        user=login, dietitian=dietitian, name="Clara", age_years=40, sex="female", restless_legs=True
    )


@pytest.fixture
def pumpkin_seeds(db):
    # USDA SR28 NDB 12014, pumpkin and squash seed kernels, dried: Mg 592 mg, caffeine 0 per 100 g.
    food = Food.objects.create(
        ndb_number="12014",
        name="Seeds, pumpkin and squash seed kernels, dried",
        food_group="Nut and Seed Products",
        magnesium_mg=592,
        energy_kcal=559,
        caffeine_mg=0,
    )
    Portion.objects.create(food=food, seq=1, label="1 cup", grams=129)
    return food


@pytest.fixture
def coffee(db):
    # USDA SR28 NDB 14209, coffee, brewed from grounds: Mg 3 mg, caffeine 40 mg per 100 g.
    return Food.objects.create(
        ndb_number="14209",
        name="Beverages, coffee, brewed from grounds",
        food_group="Beverages",
        magnesium_mg=3,
        caffeine_mg=40,
        energy_kcal=1,
    )


def make_plan(profile, start, name="Week", **extra) -> Plan:
    return Plan.objects.create(profile=profile, name=name, start_date=start, created_by=profile.user, **extra)


def add(plan, food, grams, *, day=0, status="planned", meal="lunch") -> PlanEntry:
    return PlanEntry.objects.create(plan=plan, food=food, quantity=grams, day=day, meal=meal, status=status)
