"""Past days: what was eaten once anything was ticked, else what was planned, said plainly; hints to tick
only for people who can tick."""

import datetime
import re

import pytest

from mealplanner.models import Plan
from mealplanner.selectors.plans import plan_week
from tests.mealplanner.plan_factories import add_food, make_plan, make_profile, pumpkin_seeds, this_monday

pytestmark = pytest.mark.django_db

LAST_WEEK = datetime.timedelta(days=7)


def day_mg(body):
    return [float(v) for v in re.findall(r'<data class="day-mg" value="(-?[\d.]+)"', body)]


@pytest.fixture
def profile(user):
    return make_profile(user)


def test_a_past_day_nobody_ticked_counts_what_was_planned_and_says_so(client_logged_in, profile):
    plan = make_plan(profile, start=this_monday() - LAST_WEEK)
    seeds = pumpkin_seeds()
    add_food(plan, seeds, day=0)  # one cup: 764 mg (SR28 NDB 12014), nothing ticked
    add_food(plan, seeds, day=1, status="eaten")
    add_food(plan, seeds, day=1)  # day 1: one ticked eaten, one not
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    mg = day_mg(body)
    assert 763 <= mg[0] <= 764 and 763 <= mg[1] <= 764  # day 0 planned; day 1 only the eaten cup
    assert "Magnesium planned — nothing ticked" in body
    assert body.count("Magnesium eaten") == 1
    assert "Nothing ticked yet: tick what you ate" in body  # the owner can tick


def test_a_client_can_tick_a_plan_shared_read_only(client_logged_in, profile, django_user_model):
    dietitian = django_user_model.objects.create_user(username="dee", password="x" * 20, is_dietitian=True)
    profile.dietitian = dietitian
    profile.save()
    shared = Plan.objects.create(
        profile=profile,
        created_by=dietitian,
        name="From Dee",
        start_date=this_monday() - LAST_WEEK,
        shared_with_client=True,
    )
    add_food(shared, pumpkin_seeds(), day=2)
    body = client_logged_in.get(f"/plans/{shared.pk}/").content.decode()
    assert "Magnesium planned — nothing ticked" in body
    assert 763 <= day_mg(body)[2] <= 764
    # Issue 13: the foods are read-only, the client's own record of what was eaten is not.
    assert "Nothing ticked yet: tick what you ate" in body and "Add food" not in body


def test_plan_week_counts_past_days_as_the_page_does(profile):
    plan = make_plan(profile, start=this_monday() - LAST_WEEK)
    seeds = pumpkin_seeds()
    add_food(plan, seeds, day=0)
    add_food(plan, seeds, day=1, status="skipped")
    week = plan_week(plan)
    assert week.days[0].counted_label == "planned — nothing ticked"
    assert 763 <= week.days[0].counted.magnesium_mg <= 764
    assert week.days[1].counted_label == "eaten" and week.days[1].counted.magnesium_mg == 0
    assert week.days[2].counted_label == ""  # nothing planned: nothing to say
    # The findings of an unticked past day are about what was planned, not a day of nothing eaten.
    assert not any("short" in f.message.lower() for f in week.days[0].findings)
    assert any("short" in f.message.lower() for f in week.days[1].findings)  # skipped: nothing eaten


def test_a_finding_looks_the_same_on_the_profile_and_on_the_plan(client_logged_in, user):
    from django.urls import reverse

    profile = make_profile(user, kidney_disease=True)
    plan = make_plan(profile)
    on_profile = client_logged_in.get(reverse("profile")).content.decode()
    on_plan = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    pattern = r'<li class="finding finding-(\w+)">\s*<span class="level">([^<]+)</span>\s*([^<]*?)\s*<span'
    kidney = {(level, word, text) for level, word, text in re.findall(pattern, on_profile) if "kidney" in text.lower()}
    assert ("caution", "⚠ Caution:") in {(level, word) for level, word, _ in kidney}
    assert ("info", "ℹ Note:") in {(level, word) for level, word, _ in kidney}
    on_plan_found = set(re.findall(pattern, on_plan))
    assert kidney <= on_plan_found  # the same findings, each with the same level, icon and word
    assert "Warning:" not in on_profile and "! Caution" not in on_plan
