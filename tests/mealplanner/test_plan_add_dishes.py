"""The plan page's add box finds the recipes and own foods the person may see with the USDA foods, marked as
such, each addable in one click into the meal chosen (issue 16)."""

import html as html_module
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from foods.models import Food, Portion
from mealplanner.models import PlanEntry
from mealplanner.selectors.plans import plan_week
from recipes.models import OwnFood, Recipe, RecipeIngredient
from tests.mealplanner.plan_factories import make_plan, make_profile, pumpkin_seeds
from tests.recipes.factories import client_of, spinach_cooked

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def plan(user):
    return make_plan(make_profile(user), user)


@pytest.fixture
def seeds():
    return pumpkin_seeds()  # SR28 NDB 12014: 592 mg Mg per 100 g


def _bowl(owner, seeds, name="Pumpkin seed bowl", visibility=Recipe.PRIVATE) -> Recipe:
    # 60 g of seeds in 2 servings: 30 g a serving, 592 × 30 / 100 = 177.6 mg.
    recipe = Recipe.objects.create(owner=owner, name=name, servings=2, visibility=visibility)
    RecipeIngredient.objects.create(recipe=recipe, food=seeds, quantity=60, grams=60)
    return recipe


def _search(client, plan, q, day=2, meal="dinner"):
    return client.get(reverse("plans:food_search", args=[plan.pk]), {"day": day, "meal": meal, "q": q}, headers=HX)


def _marked(response) -> list[tuple[str, str]]:
    body = response.content.decode()
    return [
        (html_module.unescape(name), html_module.unescape(mark))
        for name, mark in re.findall(
            r'<span class="food-name"><a href="[^"]*">([^<]*)</a></span> <span class="badge">([^<]*)</span>', body
        )
    ]


def test_recipes_and_own_foods_come_with_the_foods_marked_and_a_strangers_never(
    client_logged_in, plan, user, other_user, seeds
):
    _bowl(user, seeds)
    OwnFood.objects.create(
        owner=user, name="Pumpkin seed bar", magnesium_mg=300, serving_label="1 bar", serving_grams=40
    )
    _bowl(other_user, seeds, name="Mallory's pumpkin pie")
    OwnFood.objects.create(owner=other_user, name="Mallory's pumpkin crisps", magnesium_mg=50)
    response = _search(client_logged_in, plan, "pumpkin seeds")
    assert _marked(response) == [("Pumpkin seed bar", "your food"), ("Pumpkin seed bowl", "your recipe")]
    body = response.content.decode()
    assert "Mallory" not in body
    assert "Seeds, pumpkin and squash seed kernels, dried" in body  # the USDA food still there
    assert "178 mg per serving" in body  # the bowl: 177.6 mg
    assert "120 mg per serving · a serving: 1 bar (40 g)" in body  # 300 mg/100 g × 40 g


def test_a_recipe_found_goes_into_the_meal_chosen_in_servings(client_logged_in, plan, user, seeds):
    recipe = _bowl(user, seeds)
    body = _search(client_logged_in, plan, "pumpkin", day=2, meal="dinner").content.decode()
    form = re.search(
        rf'<form method="post" action="([^"]*)"[^>]*>(?:(?!</form>).)*name="recipe" value="{recipe.pk}"', body, re.S
    )
    assert form and form.group(1) == reverse("plans:entry_add_recipe", args=[plan.pk])
    assert 'name="meal" value="dinner"' in form.group(0) and 'step="0.25"' in body
    client_logged_in.post(
        form.group(1), {"day": 2, "meal": "dinner", "recipe": recipe.pk, "servings": "1.5"}, headers=HX
    )
    entry = PlanEntry.objects.get(plan=plan)
    assert (entry.day, entry.meal, float(entry.quantity)) == (2, "dinner", 1.5)
    assert plan_week(plan).days[2].totals.planned.food_magnesium.value == pytest.approx(177.6 * 1.5)


