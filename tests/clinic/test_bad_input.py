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
