"""An htmx change from a page whose session has ended loads the log-in page as a page (HX-Redirect), then
comes back to the page the person was on; it never puts the log-in form inside a day."""

import pytest
from django.urls import reverse

from mealplanner.models import PlanEntry
from tests.mealplanner.plan_factories import add_food, make_plan, make_profile, pumpkin_seeds

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(user):
    plan = make_plan(make_profile(user), user)
    return add_food(plan, pumpkin_seeds(), day=1, quantity=1)


def _post_status(client, entry, **headers):
    url = reverse("plans:entry_status", args=[entry.plan_id, entry.pk])
    return client.post(url, {"status": "eaten", "day": "1"}, headers=headers)


def test_an_htmx_change_after_the_session_ended_sends_the_page_to_log_in_and_back(client, entry):
    page = f"http://testserver/plans/{entry.plan_id}/"
    response = _post_status(client, entry, HX_Request="true", HX_Current_URL=page)
    assert response.status_code == 200 and response.content == b""
    assert response["HX-Redirect"] == f"/accounts/login/?next=/plans/{entry.plan_id}/"
    assert PlanEntry.objects.get(pk=entry.pk).status == "planned"


@pytest.mark.parametrize(
    "page",
    [
        "https://evil.example/plans/1/",
        "http://testserver//evil.example/",
        "http://testserver/\\evil.example/",
        "javascript:alert(1)",
        "/plans/1/",
    ],
)
def test_it_never_sends_the_person_back_to_another_site(client, entry, page):
    response = _post_status(client, entry, HX_Request="true", HX_Current_URL=page)
    assert response["HX-Redirect"] == "/accounts/login/?next=/"


def test_the_log_in_page_says_the_last_change_was_not_saved(client, entry):
    response = _post_status(client, entry, HX_Request="true", HX_Current_URL="http://testserver/plans/")
    page = client.get(response["HX-Redirect"]).content.decode()
    assert "You were logged out, so your last change was not saved." in page


def test_without_htmx_the_log_in_redirect_is_unchanged(client, entry):
    response = _post_status(client, entry)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert "HX-Redirect" not in response


def test_other_htmx_redirects_are_left_alone(client, user, entry):
    client.force_login(user)
    response = client.post(reverse("plans:duplicate", args=[entry.plan_id]), headers={"HX-Request": "true"})
    assert response.status_code == 302 and "HX-Redirect" not in response


def test_opening_a_form_after_the_session_ended_goes_to_log_in_without_a_lost_change_warning(client, entry):
    url = reverse("plans:entry_edit", args=[entry.plan_id, entry.pk])
    page = f"http://testserver/plans/{entry.plan_id}/"
    response = client.get(url, headers={"HX-Request": "true", "HX-Current-URL": page})
    assert response["HX-Redirect"] == f"/accounts/login/?next=/plans/{entry.plan_id}/"
    assert "not saved" not in client.get(response["HX-Redirect"]).content.decode()