def test_an_own_food_found_goes_into_the_meal_in_its_label_servings(client_logged_in, plan, user, seeds):
    bar = OwnFood.objects.create(owner=user, name="Oat bar", magnesium_mg=100, serving_label="1 bar", serving_grams=40)
    body = _search(client_logged_in, plan, "oatmeal", meal="snack").content.decode()  # a synonym of oats
    assert f'name="own_food" value="{bar.pk}"' in body
    client_logged_in.post(
        reverse("plans:entry_add_own_food", args=[plan.pk]),
        {"day": 2, "meal": "snack", "own_food": bar.pk, "servings": "2"},
        headers=HX,
    )
    assert plan_week(plan).days[2].totals.planned.food_magnesium.value == pytest.approx(80)  # 2 × 40 g × 100/100


def test_a_typo_finds_the_recipe_too(client_logged_in, plan, user, seeds):
    spinach_cooked()  # the typo is corrected from the food names, as on the Foods page
    _bowl(user, seeds, name="Spinach and seed bowl")
    assert _marked(_search(client_logged_in, plan, "spinch")) == [("Spinach and seed bowl", "your recipe")]


def test_an_unknown_ingredient_makes_the_figure_at_least(client_logged_in, plan, user, seeds):
    recipe = _bowl(user, seeds)
    mystery = OwnFood.objects.create(owner=user, name="Mystery syrup", magnesium_mg=None)
    RecipeIngredient.objects.create(recipe=recipe, own_food=mystery, quantity=20, grams=20)
    assert "at least 178 mg per serving" in _search(client_logged_in, plan, "bowl").content.decode()


def test_a_client_finds_what_her_dietitian_shared(client, django_user_model, user, seeds):
    dietitian = django_user_model.objects.create_user(username="dora", password="x-long-password", is_dietitian=True)
    plan = make_plan(client_of(dietitian, user), user)
    _bowl(dietitian, seeds, name="Dora's pumpkin bowl", visibility=Recipe.CLIENTS)
    OwnFood.objects.create(owner=dietitian, name="Dora's pumpkin bar", shared_with_clients=True, magnesium_mg=200)
    OwnFood.objects.create(owner=dietitian, name="Dora's pumpkin secret", magnesium_mg=200)
    client.force_login(user)
    assert _marked(_search(client, plan, "pumpkin")) == [
        ("Dora's pumpkin bar", "your dietitian's food"),
        ("Dora's pumpkin bowl", "your dietitian's recipe"),
    ]


