"""Recipes in plans (issue 16): one entry in servings, counted through its ingredients everywhere alike, and
past days that never change when the recipe is edited later."""

import datetime
import io
from decimal import Decimal

import pandas as pd
import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from mealplanner.entry_amounts import entry_foods, load_ingredients
from mealplanner.models import PlanEntry, PlanEntryIngredient
from mealplanner.selectors.generator import day_states
from mealplanner.selectors.plans import plan_week
from mealplanner.selectors.shopping import plan_shopping
from mealplanner.services import plans as plan_services
from mealplanner.services import recipe_entries as services
from mealplanner.tabular import entries_frame, totals_frame
from recipes import services as recipe_services
from recipes.models import OwnFood, Recipe
from recipes.selectors import recipe_figures
from tests.mealplanner.plan_factories import add_food, make_plan, make_profile, pumpkin_seeds
from tests.recipes.factories import spinach_cooked, tofu

pytestmark = pytest.mark.django_db


def _recipe(owner, servings=2) -> Recipe:
    """Spinach (1 cup, 180 g) and pumpkin seeds (1 cup, 129 g) for `servings` (SR28 NDB 11458, 12014)."""
    recipe = recipe_services.recipe_create(owner=owner, data={"name": "Green seed bowl", "servings": servings})
    spinach, seeds = spinach_cooked(), pumpkin_seeds()
    recipe_services.ingredients_add(
        recipe=recipe,
        ingredients=[
            recipe_services.NewIngredient(food=spinach, portion=spinach.portions.first(), quantity=1),
            recipe_services.NewIngredient(food=seeds, portion=seeds.portions.first(), quantity=1),
        ],
    )
    return recipe


def _per_serving_mg(recipe) -> float:
    return recipe_figures(recipe).per_serving["magnesium_mg"].value


@pytest.fixture
def setting(user):
    profile = make_profile(user)
    plan = make_plan(profile, user)
    return profile, plan, _recipe(user)


def test_the_days_magnesium_rises_by_the_recipes_per_serving_figure_times_servings(setting):
    _, plan, recipe = setting
    before = plan_week(plan).days[0].totals.planned.food_magnesium.value
    services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=recipe, servings=2)
    after = plan_week(plan).days[0].totals.planned.food_magnesium.value
    assert after - before == pytest.approx(_per_serving_mg(recipe) * 2)
    # (87 × 180 + 592 × 129) / 100 / 2 servings × 2 = 920.28 mg (SR28 NDB 11458, 12014)
    assert after - before == pytest.approx((87 * 180 + 592 * 129) / 100)


def test_a_recipe_is_one_entry_in_servings_with_its_ingredients_kept_per_serving(setting):
    _, plan, recipe = setting
    entry = services.plan_recipe_add(plan=plan, day=1, meal="lunch", recipe=recipe, servings=Decimal("1.5"))
    assert PlanEntry.objects.filter(plan=plan).count() == 1
    assert entry.recipe_name == "Green seed bowl" and float(entry.quantity) == 1.5
    assert sorted(row.grams for row in entry.ingredients.all()) == pytest.approx([64.5, 90])
    assert entry.grams == pytest.approx(1.5 * (90 + 64.5))
    view = plan_week(plan).days[1].meals[1].entries[0]
    assert view.name == "Green seed bowl" and view.is_recipe
    assert "1.5 servings" in view.amount_label


@pytest.mark.parametrize("servings", [0, -1, "0.3", 21, "abc", "nan"])
def test_servings_outside_quarter_steps_or_limits_are_refused(setting, servings):
    _, plan, recipe = setting
    with pytest.raises(ValueError):
        services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=recipe, servings=servings)
    assert not PlanEntry.objects.exists()


def test_a_recipe_without_ingredients_is_refused(setting, user):
    _, plan, _ = setting
    empty = recipe_services.recipe_create(owner=user, data={"name": "Nothing yet", "servings": 1})
    with pytest.raises(ValueError, match="no ingredients"):
        services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=empty, servings=1)


def test_the_database_refuses_an_entry_that_is_neither_food_recipe_nor_supplement(setting):
    _, plan, _ = setting
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanEntry.objects.create(plan=plan, day=0, meal="lunch", quantity=1)


