"""Favourites (issue 16): a person stars a food, own food or recipe from the plan's add box, and every meal's
quick add offers it first, one click each. A stranger's own food or private recipe cannot be starred."""

import pytest
from django.urls import reverse

from mealplanner.models import PlanEntry
from mealplanner.selectors.quick_add import quick_picks
from recipes.models import Favourite, OwnFood, Recipe, RecipeIngredient
from tests.mealplanner.plan_factories import make_plan, make_profile
from tests.recipes.factories import client_of, pumpkin_seeds

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}
URL = reverse("recipes:favourite")


@pytest.fixture
def plan(user):
    return make_plan(make_profile(user), user)


@pytest.fixture
def seeds():
    return pumpkin_seeds()  # SR28 NDB 12014: 1 cup 129 g, 1 oz 28.35 g


def _bowl(owner, seeds, name="Seed bowl", visibility=Recipe.PRIVATE) -> Recipe:
    recipe = Recipe.objects.create(owner=owner, name=name, servings=2, visibility=visibility)
    RecipeIngredient.objects.create(recipe=recipe, food=seeds, quantity=60, grams=60)
    return recipe


def _quick(client, plan, meal="lunch"):
    return client.get(reverse("plans:quick_add", args=[plan.pk]), {"day": 1, "meal": meal}, headers=HX).content.decode()


def test_a_food_starred_in_the_add_box_is_offered_first_in_every_meal(client_logged_in, plan, user, seeds):
    results = client_logged_in.get(
        reverse("plans:food_search", args=[plan.pk]), {"day": 1, "meal": "snack", "q": "pumpkin seeds"}, headers=HX
    ).content.decode()
    assert f'name="item" value="food:{seeds.pk}"' in results and 'aria-pressed="false"' in results
    button = client_logged_in.post(URL, {"item": f"food:{seeds.pk}", "on": "1"}, headers=HX).content.decode()
    assert 'aria-pressed="true"' in button and '<span aria-hidden="true">★</span> Favourite' in button
    for meal in ("breakfast", "dinner"):
        box = _quick(client_logged_in, plan, meal)
        assert "<h4>Favourites</h4>" in box and "+ Seeds, pumpkin and squash seed kernels, dried" in box
    # One click: the portion a person would use for seeds (1 oz, nearest a 28 g serving).
    one_oz = seeds.portions.get(label="1 oz")
    assert quick_picks(plan.profile, user=user).favourites[0].portion == str(one_oz.pk)
    client_logged_in.post(
        reverse("plans:entry_add_food", args=[plan.pk]),
        {"day": 1, "meal": "dinner", "food": seeds.pk, "quantity": "1", "portion": one_oz.pk},
    )
    assert PlanEntry.objects.get(plan=plan).portion_id == one_oz.pk


def test_unstarring_takes_it_out_and_starring_twice_keeps_one(client_logged_in, plan, user, seeds):
    client_logged_in.post(URL, {"item": f"food:{seeds.pk}", "on": "1"})
    client_logged_in.post(URL, {"item": f"food:{seeds.pk}", "on": "1"})
    assert Favourite.objects.filter(user=user).count() == 1
    client_logged_in.post(URL, {"item": f"food:{seeds.pk}"}, headers=HX)
    assert not Favourite.objects.exists()
    assert "Favourites" not in _quick(client_logged_in, plan)


def test_a_recipe_and_an_own_food_are_favourites_in_one_serving(client_logged_in, plan, user, seeds):
    bowl = _bowl(user, seeds)
    bar = OwnFood.objects.create(owner=user, name="Oat bar", magnesium_mg=100, serving_label="1 bar", serving_grams=40)
    client_logged_in.post(URL, {"item": f"recipe:{bowl.pk}", "on": "1"})
    client_logged_in.post(URL, {"item": f"own:{bar.pk}", "on": "1"})
    picks = quick_picks(plan.profile, user=user)
    assert [(p.kind, p.name, p.quantity) for p in picks.favourites] == [
        ("own", "Oat bar", 1.0),
        ("recipe", "Seed bowl", 1.0),
    ]
    box = _quick(client_logged_in, plan)
    assert (
        "+ Seed bowl <small>(1 serving, recipe)</small>" in box
        and "+ Oat bar <small>(1 serving, your food)</small>" in box
    )


