"""In Chromium: an htmx change that cannot be saved says so, instead of looking as if it worked."""

import re

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from mealplanner.models import Plan, PlanEntry
from tests.mealplanner.plan_factories import add_food, make_plan, make_profile, pumpkin_seeds
from tests.mealplanner.test_browser_planner import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan_with_entry(user):
    plan = make_plan(make_profile(user), user, name="This week")
    entry = add_food(plan, pumpkin_seeds(), day=0, quantity=1)
    return plan, entry


def test_a_change_to_a_plan_deleted_in_another_tab_says_it_was_not_saved(page, live_server, plan_with_entry):
    plan, entry = plan_with_entry
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    alert = page.locator("#request-problem")
    expect(alert).to_be_hidden()
    Plan.objects.filter(pk=plan.pk).delete()  # the other tab
    page.locator(f"#entry-{entry.pk} button").click()  # "Planned" to "Eaten": an htmx post, answered 404
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Not saved:")
    expect(alert).to_contain_text("no longer there")
    expect(page.locator(f"#entry-{entry.pk}")).to_be_visible()  # nothing swapped in
    alert.get_by_role("button", name="Dismiss").click()
    expect(alert).to_be_hidden()
    expect(page.locator("#main")).to_be_focused()  # the keyboard is not left on a hidden button
    # Opening the entry's change form is a GET: nothing was being saved, so it says what failed to load.
    page.locator(f"#entry-{entry.pk} a").click()
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Could not load:")
    expect(alert).not_to_contain_text("Not saved")


def test_a_change_after_the_session_ended_goes_to_log_in_and_back(page, live_server, plan_with_entry):
    plan, entry = plan_with_entry
    log_in(page, live_server)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    Session.objects.all().delete()  # logged out elsewhere, or the session expired
    page.locator(f"#entry-{entry.pk} button").click()
    expect(page).to_have_url(re.compile(rf"/accounts/login/\?next=/plans/{plan.pk}/$"))
    expect(page.get_by_label("Username")).to_be_visible()
    assert PlanEntry.objects.get(pk=entry.pk).status == "planned"
