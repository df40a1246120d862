"""In a browser on a phone (360 px): paste an ingredient list, confirm each line's food, and see the recipe's
magnesium per serving; no page of the recipes area scrolls sideways."""

import pytest
from playwright.sync_api import expect

from tests.recipes.factories import pumpkin_seeds, spinach_cooked, tofu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), page.url


def test_pasting_and_confirming_a_recipe_on_a_phone(page, live_server, user):
    spinach_cooked(), pumpkin_seeds(), tofu()
    page.set_viewport_size({"width": 360, "height": 740})
    _log_in(page, live_server)
    page.goto(f"{live_server.url}/recipes/")
    _fits(page)
    page.get_by_role("link", name="New recipe").click()
    page.get_by_label("Name").fill("Green bowl")
    page.get_by_label("Servings it makes").fill("2")
    page.get_by_role("button", name="Save and add ingredients").click()
    page.get_by_role("link", name="Paste an ingredient list").click()
    _fits(page)
    page.get_by_label("Ingredients, one a line").fill("1 cup cooked spinach\n2 tbsp pumpkin seeds\na pinch of saffron")
    page.get_by_role("button", name="Find the foods").click()
    expect(page.get_by_role("heading", name="Lines with no food found")).to_be_visible()
    _fits(page)
    # Nothing is chosen for the person: sending now asks about each line.
    page.get_by_role("button", name="Add the chosen foods").click()
    expect(page.get_by_text("Choose one of the foods, or leave this line out.").first).to_be_visible()
    page.get_by_role("group", name="1 cup cooked spinach").get_by_label("Spinach, cooked", exact=False).check()
    page.get_by_role("group", name="2 tbsp pumpkin seeds").get_by_label("Seeds, pumpkin", exact=False).check()
    page.get_by_role("button", name="Add the chosen foods").click()
    # (87 mg × 1.8 + 592 mg × 129/8/100) / 2 servings = 126 mg
    expect(page.locator(".recipe-magnesium")).to_have_text("Magnesium: 126 mg")
    _fits(page)
    page.get_by_role("link", name="Add an ingredient").click()
    page.get_by_label("Find a food by name").fill("tofu")
    page.get_by_role("button", name="Search").click()
    _fits(page)
    page.get_by_role("button", name="Add Tofu", exact=False).click()
    expect(page.get_by_text("Added Tofu", exact=False)).to_be_visible()


def test_adding_an_own_food_from_its_label_on_a_phone(page, live_server, user):
    page.set_viewport_size({"width": 360, "height": 740})
    _log_in(page, live_server)
    page.goto(f"{live_server.url}/recipes/foods/new/")
    _fits(page)
    page.get_by_label("Name", exact=True).fill("Oat bar")
    page.get_by_label("Serving weight (g)").fill("40")
    page.get_by_label("Magnesium (mg)").fill("80")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved Oat bar.")).to_be_visible()
    expect(page.get_by_text("Mg 200 mg/100 g")).to_be_visible()
    _fits(page)
