"""The plan page's recipe, quick-add and meal-copy endpoints (issue 16)."""

import datetime

import pytest
from django.urls import reverse

from mealplanner.models import PlanEntry
from mealplanner.selectors.plans import plan_week
from mealplanner.services import recipe_entries as services
from recipes.models import Recipe, RecipeIngredient
from recipes.selectors import recipe_figures
from tests.mealplanner.plan_factories import add_food, make_plan, make_profile, pumpkin_seeds
from tests.recipes.factories import client_of

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


def _recipe(owner, name="Seed porridge", visibility=Recipe.PRIVATE) -> Recipe:
    # SR28 NDB 12014 pumpkin seeds, 592 mg Mg per 100 g: 60 g in 2 servings is 177.6 mg a serving.
    recipe = Recipe.objects.create(owner=owner, name=name, servings=2, visibility=visibility)
    RecipeIngredient.objects.create(recipe=recipe, food=pumpkin_seeds(), quantity=60, grams=60)
    return recipe


@pytest.fixture
def plan(user):
    return make_plan(make_profile(user), user)


def _add(client, plan, recipe, servings="2", day=0, meal="dinner", **headers):
    return client.post(
        reverse("plans:entry_add_recipe", args=[plan.pk]),
        {"day": day, "meal": meal, "recipe": recipe.pk, "servings": servings},
        headers=headers,
    )