def test_a_favourite_planned_often_is_not_offered_twice(client_logged_in, plan, user, seeds):
    bowl = _bowl(user, seeds)
    for day in (0, 1):
        client_logged_in.post(
            reverse("plans:entry_add_recipe", args=[plan.pk]),
            {"day": day, "meal": "lunch", "recipe": bowl.pk, "servings": "1"},
        )
    assert [p.name for p in quick_picks(plan.profile, user=user).often] == ["Seed bowl"]
    client_logged_in.post(URL, {"item": f"recipe:{bowl.pk}", "on": "1"})
    picks = quick_picks(plan.profile, user=user)
    assert [p.name for p in picks.favourites] == ["Seed bowl"] and picks.often == [] and picks.lately == []


def test_a_strangers_own_food_or_private_recipe_cannot_be_starred(client_logged_in, other_user, seeds):
    secret = _bowl(other_user, seeds, name="Mallory bowl")
    crisps = OwnFood.objects.create(owner=other_user, name="Mallory crisps")
    for item in (f"recipe:{secret.pk}", f"own:{crisps.pk}", "food:99999999", "recipe:x", "pie:1"):
        assert client_logged_in.post(URL, {"item": item, "on": "1"}).status_code == 404, item
    assert client_logged_in.post(URL, {}).status_code == 400
    assert not Favourite.objects.exists()


def test_a_recipe_no_longer_shared_drops_out_of_the_favourites(client, django_user_model, user, seeds):
    dietitian = django_user_model.objects.create_user(username="dora", password="x-long-password", is_dietitian=True)
    profile = client_of(dietitian, user)
    shared = _bowl(dietitian, seeds, name="Dora bowl", visibility=Recipe.CLIENTS)
    client.force_login(user)
    client.post(URL, {"item": f"recipe:{shared.pk}", "on": "1"})
    assert [p.name for p in quick_picks(profile, user=user).favourites] == ["Dora bowl"]
    Recipe.objects.filter(pk=shared.pk).update(visibility=Recipe.PRIVATE)
    assert quick_picks(profile, user=user).favourites == []


def test_without_javascript_starring_goes_back_to_the_page_and_never_elsewhere(client_logged_in, seeds):
    back = client_logged_in.post(URL, {"item": f"food:{seeds.pk}", "on": "1", "next": "/plans/?x=1"})
    assert back.status_code == 302 and back["Location"] == "/plans/?x=1"
    away = client_logged_in.post(URL, {"item": f"food:{seeds.pk}", "on": "1", "next": "https://evil.example/"})
    assert away["Location"] == reverse("recipes:list")


def test_a_visitor_is_sent_to_log_in(client, seeds):
    assert client.post(URL, {"item": f"food:{seeds.pk}", "on": "1"}).status_code == 302
    assert not Favourite.objects.exists()


def test_the_button_an_htmx_star_returns_still_swaps_in_place(client_logged_in, seeds):
    button = client_logged_in.post(URL, {"item": f"food:{seeds.pk}", "on": "1"}, headers=HX).content.decode()
    assert 'hx-post="/recipes/favourites/"' in button and 'hx-target="this"' in button


def test_a_recipe_is_starred_from_its_page(client_logged_in, user, seeds):
    bowl = _bowl(user, seeds)
    page = client_logged_in.get(reverse("recipes:detail", args=[bowl.pk])).content.decode()
    assert f'name="item" value="recipe:{bowl.pk}"' in page and 'aria-pressed="false"' in page
    back = client_logged_in.post(
        URL, {"item": f"recipe:{bowl.pk}", "on": "1", "next": reverse("recipes:detail", args=[bowl.pk])}
    )
    assert back["Location"] == reverse("recipes:detail", args=[bowl.pk])
    assert 'aria-pressed="true"' in client_logged_in.get(back["Location"]).content.decode()
