"""A recipe's servings in the admin: how many servings its ingredients make. Changing them never rescales the
ingredients (they are for the whole recipe); the admin says so, says what a serving now gives, and plans from
today on follow the recipe (issue 16)."""

import pytest
from django.urls import reverse

from mealplanner.services.recipe_entries import plan_recipe_add
from recipes.models import Recipe, RecipeIngredient
from tests.mealplanner.plan_factories import make_plan, make_profile
from tests.recipes.factories import pumpkin_seeds

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, django_user_model):
    admin = django_user_model.objects.create_superuser(
        username="root", email="root@example.com", password="a-long-test-password"
    )
    client.force_login(admin)
    return client


@pytest.fixture
def bowl(user):
    # SR28 NDB 12014 pumpkin seeds, 592 mg Mg per 100 g: 60 g is 355.2 mg for the whole recipe.
    recipe = Recipe.objects.create(owner=user, name="Seed bowl", servings=2)
    RecipeIngredient.objects.create(recipe=recipe, food=pumpkin_seeds(), quantity=60, grams=60, position=1)
    return recipe


def _change(client, recipe, servings):
    ingredient = recipe.ingredients.get()
    return client.post(
        reverse("admin:recipes_recipe_change", args=[recipe.pk]),
        {
            "owner": recipe.owner_id,
            "name": recipe.name,
            "servings": servings,
            "steps": "",
            "visibility": recipe.visibility,
            "source_url": "",
            "ingredients-TOTAL_FORMS": "1",
            "ingredients-INITIAL_FORMS": "1",
            "ingredients-MIN_NUM_FORMS": "0",
            "ingredients-MAX_NUM_FORMS": "1000",
            "ingredients-0-id": ingredient.pk,
            "ingredients-0-recipe": recipe.pk,
            "ingredients-0-position": "1",
            "ingredients-0-food": ingredient.food_id,
            "ingredients-0-own_food": "",
            "ingredients-0-portion": "",
            "ingredients-0-quantity": "60",
            "ingredients-0-grams": "60",
            "ingredients-0-line": "",
        },
        follow=True,
    )


def test_the_form_says_the_ingredients_are_for_the_whole_recipe(admin_client_, bowl):
    page = admin_client_.get(reverse("admin:recipes_recipe_change", args=[bowl.pk])).content.decode()
    assert "The ingredients are for the whole recipe and stay as they are" in page


def test_changing_servings_keeps_the_ingredients_and_says_what_a_serving_now_gives(admin_client_, bowl):
    response = _change(admin_client_, bowl, 4)
    assert response.status_code == 200
    bowl.refresh_from_db()
    assert bowl.servings == 4
    assert bowl.ingredients.get().grams == pytest.approx(60)  # never rescaled
    # 355.2 mg in 4 servings: 88.8 mg a serving.
    assert "Servings changed from 2 to 4" in response.content.decode()
    assert "one serving now gives 89 mg of magnesium" in response.content.decode()


def test_a_plan_from_today_on_follows_the_new_servings(admin_client_, bowl, user):
    plan = make_plan(make_profile(user), user)
    entry = plan_recipe_add(plan=plan, day=6, meal="dinner", recipe=bowl, servings=1)
    assert entry.ingredients.get().grams == pytest.approx(30)
    _change(admin_client_, bowl, 4)
    entry.refresh_from_db()
    assert entry.ingredients.get().grams == pytest.approx(15)  # 60 g / 4 servings
    assert entry.grams == pytest.approx(15)


def test_a_change_without_new_servings_says_nothing_about_them(admin_client_, bowl):
    assert "Servings changed" not in _change(admin_client_, bowl, 2).content.decode()
