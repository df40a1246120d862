"""The printable plan and shopping list in Chromium: fits a phone, prints without the site's chrome, and the
PDF of a full week fits A4 and Letter (Chromium through Playwright)."""

import pytest
from playwright.sync_api import expect

from foods.models import Food, Portion
from tests.mealplanner.plan_factories import (
    add_food,
    add_supplement,
    citrate,
    coffee,
    make_plan,
    make_profile,
    pumpkin_seeds,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def full_week(user):
    plan = make_plan(make_profile(user, name="Alice Example"), user)
    plan.note = "Have the seeds at breakfast."
    plan.save()
    long_name = Food.objects.create(
        name="Cereals ready-to-eat, " + "very long name " * 8,
        food_group="Breakfast Cereals",
        ndb_number="08000",
        magnesium_mg=100,
        energy_kcal=380,
    )
    Portion.objects.create(food=long_name, label="1 cup (1 NLEA serving)", grams=30)
    product = citrate(plan.profile, mg=200)
    for day in range(7):
        add_food(plan, pumpkin_seeds(), day=day, meal="breakfast")
        add_food(plan, coffee(), day=day, meal="breakfast", quantity=2)
        add_food(plan, long_name, day=day, meal="lunch", quantity=1.5)
        add_food(plan, pumpkin_seeds(), day=day, meal="snack", quantity=0.25)
        add_supplement(plan, product, day=day)
    return plan


def overflowing_tables(page) -> int:
    """How many tables need sideways scrolling to be read."""
    return page.evaluate(
        "[...document.querySelectorAll('.table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1).length"
    )


def log_in(page, base):
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()


def test_the_printable_plan_fits_a_phone_and_prints_without_menus(page, live_server, full_week):
    base = live_server.url
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, base)
    page.goto(f"{base}/plans/{full_week.pk}/")
    page.get_by_role("link", name="Printable plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(full_week.name)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert overflowing_tables(page) == 0
    # With JavaScript the button shows and opens the print dialog (stubbed here).
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print or save as PDF").click()
    assert page.evaluate("window.printed") is True

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_hidden()
    expect(page.get_by_text("Have the seeds at breakfast.")).to_be_visible()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_full_week_prints_on_a_few_pages_with_no_day_split(page, live_server, full_week, paper):
    base = live_server.url
    log_in(page, base)
    page.goto(f"{base}/plans/{full_week.pk}/print/")
    pdf = page.pdf(format=paper, prefer_css_page_size=True)
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 1 <= pages <= 6, pages
    # A day is never split across two pages.
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all(".print-day", "days => days.map(d => getComputedStyle(d).breakInside)")
    assert breaks == ["avoid"] * 7
    # Nothing is wider than the printable width (the page minus 15 mm margins), so nothing is cut off.
    page.set_viewport_size({"width": 680, "height": 900})  # about 180 mm at 96 px per inch
    assert page.evaluate("document.documentElement.scrollWidth") <= 680
    assert overflowing_tables(page) == 0


def test_the_shopping_list_fits_a_phone_and_picks_days(page, live_server, full_week):
    base = live_server.url
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, base)
    page.goto(f"{base}/plans/{full_week.pk}/shopping/")
    expect(page.get_by_text("7 × 1 cup (1 NLEA serving)")).to_have_count(0)
    expect(page.get_by_text("10.5 × 1 cup (1 NLEA serving)")).to_be_visible()  # 1.5 a day for 7 days
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert overflowing_tables(page) == 0
    page.get_by_label("To").fill(full_week.start_date.isoformat())
    page.get_by_role("button", name="Show these days").click()
    expect(page.get_by_text("1.5 × 1 cup (1 NLEA serving)")).to_be_visible()
    expect(page.get_by_text("1.25 × 1 cup", exact=True)).to_be_visible()  # seeds: 1 + 0.25 cups
