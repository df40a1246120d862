"""A person sends garbage to their own recipe and own-food forms: never a 500, always a refusal (4xx) with the
form's errors, and nothing changed. Each field gets garbage in turn while the rest of the body stays valid;
the valid bodies are checked to be accepted, so the table cannot go stale."""

import hashlib
import json

import pytest
from django.urls import reverse

from recipes.models import OwnFood, Recipe, RecipeIngredient
from tests.recipes.factories import pumpkin_seeds, spinach_cooked

pytestmark = pytest.mark.django_db

HUGE = str(10**30)
NUMBER = ["", "abc", "-5", "0", HUGE, "1e309", "NaN", "Infinity", "1,5", "0x10", ["2", "-7"], "x" * 5000]
TEXT = ["", "   ", "x" * 100_000, "ab\x00c"]
ID = ["", "abc", "food:-1", "food:0", "food:987654321", f"food:{HUGE}", "own:1.5", ["food:1", "x"], "x" * 5000]


@pytest.fixture
def mine(user, other_user):
    seeds, spinach = pumpkin_seeds(), spinach_cooked()
    recipe = Recipe.objects.create(owner=user, name="Bowl", servings=2)
    RecipeIngredient.objects.create(recipe=recipe, food=seeds, quantity=30, grams=30)
    bar = OwnFood.objects.create(owner=user, name="Oat bar", magnesium_mg=100, serving_grams=40)
    theirs = OwnFood.objects.create(owner=other_user, name="Their bar", magnesium_mg=1)
    return {"recipe": recipe, "seeds": seeds, "spinach": spinach, "bar": bar, "theirs": theirs}


def snapshot() -> str:
    rows = [list(m.objects.order_by("pk").values()) for m in (Recipe, RecipeIngredient, OwnFood)]
    for recipe in rows[0]:
        recipe.pop("updated")
    return hashlib.sha256(json.dumps(rows, default=str, sort_keys=True).encode()).hexdigest()


FORMS = {
    "new recipe": (
        lambda m: reverse("recipes:new"),
        lambda m: {"name": "Stew", "servings": "4"},
        {
            "name": TEXT[:3] + ["x" * 201],
            "servings": NUMBER + ["101", "1.5"],
            "steps": ["x" * 20_001],
            "visibility": ["clients", "public", "everyone", ["private", "public"]],
        },
    ),
    "edit recipe": (
        lambda m: reverse("recipes:edit", args=[m["recipe"].pk]),
        lambda m: {"name": "Bowl 2", "servings": "3"},
        {"name": TEXT[:3], "servings": NUMBER, "visibility": ["public", "x"]},
    ),
    "add ingredient": (
        lambda m: reverse("recipes:ingredient_add", args=[m["recipe"].pk]),
        lambda m: {"food": f"food:{m['spinach'].pk}", "portion": m["spinach"].portions.first().pk, "quantity": "1"},
        {
            "food": ID + [lambda m: f"own:{m['theirs'].pk}"],
            "quantity": NUMBER + ["25000"],
            "portion": ["abc", "-1", "987654321", HUGE, "serving", lambda m: m["seeds"].portions.first().pk],
        },
    ),
    "new own food": (
        lambda m: reverse("recipes:own_food_new"),
        lambda m: {"name": "Bar", "basis": "serving", "serving_grams": "40", "magnesium_mg": "80"},
        {
            "name": TEXT[:3] + ["x" * 201],
            "basis": ["", "per-bite"],
            "serving_grams": NUMBER,
            "magnesium_mg": ["abc", "-1", HUGE, "NaN", "1e309"],
            "energy_kcal": ["1001", "-1"],
            "protein_g": ["101"],
            "vegan": ["maybe", "true", ["no", "maybe"]],
            "contains_nuts": ["1"],
        },
    ),
    "edit own food": (
        lambda m: reverse("recipes:own_food_edit", args=[m["bar"].pk]),
        lambda m: {"name": "Bar 2", "basis": "100g", "magnesium_mg": "90"},
        {"name": TEXT[:3], "magnesium_mg": ["abc", "-1", HUGE], "basis": ["x"]},
    ),
    "paste lines": (
        lambda m: reverse("recipes:paste", args=[m["recipe"].pk]),
        lambda m: {"lines": "1 cup cooked spinach"},
        {"lines": ["", " \n ", "x" * 20_001, "\n".join(["1 g tofu"] * 61), "y" * 301]},
    ),
}


def _value(value, mine):
    return value(mine) if callable(value) else value


@pytest.mark.parametrize("name", FORMS)
def test_the_valid_body_is_accepted(client_logged_in, mine, name):
    url, valid, _ = FORMS[name]
    body = valid(mine)
    response = client_logged_in.post(url(mine), body)
    assert response.status_code in (200, 302), response.status_code
    assert b"Error:" not in response.content


@pytest.mark.parametrize("name", FORMS)
def test_garbage_in_each_field_is_refused_and_changes_nothing(client_logged_in, mine, name):
    url, valid, garbage = FORMS[name]
    before = snapshot()
    failures = []
    for field, values in garbage.items():
        for value in values:
            body = {**valid(mine), field: _value(value, mine)}
            for headers in ({}, {"HX-Request": "true"}):
                response = client_logged_in.post(url(mine), body, headers=headers)
                what = f"{name}: {field}={str(value)[:30]!r} htmx={bool(headers)}"
                if not 400 <= response.status_code < 500:
                    failures.append(f"{what}: {response.status_code}")
                elif response.status_code == 422 and b"rror" not in response.content:
                    failures.append(f"{what}: 422 without an error shown")
    assert not failures, "\n".join(failures)
    assert snapshot() == before


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"line": ["x" * 5000]},
        {"line": ["1 cup cooked spinach"], "choice_0": "food:" + HUGE},
        {"line": ["1 cup cooked spinach"], "choice_0": "own:abc", "grams_0": "nan"},
        {"line": ["1 cup cooked spinach"] * 200},
    ],
)
def test_garbage_confirmations_add_nothing_and_never_fail(client_logged_in, mine, body):
    before = snapshot()
    response = client_logged_in.post(reverse("recipes:paste_confirm", args=[mine["recipe"].pk]), body)
    assert response.status_code in (302, 422)
    assert snapshot() == before
