"""On a phone the week is a sideways scroller of days: ticking an entry on Saturday must keep Saturday in view."""

import pytest
from playwright.sync_api import expect

from tests.mealplanner.plan_factories import add_food, make_plan, make_profile, pumpkin_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ticking_an_entry_on_a_phone_keeps_the_same_day_in_view(page, live_server, user):
    profile = make_profile(user)
    plan = make_plan(profile, user)
    seeds = pumpkin_seeds()
    for day in range(7):
        add_food(plan, seeds, day=day)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.locator(".day-tabs a").nth(5).click()
    saturday = page.locator("#day-5")
    expect(saturday).to_be_in_viewport()
    before = page.evaluate("document.querySelector('.week').scrollLeft")
    saturday.get_by_role("button", name="Planned").first.click()
    expect(page.locator("#day-5 .entries button").first).to_have_text("✓ Eaten")
    page.wait_for_timeout(300)  # let scroll snapping settle after the swap
    assert page.evaluate("document.querySelector('.week').scrollLeft") == before
    expect(page.locator("#day-5")).to_be_in_viewport()
