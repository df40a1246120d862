"""A dietitian adds a client and builds a week with a note; the client signs up through the invite link
and sees that plan with the note (Chromium through Playwright)."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.clinic.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTE = "Have the lentil soup on Tuesday"


@pytest.fixture
def dietitian_account():
    return get_user_model().objects.create_user(username="dora", password=PASSWORD, is_dietitian=True)


def log_in(page, base, username, password):
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_a_client_signs_up_through_the_invite_and_sees_the_plan_with_the_note(
    page,
    browser,
    live_server,
    dietitian_account,
):
    base = live_server.url
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, base, "dora", PASSWORD)
    page.get_by_role("button", name="Menu").click()  # at 360 px the links fold behind the menu button
    page.get_by_role("link", name="Clients").click()
    page.get_by_role("link", name="Add a client").click()
    page.get_by_label("Name").fill("Clara")
    page.get_by_label("Age in years").fill("40")
    page.get_by_label("Female").check()  # asked, never assumed (issue 13)
    page.get_by_label("Has restless legs").check()
    page.get_by_role("button", name="Add client").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Clara")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="New week").click()
    page.get_by_label("Plan name").fill("Clara's first week")
    page.get_by_label("Note for the client").fill(NOTE)
    page.get_by_label("The client sees this plan").check()
    page.get_by_role("button", name="Make the week").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+/$"))

    page.goto(f"{base}/clinic/")
    page.get_by_role("link", name="Clara").first.click()
    page.get_by_role("link", name="Invite to log in").click()
    page.get_by_role("button", name="Make the link").click()
    link = page.get_by_label(re.compile("Sign-up link")).input_value()
    assert "/clinic/invite/" in link

    # The client opens the link in her own browser.
    context = browser.new_context(viewport={"width": 360, "height": 740})
    clara = context.new_page()
    clara.goto(link)
    clara.get_by_label("Username").fill("clara")
    clara.get_by_label("E-mail").fill("clara@example.org")
    clara.get_by_label("Password", exact=True).fill("Correct-horse-42")
    clara.get_by_label("Password confirmation").fill("Correct-horse-42")
    clara.get_by_role("button", name="Create my login").click()
    clara.get_by_role("link", name="Clara's first week").click()
    expect(clara.get_by_role("complementary", name="Note from the dietitian")).to_contain_text(NOTE)

    # The link worked once: opening it again says so.
    clara.goto(link)
    expect(clara.get_by_role("heading", level=1)).to_have_text("This invitation cannot be used")
    context.close()