def test_totals_findings_generator_room_and_downloads_agree_on_the_recipe(setting):
    _, plan, recipe = setting
    services.plan_recipe_add(plan=plan, day=2, meal="dinner", recipe=recipe, servings=2)
    expected = _per_serving_mg(recipe) * 2
    week = plan_week(plan)
    day = week.days[2]
    assert day.totals.planned.food_magnesium.value == pytest.approx(expected)
    assert day.meals[2].entries[0].magnesium_mg == pytest.approx(expected)
    # The generator's room: what the day already holds.
    assert day_states(week)[2].fixed["magnesium_mg"] == pytest.approx(expected)
    entries = entries_frame(week)
    row = entries[entries["Kind"] == "Recipe"].iloc[0]
    assert row["Food or supplement"] == "Green seed bowl" and row["Portion"] == "serving"
    assert float(row["Magnesium (mg)"]) == pytest.approx(round(expected))
    totals = totals_frame(week)
    assert float(totals.iloc[2]["Planned food magnesium (mg)"]) == pytest.approx(round(expected))


def _csv(response) -> pd.DataFrame:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return pd.read_csv(io.BytesIO(body))


def test_the_csv_downloads_print_and_shopping_csv_count_the_recipe(setting, client, user):
    _, plan, recipe = setting
    services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=recipe, servings=2)
    expected = round(_per_serving_mg(recipe) * 2)
    client.force_login(user)
    entries = _csv(client.get(reverse("exports:entries_csv", args=[plan.pk])))
    assert list(entries["Kind"]) == ["Recipe"] and float(entries["Magnesium (mg)"][0]) == expected
    totals = _csv(client.get(reverse("exports:totals_csv", args=[plan.pk])))
    assert float(totals["Planned food magnesium (mg)"][0]) == expected
    page = client.get(reverse("exports:print", args=[plan.pk])).content.decode()
    assert "Green seed bowl" in page and "(recipe)" in page
    shopping = client.get(reverse("exports:shopping_csv", args=[plan.pk])).content.decode()
    assert "Spinach, cooked" in shopping and "Green seed bowl" not in shopping


def test_the_shopping_list_expands_a_recipe_into_its_ingredients(setting):
    _, plan, recipe = setting
    services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=recipe, servings=2)
    add_food(plan, pumpkin_seeds(), day=1, quantity=1)  # 1 cup, 129 g, planned on its own too
    lines = {line.name: line for group in plan_shopping(plan).groups for line in group.lines}
    assert lines["Spinach, cooked, boiled, drained, without salt"].grams == pytest.approx(180)
    assert lines["Seeds, pumpkin and squash seed kernels, dried"].grams == pytest.approx(129 + 129)
    assert "Green seed bowl" not in lines


def test_an_own_food_in_a_recipe_counts_and_is_bought_apart_from_shared_foods(setting, user):
    _, plan, _ = setting
    bar = OwnFood.objects.create(owner=user, name="Oat bar", magnesium_mg=100, energy_kcal=400)
    recipe = recipe_services.recipe_create(owner=user, data={"name": "Bar snack", "servings": 1})
    recipe_services.ingredients_add(
        recipe=recipe, ingredients=[recipe_services.NewIngredient(own_food=bar, quantity=40)]
    )
    services.plan_recipe_add(plan=plan, day=0, meal="snack", recipe=recipe, servings=1)
    assert plan_week(plan).days[0].totals.planned.food_magnesium.value == pytest.approx(40)
    lines = [line for group in plan_shopping(plan).groups for line in group.lines]
    assert [(line.name, line.grams) for line in lines] == [("Oat bar", pytest.approx(40))]


def test_an_ingredient_of_unknown_magnesium_makes_the_recipe_line_at_least(setting, user):
    _, plan, _ = setting
    from tests.mealplanner.plan_factories import mystery_food

    recipe = recipe_services.recipe_create(owner=user, data={"name": "Soup and tofu", "servings": 1})
    recipe_services.ingredients_add(
        recipe=recipe,
        ingredients=[
            recipe_services.NewIngredient(food=mystery_food(), quantity=200),
            recipe_services.NewIngredient(food=tofu(), quantity=100),
        ],
    )
    services.plan_recipe_add(plan=plan, day=0, meal="lunch", recipe=recipe, servings=1)
    day = plan_week(plan).days[0]
    view = day.meals[1].entries[0]
    assert view.magnesium_mg == pytest.approx(27) and view.magnesium_at_least  # SR28 NDB 16127: 27 mg/100 g
    assert day.totals.planned.food_magnesium.unknown == 1


