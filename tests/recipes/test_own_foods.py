"""Own foods from a label: per serving or per 100 g, unknown stays unknown, private to the maker; a
dietitian's shared ones are read only to clients; an admin can copy one into the shared food table."""

import pytest
from django.urls import reverse

from foods.models import Food
from recipes.models import OwnFood, Recipe, RecipeIngredient
from recipes.services import own_food_promote
from tests.recipes.factories import client_of

pytestmark = pytest.mark.django_db

BAR = {
    "name": "Oat bar",
    "basis": "serving",
    "serving_label": "1 bar",
    "serving_grams": "40",
    "magnesium_mg": "80",
    "energy_kcal": "180",
    "vegan": "yes",
    "contains_gluten": "yes",
    "contains_nuts": "",
}


def test_a_label_per_serving_is_kept_per_100_g(client_logged_in, user):
    response = client_logged_in.post(reverse("recipes:own_food_new"), BAR)
    assert response.status_code == 302
    bar = OwnFood.objects.get(owner=user)
    assert bar.magnesium_mg == pytest.approx(200) and bar.energy_kcal == pytest.approx(450)
    assert (bar.serving_label, bar.serving_grams) == ("1 bar", 40)


def test_what_the_label_does_not_give_stays_unknown_never_zero(client_logged_in, user):
    client_logged_in.post(reverse("recipes:own_food_new"), BAR)
    bar = OwnFood.objects.get(owner=user)
    assert bar.calcium_mg is None and bar.fibre_g is None
    assert bar.vegan is True and bar.contains_gluten is True
    assert bar.contains_nuts is None and bar.contains_dairy is None


def test_values_per_100_g_are_kept_as_given(client_logged_in, user):
    client_logged_in.post(reverse("recipes:own_food_new"), {**BAR, "basis": "100g", "serving_grams": ""})
    assert OwnFood.objects.get(owner=user).magnesium_mg == pytest.approx(80)


@pytest.mark.parametrize(
    "change",
    [
        {"name": ""},
        {"serving_grams": ""},
        {"serving_grams": "0"},
        {"magnesium_mg": "-1"},
        {"magnesium_mg": "abc"},
        {"magnesium_mg": "1e309"},
        {"energy_kcal": "5000"},
        {"basis": "per-bite"},
        {"vegan": "maybe"},
        {"name": "x" * 201},
    ],
)
def test_a_bad_label_comes_back_with_errors_and_saves_nothing(client_logged_in, change):
    response = client_logged_in.post(reverse("recipes:own_food_new"), {**BAR, **change})
    assert response.status_code == 422
    assert b"Error:" in response.content
    assert not OwnFood.objects.exists()


def test_a_plain_person_cannot_share_an_own_food(client_logged_in, user):
    client_logged_in.post(reverse("recipes:own_food_new"), {**BAR, "shared_with_clients": "on"})
    assert OwnFood.objects.get(owner=user).shared_with_clients is False


def test_editing_shows_the_stored_values_per_100_g_and_saves(client_logged_in, user):
    client_logged_in.post(reverse("recipes:own_food_new"), BAR)
    bar = OwnFood.objects.get(owner=user)
    page = client_logged_in.get(reverse("recipes:own_food_edit", args=[bar.pk]))
    assert page.context["form"].initial["magnesium_mg"] == pytest.approx(200)
    assert page.context["form"].initial["basis"] == "100g"
    client_logged_in.post(
        reverse("recipes:own_food_edit", args=[bar.pk]), {**BAR, "basis": "100g", "magnesium_mg": "210"}
    )
    bar.refresh_from_db()
    assert bar.magnesium_mg == pytest.approx(210)


def test_a_strangers_own_food_is_404(client, user, other_user):
    bar = OwnFood.objects.create(owner=user, name="Quince bar", magnesium_mg=10)
    client.force_login(other_user)
    assert client.get(reverse("recipes:own_food_edit", args=[bar.pk])).status_code == 404
    assert client.post(reverse("recipes:own_food_edit", args=[bar.pk]), BAR).status_code == 404
    assert client.post(reverse("recipes:own_food_delete", args=[bar.pk])).status_code == 404
    assert b"Quince" not in client.get(reverse("recipes:own_foods")).content
    bar.refresh_from_db()
    assert bar.name == "Quince bar"