def test_the_search_costs_the_same_queries_however_many_dishes_match(
    client_logged_in, plan, user, seeds, django_assert_max_num_queries
):
    _bowl(user, seeds)
    _search(client_logged_in, plan, "pumpkin")
    # Session, user, plan; the two food queries, the portions; own foods, recipes and their magnesium (no
    # lookup of the dietitian of its own); the person's favourites.
    with django_assert_max_num_queries(10) as few:
        _search(client_logged_in, plan, "pumpkin")
    for n in range(10):
        _bowl(user, seeds, name=f"Pumpkin bowl {n}")
        OwnFood.objects.create(owner=user, name=f"Pumpkin bar {n}", magnesium_mg=10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        _search(client_logged_in, plan, "pumpkin")
    assert not any(
        "dietitian_id" in q["sql"] and q["sql"].lstrip().startswith('SELECT "mealplanner_profile"."dietitian_id"')
        for q in few.captured_queries
    )


def test_a_keystroke_reads_the_portions_with_the_foods_not_in_a_query_of_their_own(
    client_logged_in, plan, seeds, django_assert_max_num_queries
):
    Portion.objects.create(food=seeds, seq=2, label="1 oz", grams=28.35)  # SR28 WEIGHT of NDB 12014
    _search(client_logged_in, plan, "pumpkin")
    # Session, user, plan; the candidates, the foods shown with their portions; own foods, recipes; favourites.
    with django_assert_max_num_queries(8) as queries:
        response = _search(client_logged_in, plan, "pumpkin")
    assert not any(q["sql"].lstrip().startswith('SELECT "foods_portion"') for q in queries.captured_queries)
    # Every portion of the seeds is still offered, the 1 oz a person would use chosen.
    options = re.findall(r"<option value=\"\d+\"( selected)?>([^<]*)</option>", response.content.decode())
    assert options == [("", "1 cup (129 g)"), (" selected", "1 oz (28.4 g)")]


def test_a_recipe_that_does_not_suit_the_person_says_why(client_logged_in, user, seeds):
    plan = make_plan(make_profile(user, diet="vegan", allergies=["dairy"]), user)
    recipe = _bowl(user, seeds)
    # Unknown does not suit: the seeds' dairy fact is not known until it is.
    assert "⚠ may contain dairy (not known)" in _search(client_logged_in, plan, "bowl").content.decode()
    Food.objects.filter(pk=seeds.pk).update(contains_dairy=False)
    assert "⚠" not in _search(client_logged_in, plan, "bowl").content.decode()
    # SR28 NDB 01211 whole milk: not vegan, contains dairy.
    milk = Food.objects.create(
        ndb_number="01211",
        name="Milk, whole",
        food_group="Dairy and Egg Products",
        magnesium_mg=10,
        vegan=False,
        vegetarian=True,
        contains_dairy=True,
    )
    RecipeIngredient.objects.create(recipe=recipe, food=milk, quantity=100, grams=100)
    body = _search(client_logged_in, plan, "bowl").content.decode()
    assert '<span class="badge badge-warn">⚠ not vegan</span>' in body
    assert '<span class="badge badge-warn">⚠ contains dairy</span>' in body


def test_a_dish_or_own_food_that_does_not_suit_asks_first_then_adds_when_confirmed(client_logged_in, user, seeds):
    plan = make_plan(make_profile(user, diet="vegan"), user)
    recipe = _bowl(user, seeds)
    # SR28 NDB 01211 whole milk: not vegan.
    milk = Food.objects.create(
        ndb_number="01211",
        name="Milk, whole",
        food_group="Dairy and Egg Products",
        magnesium_mg=10,
        vegan=False,
        vegetarian=True,
        contains_dairy=True,
    )
    RecipeIngredient.objects.create(recipe=recipe, food=milk, quantity=100, grams=100)
    url = reverse("plans:entry_add_recipe", args=[plan.pk])
    post = {"day": 1, "meal": "lunch", "recipe": recipe.pk, "servings": "1.5"}
    asked = client_logged_in.post(url, post, headers=HX).content.decode()
    assert "Pumpkin seed bowl does not suit" in asked and "not vegan" in asked and "Add anyway" in asked
    assert 'name="confirm" value="1"' in asked and 'name="servings" value="1.5"' in asked
    assert not PlanEntry.objects.exists()
    client_logged_in.post(url, {**post, "confirm": "1"}, headers=HX)
    assert float(PlanEntry.objects.get(plan=plan).quantity) == 1.5
    # An own food whose vegan fact is not known asks too (unknown does not suit); without JavaScript, a page.
    bar = OwnFood.objects.create(owner=user, name="Oat bar", magnesium_mg=100, serving_grams=40)
    page = client_logged_in.post(
        reverse("plans:entry_add_own_food", args=[plan.pk]),
        {"day": 1, "meal": "snack", "own_food": bar.pk, "servings": "1"},
    )
    assert page.status_code == 200 and "not known to be vegan" in page.content.decode()
    assert PlanEntry.objects.count() == 1


def test_a_dish_holding_a_choking_hazard_asks_first_for_a_child_under_4(client_logged_in, user, seeds):
    plan = make_plan(make_profile(user, name="Tom", age_years=Decimal("2")), user)
    recipe = _bowl(user, seeds)  # whole pumpkin seeds: a choking hazard under 4 (CDC, AAP)
    url = reverse("plans:entry_add_recipe", args=[plan.pk])
    post = {"day": 1, "meal": "lunch", "recipe": recipe.pk, "servings": "1"}
    asked = html_module.unescape(client_logged_in.post(url, post, headers=HX).content.decode())
    assert "Pumpkin seed bowl holds Seeds, pumpkin and squash seed kernels, dried." in asked
    assert "choking hazard for children under 4 like Tom" in asked and "finely ground" in asked
    assert not PlanEntry.objects.exists()
    client_logged_in.post(url, {**post, "confirm": "1"}, headers=HX)
    assert PlanEntry.objects.filter(plan=plan).count() == 1


def test_a_dish_for_an_older_child_adds_without_a_question(client_logged_in, user, seeds):
    plan = make_plan(make_profile(user, age_years=Decimal("6")), user)
    client_logged_in.post(
        reverse("plans:entry_add_recipe", args=[plan.pk]),
        {"day": 1, "meal": "lunch", "recipe": _bowl(user, seeds).pk, "servings": "1"},
        headers=HX,
    )
    assert PlanEntry.objects.filter(plan=plan).count() == 1