def test_editing_a_recipe_changes_today_and_later_but_not_past_or_eaten_days(user):
    profile = make_profile(user)
    today = datetime.date.today()
    plan = make_plan(profile, user, start=today - datetime.timedelta(days=3))
    recipe = _recipe(user)
    past = services.plan_recipe_add(plan=plan, day=2, meal="dinner", recipe=recipe, servings=1)  # yesterday
    eaten_today = services.plan_recipe_add(plan=plan, day=3, meal="lunch", recipe=recipe, servings=1)
    plan_services.plan_entry_set_status(entry=eaten_today, status="eaten")
    today_entry = services.plan_recipe_add(plan=plan, day=3, meal="dinner", recipe=recipe, servings=1)
    later = services.plan_recipe_add(plan=plan, day=5, meal="dinner", recipe=recipe, servings=1)
    kept = {e.pk: entry_foods(e) for e in load_ingredients(PlanEntry.objects.filter(pk__in=[past.pk, eaten_today.pk]))}

    recipe_services.ingredients_add(
        recipe=recipe, ingredients=[recipe_services.NewIngredient(food=tofu(), quantity=200)]
    )
    recipe_services.recipe_update(recipe=recipe, data={"name": "Green seed bowl with tofu"})

    for entry in load_ingredients(PlanEntry.objects.filter(pk__in=[past.pk, eaten_today.pk])):
        assert entry.recipe_name == "Green seed bowl"
        assert [(f.pk, g) for f, g in entry_foods(entry)] == [(f.pk, pytest.approx(g)) for f, g in kept[entry.pk]]
    for entry in load_ingredients(PlanEntry.objects.filter(pk__in=[today_entry.pk, later.pk])):
        assert entry.recipe_name == "Green seed bowl with tofu"
        assert len(entry_foods(entry)) == 3
        assert entry.grams == pytest.approx((180 + 129 + 200) / 2)


def test_a_deleted_recipe_leaves_its_planned_and_eaten_dishes_as_they_were(setting):
    _, plan, recipe = setting
    entry = services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=recipe, servings=2)
    before = plan_week(plan).days[0].totals.planned.food_magnesium.value
    recipe_services.recipe_delete(recipe=recipe)
    entry.refresh_from_db()
    assert entry.recipe_id is None and entry.recipe_name == "Green seed bowl"
    assert plan_week(plan).days[0].totals.planned.food_magnesium.value == pytest.approx(before)


def test_changing_servings_through_the_amount_service_scales_the_dish(setting):
    _, plan, recipe = setting
    entry = services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=recipe, servings=1)
    plan_services.plan_entry_change_amount(entry=entry, quantity=Decimal("2.5"))
    assert plan_week(plan).days[0].totals.planned.food_magnesium.value == pytest.approx(_per_serving_mg(recipe) * 2.5)


def test_copying_a_day_or_the_week_copies_the_dish_with_its_ingredients(setting, user):
    _, plan, recipe = setting
    services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=recipe, servings=2)
    plan_services.plan_day_copy(plan=plan, from_day=0, to_days=[4])
    copy = plan_services.plan_duplicate_next_week(plan=plan, created_by=user)
    expected = _per_serving_mg(recipe) * 2
    assert plan_week(plan).days[4].totals.planned.food_magnesium.value == pytest.approx(expected)
    assert plan_week(copy).days[0].totals.planned.food_magnesium.value == pytest.approx(expected)
    # Two ingredients each: the dish, its copy on day 4, and the next week's two copies of them.
    assert PlanEntryIngredient.objects.count() == 2 * 4


def test_a_meal_copied_to_other_days_is_added_to_what_they_hold(setting):
    _, plan, recipe = setting
    services.plan_recipe_add(plan=plan, day=0, meal="breakfast", recipe=recipe, servings=1)
    add_food(plan, pumpkin_seeds(), day=0, meal="breakfast")
    add_food(plan, pumpkin_seeds(), day=0, meal="lunch")
    add_food(plan, pumpkin_seeds(), day=1, meal="breakfast", quantity=2)
    written = services.plan_meal_copy(plan=plan, from_day=0, meal="breakfast", to_days=[1, 2, 0])
    assert written == [1, 2]
    assert PlanEntry.objects.filter(plan=plan, day=1, meal="breakfast").count() == 3
    assert PlanEntry.objects.filter(plan=plan, day=2, meal="breakfast").count() == 2
    assert not PlanEntry.objects.filter(plan=plan, day__in=[1, 2], meal="lunch").exists()
    week = plan_week(plan)
    assert week.days[2].totals.planned.food_magnesium.value == pytest.approx(
        week.days[0].meals[0].entries[0].magnesium_mg + week.days[0].meals[0].entries[1].magnesium_mg
    )


def test_copying_an_empty_meal_is_refused(setting):
    _, plan, _ = setting
    with pytest.raises(ValueError):
        services.plan_meal_copy(plan=plan, from_day=0, meal="snack", to_days=[1])


