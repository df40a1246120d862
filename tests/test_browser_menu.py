"""The site menu at 390 px: one line (the brand and a Menu button) whose links open as a list and read in
full; at desktop width every link shows (issue 18). Chromium through Playwright."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from mealplanner.access import own_profile

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"
LINKS = ["Foods", "My plans", "Recipes", "Diary", "Clients", "Profile", "Account"]


@pytest.fixture
def logged_in_page(page, live_server):
    # A dietitian with restless legs sees the most links the menu ever has.
    user = get_user_model().objects.create_user(username="dora", password=PASSWORD, is_dietitian=True)
    profile = own_profile(user)
    profile.restless_legs = True
    profile.save()
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("dora")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/plans/")
    return page


def test_at_390_px_the_menu_is_one_line_with_a_menu_button_whose_links_read_in_full(logged_in_page):
    page = logged_in_page
    nav = page.get_by_role("navigation", name="Main")
    button = page.get_by_role("button", name="Menu")
    expect(button).to_be_visible()
    expect(nav).to_be_hidden()
    brand = page.locator(".site-header .brand").bounding_box()
    box = button.bounding_box()
    assert abs((brand["y"] + brand["height"] / 2) - (box["y"] + box["height"] / 2)) < 8  # one line
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 80
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    for name in LINKS:
        link = nav.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        # Read in full: nothing of the link's text is clipped.
        assert link.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), name
    expect(nav.get_by_role("button", name="Log out")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()

    nav_link = page.get_by_role("button", name="Menu")
    nav_link.click()
    nav.get_by_role("link", name="Clients", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "/clinic/" in page.url


def test_at_desktop_width_every_link_shows_and_there_is_no_menu_button(logged_in_page):
    page = logged_in_page
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    nav = page.get_by_role("navigation", name="Main")
    for name in LINKS:
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
