"""Fill a day and Fill the week with meals made of dishes and sides (issue 17): recipes go in as dishes, foods
at their usual portion, what is kept stays and counts, dislikes are never planned, never a supplement, and
the result page explains each day."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from foods.diet import diet_conflicts
from foods.models import DIET_FIELDS, Food
from mealplanner.entry_amounts import entry_foods, load_ingredients
from mealplanner.generator.meals import PlannedDay, PlannedItem
from mealplanner.models import Plan, PlanEntry
from mealplanner.services import generator as services
from mealplanner.services.plans import plan_entry_add
from mealplanner.services.recipe_entries import plan_recipe_add
from recipes.models import OwnFood, Recipe
from tests.mealplanner.plan_factories import citrate, make_profile, this_monday

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unhurried_generator")]


@pytest.fixture
def recipes(foods):
    call_command("load_recipes", verbosity=0)


@pytest.fixture
def plan(user):
    profile = make_profile(user, diet="vegan", energy_goal_kcal=2000)
    return Plan.objects.create(
        profile=profile, name="Week", start_date=this_monday() + datetime.timedelta(days=7), created_by=user
    )


def entries(plan, **where):
    return load_ingredients(PlanEntry.objects.filter(plan=plan, **where).select_related("food", "portion", "recipe"))


def day_totals(plan, day, nutrient="magnesium_mg"):
    return sum(
        (getattr(food, nutrient) or 0.0) * grams / 100 for e in entries(plan, day=day) for food, grams in entry_foods(e)
    )


def test_lunch_and_dinner_are_a_dish_with_at_most_two_sides_and_every_entry_suits_a_vegan(
    client_logged_in, plan, recipes
):
    response = client_logged_in.post(reverse("generator:fill_day", args=[plan.pk]), {"day": 1})
    assert response.status_code == 200
    made = entries(plan)
    assert made and all(e.generated and e.day == 1 for e in made)
    for meal in ("lunch", "dinner"):
        held = [e for e in made if e.meal == meal]
        # One main (a dish, or tofu or beans as a plate's main when the dishes run short) and up to two sides.
        assert 1 <= len(held) <= 3 and len([e for e in held if e.recipe_id is not None]) <= 1
    assert any(e.recipe_id is not None for e in made if e.meal in ("lunch", "dinner"))
    for e in made:
        for food, _grams in entry_foods(e):
            assert diet_conflicts({f: getattr(food, f) for f in DIET_FIELDS}, diet="vegan", allergies=[]) == []
    assert day_totals(plan, 1) >= 320  # RDA for women 31-50 [NIH ODS Table 1]
    assert 1800 <= day_totals(plan, 1, "energy_kcal") <= 2200  # the goal ±10 %


def test_the_result_page_explains_the_day_and_each_items_magnesium(client_logged_in, plan, recipes):
    body = client_logged_in.post(reverse("generator:fill_day", args=[plan.pk]), {"day": 1}).content.decode()
    assert "✓ Met:" in body
    assert "What held the plan back" in body or "No band was tight" in body
    assert "mg per serving" in body and "mg per 100 kcal" in body and '<span class="badge">dish</span>' in body


def test_a_dish_is_written_with_its_ingredients_and_in_half_servings(client_logged_in, plan, recipes):
    client_logged_in.post(reverse("generator:fill_week", args=[plan.pk]))
    dishes = entries(plan, recipe__isnull=False)
    assert dishes
    for e in dishes:
        assert e.recipe_name == e.recipe.name and list(e.ingredients.all())
        assert (e.quantity * 2) % 1 == 0 and Decimal("0.5") <= e.quantity <= 2
    counts = {}
    for e in dishes:
        counts.setdefault(e.recipe_id, set()).add(e.day)
    assert max(len(days) for days in counts.values()) <= 2  # a dish at most twice a week


def test_filling_again_replaces_generated_dishes_but_keeps_a_pinned_one_and_a_meal_planned_by_hand(
    client_logged_in, plan, recipes
):
    stew = Recipe.objects.filter(suits_dinner=True).order_by("pk").first()
    mine = plan_recipe_add(plan=plan, day=2, meal="dinner", recipe=stew, servings=1)
    client_logged_in.post(reverse("generator:fill_day", args=[plan.pk]), {"day": 2})
    assert not PlanEntry.objects.filter(plan=plan, day=2, meal="dinner", generated=True).exists()
    assert PlanEntry.objects.filter(pk=mine.pk).exists()
    pinned = PlanEntry.objects.filter(plan=plan, day=2, generated=True, recipe__isnull=False).first()
    client_logged_in.post(reverse("generator:pin", args=[plan.pk, pinned.pk]), {"pinned": "1"})
    before = set(PlanEntry.objects.filter(plan=plan, day=2, generated=True).values_list("pk", flat=True))
    client_logged_in.post(reverse("generator:fill_day", args=[plan.pk]), {"day": 2, "shuffle": "on"})
    after = set(PlanEntry.objects.filter(plan=plan, day=2).values_list("pk", flat=True))
    assert pinned.pk in after and mine.pk in after
    assert not (before - {pinned.pk}) & after  # the rest the generator made before is replaced


def test_what_a_kept_meal_holds_counts_towards_the_day(plan, recipes):
    oats = Food.objects.filter(vegan=True, food_group="Breakfast Cereals").order_by("pk").first()
    plan_entry_add(plan=plan, day=3, meal="breakfast", food=oats, quantity=Decimal(300))
    result = services.plan_fill_day(plan=plan, day=3)
    assert result.days[0].status in ("ok", "short")
    kept = 3 * (oats.energy_kcal or 0)
    made = sum(i.energy_kcal for i in result.days[0].plan.items)
    assert result.days[0].plan.energy_kcal == pytest.approx(kept + made, rel=1e-6)
    assert not [i for i in result.days[0].plan.items if i.meal == "breakfast"]


def test_disliked_foods_and_dishes_are_never_planned(plan, recipes):
    services.plan_fill_day(plan=plan, day=0)
    first = entries(plan, day=0)
    disliked_foods = {e.food_id for e in first if e.food_id is not None}
    disliked_dishes = {e.recipe_id for e in first if e.recipe_id is not None}
    assert disliked_foods and disliked_dishes
    plan.profile.disliked_foods.add(*disliked_foods)
    plan.profile.disliked_recipes.add(*disliked_dishes)
    result = services.plan_fill_week(plan=plan)
    assert {d.status for d in result.days} <= {"ok", "short"}  # every day refilled
    again = entries(plan)
    assert again
    assert not {e.food_id for e in again} & disliked_foods
    assert not {e.recipe_id for e in again} & disliked_dishes
    for e in again:  # nor a dish that holds a disliked food
        assert not {food.pk for food, _g in entry_foods(e) if isinstance(food, Food)} & disliked_foods


def test_the_generator_never_adds_a_supplement_even_on_a_day_short_of_the_target(user, foods):
    profile = make_profile(user, diet="vegan", energy_goal_kcal=1200, custom_target_mg=1500)
    plan = Plan.objects.create(profile=profile, name="Short", start_date=this_monday() + datetime.timedelta(days=7))
    citrate(profile, mg=100)  # in the cabinet, never planned by the generator
    result = services.plan_fill_week(plan=plan)
    assert {d.status for d in result.days} <= {"short", "none"}
    assert not PlanEntry.objects.filter(plan=plan, supplement__isnull=False).exists()


def test_an_own_food_planned_as_a_snack_is_written_in_its_label_servings(plan):
    bar = OwnFood.objects.create(
        owner=plan.profile.user,
        name="Oat bar",
        serving_label="1 bar",
        serving_grams=40,
        magnesium_mg=80,
        energy_kcal=400,
        vegan=True,
    )
    item = PlannedItem(
        meal="snack",
        kind="food",
        ref=-bar.pk,
        name=bar.name,
        role="snack",
        halves=2,
        unit_label="1 bar",
        grams=40.0,
        group="",
    )
    entry = services._Writer(plan, [PlannedDay(4, "ok", (item,))], {}).write(4, item)
    entry.refresh_from_db()
    assert entry.generated and entry.recipe_name == "Oat bar" and entry.quantity == 1 and entry.grams == 40
    assert [row.own_food_id for row in entry.ingredients.all()] == [bar.pk]


def test_a_dietitians_generate_button_fills_the_clients_week_with_dishes_and_says_so(django_user_model, recipes):
    from clinic.services import plan_generate
    from mealplanner.models import Profile

    dora = django_user_model.objects.create_user("dora", password="pw-long-enough-1", is_dietitian=True)
    client = Profile.objects.create(name="Ann", dietitian=dora, age_years=40, sex="female", diet="vegan")
    plan = Plan.objects.create(
        profile=client, name="Ann's week", created_by=dora, start_date=this_monday() + datetime.timedelta(days=7)
    )
    worked, text = plan_generate(plan=plan)
    assert worked and "dishes and foods to the empty meals" in text
    assert PlanEntry.objects.filter(plan=plan, recipe__isnull=False, generated=True).exists()


def test_a_request_out_of_time_leaves_its_days_as_they_were_and_says_so(plan, recipes, monkeypatch):
    monkeypatch.setattr(services, "SOLVE_BUDGET_S", 0.0)  # the budget that keeps every request under 10 s
    result = services.plan_fill_week(plan=plan)
    assert [d.status for d in result.days] == ["none"] * 7
    assert all(any("took too long" in n for n in d.plan.notes) for d in result.days)
    assert not PlanEntry.objects.filter(plan=plan).exists()
