"""In Chromium: a pregnant person adds a third coffee and sees the caffeine caution (issue 13)."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.mealplanner.plan_factories import add_food, coffee, make_plan, make_profile

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def test_a_pregnant_person_adding_a_third_coffee_sees_the_caffeine_caution(page, live_server, user):
    profile = make_profile(
        user,
        age_years=30,
        pregnant=True,
        restless_legs=False,
        due_date=timezone.localdate() + datetime.timedelta(days=120),
    )
    cup = coffee()  # USDA SR28 NDB 14209, coffee brewed: caffeine 40 mg per 100 g; 1 cup = 237 g, so 95 mg
    plan = make_plan(profile, user, start=timezone.localdate())  # today is the plan's first day
    add_food(plan, cup, day=0, meal="breakfast")
    add_food(plan, cup, day=0, meal="lunch")  # two cups, 190 mg: under the 200 mg of pregnancy [EFSA; ACOG]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    monday = page.locator("#day-0")
    expect(monday.locator(".finding-caution", has_text="caffeine")).to_have_count(0)

    monday.get_by_role("link", name="Add food or a supplement").click()
    expect(monday.get_by_label("Food")).to_be_focused()  # htmx has wired the panel: typing is heard
    monday.get_by_label("Meal").first.select_option("snack")
    monday.get_by_label("Food").fill("coffee")
    result = monday.locator(".search-results li", has_text="coffee")
    expect(result.first).to_be_visible()
    result.first.get_by_role("button", name=re.compile("^Add")).click()

    caution = page.locator("#day-0 .finding-caution", has_text="caffeine")
    expect(caution).to_be_visible()
    expect(caution).to_contain_text("Caution:")
    expect(caution).to_contain_text("In pregnancy, up to 200 mg a day is advised (EFSA 2015; ACOG)")
    expect(caution).to_contain_text("284 mg")  # three cups: 3 × 237 g × 40 mg/100 g
