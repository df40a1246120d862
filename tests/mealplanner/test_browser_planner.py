"""The plan page in Chromium: search and add a food, add a supplement, see findings change, on a wide screen
and on a 390 px phone, without page reloads."""

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
    monday.get_by_role("link", name="Add food or a supplement").click()
    monday.get_by_label("Meal").first.select_option("breakfast")
    expect(monday.get_by_label("Food")).to_be_focused()  # the panel opens with the keyboard in its search box
    monday.get_by_label("Food").fill("pumpk")
    result = monday.locator(".search-results li", has_text="pumpkin")
    expect(result).to_be_visible()
    before = planned_mg(monday)
    result.get_by_role("button", name=re.compile("^Add")).click()
    # The day is swapped in place: its planned magnesium rises by one cup, 129 g × 592 mg/100 g = 764 mg.
    expect(page.locator("#day-0 data.day-planned-mg")).to_have_attribute("value", str(round(before + 764)))
    expect(page.locator("#day-0 .entries li", has_text="pumpkin").first).to_be_visible()
    # After an add, the keyboard is back in that meal's search box, for the next food.
    expect(page.locator("#day-0 #q-0")).to_be_focused()
    expect(page.locator("#day-0 #meal-0")).to_have_value("breakfast")


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
    day.get_by_role("link", name="Add food or a supplement").click()
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
    assert page.evaluate(
        "(() => { const w = document.querySelector('.week'); return w.scrollWidth > 6 * w.clientWidth; })()"
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing wider than the screen
    run_the_story(page, live_server, plan, profile)


def test_nothing_is_wider_than_a_360_px_screen(page, live_server, setup, user):
    _, plan = setup
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


# The food names and buttons that take more than one line of text.
WRAPPED = """(() => {
  const lines = el => { const r = document.createRange(); r.selectNodeContents(el);
    return new Set([...r.getClientRects()].map(rect => Math.round(rect.top))).size; };
  return [...document.querySelectorAll('.entries li > a, .entries li > b, .entries button')]
    .filter(el => el.offsetParent !== null && lines(el) > 1).map(el => el.textContent.trim()); })()"""
# Entries whose name, amount, magnesium and button do not sit on one line.
BROKEN_LINES = """(() => [...document.querySelectorAll('.entries li')].filter(li => {
  const tops = [...li.children].filter(c => c.offsetParent !== null).map(c => c.getBoundingClientRect());
  return tops.some(r => r.top >= tops[0].bottom); }).map(li => li.id))()"""


def test_at_1280_px_no_food_name_wraps_and_no_buttons_stack(page, live_server, setup, user):
    _, plan = setup
    _busy_monday(plan)
    from tests.mealplanner.plan_factories import add_food, mystery_food

    long_name = mystery_food()
    long_name.name = "Cheese food, pasteurized process, American, vitamin D fortified, with added calcium"
    long_name.save()
    add_food(plan, long_name, day=0, meal="lunch", portion=None, quantity=30)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    expect(page.locator("#day-0 .entries button").first).to_be_visible()
    assert page.evaluate(WRAPPED) == []
    assert page.evaluate(BROKEN_LINES) == []
    # The jump-to-day list is there on a desktop too: Friday is one Tab press per day away, not 136.
    expect(page.get_by_role("navigation", name="Jump to a day").get_by_role("link")).to_have_count(7)


def test_on_a_phone_a_short_day_is_not_as_tall_as_the_longest(page, live_server, setup, user):
    _, plan = setup
    _busy_monday(plan)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    monday = page.locator("#day-0").bounding_box()["height"]
    tuesday = page.locator("#day-1").bounding_box()["height"]
    assert tuesday < monday - 300


def test_the_chart_is_readable_on_a_360_px_phone_and_its_target_label_fits(page, live_server, setup, user):
    _, plan = setup
    _busy_monday(plan)
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    svg = page.locator(".week-summary .chart svg").bounding_box()
    label = page.locator(".week-summary .chart .target-label").bounding_box()
    assert label["x"] + label["width"] <= svg["x"] + svg["width"]  # "target" and "320" are not cut off
    day_label = page.locator(".week-summary .chart text", has_text="Mon").bounding_box()
    assert day_label["height"] >= 11  # about 13 px text, not 5


def test_an_entry_opens_its_change_forms_in_place_and_ticks_with_one_button(page, live_server, setup, user):
    _, plan = setup
    _busy_monday(plan)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.evaluate("window.__noReload = true")
    tuesday = page.locator("#day-1")
    tuesday.get_by_role("link", name="Seeds, pumpkin and squash seed kernels, dried").click()
    expect(tuesday.get_by_label("Move to day")).to_be_visible()  # loaded in place, no page load
    tuesday.get_by_role("button", name="Pin Seeds, pumpkin and squash seed kernels, dried").click()
    page.wait_for_load_state()  # pinning is a plain post back to the plan
    expect(page.locator("#day-1 .entries li", has_text="pinned")).to_have_count(1)
    page.evaluate("window.__noReload = true")
    page.locator("#day-1 .entries li").first.get_by_role("button", name="Planned").click()
    expect(page.locator("#day-1 .entries li").first.get_by_role("button")).to_have_text("✓ Eaten")
    page.locator("#day-1 .entries li").first.get_by_role("button").click()
    expect(page.locator("#day-1 .entries li").first.get_by_role("button")).to_have_text("✗ Skipped")
    assert page.evaluate("window.__noReload") is True
    assert plan.entries.get(day=1).status == "skipped" and plan.entries.get(day=1).pinned


def test_no_content_security_policy_error_during_htmx_swaps(page, live_server, setup, user):
    _, plan = setup
    _busy_monday(plan)
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    add_pumpkin_seeds_to_monday(page)  # the add panel, a search, an add: three swaps
    page.locator("#day-0 .entries li").first.get_by_role("button").click()
    expect(page.locator("#day-0 .entries li").first.get_by_role("button")).to_have_text("✓ Eaten")
    page.locator("#day-1 .entries li a").first.click()
    expect(page.locator("#day-1").get_by_label("Move to day")).to_be_visible()
    page.get_by_role("link", name="Pin foods so the generator keeps them").click()
    expect(page.locator("#generator-pins")).to_be_visible()
    assert [p for p in problems if "Content Security Policy" in p or "style-src" in p] == []
    # The listener does hear such an error: markup with an inline style, put in the page the way htmx swaps.
    page.evaluate("""document.getElementById('main').insertAdjacentHTML('beforeend', '<p style="color: red">x</p>')""")
    page.wait_for_timeout(200)
    assert [p for p in problems if "Content Security Policy" in p or "style-src" in p]


def test_on_a_390_px_phone_the_plan_opens_on_today_and_portion_names_read_in_full(page, live_server, setup, user):
    _, plan = setup
    today = (timezone.localdate() - plan.start_date).days
    from foods.models import Portion

    seeds = pumpkin_seeds()
    Portion.objects.create(food=seeds, seq=2, label="1 cup, whole kernels, roasted", grams=64, is_default=True)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    # The days scroll sideways: today's is the one in the scroller's view.
    assert page.evaluate(f"""(() => {{ const w = document.querySelector('.week');
        return Math.abs(w.scrollLeft - document.getElementById('day-{today}').offsetLeft) < 5; }})()""")
    day = page.locator(f"#day-{today}")
    day.get_by_role("link", name="Add food or a supplement").click()
    # Focus lands in the search box once htmx has wired the panel: typing earlier would go unheard.
    expect(day.get_by_label("Food")).to_be_focused()
    day.get_by_label("Food").fill("pumpk")
    select = day.locator(".search-results select").first
    expect(select).to_be_visible()
    # The chosen portion's words fit in the box: measured in the box's own font, beside its arrow.
    fits = select.evaluate("""s => { const probe = document.createElement('span');
        probe.textContent = s.options[s.selectedIndex].text; probe.style.font = getComputedStyle(s).font;
        document.body.append(probe); const w = probe.getBoundingClientRect().width; probe.remove();
        return [w, s.clientWidth]; }""")
    assert fits[0] + 24 <= fits[1], fits
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
