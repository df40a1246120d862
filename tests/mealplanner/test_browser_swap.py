"""In Chromium (issue 17): a day in its bands, open an entry, Swap, pick one of the three, and the day still reads
inside its magnesium and energy bands, without a page load."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mealplanner.models import PlanEntry
from mealplanner.selectors.plans import plan_week
from mealplanner.selectors.swap import bands_for_week
from tests.mealplanner.plan_factories import make_plan, make_profile
from tests.mealplanner.test_browser_planner import log_in, planned_mg
from tests.mealplanner.test_swap_views import assert_in_band, fill_day

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def energy_kcal(day) -> float:
    text = day.locator(".energy-line").inner_text()
    return float(re.search(r"Energy\s+(?:at least )?([\d,.]+) kcal", text).group(1).replace(",", ""))


def test_a_swapped_entry_keeps_the_day_in_its_magnesium_and_energy_bands(page, live_server, user, foods):
    profile = make_profile(user)
    plan = make_plan(profile, user, name="This week")
    today = (timezone.localdate() - plan.start_date).days
    fill_day(plan, today)
    assert_in_band(plan, today)
    bands = bands_for_week(plan_week(plan))
    entry = PlanEntry.objects.filter(plan=plan, day=today, meal="lunch").order_by("id").first()

    log_in(page, live_server)
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.evaluate("window.__noReload = true")
    if page.locator(".day-tabs").is_visible():
        page.locator(".day-tabs a").nth(today).click()
    day = page.locator(f"#day-{today}")
    assert planned_mg(day) >= bands.magnesium_mg
    assert bands.energy_low <= energy_kcal(day) <= bands.energy_high

    day.locator(f"#entry-{entry.pk} a").first.click()  # the entry's change forms open in place
    swap = day.locator(f"#swap-{entry.pk}")
    swap.get_by_role("link", name=re.compile("^Swap")).click()
    choices = day.locator(f"#swap-{entry.pk} .swap-list button")
    expect(choices).to_have_count(3)
    name = choices.first.inner_text()
    choices.first.click()

    day = page.locator(f"#day-{today}")
    expect(day.locator(".day-notice")).to_contain_text(f"for {name}.")
    expect(day.locator(".entries li", has_text=name)).to_be_visible()
    expect(day.locator(f"#entry-{entry.pk}")).to_have_count(0)
    assert planned_mg(day) >= bands.magnesium_mg
    assert bands.energy_low <= energy_kcal(day) <= bands.energy_high
    assert page.evaluate("window.__noReload") is True
