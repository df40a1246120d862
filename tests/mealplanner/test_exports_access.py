"""Who may print and download a plan: the person, a client it was shared with, the client's dietitian."""

import pytest

from mealplanner.models import Plan, Profile
from tests.mealplanner.plan_factories import add_food, make_plan, make_profile, pumpkin_seeds, this_monday

pytestmark = pytest.mark.django_db

PAGES = [
    "print/",
    "shopping/",
    "shopping.csv",
    "download/entries.csv",
    "download/entries.xlsx",
    "download/totals.csv",
    "download/totals.xlsx",
    "download/plan.xlsx",
]


@pytest.fixture
def plan(user):
    plan = make_plan(make_profile(user), user)
    add_food(plan, pumpkin_seeds(), day=0)
    return plan


@pytest.mark.parametrize("page", PAGES)
def test_the_owner_gets_each_page_and_download(client_logged_in, plan, page):
    assert client_logged_in.get(f"/plans/{plan.pk}/{page}").status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_a_stranger_gets_a_404(client, plan, other_user, page):
    client.force_login(other_user)
    assert client.get(f"/plans/{plan.pk}/{page}").status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_a_post_is_refused_with_405(client_logged_in, plan, page):
    assert client_logged_in.post(f"/plans/{plan.pk}/{page}").status_code == 405


@pytest.mark.parametrize("page", PAGES)
def test_an_anonymous_visitor_is_sent_to_log_in(client, plan, page):
    response = client.get(f"/plans/{plan.pk}/{page}")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_plan_id_that_does_not_exist_is_a_404(client_logged_in, plan):
    assert client_logged_in.get("/plans/987654/print/").status_code == 404


@pytest.fixture
def dietitian_world(django_user_model):
    dietitian = django_user_model.objects.create_user(username="dora", password="x-long-pass-123", is_dietitian=True)
    rita = django_user_model.objects.create_user(username="rita", password="x-long-pass-123")
    profile = Profile.objects.create(user=rita, dietitian=dietitian, name="Rita", age_years=50, sex="female")
    shared = Plan.objects.create(
        profile=profile,
        created_by=dietitian,
        name="Shared week",
        start_date=this_monday(),
        shared_with_client=True,
        note="Eat the seeds with breakfast.",
    )
    draft = Plan.objects.create(profile=profile, created_by=dietitian, name="Draft", start_date=this_monday())
    return dietitian, rita, shared, draft


@pytest.mark.parametrize("page", ["print/", "download/plan.xlsx"])
def test_the_client_and_the_dietitian_both_get_a_shared_plan(client, dietitian_world, page):
    dietitian, rita, shared, _ = dietitian_world
    for person in (dietitian, rita):
        client.force_login(person)
        assert client.get(f"/plans/{shared.pk}/{page}").status_code == 200


def test_a_client_cannot_print_a_plan_their_dietitian_has_not_shared(client, dietitian_world):
    dietitian, rita, _, draft = dietitian_world
    client.force_login(rita)
    assert client.get(f"/plans/{draft.pk}/print/").status_code == 404
    client.force_login(dietitian)
    assert client.get(f"/plans/{draft.pk}/print/").status_code == 200


def test_the_plan_page_links_to_print_shopping_and_downloads(client_logged_in, plan):
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    for page in PAGES:
        if page != "shopping.csv":  # offered on the shopping list page, for the days chosen there
            assert f'href="/plans/{plan.pk}/{page}"' in body, page
