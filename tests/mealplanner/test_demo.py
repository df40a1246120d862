"""The demo account for `make run`."""

import datetime

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from foods.models import Food
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
    assert not any(day.counted.food_magnesium.unknown for day in week.days)  # USDA foods only
    assert any(day.reaches_target for day in week.days) and not all(day.reaches_target for day in week.days)
    assert week.person_findings  # omeprazole, restless legs


def test_seed_twice_doubles_nothing(foods):
    demo.seed()
    count = PlanEntry.objects.count()
    demo.seed()
    assert PlanEntry.objects.count() == count and Plan.objects.count() == 1


def test_seed_without_foods_still_makes_the_login():
    assert demo.seed()[0][0] == "demo"
    assert Plan.objects.get(name=demo.PLAN_NAME).entries.filter(food__isnull=False).count() == 0
    assert not Food.objects.exists()  # the demo adds nothing to the shared food table


def test_the_demo_adds_no_food_to_everyones_list(foods):
    before = set(Food.objects.values_list("pk", flat=True))
    demo.seed()
    assert set(Food.objects.values_list("pk", flat=True)) == before
    assert all(entry.food.ndb_number for entry in PlanEntry.objects.filter(food__isnull=False))


def test_seeding_again_removes_the_soup_an_earlier_demo_put_in_everyones_list(foods):
    demo.seed()
    soup = Food.objects.create(name=demo.OLD_DEMO_SOUP, food_group="Soups, Sauces, and Gravies")
    plan = Plan.objects.get(name=demo.PLAN_NAME)
    PlanEntry.objects.create(plan=plan, day=3, meal="lunch", food=soup, quantity=350)
    demo.seed()
    assert not Food.objects.filter(name=demo.OLD_DEMO_SOUP).exists()


def test_a_soup_somebody_else_planned_is_kept_for_them(foods, user):
    from mealplanner.access import own_profile

    soup = Food.objects.create(name=demo.OLD_DEMO_SOUP, food_group="Soups, Sauces, and Gravies")
    theirs = Plan.objects.create(profile=own_profile(user), name="Mine", start_date=datetime.date(2026, 11, 2))
    PlanEntry.objects.create(plan=theirs, day=0, meal="lunch", food=soup, quantity=300)
    demo.seed()
    assert theirs.entries.get().food == soup
