"""People and plans for the clinic tests: a dietitian, her clients, and strangers."""

import datetime

import pytest
from django.utils import timezone

from foods.models import Food
from mealplanner.models import Plan, PlanEntry, Profile, SupplementProduct

PASSWORD = "a-long-test-password"


@pytest.fixture
def make_user(django_user_model):
    def make(username, **extra):
        return django_user_model.objects.create_user(username=username, password=PASSWORD, **extra)

    return make


@pytest.fixture
def dietitian(make_user):
    return make_user("dora", is_dietitian=True, first_name="Dora", last_name="Diet")


@pytest.fixture
def other_dietitian(make_user):
    return make_user("otto", is_dietitian=True)


@pytest.fixture
def make_client():
    def make(dietitian, name="Clara", user=None, **extra):
        values = {"age_years": 40, "sex": "female", **extra}
        return Profile.objects.create(dietitian=dietitian, user=user, name=name, **values)

    return make


@pytest.fixture
def client_profile(dietitian, make_client):
    return make_client(dietitian, "Clara")


@pytest.fixture
def make_plan():
    def make(profile, *, by=None, start=None, name="Week", **extra):
        start = start or timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
        return Plan.objects.create(profile=profile, created_by=by, name=name, start_date=start, **extra)

    return make


@pytest.fixture
def client_plan(client_profile, dietitian, make_plan):
    return make_plan(client_profile, by=dietitian, name="Clara's week")


@pytest.fixture
def spinach(db):
    # SR28 NDB 11457, spinach, raw: magnesium 79 mg, energy 23 kcal, potassium 558 mg per 100 g.
    return Food.objects.create(
        name="Spinach, raw",
        food_group="Vegetables",
        ndb_number="11457",
        magnesium_mg=79,
        energy_kcal=23,
        potassium_mg=558,
        phosphorus_mg=49,
        sodium_mg=79,
        vegan=True,
        vegetarian=True,
        suits_lunch=True,
    )


def add_food(plan, food, grams, day=0, meal="lunch"):
    return PlanEntry.objects.create(plan=plan, food=food, quantity=grams, day=day, meal=meal)


def add_supplement(profile, elemental_mg=250, name="Mag citrate"):
    return SupplementProduct.objects.create(
        profile=profile,
        name=name,
        kind="supplement",
        form="citrate",
        elemental_mg_per_unit=elemental_mg,
    )
