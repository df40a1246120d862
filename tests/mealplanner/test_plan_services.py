"""Writes to plans: each refuses nonsense even when a caller skipped the form."""

import datetime

import pytest

from mealplanner.models import PlanEntry
from mealplanner.selectors.plans import plan_week
from mealplanner.services import plans as services
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


@pytest.fixture
def profile(user):
    return make_profile(user)


@pytest.fixture
def plan(profile, user):
    return make_plan(profile, user, start=this_monday() + datetime.timedelta(days=7))


def test_monday_of_any_day_is_that_weeks_monday():
    assert services.monday_of(datetime.date(2026, 11, 29)) == datetime.date(2026, 11, 23)
    assert services.monday_of(datetime.date(2026, 11, 23)) == datetime.date(2026, 11, 23)


def test_add_refuses_more_than_5_kg_a_foreign_portion_and_a_bad_day(plan):
    seeds, other = pumpkin_seeds(), coffee()
    with pytest.raises(ValueError):
        services.plan_entry_add(plan=plan, day=0, meal="lunch", food=seeds, portion=seeds.portions.first(), quantity=39)
    with pytest.raises(ValueError):
        services.plan_entry_add(plan=plan, day=0, meal="lunch", food=seeds, portion=other.portions.first())
    with pytest.raises(ValueError):
        services.plan_entry_add(plan=plan, day=7, meal="lunch", food=seeds, quantity=10)
    with pytest.raises(ValueError):
        services.plan_entry_add(plan=plan, day=0, meal="brunch", food=seeds, quantity=10)
    assert not plan.entries.exists()
    services.plan_entry_add(plan=plan, day=0, meal="lunch", food=seeds, portion=seeds.portions.first(), quantity=38)
    assert plan.entries.count() == 1  # 38 cups = 4,902 g: allowed


def test_add_refuses_a_supplement_from_another_cabinet_or_over_20_units(plan, other_user):
    theirs = citrate(make_profile(other_user))
    with pytest.raises(ValueError):
        services.plan_entry_add(plan=plan, day=0, meal="snack", supplement=theirs)
    with pytest.raises(ValueError):
        services.plan_entry_add(plan=plan, day=0, meal="snack", supplement=citrate(plan.profile), quantity=21)
    with pytest.raises(ValueError):
        services.plan_entry_add(plan=plan, day=0, meal="snack")  # neither food nor supplement
    assert not plan.entries.exists()


def test_copy_day_replaces_the_target_days_and_leaves_the_source(plan):
    add_food(plan, pumpkin_seeds(), day=0, status="eaten")
    add_food(plan, coffee(), day=3)
    written = services.plan_day_copy(plan=plan, from_day=0, to_days=[0, 3, 6])
    assert written == [3, 6]
    assert sorted(plan.entries.values_list("day", "food__ndb_number", "status")) == [
        (0, "12014", "eaten"),
        (3, "12014", "planned"),
        (6, "12014", "planned"),
    ]


def test_move_and_status_refuse_unknown_values(plan):
    entry = add_food(plan, pumpkin_seeds())
    with pytest.raises(ValueError):
        services.plan_entry_move(entry=entry, day=-1, meal="lunch")
    with pytest.raises(ValueError):
        services.plan_entry_set_status(entry=entry, status="devoured")
    entry.refresh_from_db()
    assert (entry.day, entry.status) == (0, "planned")


def test_plan_week_groups_by_day_and_meal_and_finds_the_over_limit_day(plan, profile):
    add_food(plan, pumpkin_seeds(), day=0, meal="dinner")
    add_food(plan, mystery_food(), day=0, meal="lunch", portion=None, quantity=100)
    add_supplement(plan, citrate(profile), day=1)
    week = plan_week(plan)
    monday = week.days[0]
    assert [len(m.entries) for m in monday.meals] == [0, 1, 1, 0]
    assert monday.counted.food_magnesium.unknown == 1
    assert monday.food_pct == 100 and monday.reaches_target
    assert next(f.level for f in week.days[1].findings) == "danger"
    assert week.target.mg == 320
    assert week.average_mg == pytest.approx((763.68 + 400) / 2)  # over the two days that hold anything


def test_plan_week_for_a_pregnant_teen_uses_her_target(user):
    profile = make_profile(user, age_years=16, pregnant=True)
    week = plan_week(make_plan(profile))
    assert week.target.mg == 400  # pregnancy, 14–18 years [ODS Table 1]


def test_duplicate_keeps_the_note_and_every_entry(plan, user):
    plan.note = "Keep it up"
    plan.save()
    add_food(plan, pumpkin_seeds(), day=6)
    copy = services.plan_duplicate_next_week(plan=plan, created_by=user)
    assert copy.note == "Keep it up" and copy.entries.count() == 1
    assert PlanEntry.objects.count() == 2
