"""Every tabular inline in the Django admin names its inputs for screen readers (core.admin_inlines)."""

from django.apps import apps
from django.contrib import admin

from core.admin_inlines import NamedTabularInline


def test_every_tabular_inline_in_the_admin_names_its_inputs():
    unnamed = [
        f"{model.__name__}: {inline.__name__}"
        for model in apps.get_models()
        if admin.site.is_registered(model)
        for inline in admin.site.get_model_admin(model).inlines
        if issubclass(inline, admin.TabularInline) and not issubclass(inline, NamedTabularInline)
    ]
    assert unnamed == [], "use core.admin_inlines.NamedTabularInline"


def test_a_portion_rows_inputs_and_its_delete_box_are_named(admin_client, foods):
    from foods.models import Food

    food = Food.objects.get(ndb_number="12014")  # pumpkin seeds, with portions in the curated fixture
    page = admin_client.get(f"/admin/foods/food/{food.pk}/change/").content.decode()
    assert 'name="portions-0-grams"' in page
    assert 'aria-label="Grams"' in page
    assert 'aria-label="Delete"' in page
