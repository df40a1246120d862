"""The admin names every model in plain English plurals ("Plan entries", not "Plan entrys": issue 18)."""

import re

import pytest
from django.apps import apps

OUR_APPS = ("foods", "mealplanner", "clinic", "diary", "recipes")


def test_no_model_has_a_made_up_plural():
    for model in apps.get_models():
        if model._meta.app_label in OUR_APPS:
            plural = str(model._meta.verbose_name_plural)
            assert not re.search(r"[^aeiou]ys$", plural), f"{model.__name__}: {plural}"


@pytest.mark.django_db
def test_the_admin_index_lists_plan_entries(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "a-long-test-password"))
    page = client.get("/admin/").content.decode()
    assert "Plan entries" in page
    assert "entrys" not in page
