"""Magnesium and caffeine per day from the plans: eaten when ticked, else planned, in a fixed number of queries."""

import datetime

import pytest

from diary.selectors import intake_by_date
from mealplanner.models import PlanEntry, SupplementProduct
from tests.diary.conftest import add, days_ago, make_plan

pytestmark = pytest.mark.django_db

# Pumpkin seeds 592 mg/100 g (SR28 12014): 50 g = 296 mg, 20 g = 118.4 mg. Coffee 40 mg caffeine/100 g (SR28 14209).


def test_a_day_with_ticks_counts_only_what_was_eaten(person, pumpkin_seeds, coffee):
    plan = make_plan(person, days_ago(6))
    add(plan, pumpkin_seeds, 50, day=0, status="eaten")
    add(plan, pumpkin_seeds, 20, day=0, status="skipped")
    add(plan, pumpkin_seeds, 100, day=0, status="planned")  # not ticked: not eaten
    add(plan, coffee, 237, day=0, status="eaten")
    intake = intake_by_date(person, days_ago(6), days_ago(6))[days_ago(6)]
    assert intake.source == "eaten"
    assert intake.magnesium_mg == pytest.approx(296 + 3 * 2.37)
    assert intake.caffeine_mg == pytest.approx(94.8)


def test_an_unticked_day_counts_what_was_planned(person, pumpkin_seeds):
    plan = make_plan(person, days_ago(6))
    add(plan, pumpkin_seeds, 50, day=2)
    add(plan, pumpkin_seeds, 20, day=2)
    intake = intake_by_date(person, days_ago(6), days_ago(0))
    assert set(intake) == {days_ago(4)}
    assert intake[days_ago(4)].source == "planned"
    assert intake[days_ago(4)].magnesium_mg == pytest.approx(414.4)


def test_supplements_count_and_templates_and_other_people_do_not(person, pumpkin_seeds, other_user):
    from mealplanner.access import own_profile

    plan = make_plan(person, days_ago(1))
    product = SupplementProduct.objects.create(
        profile=person, name="Citrate", form="citrate", elemental_mg_per_unit=100
    )
    PlanEntry.objects.create(plan=plan, supplement=product, quantity=2, day=0, meal="dinner")
    template = make_plan(person, days_ago(1), is_template=True)
    add(template, pumpkin_seeds, 500, day=0)
    stranger = make_plan(own_profile(other_user), days_ago(1))
    add(stranger, pumpkin_seeds, 500, day=0)
    intake = intake_by_date(person, days_ago(1), days_ago(1))
    assert intake[days_ago(1)].magnesium_mg == pytest.approx(200)


def test_when_two_plans_cover_a_day_the_one_with_eaten_ticks_wins(person, pumpkin_seeds):
    older = make_plan(person, days_ago(3), name="ticked")
    add(older, pumpkin_seeds, 50, day=0, status="eaten")
    newer = make_plan(person, days_ago(3), name="untouched copy")
    add(newer, pumpkin_seeds, 100, day=0)
    assert intake_by_date(person, days_ago(3), days_ago(3))[days_ago(3)].magnesium_mg == pytest.approx(296)


def test_plans_starting_before_the_range_still_count_their_later_days(person, pumpkin_seeds):
    plan = make_plan(person, days_ago(10))
    add(plan, pumpkin_seeds, 50, day=6)  # = 4 days ago
    add(plan, pumpkin_seeds, 50, day=1)  # = 9 days ago, outside
    intake = intake_by_date(person, days_ago(5), days_ago(0))
    assert list(intake) == [days_ago(4)]


def test_it_costs_one_query_however_many_entries(person, pumpkin_seeds, django_assert_max_num_queries):
    for week in range(4):
        plan = make_plan(person, days_ago(7 * week + 6))
        for day in range(7):
            add(plan, pumpkin_seeds, 30, day=day, status="eaten")
    with django_assert_max_num_queries(1):
        intake = intake_by_date(person, days_ago(27), days_ago(0))
    assert len(intake) == 28
    assert all(isinstance(d, datetime.date) for d in intake)
