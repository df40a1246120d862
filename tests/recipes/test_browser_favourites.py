"""In Chromium on a phone (360 px): star an own food among a day's search results on the plan page (in place,
no page load), and the meal's quick add offers it under Favourites, one click to add (issue 16)."""

import pytest
from playwright.sync_api import expect

from recipes.models import OwnFood
from tests.mealplanner.plan_factories import make_plan, make_profile
from tests.mealplanner.test_browser_planner import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_starred_food_is_one_click_in_quick_add(page, live_server, user):
    plan = make_plan(make_profile(user), user)
    OwnFood.objects.create(owner=user, name="Pumpkin bar", magnesium_mg=100, serving_label="1 bar", serving_grams=40)
    page.set_viewport_size({"width": 360, "height": 800})
    page.set_default_timeout(15_000)
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.evaluate("window.__noReload = true")
    if page.locator(".day-tabs").is_visible():
        page.locator(".day-tabs a").first.click()
    day = page.locator("#day-0")
    day.get_by_role("link", name="Add food or a supplement").click()
    # Exactly "Food": the meal's quick add, loaded beside it, offers "Your food" once the person has one.
    search = day.get_by_label("Food", exact=True)
    expect(search).to_be_focused()  # htmx has wired the panel: typing is heard
    search.fill("pumpkin")
    star = day.get_by_role("button", name="Favourite Pumpkin bar")
    expect(star).to_have_attribute("aria-pressed", "false")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    star.click()
    expect(day.get_by_role("button", name="Favourite Pumpkin bar")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__noReload") is True
    page.goto(f"{live_server.url}/plans/{plan.pk}/quick/?day=0&meal=dinner")
    pick = page.locator(".quick-picks").get_by_role("button", name="Pumpkin bar")
    expect(page.get_by_role("heading", name="Favourites")).to_be_visible()
    pick.click()
    # One click: one serving of its label, 1 bar of 40 g.
    expect(page.locator("#day-0 .entries li", has_text="Pumpkin bar")).to_contain_text("1 serving")
    assert plan.entries.get().grams == pytest.approx(40)
