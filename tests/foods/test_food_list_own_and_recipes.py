"""The Foods page finds the person's own foods and the recipes they may see with the USDA foods, marked as
such, and says when a typo was corrected (issue 16)."""

import html as html_module
import re

import pytest
from django.urls import reverse

from recipes.models import OwnFood, Recipe
from recipes.search import own_foods_and_recipes
from tests.foods.factories import make_food
from tests.recipes.factories import client_of

pytestmark = pytest.mark.django_db
URL = reverse("foods:list")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def spinach():
    # SR28 NDB 11457, Spinach, raw: magnesium 79 mg, 23 kcal per 100 g.
    return make_food(
        "11457",
        "Spinach, raw",
        "Vegetables and Vegetable Products",
        mg=79,
        kcal=23,
        portions=[("1 cup", 30)],
        vegan=True,
        vegetarian=True,
        contains_dairy=False,
        contains_nuts=False,
    )


def found(response) -> list[tuple[str, str]]:
    """(name, mark) of each own food or recipe listed above the foods table."""
    html = response.content.decode()
    return [
        (html_module.unescape(name), html_module.unescape(mark))
        for name, mark in re.findall(r'<li><a href="[^"]*">([^<]*)</a> <span class="badge">([^<]*)</span>', html)
    ]


def test_a_persons_own_food_and_recipes_come_with_the_foods_marked_as_such(client, user, other_user, spinach):
    OwnFood.objects.create(owner=user, name="Spinach and oat bar", magnesium_mg=120)
    Recipe.objects.create(owner=user, name="Spinach dal", visibility=Recipe.PRIVATE)
    Recipe.objects.create(owner=other_user, name="Creamed spinach", visibility=Recipe.PUBLIC)
    # A stranger's private own food and recipe never appear.
    OwnFood.objects.create(owner=other_user, name="Mallory's spinach crisps", magnesium_mg=50)
    Recipe.objects.create(owner=other_user, name="Mallory's spinach pie", visibility=Recipe.PRIVATE)
    Recipe.objects.create(owner=other_user, name="Mallory's spinach soup", visibility=Recipe.CLIENTS)
    client.force_login(user)
    response = client.get(URL, {"q": "spinach"}, **HTMX)
    assert found(response) == [
        ("Spinach and oat bar", "your food"),
        ("Spinach dal", "your recipe"),
        ("Creamed spinach", "recipe"),
    ]
    assert "Mallory" not in response.content.decode()
    assert "Spinach, raw" in response.content.decode()


def test_plurals_and_synonyms_find_own_foods_and_recipes_too(client, user, spinach):
    OwnFood.objects.create(owner=user, name="Cashew oat bar", magnesium_mg=90)
    Recipe.objects.create(owner=user, name="Chickpea curry", visibility=Recipe.PRIVATE)
    client.force_login(user)
    assert found(client.get(URL, {"q": "cashews"}, **HTMX)) == [("Cashew oat bar", "your food")]
    assert found(client.get(URL, {"q": "porridge"}, **HTMX)) == [("Cashew oat bar", "your food")]
    assert found(client.get(URL, {"q": "garbanzo"}, **HTMX)) == [("Chickpea curry", "your recipe")]


def test_a_client_sees_what_her_dietitian_shared_and_nothing_she_kept(client, user, other_user, spinach):
    client_of(other_user, user)
    OwnFood.objects.create(owner=other_user, name="Clinic spinach bar", shared_with_clients=True)
    OwnFood.objects.create(owner=other_user, name="Clinic spinach secret")
    Recipe.objects.create(owner=other_user, name="Clinic spinach soup", visibility=Recipe.CLIENTS)
    client.force_login(user)
    assert found(client.get(URL, {"q": "spinach"})) == [
        ("Clinic spinach bar", "your dietitian's food"),
        ("Clinic spinach soup", "your dietitian's recipe"),
    ]


def test_a_visitor_sees_no_recipes_and_an_empty_query_lists_none(client, user, spinach):
    Recipe.objects.create(owner=user, name="Spinach dal", visibility=Recipe.PUBLIC)
    assert found(client.get(URL, {"q": "spinach"})) == []
    client.force_login(user)
    assert found(client.get(URL)) == []
    # A food group names USDA foods only.
    assert found(client.get(URL, {"q": "spinach", "group": "Vegetables and Vegetable Products"})) == []


def test_own_foods_that_do_not_suit_the_diet_filter_are_left_out(user, spinach):
    OwnFood.objects.create(owner=user, name="Spinach yogurt dip", contains_dairy=True)
    OwnFood.objects.create(owner=user, name="Spinach pesto", contains_dairy=None)  # unknown does not suit
    OwnFood.objects.create(owner=user, name="Spinach hummus", contains_dairy=False)
    names = [item.name for item in own_foods_and_recipes(user, "spinach", allergies=["dairy"])]
    assert names == ["Spinach hummus"]


def test_a_typo_is_corrected_and_the_page_says_so(client, user, spinach):
    Recipe.objects.create(owner=user, name="Spinach dal", visibility=Recipe.PRIVATE)
    client.force_login(user)
    response = client.get(URL, {"q": "spinch"})
    html = response.content.decode()
    assert "No food name has “spinch”, so these are the foods for “spinach”." in html
    assert "Spinach, raw" in html
    assert found(response) == [("Spinach dal", "your recipe")]
