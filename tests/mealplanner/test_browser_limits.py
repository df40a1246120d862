"""In Chromium: an htmx change refused by a limit (issue 14) says which limit, in the page's alert."""

import pytest
from playwright.sync_api import expect

from mealplanner.models import PlanEntry
from mealplanner.services.plans import MAX_ENTRIES_PER_MEAL
from tests.mealplanner.plan_factories import make_plan, make_profile, pumpkin_seeds
from tests.mealplanner.test_browser_planner import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_adding_to_a_full_meal_says_the_limit_and_adds_nothing(page, live_server, user):
    plan = make_plan(make_profile(user), user, name="This week")
    seeds = pumpkin_seeds()
    PlanEntry.objects.bulk_create(
        [
            PlanEntry(plan=plan, day=0, meal="lunch", food=seeds, quantity=10, grams=10)
            for _ in range(MAX_ENTRIES_PER_MEAL)
        ]
    )
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    alert = page.locator("#request-problem")
    # The add form's own request, as htmx sends it (with the page's CSRF header).
    page.evaluate(
        """([url, food]) => htmx.ajax("POST", url, {source: "#main", swap: "none",
        values: {day: 0, meal: "lunch", food: food, portion: "g", quantity: 40}})""",
        [f"/plans/{plan.pk}/entries/food/", seeds.pk],
    )
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Not saved:")
    expect(alert).to_contain_text(f"A meal holds at most {MAX_ENTRIES_PER_MEAL} entries")
    assert plan.entries.count() == MAX_ENTRIES_PER_MEAL
