"""Foods and dishes a person won't eat (issue 17): marked with "Won't eat" beside a planned food or dish,
listed with a button to plan it again; strangers get 404s; plain forms with CSRF; suggestions skip them."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from foods.models import Food
from mealplanner.models import Plan, PlanEntry
from mealplanner.services.plans import plan_entry_add
from mealplanner.services.recipe_entries import plan_recipe_add
from recipes.models import Recipe, RecipeIngredient
from tests.mealplanner.plan_factories import make_profile, this_monday

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(user):
    profile = make_profile(user, diet="vegan", energy_goal_kcal=2000)
    return Plan.objects.create(
        profile=profile, name="Week", start_date=this_monday() + datetime.timedelta(days=7), created_by=user
    )


@pytest.fixture
def spinach(foods):
    return Food.objects.get(ndb_number="11458")  # SR28: Spinach, cooked, boiled, drained, without salt


@pytest.fixture
def stew(user, spinach):
    recipe = Recipe.objects.create(owner=user, name="Spinach stew", servings=2, suits_dinner=True)
    RecipeIngredient.objects.create(recipe=recipe, food=spinach, quantity=1, grams=300)
    return recipe


def test_wont_eat_on_a_planned_food_puts_it_on_the_list_and_says_so(client_logged_in, plan, spinach):
    entry = plan_entry_add(plan=plan, day=0, meal="dinner", food=spinach, quantity=100)
    response = client_logged_in.post(reverse("generator:dislike", args=[plan.pk, entry.pk]), follow=True)
    assert response.status_code == 200
    assert list(plan.profile.disliked_foods.all()) == [spinach]
    assert "won't eat: the generator will not plan it" in html.unescape(response.content.decode())
    assert PlanEntry.objects.filter(pk=entry.pk).exists()  # what is planned stays, for the person to change


def test_wont_eat_on_a_planned_dish_marks_the_recipe(client_logged_in, plan, stew):
    entry = plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=stew, servings=1)
    client_logged_in.post(reverse("generator:dislike", args=[plan.pk, entry.pk]))
    assert list(plan.profile.disliked_recipes.all()) == [stew]
    assert not plan.profile.disliked_foods.exists()


def test_the_list_shows_each_one_and_plan_it_again_takes_it_off(client_logged_in, plan, spinach, stew):
    plan.profile.disliked_foods.add(spinach)
    plan.profile.disliked_recipes.add(stew)
    body = client_logged_in.get(reverse("generator:dislikes", args=[plan.pk])).content.decode()
    assert spinach.name in body and "Spinach stew" in body and "csrfmiddlewaretoken" in body
    response = client_logged_in.post(
        reverse("generator:dislike_remove", args=[plan.pk]), {"kind": "dish", "pk": stew.pk}
    )
    assert response.status_code == 302
    assert not plan.profile.disliked_recipes.exists() and plan.profile.disliked_foods.exists()


@pytest.mark.parametrize(
    "data", [{}, {"kind": "planet", "pk": 1}, {"kind": "food", "pk": "x"}, {"kind": "food", "pk": 2**70}]
)
def test_a_bad_remove_changes_nothing_and_is_not_a_500(client_logged_in, plan, spinach, data):
    plan.profile.disliked_foods.add(spinach)
    response = client_logged_in.post(reverse("generator:dislike_remove", args=[plan.pk]), data, follow=True)
    assert response.status_code == 200 and "Nothing was changed" in response.content.decode()
    assert plan.profile.disliked_foods.exists()


def test_a_stranger_can_neither_mark_nor_read_nor_change_the_list(client, other_user, plan, spinach):
    entry = plan_entry_add(plan=plan, day=0, meal="dinner", food=spinach, quantity=100)
    client.force_login(other_user)
    assert client.post(reverse("generator:dislike", args=[plan.pk, entry.pk])).status_code == 404
    assert client.get(reverse("generator:dislikes", args=[plan.pk])).status_code == 404
    assert (
        client.post(reverse("generator:dislike_remove", args=[plan.pk]), {"kind": "food", "pk": spinach.pk}).status_code
        == 404
    )
    assert not plan.profile.disliked_foods.exists()


def test_marking_needs_a_post(client_logged_in, plan, spinach):
    entry = plan_entry_add(plan=plan, day=0, meal="dinner", food=spinach, quantity=100)
    assert client_logged_in.get(reverse("generator:dislike", args=[plan.pk, entry.pk])).status_code == 405
    assert not plan.profile.disliked_foods.exists()


def test_the_weeks_food_list_offers_wont_eat_as_a_plain_form(client_logged_in, plan, spinach, stew):
    plan_entry_add(plan=plan, day=0, meal="dinner", food=spinach, quantity=100)
    plan_recipe_add(plan=plan, day=1, meal="dinner", recipe=stew, servings=1)
    body = client_logged_in.get(reverse("plans:pins", args=[plan.pk])).content.decode()
    forms = re.findall(r'<form method="post" action="(/[^"]*/dislike/)"', body)
    assert len(forms) == 2
    assert reverse("generator:dislikes", args=[plan.pk]) in body


def test_suggestions_leave_out_a_food_the_person_wont_eat(client_logged_in, plan, foods):
    url = reverse("generator:suggest", args=[plan.pk])
    first = client_logged_in.get(url, {"day": 3}).context["suggestions"][0]["s"].candidate
    plan.profile.disliked_foods.add(first.food_id)
    again = [row["s"].candidate.food_id for row in client_logged_in.get(url, {"day": 3}).context["suggestions"]]
    assert again and first.food_id not in again


def test_my_data_download_holds_the_foods_and_dishes_i_wont_eat(client_logged_in, plan, spinach, stew):
    from tests.mealplanner.test_account_data import download

    plan.profile.disliked_foods.add(spinach)
    plan.profile.disliked_recipes.add(stew)
    _, data = download(client_logged_in)
    assert data["profile"]["wont_eat"] == {"foods": [spinach.name], "dishes": ["Spinach stew"]}