def test_adding_two_servings_shows_one_line_and_raises_the_day_by_the_recipes_figure(client_logged_in, plan, user):
    recipe = _recipe(user)
    response = _add(client_logged_in, plan, recipe, **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Seed porridge" in html and "2 servings" in html
    entry = PlanEntry.objects.get(plan=plan)
    assert entry.recipe_id == recipe.pk and float(entry.quantity) == 2
    per_serving = recipe_figures(recipe).per_serving["magnesium_mg"].value
    assert plan_week(plan).days[0].totals.planned.food_magnesium.value == pytest.approx(per_serving * 2)


def test_without_javascript_an_add_redirects_back_to_the_day(client_logged_in, plan, user):
    response = _add(client_logged_in, plan, _recipe(user), day=3)
    assert response.status_code == 302 and response["Location"].endswith("#day-3")


def test_a_strangers_private_recipe_is_refused_and_nothing_is_added(client_logged_in, plan, other_user):
    secret = _recipe(other_user, name="Mallory bowl")
    response = _add(client_logged_in, plan, secret)
    assert response.status_code == 422
    assert not PlanEntry.objects.exists()
    assert "Mallory" not in response.content.decode()


def test_a_strangers_plan_is_a_404_for_the_recipe_add(client, plan, user, other_user):
    client.force_login(other_user)
    assert _add(client, plan, _recipe(other_user)).status_code == 404
    assert not PlanEntry.objects.exists()


def test_a_client_adds_the_recipe_her_dietitian_shared_and_a_public_one(client, django_user_model, user):
    dietitian = django_user_model.objects.create_user(username="dora", password="x-long-password", is_dietitian=True)
    profile = client_of(dietitian, user)
    plan = make_plan(profile, user)
    shared = _recipe(dietitian, name="Dora oats", visibility=Recipe.CLIENTS)
    public = _recipe(dietitian, name="Seeds for all", visibility=Recipe.PUBLIC)
    client.force_login(user)
    box = client.get(reverse("plans:quick_add", args=[plan.pk]), {"day": 0, "meal": "lunch"}, headers=HX)
    assert "Dora oats" in box.content.decode() and "Seeds for all" in box.content.decode()
    assert _add(client, plan, shared).status_code == 302
    assert _add(client, plan, public).status_code == 302
    assert PlanEntry.objects.filter(plan=plan).count() == 2


def test_servings_change_through_the_entry_edit_forms(client_logged_in, plan, user):
    recipe = _recipe(user)
    entry = services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=recipe, servings=1)
    page = client_logged_in.get(reverse("plans:entry_edit", args=[plan.pk, entry.pk])).content.decode()
    assert "Servings" in page and 'step="0.25"' in page
    response = client_logged_in.post(
        reverse("plans:entry_amount", args=[plan.pk, entry.pk]), {"quantity": "0.75", "day": "0"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert float(entry.quantity) == 0.75
    refused = client_logged_in.post(
        reverse("plans:entry_amount", args=[plan.pk, entry.pk]), {"quantity": "0.3", "day": "0"}
    )
    assert refused.status_code == 422 and "quarter" in refused.content.decode()


def test_quick_add_offers_often_and_lately_planned_foods_and_recipes_one_click_each(client_logged_in, plan, user):
    seeds = pumpkin_seeds()
    add_food(plan, seeds, day=0, meal="breakfast", quantity=2)
    add_food(plan, seeds, day=1, meal="breakfast", quantity=2)
    recipe = _recipe(user)
    services.plan_recipe_add(plan=plan, day=2, meal="dinner", recipe=recipe, servings="1.5")
    box = client_logged_in.get(reverse("plans:quick_add", args=[plan.pk]), {"day": 4, "meal": "snack"}, headers=HX)
    html = box.content.decode()
    assert box.status_code == 200 and "<html" not in html
    often, lately = html.split("<h4>Lately</h4>")
    assert seeds.name in often and "Seed porridge" in lately and "1.5 servings" in lately
    # One click: the pick's own form posts the amount last planned.
    response = client_logged_in.post(
        reverse("plans:entry_add_food", args=[plan.pk]),
        {"day": 4, "meal": "snack", "food": seeds.pk, "quantity": "2", "portion": seeds.portions.first().pk},
    )
    assert response.status_code == 302
    assert PlanEntry.objects.filter(plan=plan, day=4, meal="snack").count() == 1
    assert f'name="portion" value="{seeds.portions.first().pk}"' in html


def test_quick_add_leaves_out_a_recipe_the_person_may_no_longer_see(client_logged_in, plan, user, other_user):
    gone = _recipe(other_user, name="Once public bowl", visibility=Recipe.PUBLIC)
    services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=gone, servings=1)
    gone.visibility = Recipe.PRIVATE
    gone.save()
    html = client_logged_in.get(reverse("plans:quick_add", args=[plan.pk]), {"day": 1, "meal": "dinner"}).content
    assert b"Once public bowl" not in html


def test_the_quick_add_page_works_without_javascript(client_logged_in, plan, user):
    _recipe(user)
    response = client_logged_in.get(reverse("plans:quick_add", args=[plan.pk]), {"day": 2, "meal": "lunch"})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html and 'action="/plans/' in html and "Seed porridge" in html


def test_repeat_yesterdays_breakfast_is_offered_and_copies_that_meal(client_logged_in, plan, user):
    seeds = pumpkin_seeds()
    add_food(plan, seeds, day=2, meal="breakfast")
    services.plan_recipe_add(plan=plan, day=2, meal="breakfast", recipe=_recipe(user), servings=1)
    html = client_logged_in.get(
        reverse("plans:quick_add", args=[plan.pk]), {"day": 3, "meal": "breakfast"}, headers=HX
    ).content.decode()
    assert "Repeat yesterday's breakfast" in html
    no_offer = client_logged_in.get(
        reverse("plans:quick_add", args=[plan.pk]), {"day": 3, "meal": "lunch"}, headers=HX
    ).content.decode()
    assert "Repeat yesterday" not in no_offer
    response = client_logged_in.post(
        reverse("plans:meal_copy", args=[plan.pk, 2]), {"meal": "breakfast", "days": "3"}, headers=HX
    )
    assert response.status_code == 200 and response["HX-Retarget"] == "#day-3"
    week = plan_week(plan)
    assert len(week.days[3].meals[0].entries) == 2
    assert week.days[3].totals.planned.food_magnesium.value == pytest.approx(
        week.days[2].totals.planned.food_magnesium.value
    )


def test_the_meal_copy_page_and_a_refused_copy(client_logged_in, plan):
    page = client_logged_in.get(reverse("plans:meal_copy", args=[plan.pk, 1]), {"meal": "lunch"})
    assert page.status_code == 200 and 'type="checkbox"' in page.content.decode()
    refused = client_logged_in.post(reverse("plans:meal_copy", args=[plan.pk, 1]), {"meal": "lunch", "days": "2"})
    assert refused.status_code == 422 and "nothing to copy" in refused.content.decode()
    assert client_logged_in.get(reverse("plans:meal_copy", args=[plan.pk, 7])).status_code == 404


def test_a_past_day_keeps_its_dish_when_the_recipe_page_changes_it(client_logged_in, user):
    profile = make_profile(user)
    plan = make_plan(profile, user, start=datetime.date.today() - datetime.timedelta(days=1))
    recipe = _recipe(user)
    services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=recipe, servings=1)  # yesterday
    services.plan_recipe_add(plan=plan, day=1, meal="dinner", recipe=recipe, servings=1)  # today
    before = plan_week(plan).days[0].totals.planned.food_magnesium.value
    response = client_logged_in.post(
        reverse("recipes:edit", args=[recipe.pk]), {"name": "Seed porridge", "servings": "1", "visibility": "private"}
    )
    assert response.status_code in (200, 302)
    recipe.refresh_from_db()
    assert recipe.servings == 1
    week = plan_week(plan)
    assert week.days[0].totals.planned.food_magnesium.value == pytest.approx(before)
    assert week.days[1].totals.planned.food_magnesium.value == pytest.approx(before * 2)


