"""Filling a real week from the pages: partly planned days, days before today, the caution when a day is not
filled, no caffeine with restless legs, and a dietitian reading the result on a client's plan."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from foods.models import Food
from mealplanner.models import Plan, PlanEntry, Profile
from tests.mealplanner.plan_factories import make_profile, this_monday
from tests.mealplanner.test_generator_views import UNREACHABLE_MG, day_mg

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unhurried_generator")]


def plan_from(user, start, **profile):
    profile = make_profile(user, diet="vegan", energy_goal_kcal=2000, **profile)
    return Plan.objects.create(profile=profile, name="Week", start_date=start, created_by=user)


def label(plan, day):
    return (plan.start_date + datetime.timedelta(days=day)).strftime("%A %-d %b")


def test_a_week_whose_planned_meals_leave_too_little_room_keeps_them_and_says_so(client_logged_in, user, foods):
    # The demo's problem: breakfast, lunch and dinner already hold a little food, so the empty snack alone
    # cannot bring any day to 1,800-2,200 kcal. Nothing planned by hand is lost, and each day says why.
    plan = plan_from(user, this_monday() + datetime.timedelta(days=7))
    tea = Food.objects.create(
        name="Beverages, tea, herb, brewed",
        food_group="Beverages",
        magnesium_mg=1,
        energy_kcal=1,
        caffeine_mg=0,
        vegan=True,
        vegetarian=True,
    )
    for day in range(7):
        for meal in ("breakfast", "lunch", "dinner"):
            PlanEntry.objects.create(plan=plan, day=day, meal=meal, food=tea, quantity=Decimal("240"))
    response = client_logged_in.post(reverse("generator:fill_week", args=[plan.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    # Each day either gets a snack as large as a snack is, or is left as it was; either way it says why.
    assert body.lower().count("the meals already planned hold") == 7
    for day in range(7):
        assert PlanEntry.objects.filter(plan=plan, day=day, food=tea).count() == 3  # hand-added entries stay
        assert not PlanEntry.objects.filter(
            plan=plan, day=day, meal__in=["breakfast", "lunch", "dinner"], generated=True
        ).exists()


def test_filling_the_week_skips_the_days_before_today_and_says_so(client_logged_in, user, foods):
    plan = plan_from(user, timezone.localdate() - datetime.timedelta(days=2))
    response = client_logged_in.post(reverse("generator:fill_week", args=[plan.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert not PlanEntry.objects.filter(plan=plan, day__lt=2).exists()
    for day in range(2, 7):
        assert day_mg(plan, day) >= 320  # RDA for women 31-50 [ODS Table 1]
    assert "Past days kept" in body and label(plan, 0) in body and label(plan, 1) in body
    assert 'id="gen-day-0"' not in body and 'id="gen-day-2"' in body


def test_a_week_entirely_before_today_is_left_alone(client_logged_in, user, foods):
    plan = plan_from(user, timezone.localdate() - datetime.timedelta(days=10))
    body = client_logged_in.post(reverse("generator:fill_week", args=[plan.pk])).content.decode()
    assert "before today" in body
    assert not PlanEntry.objects.filter(plan=plan).exists()


@pytest.fixture
def low_mg_yesterday(user, foods):
    profile = make_profile(user, diet="vegan", energy_goal_kcal=1200, custom_target_mg=UNREACHABLE_MG)
    return Plan.objects.create(
        profile=profile, name="Short", start_date=timezone.localdate() - datetime.timedelta(days=1), created_by=user
    )


def test_no_supplement_dose_is_offered_for_a_day_already_gone(client_logged_in, low_mg_yesterday):
    url = reverse("generator:fill_day", args=[low_mg_yesterday.pk])
    yesterday = client_logged_in.post(url, {"day": 0}).content.decode()
    assert "Short:" in yesterday
    assert "elemental magnesium would close" not in yesterday
    assert "no supplement amount is suggested" in yesterday
    today = client_logged_in.post(url, {"day": 1}).content.decode()
    assert "elemental magnesium would close" in today


def test_a_day_not_filled_is_a_caution_with_a_word_and_an_icon_not_a_danger(client_logged_in, user, foods):
    plan = plan_from(user, this_monday() + datetime.timedelta(days=7))
    plan.profile.energy_goal_kcal = 30000
    plan.profile.save()
    body = client_logged_in.post(reverse("generator:fill_day", args=[plan.pk]), {"day": 0}).content.decode()
    assert '<p class="finding finding-caution"><span class="level">⚠ Not filled:</span>' in body
    assert "finding-danger" not in body


def test_with_restless_legs_no_caffeine_is_added_and_the_page_says_why(client_logged_in, user, foods):
    plan = plan_from(user, this_monday() + datetime.timedelta(days=7), restless_legs=True, caffeine_free=False)
    body = client_logged_in.post(reverse("generator:fill_week", args=[plan.pk])).content.decode()
    added = Food.objects.filter(pk__in=PlanEntry.objects.filter(plan=plan).values("food_id"))
    assert added.exists()
    assert all(f.caffeine_mg == 0 or (f.caffeine_mg is None and "coffee" not in f.name.lower()) for f in added)
    assert "restless legs" in body
    page = client_logged_in.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "The profile notes restless legs, so the generator adds no caffeine" in page


def test_a_dietitian_filling_a_clients_plan_reads_about_the_profile_not_your_profile(client, django_user_model, foods):
    dietitian = django_user_model.objects.create_user(username="dora", password="x-long-pass-123", is_dietitian=True)
    profile = Profile.objects.create(user=None, dietitian=dietitian, name="Karl", age_years=None, sex="male")
    plan = Plan.objects.create(
        profile=profile, created_by=dietitian, name="Karl's week", start_date=this_monday() + datetime.timedelta(days=7)
    )
    client.force_login(dietitian)
    response = client.post(reverse("generator:fill_week", args=[plan.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Add it in the profile" in body
    assert "your profile" not in body.lower()