def test_a_dietitians_shared_own_food_is_read_only_to_her_clients(client, django_user_model, user, other_user):
    dora = django_user_model.objects.create_user(username="dora", password="a-long-test-password", is_dietitian=True)
    client_of(dora, user)
    client.force_login(dora)
    client.post(reverse("recipes:own_food_new"), {**BAR, "name": "Clinic bar", "shared_with_clients": "on"})
    shared = OwnFood.objects.get(name="Clinic bar")
    assert shared.shared_with_clients
    client.force_login(user)
    assert b"Clinic bar" in client.get(reverse("recipes:own_foods")).content
    assert client.get(reverse("recipes:own_food_edit", args=[shared.pk])).status_code == 404
    assert client.post(reverse("recipes:own_food_delete", args=[shared.pk])).status_code == 404
    client.force_login(other_user)
    assert b"Clinic bar" not in client.get(reverse("recipes:own_foods")).content


def test_an_own_food_in_a_recipe_is_not_deleted_and_the_page_says_why(client_logged_in, user):
    bar = OwnFood.objects.create(owner=user, name="Oat bar", magnesium_mg=10)
    recipe = Recipe.objects.create(owner=user, name="Snack", servings=1)
    RecipeIngredient.objects.create(recipe=recipe, own_food=bar, quantity=40, grams=40)
    response = client_logged_in.post(reverse("recipes:own_food_delete", args=[bar.pk]))
    assert response.status_code == 409 and b"take it out" in response.content
    assert OwnFood.objects.filter(pk=bar.pk).exists()


def test_deleting_an_unused_own_food(client_logged_in, user):
    bar = OwnFood.objects.create(owner=user, name="Oat bar", magnesium_mg=10)
    assert client_logged_in.post(reverse("recipes:own_food_delete", args=[bar.pk])).status_code == 302
    assert not OwnFood.objects.exists()


def test_an_admin_copies_an_own_food_into_the_shared_table(user):
    bar = OwnFood.objects.create(
        owner=user,
        name="Oat bar",
        magnesium_mg=200,
        energy_kcal=None,
        vegan=True,
        serving_label="1 bar",
        serving_grams=40,
    )
    food = own_food_promote(own_food=bar)
    food.refresh_from_db()
    assert (food.name, food.magnesium_mg, food.energy_kcal, food.vegan, food.ndb_number) == (
        "Oat bar",
        200,
        None,
        True,
        None,
    )
    assert food.edited_by_admin
    assert [(p.label, p.grams) for p in food.portions.all()] == [("1 bar", 40)]
    bar.refresh_from_db()
    assert bar.promoted_to == food


def test_the_admin_action_copies_each_own_food_once(admin_client, user):
    bar = OwnFood.objects.create(owner=user, name="Oat bar", magnesium_mg=200)
    url = reverse("admin:recipes_ownfood_changelist")
    for _ in range(2):
        admin_client.post(url, {"action": "promote", "_selected_action": [bar.pk]})
    assert Food.objects.filter(name="Oat bar").count() == 1


def test_a_dietitian_who_deletes_her_account_takes_her_shared_foods_out_of_clients_recipes(user, django_user_model):
    from mealplanner.services.accounts import account_delete

    dora = django_user_model.objects.create_user(username="dora", password="a-long-test-password", is_dietitian=True)
    client_of(dora, user)
    shared = OwnFood.objects.create(owner=dora, name="Clinic bar", magnesium_mg=100, shared_with_clients=True)
    recipe = Recipe.objects.create(owner=user, name="Snack", servings=1)
    RecipeIngredient.objects.create(recipe=recipe, own_food=shared, quantity=40, grams=40)
    account_delete(user=dora)
    assert not OwnFood.objects.filter(pk=shared.pk).exists()
    assert Recipe.objects.filter(pk=recipe.pk).exists() and not recipe.ingredients.exists()
