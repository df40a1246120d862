"""A person searches the Foods page in a real browser (Chromium through Playwright)."""

import pytest
from playwright.sync_api import expect

from foods.models import Food
from tests.foods.factories import make_food

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEEDS = "Seeds, pumpkin and squash seed kernels, dried"
CANNED = "Pumpkin, canned, without salt"
SPICE = "Spices, pumpkin pie spice"


@pytest.fixture
def pumpkin_foods():
    # USDA SR28: magnesium (304), energy (208) per 100 g, and the first WEIGHT row, by NDB number.
    make_food("12014", SEEDS, "Nut and Seed Products", mg=592, kcal=559, portions=[("1 cup", 129)])
    make_food("02035", SPICE, "Spices and Herbs", mg=136, kcal=342, portions=[("1 tsp", 1.7)])
    make_food("11424", CANNED, "Vegetables and Vegetable Products", mg=23, kcal=34, portions=[("1 cup", 245)])
    make_food("11457", "Spinach, raw", "Vegetables and Vegetable Products", mg=79, kcal=23, portions=[("1 cup", 30)])


def food_names(page):
    return page.locator("#results tbody th.food-name").all_inner_texts()


def test_a_person_types_pumpkin_and_sorts_by_magnesium_per_portion(page, live_server, pumpkin_foods):
    page.goto(f"{live_server.url}/foods/")
    # A mark on the window survives only if the page is never reloaded.
    page.evaluate("window.notReloaded = true")

    page.get_by_label("Search foods").press_sequentially("pumpkin", delay=30)
    expect(page.locator("#result-count")).to_contain_text("3 foods found.")
    seeds = page.locator("#results tbody tr", has_text=SEEDS)
    expect(seeds.locator("td[data-label='Mg per 100 g']")).to_have_text("592 mg")
    expect(page.locator("#results")).not_to_contain_text("Spinach, raw")
    assert page.evaluate("window.notReloaded") is True
    assert "q=pumpkin" in page.url  # the search can be bookmarked and shared

    page.get_by_label("Sort by").select_option(label="Mg per portion")
    # Per cup, canned pumpkin (56 mg) beats a teaspoon of pie spice (2 mg), unlike per 100 g.
    expect(page.locator("#results tbody tr").nth(1)).to_contain_text(CANNED)
    assert [n.split(" NDB")[0] for n in food_names(page)] == [SEEDS, CANNED, SPICE]
    expect(page.locator("#result-count")).to_contain_text("Sorted by Mg per portion, highest first")
    assert page.locator("#result-count").count() == 1
    assert page.evaluate("window.notReloaded") is True


def test_the_page_fits_a_360_pixel_phone(page, live_server, pumpkin_foods):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/foods/?q=pumpkin&sort=portion")
    expect(page.locator("#results")).to_contain_text(SEEDS)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_search_form_works_without_javascript(browser, live_server, pumpkin_foods):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/foods/")
    page.get_by_label("Search foods").fill("pumpkin seed")
    page.get_by_label("Sort by").select_option(label="Mg per portion")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#result-count")).to_contain_text("1 food found.")
    expect(page.locator("#results")).to_contain_text("592 mg")
    context.close()


def test_show_more_adds_foods_in_place_by_keyboard(page, live_server, pumpkin_foods):
    for i in range(22):
        Food.objects.create(name=f"Pumpkin test dish {i:02d}", food_group="Test", magnesium_mg=i)
    page.goto(f"{live_server.url}/foods/")
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Search foods").press_sequentially("pumpkin", delay=30)
    expect(page.locator("#result-count")).to_contain_text("25 foods found; showing the first 20.")
    assert len(food_names(page)) == 20
    more = page.get_by_role("link", name="Show 5 more foods")
    more.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#result-count")).to_contain_text("25 foods found.")
    assert len(food_names(page)) == 25
    expect(page.get_by_role("link", name="Show 5 more foods")).to_have_count(0)
    assert page.evaluate("window.notReloaded") is True
    assert "shown=40" in page.url  # a reload or a shared link shows as many
