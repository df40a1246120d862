"""The plans list: each plan's week average summed in the database, over the days that have something,
one page at a time, at the same query count however long the history."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mealplanner.models import Plan, PlanEntry, SupplementProduct
from mealplanner.selectors.plan_list import PLANS_PER_PAGE, week_sums
from mealplanner.selectors.plans import plan_week
from tests.mealplanner.plan_factories import (
    add_food,
    add_supplement,
    citrate,
    coffee,
    make_plan,
    make_profile,
    mystery_food,
    pumpkin_seeds,
    this_monday,
)

pytestmark = pytest.mark.django_db


def averages(body):
    return [float(v) for v in re.findall(r'<data class="plan-average" value="(-?[\d.]+)"', body)]


@pytest.fixture
def profile(user):
    return make_profile(user)


def test_one_planned_day_averages_over_that_day_and_says_so(client_logged_in, profile, user):
    plan = make_plan(profile, user, start=this_monday() + datetime.timedelta(days=14))
    add_food(plan, pumpkin_seeds(), day=0)  # 1 cup, 129 g × 592 mg/100 g = 764 mg [SR28 12014]
    body = client_logged_in.get("/plans/").content.decode()
    assert averages(body) == [764]  # not 764 / 7 = 109: the six empty days are not days at 0 mg
    assert "over 1 day with something planned" in body


def test_an_empty_plan_says_nothing_is_planned_rather_than_0_mg(client_logged_in, profile, user):
    make_plan(profile, user)
    body = client_logged_in.get("/plans/").content.decode()
    assert averages(body) == [] and "nothing planned yet" in body


def test_the_average_says_at_least_when_a_food_has_no_magnesium_figure(client_logged_in, profile, user):
    plan = make_plan(profile, user, start=this_monday() + datetime.timedelta(days=7))
    add_food(plan, pumpkin_seeds(), day=0)
    add_food(plan, mystery_food(), day=1, portion=None, quantity=200)
    body = client_logged_in.get("/plans/").content.decode()
    assert averages(body) == [382] and "at least 382 mg" in body and "over 2 days" in body


def test_the_database_sums_match_the_plan_page_day_by_day(profile, user):
    # Last week, so every day is past: ticked days count what was eaten, unticked days what was planned.
    plan = make_plan(profile, user, start=this_monday() - datetime.timedelta(days=7))
    seeds, cup_of_coffee = pumpkin_seeds(), coffee()
    add_food(plan, seeds, day=0, status="eaten")
    add_food(plan, seeds, day=0, quantity=2, status="skipped")
    add_food(plan, seeds, day=1, portion=None, quantity=Decimal("37.5"))
    add_food(plan, cup_of_coffee, day=1, quantity=3)
    add_food(plan, mystery_food(), day=2, portion=None, quantity=100)
    add_supplement(plan, citrate(profile), day=2, quantity=2)
    unknown = SupplementProduct.objects.create(
        profile=profile, name="Mystery mag", form="unobtainium", compound_mg_per_unit=500
    )
    add_supplement(plan, unknown, day=3)
    by_page, by_sums = plan_week(plan).totals, week_sums([plan])[plan.pk].totals
    for page_day, sums_day in zip(by_page.days, by_sums.days, strict=True):
        for kind in ("planned", "eaten"):
            page_totals, sums_totals = getattr(page_day, kind), getattr(sums_day, kind)
            for name in (
                "food_magnesium",
                "supplement_magnesium",
                "energy_kcal",
                "caffeine_mg",
                "potassium_mg",
                "phosphorus_mg",
                "sodium_mg",
            ):
                page_amount, sums_amount = getattr(page_totals, name), getattr(sums_totals, name)
                assert sums_amount.value == pytest.approx(page_amount.value), (page_day.day, kind, name)
                assert sums_amount.unknown == page_amount.unknown, (page_day.day, kind, name)
            assert (sums_totals.foods, sums_totals.supplements) == (page_totals.foods, page_totals.supplements)
        assert (sums_day.entries, sums_day.ticked, sums_day.counts_eaten) == (
            page_day.entries,
            page_day.ticked,
            page_day.counts_eaten,
        )
    assert by_sums.days[0].counted.magnesium_mg == pytest.approx(763.68)  # the eaten cup, not the skipped two


def _history(profile, user, count):
    """`count` weeks back from this one, each with a few foods and a supplement: built in three queries."""
    seeds, product = pumpkin_seeds(), citrate(profile, mg=100)
    portion = seeds.portions.first()
    plans = Plan.objects.bulk_create(
        [
            Plan(
                profile=profile,
                created_by=user,
                name=f"Week {n}",
                start_date=this_monday() - datetime.timedelta(weeks=n),
            )
            for n in range(count)
        ]
    )
    PlanEntry.objects.bulk_create(
        [
            entry
            for plan in plans
            for day in range(7)
            for entry in (
                PlanEntry(plan=plan, day=day, meal="lunch", food=seeds, portion=portion, quantity=1),
                PlanEntry(plan=plan, day=day, meal="snack", supplement=product, quantity=1),
            )
        ]
    )


def test_the_list_costs_the_same_queries_at_10_and_at_200_plans(
    client_logged_in, profile, user, django_assert_num_queries
):
    _history(profile, user, 10)
    with CaptureQueriesContext(connection) as at_ten:
        body = client_logged_in.get("/plans/").content.decode()
    assert averages(body) == [pytest.approx(764 + 100, abs=1)] * 10
    _history(profile, user, 190)
    with django_assert_num_queries(len(at_ten.captured_queries)):
        body = client_logged_in.get("/plans/").content.decode()
    assert len(averages(body)) == PLANS_PER_PAGE


def test_the_list_shows_one_page_at_a_time_newest_first(client_logged_in, profile, user):
    _history(profile, user, PLANS_PER_PAGE + 5)
    first = client_logged_in.get("/plans/").content.decode()
    assert "Week 0<" in first and f"Week {PLANS_PER_PAGE - 1}<" in first and f"Week {PLANS_PER_PAGE}<" not in first
    assert "Page 1 of 2" in first and 'href="?page=2"' in first
    second = client_logged_in.get("/plans/?page=2").content.decode()
    assert f"Week {PLANS_PER_PAGE}<" in second and "Week 0<" not in second
    # A page number that is not one shows a page, never an error.
    assert client_logged_in.get("/plans/?page=nonsense").status_code == 200
    assert "Page 2 of 2" in client_logged_in.get("/plans/?page=99").content.decode()


def test_the_sums_use_the_grams_kept_when_the_food_was_planned(profile, user):
    plan = make_plan(profile, user)
    entry = add_food(plan, pumpkin_seeds(), day=0)  # 1 cup = 129 g when planned [SR28 12014]
    PlanEntry.objects.filter(pk=entry.pk).update(grams=129, portion_label="1 cup")
    entry.portion.grams = 10  # an admin edits the portion later: the plan keeps what was planned
    entry.portion.save()
    assert week_sums([plan])[plan.pk].average_mg == pytest.approx(129 * 5.92)
