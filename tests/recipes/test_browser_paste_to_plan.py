"""In Chromium, the whole of issue 16's flow: paste an ingredient list, confirm each line's food, save the
recipe; then find it in a day's add box, add 2 servings to the dinner, and watch the day's magnesium rise by
twice the recipe's per-serving figure, without a page load."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from recipes.models import Recipe
from recipes.selectors import recipe_figures
from tests.mealplanner.plan_factories import make_plan, make_profile
from tests.mealplanner.test_browser_planner import log_in, planned_mg
from tests.recipes.factories import pumpkin_seeds, spinach_cooked, tofu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_pasted_recipe_goes_into_a_dinner_and_the_day_rises_by_its_figure(page, live_server, user):
    spinach_cooked(), pumpkin_seeds(), tofu()  # SR28 NDB 11458, 12014, 16127
    plan = make_plan(make_profile(user), user, name="This week")
    page.set_default_timeout(15_000)
    log_in(page, live_server)

    # Paste, confirm, save.
    page.goto(f"{live_server.url}/recipes/")
    page.get_by_role("link", name="New recipe").click()
    page.get_by_label("Name").fill("Green bowl")
    page.get_by_label("Servings it makes").fill("2")
    page.get_by_role("button", name="Save and add ingredients").click()
    page.get_by_role("link", name="Paste an ingredient list").click()
    page.get_by_label("Ingredients, one a line").fill("1 cup cooked spinach\n2 tbsp pumpkin seeds\n200 g tofu")
    page.get_by_role("button", name="Find the foods").click()
    page.get_by_role("group", name="1 cup cooked spinach").get_by_label("Spinach, cooked", exact=False).check()
    page.get_by_role("group", name="2 tbsp pumpkin seeds").get_by_label("Seeds, pumpkin", exact=False).check()
    page.get_by_role("group", name="200 g tofu").get_by_label("Tofu", exact=False).check()
    page.get_by_role("button", name="Add the chosen foods").click()
    # (87 mg × 180 g + 592 mg × 129/8 g + 27 mg × 200 g) / 100 / 2 servings = 153.0 mg
    expect(page.locator(".recipe-magnesium")).to_have_text("Magnesium: 153 mg")
    recipe = Recipe.objects.get(owner=user, name="Green bowl")
    per_serving = recipe_figures(recipe).per_serving["magnesium_mg"].value
    assert per_serving == pytest.approx((87 * 180 + 592 * 129 / 8 + 27 * 200) / 100 / 2)

    # Into today's dinner from the day's add box, found by its name like any food.
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.evaluate("window.__noReload = true")
    today = (timezone.localdate() - plan.start_date).days
    if page.locator(".day-tabs").is_visible():
        page.locator(".day-tabs a").nth(today).click()
    day = page.locator(f"#day-{today}")
    before = planned_mg(day)
    day.get_by_role("link", name="Add food or a supplement").click()
    expect(day.get_by_label("Food")).to_be_focused()  # htmx has wired the panel: typing is heard
    day.get_by_label("Meal").first.select_option("dinner")
    day.get_by_label("Food").fill("green bowl")
    found = day.locator(".dish-results li", has_text="Green bowl")
    expect(found).to_contain_text("your recipe")
    expect(found).to_contain_text("153 mg per serving")
    expect(found.locator("input[name=meal]")).to_have_value("dinner")
    found.get_by_label("Servings").fill("2")
    found.get_by_role("button", name="Add Green bowl").click()
    expect(page.locator(f"#day-{today} data.day-planned-mg")).to_have_attribute(
        "value", str(round(before + 2 * per_serving))
    )
    dinner = page.locator(f"#day-{today} .entries li", has_text="Green bowl")
    expect(dinner).to_contain_text("2 servings")
    assert page.evaluate("window.__noReload") is True
    entry = plan.entries.get(recipe=recipe)
    assert (entry.meal, float(entry.quantity)) == ("dinner", 2)
