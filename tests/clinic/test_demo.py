"""The demo data for `make run`: a dietitian with two clients, one of whom logs in and sees a shared plan."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from clinic import demo
from mealplanner.access import client_profiles, visible_plans
from mealplanner.models import Plan, PlanEntry, Profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def foods(db):
    call_command("loaddata", "fixtures/foods.json", verbosity=0)


def test_seed_makes_a_dietitian_with_two_clients_and_can_run_again(foods):
    logins = demo.seed()
    counts = (Profile.objects.count(), Plan.objects.count(), PlanEntry.objects.count())
    assert demo.seed() == logins
    assert (Profile.objects.count(), Plan.objects.count(), PlanEntry.objects.count()) == counts

    for username, password, _ in logins:
        assert authenticate(username=username, password=password) is not None
    dietitian = authenticate(username="dietitian", password=dict((u, p) for u, p, _ in logins)["dietitian"])
    clients = {p.name: p for p in client_profiles(dietitian)}
    assert len(clients) == 2
    karl = next(p for p in clients.values() if p.kidney_disease)
    assert karl.potassium_cap_mg and karl.phosphorus_cap_mg and karl.user is None
    rita = next(p for p in clients.values() if p.restless_legs)
    assert rita.user.username == "client"
    shared = list(visible_plans(rita.user))
    assert len(shared) == 1 and shared[0].note and shared[0].entries.count() >= 3
    assert karl.plans.get().entries.count() >= 3


def test_seed_skips_entries_when_foods_are_missing(db):
    demo.seed()
    assert Plan.objects.filter(is_template=False).count() == 2
    assert PlanEntry.objects.count() == 0
