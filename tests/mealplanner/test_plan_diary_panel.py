"""The diary panel beside the plan page pre-fills today's caffeine from what was ticked eaten: one small
query for that one date, and the same answer as the diary's own day-by-day intake."""

import datetime

import pytest
from django.utils import timezone

from diary.selectors import eaten_caffeine_on, intake_by_date
from mealplanner.access import own_profile
from tests.mealplanner.plan_factories import add_food, coffee, make_plan, make_profile, pumpkin_seeds

pytestmark = pytest.mark.django_db


def ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


def expected(profile, date):
    intake = intake_by_date(profile, date, date).get(date)
    return intake.caffeine_mg if intake is not None and intake.source == "eaten" else None


def test_todays_caffeine_takes_one_query_and_agrees_with_the_diary(user, other_user, django_assert_num_queries):
    profile = make_profile(user)
    cup, seeds = coffee(), pumpkin_seeds()
    # A plan that started 3 days ago: today is its day 3. One cup ticked eaten (94.8 mg caffeine, SR28 14209),
    # one planned, and a packed other day that must not be read.
    week = make_plan(profile, start=ago(3))
    add_food(week, cup, day=3, status="eaten")
    add_food(week, cup, day=3, quantity=2)
    for d in range(7):
        add_food(week, seeds, day=d, status="eaten")
    # An untouched copy of the week covering today as well (the ticked plan wins), a template, a stranger.
    copy = make_plan(profile, start=ago(3), name="copy")
    add_food(copy, cup, day=3, quantity=5)
    template = make_plan(profile, start=ago(0), name="template")
    template.is_template = True
    template.save()
    add_food(template, cup, day=0, quantity=9, status="eaten")
    add_food(make_plan(own_profile(other_user), start=ago(0)), cup, day=0, quantity=9, status="eaten")

    with django_assert_num_queries(1):
        caffeine = eaten_caffeine_on(profile, ago(0))
    assert caffeine == pytest.approx(94.8)
    assert caffeine == pytest.approx(expected(profile, ago(0)))
    assert eaten_caffeine_on(profile, ago(1)) == pytest.approx(expected(profile, ago(1))) == 0  # seeds only
    assert eaten_caffeine_on(profile, ago(10)) is None is expected(profile, ago(10))  # no plan that day


def test_nothing_ticked_today_leaves_the_caffeine_box_empty(user):
    profile = make_profile(user)
    add_food(make_plan(profile, start=ago(0)), coffee(), day=0)
    assert eaten_caffeine_on(profile, ago(0)) is None is expected(profile, ago(0))


def test_the_plan_page_prefills_the_diary_with_todays_eaten_caffeine(client_logged_in, user):
    profile = make_profile(user)
    plan = make_plan(profile, start=ago(0))
    add_food(plan, coffee(), day=0, status="eaten")
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    diary = body.split('id="diary-form"')[1]
    assert 'name="caffeine_mg"' in diary and 'value="95"' in diary
