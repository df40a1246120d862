"""The add box's food results: plain ids whatever the number format, and the figures as the rest of the app shows them."""

import re

import pytest
from django.urls import reverse

from foods.models import Food, Portion
from tests.mealplanner.plan_factories import make_plan, make_profile

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def plan(user):
    return make_plan(make_profile(user), user)


@pytest.fixture
def almonds():
    # USDA SR28 NDB 12061, Nuts, almonds: Mg 270 mg per 100 g; WEIGHT: 1 cup, whole = 143 g, 1 oz (23 whole
    # kernels) = 28.35 g. A large id, as full SR28 gives, to show how ids are written.
    food = Food.objects.create(
        id=12061, ndb_number="12061", name="Nuts, almonds", food_group="Nut and Seed Products", magnesium_mg=270
    )
    Portion.objects.create(id=23456, food=food, seq=1, label="1 cup, whole", grams=143)
    Portion.objects.create(id=23457, food=food, seq=2, label="1 oz (23 whole kernels)", grams=28.35)
    return food


def test_ids_in_the_add_box_are_plain_even_where_numbers_get_thousands_separators(
    client_logged_in, plan, almonds, settings
):
    settings.USE_THOUSAND_SEPARATOR = True
    url = reverse("plans:food_search", args=[plan.pk])
    body = client_logged_in.get(url, {"day": 1, "meal": "snack", "q": "almonds"}, headers=HX).content.decode()
    assert '<input type="hidden" name="food" value="12061">' in body
    assert 'id="qty-1-12061"' in body
    assert '<option value="23456">1 cup, whole (143 g)</option>' in body
    # The 1 oz a person would eat is chosen: 270 × 28.35 / 100 = 76.5 mg, shown rounded half up.
    assert '<option value="23457" selected>1 oz (23 whole kernels) (28.4 g)</option>' in body
    assert "270 mg/100 g · 77 mg per 1 oz (23 whole kernels)" in body
    assert not re.search(r"\d,\d{3}", body)
