"""The meal planner's inputs from the database: the recipes a person may see as dishes, foods at their usual
portion, own foods as snacks, dislikes left out, in a fixed number of queries."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from foods.diet import diet_conflicts
from foods.models import Food
from mealplanner.models import Profile
from mealplanner.selectors.meal_candidates import is_own_food_ref, meal_candidates, own_food_ref, person_of
from recipes.models import OwnFood, Recipe, RecipeIngredient
from recipes.selectors import recipe_figures
from tests.mealplanner.plan_factories import make_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def curated(foods):
    call_command("load_recipes", verbosity=0)
    return Recipe.objects.all()


def _recipe(owner, name, *, visibility=Recipe.PRIVATE, food=None, grams=200.0):
    recipe = Recipe.objects.create(owner=owner, name=name, servings=2, suits_dinner=True, visibility=visibility)
    food = food or Food.objects.filter(vegan=True, energy_kcal__gt=0).order_by("pk").first()
    RecipeIngredient.objects.create(recipe=recipe, food=food, quantity=1, grams=grams)
    return recipe


def test_curated_recipes_come_as_dishes_with_the_figures_the_recipe_page_shows(user, curated):
    profile = make_profile(user)
    dishes, _foods = meal_candidates(profile=profile)
    assert len(dishes) == curated.count()
    recipe = curated.order_by("pk").first()
    dish = next(d for d in dishes if d.dish_id == recipe.pk)
    figures = recipe_figures(recipe)
    assert dish.per_serving["magnesium_mg"] == pytest.approx(figures.per_serving["magnesium_mg"].value)
    assert dish.per_serving["energy_kcal"] == pytest.approx(figures.per_serving["energy_kcal"].value)
    assert dish.grams_per_serving == pytest.approx(figures.grams_per_serving)
    assert dish.meals == frozenset(
        m for m in ("breakfast", "lunch", "dinner", "snack") if getattr(recipe, f"suits_{m}")
    )


def test_a_strangers_private_recipe_is_never_offered_but_ones_own_and_the_dietitians_shared_are(
    user, other_user, django_user_model, foods
):
    dora = django_user_model.objects.create_user("dora", password="pw-long-enough-1", is_dietitian=True)
    profile = make_profile(user)
    Profile.objects.filter(pk=profile.pk).update(dietitian=dora)
    profile.refresh_from_db()
    mine = _recipe(user, "My stew")
    shared = _recipe(dora, "Clinic stew", visibility=Recipe.CLIENTS)
    _recipe(dora, "Dora's own", visibility=Recipe.PRIVATE)
    _recipe(other_user, "Stranger's stew")
    dishes, _ = meal_candidates(profile=profile)
    assert {d.dish_id for d in dishes} == {mine.pk, shared.pk}


def test_a_client_without_a_login_gets_the_dietitians_shared_recipes(django_user_model, foods):
    dora = django_user_model.objects.create_user("dora", password="pw-long-enough-1", is_dietitian=True)
    client = Profile.objects.create(name="Ann", dietitian=dora, age_years=40, sex="female")
    shared = _recipe(dora, "Clinic stew", visibility=Recipe.CLIENTS)
    _recipe(dora, "Dora's own")
    dishes, _ = meal_candidates(profile=client)
    assert [d.dish_id for d in dishes] == [shared.pk]


def test_foods_come_at_their_default_portion_and_suit_the_diet(user, foods):
    profile = make_profile(user, diet="vegan", allergies=["soy"])
    _, side_foods = meal_candidates(profile=profile)
    assert side_foods
    food = Food.objects.get(pk=side_foods[0].food_id)
    default = food.portions.filter(is_default=True).first()
    if default is not None:
        assert side_foods[0].portion_id == default.pk and side_foods[0].portion_grams == pytest.approx(default.grams)
    for side in side_foods:
        assert diet_conflicts(side.diet, diet="vegan", allergies=["soy"]) == []


def test_own_foods_are_snacks_with_an_id_apart_from_shared_foods(user, foods):
    profile = make_profile(user)
    bar = OwnFood.objects.create(
        owner=user,
        name="Oat bar",
        serving_label="1 bar",
        serving_grams=40,
        magnesium_mg=80,
        energy_kcal=400,
        vegan=True,
    )
    _, side_foods = meal_candidates(profile=profile)
    own = [f for f in side_foods if is_own_food_ref(f.food_id)]
    assert [(f.food_id, f.portion_grams, f.portion_label, f.meals) for f in own] == [
        (own_food_ref(bar.pk), 40.0, "1 bar", frozenset({"snack"}))
    ]
    assert all(f.food_id > 0 for f in side_foods if f not in own)


def test_disliked_foods_and_dishes_are_left_out_and_so_is_a_dish_holding_a_disliked_food(user, foods):
    profile = make_profile(user)
    spinach, beans = Food.objects.filter(vegan=True, energy_kcal__gt=0).order_by("pk")[:2]
    with_spinach = _recipe(user, "Spinach pie", food=spinach)
    disliked = _recipe(user, "Bean stew", food=beans)
    kept = _recipe(user, "Bean soup", food=beans)
    profile.disliked_foods.add(spinach)
    profile.disliked_recipes.add(disliked)
    dishes, side_foods = meal_candidates(profile=profile)
    assert {d.dish_id for d in dishes} == {kept.pk}
    assert spinach.pk not in {f.food_id for f in side_foods}
    person = person_of(profile)
    assert person.disliked_foods == {spinach.pk} and person.disliked_dishes == {disliked.pk}
    assert with_spinach.pk not in {d.dish_id for d in dishes}


def test_the_number_of_queries_does_not_grow_with_recipes_or_foods(user, foods):
    profile = Profile.objects.select_related("user").get(pk=make_profile(user).pk)
    OwnFood.objects.create(owner=user, name="Oat bar", serving_grams=40, magnesium_mg=80, energy_kcal=400)
    _recipe(user, "My stew")
    with CaptureQueriesContext(connection) as few:
        meal_candidates(profile=profile)
    call_command("load_recipes", verbosity=0)
    OwnFood.objects.create(owner=user, name="Rye bar", serving_grams=40, magnesium_mg=60, energy_kcal=380)
    with CaptureQueriesContext(connection) as many:
        dishes, side_foods = meal_candidates(profile=profile)
    assert len(dishes) > 50 and len(side_foods) > 100
    # The two dislike lists, recipes, their ingredients (with foods), foods, portions, own foods (and at most
    # one lookup each of the person's dietitian for recipes and own foods).
    assert len(many) == len(few) <= 9
