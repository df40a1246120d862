"""On a phone-sized screen, a person records a week of diary days without a reload and sees the insights
chart (Chromium through Playwright)."""

import pytest
from playwright.sync_api import expect

from diary.models import DiaryEntry
from tests.diary.conftest import PASSWORD, add, days_ago, make_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCORES = [8, 7, 6, 5, 4, 3, 2]  # six days ago .. today


@pytest.fixture
def eaten_week(person, pumpkin_seeds):
    # More pumpkin seeds ticked eaten on each later day (SR28 12014: 592 mg Mg per 100 g).
    plan = make_plan(person, days_ago(6))
    for day in range(7):
        add(plan, pumpkin_seeds, 20 + 10 * day, day=day, status="eaten")


def test_a_week_of_diary_days_on_a_phone_then_the_insights_chart(page, live_server, person, eaten_week):
    page.set_viewport_size({"width": 390, "height": 844})
    refused = []  # anything the Content Security Policy blocked (an inline style, a script)
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/diary/")
    page.evaluate("window.notReloaded = true")
    form = page.locator("#diary-form")

    for n, score in zip(range(6, -1, -1), SCORES, strict=True):
        day = days_ago(n).isoformat()
        # htmx wires up a swapped-in form as it settles: wait for that, or the change event is missed.
        expect(page.locator("#diary-form.htmx-settling, #diary-form.htmx-added")).to_have_count(0)
        form.get_by_label("Day").fill(day)
        form.get_by_label("Day").dispatch_event("change")
        expect(page.locator(f"#diary-form[data-day='{day}']")).to_be_visible()
        form.locator(f"input[name=symptom_score][value='{score}']").check()
        form.get_by_label("Hours slept").fill(str(5 + (6 - n) * 0.5))
        form.get_by_label("A warm bath").check()
        # The whole form fits one phone screen: nothing to scroll sideways, and no taller than the screen.
        assert form.bounding_box()["height"] <= 844
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        form.get_by_role("button", name="Save this day").click()
        expect(form.get_by_role("status")).to_contain_text(f"Saved your diary for {days_ago(n):%A}")

    assert page.evaluate("window.notReloaded") is True
    assert sorted(DiaryEntry.objects.filter(profile=person).values_list("symptom_score", flat=True)) == sorted(SCORES)

    page.get_by_role("link", name="What your diary shows (insights)").click()
    chart = page.get_by_role("img", name="Symptom score per day")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] <= 390
    # Seven paired days: enough for a number. More magnesium went with lower scores in this made-up week.
    expect(page.locator(".correlations")).to_contain_text("r = -1.00 over 7 days")
    expect(page.get_by_text("A link is not proof.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert refused == []
