"""A vegan fills an empty week with one button in Chromium and sees every day reach the target, from the
shipped foods and curated recipes."""

import datetime

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from mealplanner.models import Plan
from tests.mealplanner.plan_factories import make_profile, this_monday


def next_monday():
    # A week that lies ahead: filling the week skips days before today.
    return this_monday() + datetime.timedelta(days=7)


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("unhurried_generator"),
]
PASSWORD = "a-long-test-password"


@pytest.fixture
def vegan_week(user, foods):
    # The shipped foods (USDA SR28) and curated recipes, as the app installs them.
    call_command("load_recipes", verbosity=0)
    # A woman of 45: target 320 mg [NIH ODS Table 1], energy goal 2,000 kcal.
    profile = make_profile(user, diet="vegan", energy_goal_kcal=2000)
    return Plan.objects.create(profile=profile, name="Vegan week", start_date=next_monday(), created_by=user)


def test_a_vegan_fills_an_empty_week_and_every_day_reaches_the_target(page, live_server, vegan_week):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/plans/{vegan_week.pk}/")
    page.get_by_role("button", name="Fill the empty meals of the week").click()
    expect(page.get_by_role("heading", name="Fill the empty meals of the week")).to_be_visible()
    expect(page.locator(".generator-day")).to_have_count(7)
    expect(page.locator(".generator-day", has_text="Met:")).to_have_count(7)
    expect(page.locator("main")).to_contain_text("mg per 100 kcal")

    page.get_by_role("link", name="Back to the plan").last.click()
    values = page.locator("data.day-planned-mg")  # planned, so past days count too
    expect(values).to_have_count(7)
    for value in values.all():
        assert float(value.get_attribute("value")) >= 320


def test_the_result_page_fits_a_360_pixel_phone(page, live_server, vegan_week):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/plans/{vegan_week.pk}/")
    page.locator("#gen-day").select_option("2")
    page.get_by_role("button", name="Fill this day").click()
    expect(page.locator(".generator-day")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot = __import__("os").environ.get("GENERATOR_SCREENSHOT")
    if shot:  # for a person to look at the page, not an assertion
        page.screenshot(path=shot, full_page=True)