def test_an_own_food_in_a_planned_dish_cannot_be_deleted(setting, user):
    _, plan, _ = setting
    bar = OwnFood.objects.create(owner=user, name="Oat bar", magnesium_mg=100)
    recipe = recipe_services.recipe_create(owner=user, data={"name": "Bar snack", "servings": 1})
    row = recipe_services.ingredients_add(
        recipe=recipe, ingredients=[recipe_services.NewIngredient(own_food=bar, quantity=40)]
    )[0]
    services.plan_recipe_add(plan=plan, day=0, meal="snack", recipe=recipe, servings=1)
    recipe_services.ingredient_remove(ingredient=row)
    with pytest.raises(recipe_services.RecipeError):
        recipe_services.own_food_delete(own_food=bar)
    assert OwnFood.objects.filter(pk=bar.pk).exists()


def test_the_plan_page_costs_no_more_queries_with_recipes(setting, client, user, django_assert_max_num_queries):
    _, plan, recipe = setting
    client.force_login(user)
    client.get(reverse("plans:detail", args=[plan.pk]))
    for day in range(7):
        services.plan_recipe_add(plan=plan, day=day, meal="dinner", recipe=recipe, servings=1)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(reverse("plans:detail", args=[plan.pk]))
    for day in range(7):
        services.plan_recipe_add(plan=plan, day=day, meal="lunch", recipe=recipe, servings=1)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(reverse("plans:detail", args=[plan.pk]))


def test_the_plans_list_and_the_clinic_roster_sum_a_recipe_as_the_plan_page_does(setting):
    from clinic.roster_weeks import planned_weeks
    from mealplanner.selectors.plan_list import week_sums
    from tests.mealplanner.plan_factories import mystery_food

    _, plan, recipe = setting
    services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=recipe, servings=2)
    add_food(plan, pumpkin_seeds(), day=0, meal="lunch")
    add_food(plan, mystery_food(), day=1, meal="lunch", portion=None, quantity=100)
    services.plan_recipe_add(plan=plan, day=1, meal="dinner", recipe=recipe, servings="0.5")
    page = plan_week(plan).totals
    sums = week_sums([plan])[plan.pk].totals
    for d in (0, 1):
        assert sums.days[d].planned.food_magnesium.value == pytest.approx(page.days[d].planned.food_magnesium.value)
        assert sums.days[d].planned.food_magnesium.unknown == page.days[d].planned.food_magnesium.unknown
        assert sums.days[d].entries == 2  # entries, not ingredients
    week = planned_weeks([plan.pk], {})[plan.pk]
    assert week.food_mg == pytest.approx(sum(day.planned.food_magnesium.value for day in page.days))
    assert week.unknown == 1


def test_the_account_download_names_the_dish_with_its_servings_and_grams(setting, user):
    import json

    from mealplanner.selectors.account_export import account_data_chunks

    _, plan, recipe = setting
    services.plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=recipe, servings=2)
    data = json.loads("".join(account_data_chunks(user)))
    (row,) = data["plans"][0]["entries"]
    assert row["recipe"] == "Green seed bowl" and row["food"] is None
    assert float(row["quantity"]) == 2 and row["grams"] == pytest.approx(180 + 129)


def test_the_diary_counts_an_eaten_dishs_magnesium_and_caffeine(user):
    from diary.selectors import eaten_caffeine_on, intake_by_date
    from tests.mealplanner.plan_factories import coffee

    profile = make_profile(user)
    today = datetime.date.today()
    plan = make_plan(profile, user, start=today)
    recipe = recipe_services.recipe_create(owner=user, data={"name": "Mocha seeds", "servings": 2})
    recipe_services.ingredients_add(
        recipe=recipe,
        ingredients=[
            recipe_services.NewIngredient(food=coffee(), quantity=474),  # SR28 NDB 14209: caffeine 40 mg/100 g
            recipe_services.NewIngredient(food=pumpkin_seeds(), quantity=20),
        ],
    )  # NDB 12014: Mg 592 mg/100 g
    entry = services.plan_recipe_add(plan=plan, day=0, meal="breakfast", recipe=recipe, servings="1.5")
    plan_services.plan_entry_set_status(entry=entry, status="eaten")
    # 1.5 servings of half the dish: 355.5 g of coffee and 15 g of seeds.
    assert eaten_caffeine_on(profile, today) == pytest.approx(40 * 355.5 / 100)
    intake = intake_by_date(profile, today, today)[today]
    assert intake.caffeine_mg == pytest.approx(40 * 355.5 / 100)
    assert intake.magnesium_mg == pytest.approx(3 * 355.5 / 100 + 592 * 15 / 100)
