"""The dietitian herself sends garbage to every clinic page of her own client: never a 500."""

import pytest

from tests.clinic.test_permission_matrix import URLS, _url, world  # noqa: F401  (world is a fixture)

# These ignore the body and would delete what the other pages need.
DESTRUCTIVE = {"clinic:client_remove", "clinic:template_delete"}

GARBAGE = [
    {},
    {"name": "x" * 5000, "age_years": "nan", "birth_date": "2026-02-31", "custom_target_mg": "1e309"},
    {"start_date": "9999-99-99", "template": "abc", "shared_with_client": "maybe", "note": "\x00"},
    {"allergies": ["pollen"], "diet": "keto", "sex": "other", "elemental_mg_per_unit": "-1", "form": "unobtainium"},
    {"email": "<script>", "potassium_cap_mg": "99999999999999999999", "energy_goal_kcal": "-5"},
]


@pytest.mark.django_db
@pytest.mark.parametrize("body", GARBAGE)
def test_garbage_from_the_dietitian_never_breaks_a_page(client, world, body):  # noqa: F811
    users, ids = world
    client.force_login(users["the dietitian"])
    for url in URLS:
        if not url[0].startswith("clinic:") or url[0] in DESTRUCTIVE:
            continue
        response = client.post(_url(url[0], url[1], ids), body)
        assert response.status_code < 500, url[0]
        # Every page was really reached (not a 404 after something went missing).
        assert response.status_code != 404, url[0]


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["9999-12-31", "9999-12-27", "1999-12-31"])
def test_a_first_day_outside_2000_to_2100_is_refused_and_every_page_still_opens(client, world, day):  # noqa: F811
    from django.urls import reverse

    from mealplanner.models import Plan

    users, ids = world
    client.force_login(users["the dietitian"])
    plan = Plan.objects.get(pk=ids["plan"])
    plans_before = Plan.objects.count()
    bodies = {
        "clinic:plan_new": {"name": "Far away", "start_date": day},
        "clinic:plan_from_template": {"template": ids["template"], "start_date": day, "name": "Far away"},
        "clinic:plan_settings": {"name": plan.name, "start_date": day, "shared_with_client": "on"},
    }
    for name, body in bodies.items():
        response = client.post(_url(name, "profile" if "settings" not in name else "plan", ids), body)
        assert response.status_code == 422, name  # the form again, with the error beside the field
        assert "Choose a date between 2000 and 2100." in response.content.decode(), name
    assert Plan.objects.count() == plans_before
    plan.refresh_from_db()
    assert str(plan.start_date) != day
    for url in (
        reverse("plans:detail", args=[plan.pk]),
        reverse("exports:print", args=[plan.pk]),
        reverse("clinic:client", args=[ids["profile"]]),
        reverse("clinic:dashboard"),
    ):
        assert client.get(url).status_code == 200, url
