"""In Chromium (issue 16): add 2 servings of a recipe to a dinner from the day's add box and watch the day's
magnesium rise by the recipe's figure, without a page load; then the meal is one click in quick add."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from recipes.models import Recipe, RecipeIngredient
from recipes.selectors import recipe_figures
from tests.mealplanner.plan_factories import make_plan, make_profile, pumpkin_seeds
from tests.mealplanner.test_browser_planner import log_in, planned_mg
from tests.recipes.factories import spinach_cooked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def setup(user):
    profile = make_profile(user)
    plan = make_plan(profile, user, name="This week")
    recipe = Recipe.objects.create(owner=user, name="Spinach and seed bowl", servings=2, suits_dinner=True)
    # SR28 NDB 11458 spinach (87 mg Mg/100 g) 1 cup 180 g; NDB 12014 pumpkin seeds (592 mg/100 g) 1 cup 129 g.
    spinach, seeds = spinach_cooked(), pumpkin_seeds()
    RecipeIngredient.objects.create(
        recipe=recipe, food=spinach, portion=spinach.portions.first(), quantity=1, grams=180
    )
    RecipeIngredient.objects.create(recipe=recipe, food=seeds, portion=seeds.portions.first(), quantity=1, grams=129)
    return plan, recipe


def test_two_servings_of_a_recipe_raise_the_dinners_day_by_the_recipes_figure(page, live_server, setup):
    plan, recipe = setup
    per_serving = recipe_figures(recipe).per_serving["magnesium_mg"].value  # (156.6 + 763.68) / 2 = 460.14 mg
    log_in(page, live_server)
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.evaluate("window.__noReload = true")
    today = (timezone.localdate() - plan.start_date).days
    if page.locator(".day-tabs").is_visible():
        page.locator(".day-tabs a").nth(today).click()
    day = page.locator(f"#day-{today}")
    before = planned_mg(day)
    day.get_by_role("link", name="Add food or a supplement").click()
    day.get_by_label("Meal").first.select_option("dinner")
    box = day.locator(".quick-add")
    expect(box.get_by_label("Recipe")).to_be_visible()
    expect(box.locator("input[name=meal]").first).to_have_value("dinner")
    box.get_by_label("Recipe").select_option(label="Spinach and seed bowl")
    box.get_by_label("Servings").fill("2")
    box.get_by_role("button", name="Add recipe").click()
    expect(page.locator(f"#day-{today} data.day-planned-mg")).to_have_attribute(
        "value", str(round(before + 2 * per_serving))
    )
    expect(page.locator(f"#day-{today} .entries li", has_text="Spinach and seed bowl")).to_contain_text("2 servings")
    assert page.evaluate("window.__noReload") is True

    # The add panel stays open; quick add now offers the dish, one click: another 2 servings at lunch.
    day = page.locator(f"#day-{today}")
    day.get_by_label("Meal").first.select_option("lunch")
    pick = day.locator(".quick-picks").get_by_role("button", name=re.compile("Spinach and seed bowl"))
    expect(pick).to_be_visible()
    expect(day.locator(".quick-add input[name=meal]").first).to_have_value("lunch")
    pick.click()
    expect(page.locator(f"#day-{today} data.day-planned-mg")).to_have_attribute(
        "value", str(round(before + 4 * per_serving))
    )
    assert page.evaluate("window.__noReload") is True
