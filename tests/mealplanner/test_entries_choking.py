"""Adding a choking hazard by hand for a child under 4 asks first and names the safer form (issue 13);
without JavaScript the question is a confirmation page."""

from decimal import Decimal

import pytest
from django.urls import reverse

from foods.models import Food, Portion
from mealplanner.models import PlanEntry
from tests.mealplanner.plan_factories import make_plan, make_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def almonds(db):
    # USDA SR28 NDB 12061, Nuts, almonds: 270 mg magnesium, 579 kcal per 100 g; 1 oz (23 whole kernels) 28.35 g.
    food = Food.objects.create(
        ndb_number="12061",
        name="Nuts, almonds",
        food_group="Nut and Seed Products",
        magnesium_mg=270,
        energy_kcal=579,
        vegan=True,
        vegetarian=True,
        contains_nuts=True,
        choking_hazard_under_4=True,
    )
    Portion.objects.create(food=food, seq=1, label="1 oz (23 whole kernels)", grams=28.35, is_default=True)
    return food


def add(client, plan, food, **more):
    return client.post(
        reverse("plans:entry_add_food", args=[plan.pk]),
        {"day": 0, "meal": "snack", "food": food.pk, "quantity": "1", "portion": food.portions.first().pk, **more},
    )


def test_whole_almonds_for_a_two_year_old_ask_first_and_name_ground_nuts(client_logged_in, user, almonds):
    plan = make_plan(make_profile(user, age_years=Decimal("2"), sex="male", restless_legs=False), user)
    response = add(client_logged_in, plan, almonds)
    body = response.content.decode()
    assert response.status_code == 200
    assert "choking hazard" in body and "finely ground" in body and "spread thinly" in body
    assert not PlanEntry.objects.filter(plan=plan).exists()
    add(client_logged_in, plan, almonds, confirm="1")
    assert PlanEntry.objects.filter(plan=plan, food=almonds).count() == 1


def test_an_adult_adds_almonds_without_a_question(client_logged_in, user, almonds):
    plan = make_plan(make_profile(user, age_years=Decimal("40"), restless_legs=False), user)
    add(client_logged_in, plan, almonds)
    assert PlanEntry.objects.filter(plan=plan, food=almonds).count() == 1


def test_a_food_nobody_curated_but_named_like_a_hazard_also_asks(client_logged_in, user):
    # USDA SR28 NDB 12154, Nuts, walnuts, black, dried: imported without the curated fact.
    walnuts = Food.objects.create(
        ndb_number="12154",
        name="Nuts, walnuts, black, dried",
        food_group="Nut and Seed Products",
        magnesium_mg=201,
        energy_kcal=619,
    )
    Portion.objects.create(food=walnuts, seq=1, label="1 oz", grams=28.35)
    plan = make_plan(make_profile(user, age_years=Decimal("3"), sex="female", restless_legs=False), user)
    body = add(client_logged_in, plan, walnuts).content.decode()
    assert "choking hazard" in body and not PlanEntry.objects.filter(plan=plan).exists()
