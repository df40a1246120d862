"""The invitation page at 390 px: the whole link shows (nothing cut off) and a Copy button copies it
(issue 18). Chromium through Playwright."""

import pytest
from playwright.sync_api import expect

from tests.clinic.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_invite_link_shows_whole_and_the_copy_button_copies_it(
    page, context, live_server, dietitian, client_profile
):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(dietitian.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/clinic/clients/{client_profile.pk}/invite/")
    page.get_by_role("button", name="Make the link").click()

    box = page.get_by_label("Sign-up link")
    link = box.input_value()
    assert "/clinic/invite/" in link
    # Not cut off: the box is as wide as the page allows and tall enough for every line of the link.
    assert box.evaluate("el => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link
