"""A vegan fills a week with one button in Chromium and reads a dinner made of a dish with sides (issue 17);
every entry the generator made suits a vegan."""

import datetime

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from foods.diet import diet_conflicts
from foods.models import DIET_FIELDS
from mealplanner.entry_amounts import entry_foods, load_ingredients
from mealplanner.models import Plan, PlanEntry
from tests.mealplanner.plan_factories import make_profile, this_monday

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("unhurried_generator"),
]
PASSWORD = "a-long-test-password"


@pytest.fixture
def vegan_week(user, foods):
    call_command("load_recipes", verbosity=0)
    # A woman of 45: target 320 mg [NIH ODS Table 1], energy goal 2,000 kcal.
    profile = make_profile(user, diet="vegan", energy_goal_kcal=2000)
    return Plan.objects.create(
        profile=profile, name="Vegan week", created_by=user, start_date=this_monday() + datetime.timedelta(days=7)
    )


def log_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def test_a_vegan_fills_a_week_and_a_dinner_reads_as_a_dish_with_sides(page, live_server, vegan_week):
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{vegan_week.pk}/")
    page.get_by_role("button", name="Fill the empty meals of the week").click()
    expect(page.get_by_role("heading", name="Fill the empty meals of the week")).to_be_visible()
    expect(page.locator(".generator-day")).to_have_count(7)
    expect(page.locator("main")).to_contain_text("mg per serving")

    # On the result page, some dinner is a dish and one or two sides, each with its magnesium.
    dinners = page.locator(".generator-day h3:text-is('Dinner') + ul.results")
    with_dish = dinners.filter(has=page.locator(".badge", has_text="dish"))
    expect(with_dish.first).to_be_visible()
    plates = [d.locator("li") for d in with_dish.all() if 2 <= d.locator("li").count() <= 3]
    assert plates, "no dinner of a dish with one or two sides"
    items = plates[0]
    assert items.filter(has=page.locator(".badge", has_text="dish")).count() == 1
    expect(items.first).to_contain_text("mg per 100 kcal")

    # On the plan page the same dinner reads as a recipe with its sides.
    page.get_by_role("link", name="Back to the plan").last.click()
    plan_dinners = page.locator("section.day h3:text-is('Dinner') + ul.entries")
    expect(plan_dinners.filter(has_text="recipe").first).to_be_visible()

    made = load_ingredients(PlanEntry.objects.filter(plan=vegan_week).select_related("food"))
    assert made and all(e.generated and e.supplement_id is None for e in made)
    for e in made:
        for food, _grams in entry_foods(e):
            assert diet_conflicts({f: getattr(food, f) for f in DIET_FIELDS}, diet="vegan", allergies=[]) == []