def test_an_own_food_goes_into_a_meal_in_label_servings_and_counts_everywhere(client_logged_in, plan, user):
    from mealplanner.selectors.shopping import plan_shopping
    from recipes.models import OwnFood

    bar = OwnFood.objects.create(
        owner=user, name="Oat bar", serving_label="1 bar", serving_grams=40, magnesium_mg=100, energy_kcal=400
    )
    box = client_logged_in.get(reverse("plans:quick_add", args=[plan.pk]), {"day": 0, "meal": "snack"}, headers=HX)
    assert "Oat bar (a serving: 1 bar)" in box.content.decode()
    response = client_logged_in.post(
        reverse("plans:entry_add_own_food", args=[plan.pk]),
        {"day": 0, "meal": "snack", "own_food": bar.pk, "servings": "1.5"},
        headers=HX,
    )
    assert response.status_code == 200 and "own food" in response.content.decode()
    day = plan_week(plan).days[0]
    assert day.totals.planned.food_magnesium.value == pytest.approx(100 * 60 / 100)  # 1.5 bars, 60 g
    assert day.meals[3].entries[0].amount_label == "1.5 servings (60 g)"
    assert [line.grams for group in plan_shopping(plan).groups for line in group.lines] == [pytest.approx(60)]
    # The label changes later: the grams planned stay, only the values per 100 g are the food's own.
    bar.serving_grams = 50
    bar.save()
    assert plan_week(plan).days[0].meals[3].entries[0].grams == pytest.approx(60)


def test_a_strangers_own_food_is_refused(client_logged_in, plan, other_user):
    from recipes.models import OwnFood

    theirs = OwnFood.objects.create(owner=other_user, name="Mallory bar", magnesium_mg=10)
    response = client_logged_in.post(
        reverse("plans:entry_add_own_food", args=[plan.pk]),
        {"day": 0, "meal": "snack", "own_food": theirs.pk, "servings": "1"},
    )
    assert response.status_code == 422 and not PlanEntry.objects.exists()


def test_the_admin_shows_a_plan_with_a_dish_and_names_it(client, plan, user, django_user_model):
    services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=_recipe(user), servings=1)
    admin = django_user_model.objects.create_superuser(username="root", password="x-long-password")
    client.force_login(admin)
    page = client.get(reverse("admin:mealplanner_plan_change", args=[plan.pk]))
    assert page.status_code == 200 and "Seed porridge" in page.content.decode()
    listing = client.get(reverse("admin:mealplanner_planentry_changelist"))
    assert listing.status_code == 200 and "Seed porridge" in listing.content.decode()


def test_quick_add_offers_an_own_food_planned_lately_in_its_servings(client_logged_in, plan, user, other_user):
    from recipes.models import OwnFood

    bar = OwnFood.objects.create(owner=user, name="Oat bar", serving_label="1 bar", serving_grams=40, magnesium_mg=100)
    services.plan_own_food_add(plan=plan, day=0, meal="snack", own_food=bar, servings="2")
    html = client_logged_in.get(
        reverse("plans:quick_add", args=[plan.pk]), {"day": 1, "meal": "snack"}, headers=HX
    ).content.decode()
    lately = html.split("<h4>Lately</h4>")[1]
    assert "Oat bar" in lately and "2 servings, your food" in lately
    assert f'name="own_food" value="{bar.pk}"' in lately
