"""The plan page in Chromium: search and add a food, add a supplement, see findings change, on a wide screen
and on a 390 px phone, without page reloads."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.mealplanner.plan_factories import citrate, make_plan, make_profile, pumpkin_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


@pytest.fixture
def setup(user):
    profile = make_profile(user)
    pumpkin_seeds()  # NDB 12014, Mg 592 mg and 559 kcal per 100 g, "1 cup" = 129 g
    citrate(profile, mg=400)  # 400 mg elemental magnesium per unit
    plan = make_plan(profile, user, name="This week")
    return profile, plan


def log_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def planned_mg(day):
    return float(day.locator("data.day-planned-mg").get_attribute("value"))


def add_pumpkin_seeds_to_monday(page):
    monday = page.locator("#day-0")
    monday.locator("summary", has_text="Add food").click()
    monday.get_by_label("Meal").first.select_option("breakfast")
    monday.get_by_label("Food").fill("pumpk")
    result = monday.locator(".search-results li", has_text="pumpkin")
    expect(result).to_be_visible()
    before = planned_mg(monday)
    result.get_by_role("button", name=re.compile("^Add")).click()
    # The day is swapped in place: its planned magnesium rises by one cup, 129 g × 592 mg/100 g = 764 mg.
    expect(page.locator("#day-0 data.day-planned-mg")).to_have_attribute("value", str(round(before + 764)))
    expect(page.locator("#day-0 .entry", has_text="pumpkin")).to_be_visible()


def run_the_story(page, live_server, plan, profile):
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.evaluate("window.__noReload = true")
    if page.locator(".day-tabs").is_visible():
        page.locator(".day-tabs a").first.click()  # the phone shows one day: pick Monday
    add_pumpkin_seeds_to_monday(page)
    assert page.evaluate("window.__noReload") is True  # no page load happened

    today = (timezone.localdate() - plan.start_date).days  # today's day is never "past", so plans count
    if page.locator(".day-tabs").is_visible():
        page.locator(".day-tabs a").nth(today).click()
    day = page.locator(f"#day-{today}")
    day.locator("summary", has_text="Add supplement").click()
    day.get_by_label("Product").select_option(label="Magnesium citrate 400")
    day.get_by_label("Units").fill("1")
    day.get_by_role("button", name="Add supplement").click()
    expect(page.locator(f"#day-{today} .finding-danger")).to_contain_text("Danger:")
    expect(page.locator(f"#day-{today} .finding-danger")).to_contain_text("350 mg")
    assert page.evaluate("window.__noReload") is True
    expect(page.locator("#week-average")).not_to_have_attribute("value", "0")

    page.goto(f"{live_server.url}/accounts/profile/")
    page.get_by_label("Kidney disease").check()
    page.get_by_role("button", name="Save profile").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    expect(page.locator(".plan-head .finding-danger").first).to_contain_text("kidney")


def test_planning_on_a_wide_screen(page, live_server, setup, user):
    profile, plan = setup
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server)
    run_the_story(page, live_server, plan, profile)


def test_planning_on_a_390_px_phone(page, live_server, setup, user):
    profile, plan = setup
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    # One day at a time on a phone: the tabs are there and the days sit side by side in a sideways scroller.
    expect(page.locator(".day-tabs")).to_be_visible()
    assert page.evaluate("(() => { const w = document.querySelector('.week'); return w.scrollWidth > 6 * w.clientWidth; })()")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing wider than the screen
    run_the_story(page, live_server, plan, profile)


def test_nothing_is_wider_than_a_360_px_screen(page, live_server, setup, user):
    profile, plan = setup
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, live_server)
    for path in (f"/plans/{plan.pk}/", "/plans/", f"/plans/{plan.pk}/delete/", f"/plans/{plan.pk}/days/0/copy/"):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path


def _busy_monday(plan):
    from tests.mealplanner.plan_factories import add_food, cheese

    seeds, hard_cheese = pumpkin_seeds(), cheese()
    for meal in ("breakfast", "lunch", "dinner", "snack"):
        for food in (seeds, hard_cheese, seeds):
            add_food(plan, food, day=0, meal=meal, portion=None, quantity=30)
    add_food(plan, seeds, day=1, portion=None, quantity=30)


WORDS_BROKEN = """(() => [...document.querySelectorAll('.status-form button, .lock-button, .pin-button')]
  .filter(b => b.offsetParent !== null)
  .filter(b => { const r = document.createRange(); r.selectNodeContents(b.firstChild);
                 return r.getClientRects().length > 1; })
  .map(b => b.textContent.trim()))()"""


def test_status_buttons_keep_whole_words_in_the_7_day_grid(page, live_server, setup, user):
    profile, plan = setup
    _busy_monday(plan)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    expect(page.locator("#day-0 .status-form button", has_text="Eaten").first).to_be_visible()
    assert page.evaluate(WORDS_BROKEN) == []  # no "Eate|n" or "Skippe|d"


def test_on_a_phone_a_short_day_is_not_as_tall_as_the_longest(page, live_server, setup, user):
    profile, plan = setup
    _busy_monday(plan)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    monday = page.locator("#day-0").bounding_box()["height"]
    tuesday = page.locator("#day-1").bounding_box()["height"]
    assert tuesday < monday - 300


def test_the_chart_is_readable_on_a_360_px_phone_and_its_target_label_fits(page, live_server, setup, user):
    profile, plan = setup
    _busy_monday(plan)
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    svg = page.locator(".week-summary .chart svg").bounding_box()
    label = page.locator(".week-summary .chart .target-label").bounding_box()
    assert label["x"] + label["width"] <= svg["x"] + svg["width"]  # "target" and "320" are not cut off
    day_label = page.locator(".week-summary .chart text", has_text="Mon").bounding_box()
    assert day_label["height"] >= 11  # about 13 px text, not 5


def test_pin_and_lock_buttons_post_in_the_browser(page, live_server, setup, user):
    profile, plan = setup
    _busy_monday(plan)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.locator("#day-1 .pin-button").first.click()  # a plain post through the day's form
    page.wait_for_load_state()
    expect(page.locator("#day-1 .entry-name", has_text="📌 pinned")).to_have_count(1)
    page.locator("#day-1 .lock-button", has_text="Lock").nth(2).click()  # dinner
    page.wait_for_load_state()
    expect(page.locator("#day-1 .meal-head", has_text="Dinner")).to_contain_text("🔒 locked")
    plan.refresh_from_db()
    assert plan.locked_meals == ["1:dinner"] and plan.entries.filter(day=1, pinned=True).count() == 1
