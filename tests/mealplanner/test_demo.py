"""The demo account for `make run`."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from mealplanner import demo
from mealplanner.models import Plan, PlanEntry
from mealplanner.selectors.plans import plan_week

pytestmark = pytest.mark.django_db


@pytest.fixture
def foods():
    call_command("load_foods", verbosity=0)


def test_seed_makes_a_login_and_a_week_that_shows_every_kind_of_figure(foods):
    logins = demo.seed()
    assert logins == [("demo", demo.PASSWORD, "a person planning their own meals")]
    assert authenticate(username="demo", password=demo.PASSWORD) is not None
    plan = Plan.objects.get(name=demo.PLAN_NAME)
    profile = plan.profile
    assert profile.restless_legs and profile.medicines.get().name == "omeprazole"
    assert profile.supplements.count() == 2
    # Judge the planned week (as on a Monday), whatever day the test runs.
    PlanEntry.objects.filter(plan=plan).update(status="planned")
    week = plan_week(plan, today=plan.start_date)
    codes = {f.code for day in week.days for f in day.findings}
    assert {"over-limit", "below-target", "caffeine-high", "caffeine-restless-legs"} <= codes
    assert any(day.counted.food_magnesium.unknown for day in week.days)
    assert any(day.reaches_target for day in week.days) and not all(day.reaches_target for day in week.days)
    assert week.person_findings  # omeprazole, restless legs


def test_seed_twice_doubles_nothing(foods):
    demo.seed()
    count = PlanEntry.objects.count()
    demo.seed()
    assert PlanEntry.objects.count() == count and Plan.objects.count() == 1


def test_seed_without_foods_still_makes_the_login():
    assert demo.seed()[0][0] == "demo"
    assert Plan.objects.get(name=demo.PLAN_NAME).entries.filter(food__isnull=False).count() == 1  # the soup only
