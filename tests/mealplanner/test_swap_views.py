"""Swap on the plan page (issue 17): an entry's three alternatives, and one click that replaces it while the day
keeps its magnesium and energy bands; scoped like every entry view, and never a 500."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape

from foods.models import Food, Portion
from mealplanner.generator import meals
from mealplanner.generator.swap import SwapChoice
from mealplanner.models import Plan, PlanEntry
from mealplanner.selectors.meal_candidates import meal_candidates, person_of
from mealplanner.selectors.plans import plan_week
from mealplanner.selectors.swap import bands_for_week, swap_offer
from mealplanner.services import swap as swap_services
from mealplanner.services.plans import plan_entry_add
from recipes import services as recipe_services
from tests.mealplanner.plan_factories import add_supplement, citrate, make_plan, make_profile, this_monday

pytestmark = pytest.mark.django_db


def fill_day(plan, day=0):
    """The day filled by the meal planner (generator.meals) from the curated foods, as entries."""
    week = plan_week(plan)
    dishes, foods = meal_candidates(profile=plan.profile)
    [planned] = meals.plan_week(
        dishes=dishes, foods=foods, person=person_of(plan.profile), bands=bands_for_week(week), days=[day], budget_s=60
    )
    assert planned.status == meals.OK
    by_id = {f.food_id: f for f in foods}
    for item in planned.items:
        side = by_id[item.ref]  # foods only: the test database holds no recipes
        portion = Portion.objects.get(pk=side.portion_id) if side.portion_id else None
        quantity = Decimal(item.halves) / 2 if portion else Decimal(str(round(item.grams, 1)))
        plan_entry_add(
            plan=plan, day=day, meal=item.meal, food=Food.objects.get(pk=item.ref), portion=portion, quantity=quantity
        )


def day_figures(plan, day=0):
    totals = plan_week(plan).days[day].totals.planned
    return totals.food_magnesium.value, totals.energy_kcal.value


def assert_in_band(plan, day=0):
    week = plan_week(plan)
    bands = bands_for_week(week)
    mg, kcal = day_figures(plan, day)
    assert mg >= bands.magnesium_mg - 1e-6
    assert bands.energy_low - 1e-6 <= kcal <= bands.energy_high + 1e-6


@pytest.fixture
def day_in_band(foods, user):
    profile = make_profile(user)
    plan = make_plan(profile, user)
    fill_day(plan)
    assert_in_band(plan)
    return plan


def lunch_entry(plan):
    return PlanEntry.objects.filter(plan=plan, day=0, meal="lunch").order_by("id").first()


def swap_url(plan, entry):
    return reverse("plans:entry_swap", args=[plan.pk, entry.pk])


def test_it_shows_three_alternatives_each_keeping_the_day_in_its_bands(client_logged_in, day_in_band):
    plan, entry = day_in_band, lunch_entry(day_in_band)
    response = client_logged_in.get(swap_url(plan, entry))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('name="halves"') == 3 and "<html" in body  # a page of its own without JavaScript
    bands = bands_for_week(plan_week(plan))
    offer = swap_offer(plan, entry)
    assert len(offer.choices) == 3
    for choice in offer.choices:
        assert choice.day_totals["magnesium_mg"] >= bands.magnesium_mg
        assert bands.energy_low <= choice.day_totals["energy_kcal"] <= bands.energy_high
        assert escape(choice.name) in body  # as the page writes it: a name may hold a quote


def test_htmx_gets_only_the_choices_in_place_of_the_swap_link(client_logged_in, day_in_band):
    plan, entry = day_in_band, lunch_entry(day_in_band)
    body = client_logged_in.get(swap_url(plan, entry), headers={"HX-Request": "true"}).content.decode()
    assert f'id="swap-{entry.pk}"' in body and "<html" not in body
    assert body.count("hx-post=") == 3 and body.count("csrfmiddlewaretoken") == 3


def test_an_entrys_change_forms_hold_the_swap_link_but_the_week_does_not(client_logged_in, day_in_band):
    plan, entry = day_in_band, lunch_entry(day_in_band)
    edit = client_logged_in.get(
        reverse("plans:entry_edit", args=[plan.pk, entry.pk]), headers={"HX-Request": "true"}
    ).content.decode()
    assert swap_url(plan, entry) in edit
    assert "/swap/" not in client_logged_in.get(reverse("plans:detail", args=[plan.pk])).content.decode()


def test_choosing_one_replaces_the_entry_in_its_meal_and_the_day_stays_in_band(client_logged_in, day_in_band):
    plan, entry = day_in_band, lunch_entry(day_in_band)
    PlanEntry.objects.filter(pk=entry.pk).update(status="eaten", pinned=True)
    choice = swap_offer(plan, entry).choices[0]
    count = plan.entries.count()
    response = client_logged_in.post(
        swap_url(plan, entry), {"day": 0, "kind": choice.kind, "ref": choice.ref, "halves": choice.halves}
    )
    assert response.status_code == 302 and response["Location"].endswith("#day-0")
    assert not PlanEntry.objects.filter(pk=entry.pk).exists()
    new = PlanEntry.objects.filter(plan=plan).latest("id")
    assert (new.day, new.meal, new.status, new.pinned, new.food_id) == (0, "lunch", "eaten", True, choice.ref)
    assert plan.entries.count() == count
    mg, kcal = day_figures(plan)
    assert mg == pytest.approx(choice.day_totals["magnesium_mg"])
    assert kcal == pytest.approx(choice.day_totals["energy_kcal"])
    assert_in_band(plan)


def test_htmx_choice_answers_with_the_day_again(client_logged_in, day_in_band):
    plan, entry = day_in_band, lunch_entry(day_in_band)
    choice = swap_offer(plan, entry).choices[1]
    response = client_logged_in.post(
        swap_url(plan, entry),
        {"day": 0, "kind": choice.kind, "ref": choice.ref, "halves": choice.halves},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and response["HX-Retarget"] == "#day-0"
    assert f"Swapped {entry.food.name} for {choice.name}." in response.content.decode()
    assert_in_band(plan)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": "soup", "ref": "1", "halves": "2"},
        {"kind": "food", "ref": "abc", "halves": "2"},
        {"kind": "food", "ref": "99999999999999999999999", "halves": "2"},
        {"kind": "food", "ref": "1", "halves": "9"},
        {"kind": "dish", "ref": "424242", "halves": "2"},
    ],
)
def test_a_bad_choice_re_renders_with_a_message_and_changes_nothing(client_logged_in, day_in_band, data):
    plan, entry = day_in_band, lunch_entry(day_in_band)
    before = list(plan.entries.values_list("id", "food_id", "quantity"))
    response = client_logged_in.post(swap_url(plan, entry), {"day": 0, **data})
    assert response.status_code == 422
    body = response.content.decode()
    assert "choose again" in body and body.count('name="halves"') == 3
    assert list(plan.entries.values_list("id", "food_id", "quantity")) == before
    htmx = client_logged_in.post(swap_url(plan, entry), {"day": 0, **data}, headers={"HX-Request": "true"})
    assert htmx.status_code == 200 and htmx["HX-Retarget"] == "#day-0" and "Error:" in htmx.content.decode()
    assert list(plan.entries.values_list("id", "food_id", "quantity")) == before


def test_a_choice_that_would_take_the_day_out_of_its_bands_is_refused(client_logged_in, day_in_band):
    plan, entry = day_in_band, lunch_entry(day_in_band)
    # Any food for lunch that is not offered (it would take the day out of a band, or does not suit the person).
    offered = {c.ref for c in swap_offer(plan, entry, count=None).choices if c.kind == "food"}
    held = set(plan.entries.values_list("food_id", flat=True))
    refused = Food.objects.exclude(pk__in=offered | held).filter(suits_lunch=True).order_by("pk").first()
    before = plan.entries.count()
    response = client_logged_in.post(swap_url(plan, entry), {"day": 0, "kind": "food", "ref": refused.pk, "halves": 2})
    assert response.status_code == 422 and "choose again" in response.content.decode()
    assert plan.entries.count() == before and PlanEntry.objects.filter(pk=entry.pk).exists()


def test_a_strangers_plan_or_entry_is_a_404(client_logged_in, day_in_band, other_user):
    theirs = make_plan(make_profile(other_user), other_user, name="Theirs")
    their_entry = PlanEntry.objects.create(plan=theirs, day=0, meal="lunch", food=Food.objects.first(), quantity=1)
    assert client_logged_in.get(swap_url(theirs, their_entry)).status_code == 404
    assert (
        client_logged_in.post(swap_url(theirs, their_entry), {"kind": "food", "ref": 1, "halves": 2}).status_code == 404
    )
    # Their entry through my plan's address is a 404 too.
    mine = reverse("plans:entry_swap", args=[day_in_band.pk, their_entry.pk])
    assert client_logged_in.get(mine).status_code == 404
    assert PlanEntry.objects.filter(pk=their_entry.pk).exists()


def test_a_plan_shared_read_only_shows_no_swap_and_refuses_one(client_logged_in, user, foods, django_user_model):
    dietitian = django_user_model.objects.create_user("dee", password="pw", is_dietitian=True)
    profile = make_profile(user, dietitian=dietitian)
    shared = Plan.objects.create(
        profile=profile, created_by=dietitian, name="From Dee", start_date=this_monday(), shared_with_client=True
    )
    entry = PlanEntry.objects.create(plan=shared, day=0, meal="lunch", food=Food.objects.first(), quantity=1)
    page = client_logged_in.get(reverse("plans:detail", args=[shared.pk])).content.decode()
    assert "Swap" not in page and "/edit/" not in page
    assert client_logged_in.get(swap_url(shared, entry)).status_code == 404
    assert client_logged_in.post(swap_url(shared, entry), {"kind": "food", "ref": 1, "halves": 2}).status_code == 404


def test_a_supplement_has_no_alternatives(client_logged_in, day_in_band):
    plan = day_in_band
    entry = add_supplement(plan, citrate(plan.profile))
    edit = client_logged_in.get(
        reverse("plans:entry_edit", args=[plan.pk, entry.pk]), headers={"HX-Request": "true"}
    ).content.decode()
    assert "/swap/" not in edit
    body = client_logged_in.get(swap_url(plan, entry)).content.decode()
    assert "A supplement has no alternatives" in body and 'name="halves"' not in body
    response = client_logged_in.post(swap_url(plan, entry), {"kind": "food", "ref": 1, "halves": 2})
    assert response.status_code == 422 and PlanEntry.objects.filter(pk=entry.pk).exists()


def test_a_profile_without_an_age_says_what_is_missing(client_logged_in, user, foods):
    profile = make_profile(user, age_years=None, birth_date=None)
    plan = make_plan(profile, user)
    entry = PlanEntry.objects.create(plan=plan, day=0, meal="lunch", food=Food.objects.first(), quantity=1)
    response = client_logged_in.get(swap_url(plan, entry))
    assert response.status_code == 200 and "complete the profile first" in response.content.decode()


def test_an_entry_removed_meanwhile_gives_the_day_not_an_error(client_logged_in, day_in_band):
    plan, entry = day_in_band, lunch_entry(day_in_band)
    url = swap_url(plan, entry)
    entry.delete()
    response = client_logged_in.post(
        url, {"day": 0, "kind": "food", "ref": 1, "halves": 2}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "already removed" in response.content.decode()
    assert client_logged_in.get(url).status_code in (200, 302)


def test_other_methods_are_refused(client_logged_in, day_in_band):
    assert client_logged_in.put(swap_url(day_in_band, lunch_entry(day_in_band))).status_code == 405


def test_a_dish_goes_in_as_a_recipe_entry_with_its_servings(day_in_band, user):
    entry = lunch_entry(day_in_band)
    recipe = recipe_services.recipe_create(owner=user, data={"name": "Bean stew", "servings": 2})
    food = Food.objects.filter(portions__isnull=False).order_by("pk").first()
    recipe_services.ingredients_add(
        recipe=recipe, ingredients=[recipe_services.NewIngredient(food=food, portion=food.portions.first(), quantity=2)]
    )
    choice = SwapChoice("dish", recipe.pk, recipe.name, "lunch", "main", 3, "serving", 0.0)
    new = swap_services.plan_entry_swap(entry=entry, choice=choice)
    assert (new.recipe_id, new.recipe_name, new.day, new.meal) == (recipe.pk, "Bean stew", 0, "lunch")
    assert new.quantity == Decimal("1.5") and new.ingredients.count() == 1
    assert not PlanEntry.objects.filter(pk=entry.pk).exists()


def test_a_dish_deleted_meanwhile_changes_nothing(day_in_band):
    entry = lunch_entry(day_in_band)
    choice = SwapChoice("dish", 424242, "Gone", "lunch", "main", 2, "serving", 0.0)
    with pytest.raises(ValueError):
        swap_services.plan_entry_swap(entry=entry, choice=choice)
    assert PlanEntry.objects.filter(pk=entry.pk).exists()


def test_the_alternatives_cost_a_fixed_number_of_queries(client_logged_in, day_in_band, django_assert_max_num_queries):
    plan, entry = day_in_band, lunch_entry(day_in_band)
    with django_assert_max_num_queries(16):  # the week, the person's dishes and foods, the session: 11 on SQLite
        assert client_logged_in.get(swap_url(plan, entry), headers={"HX-Request": "true"}).status_code == 200


def test_it_never_offers_a_food_already_on_three_other_days_of_the_week(day_in_band):
    plan, entry = day_in_band, lunch_entry(day_in_band)
    offered = [c for c in swap_offer(plan, entry, count=None).choices if c.kind == "food"]
    assert offered
    kept_to_the_limit, other = offered[0], offered[1]
    food = Food.objects.get(pk=kept_to_the_limit.ref)
    for day in (1, 2, 3):  # a food on at most three days a week, as Fill plans (generator.meals.MAX_FOOD_DAYS)
        plan_entry_add(plan=plan, day=day, meal="dinner", food=food, portion=None, quantity=Decimal("100"))
    plan_entry_add(
        plan=plan, day=4, meal="dinner", food=Food.objects.get(pk=other.ref), portion=None, quantity=Decimal("100")
    )
    keys = {(c.kind, c.ref) for c in swap_offer(plan, entry, count=None).choices}
    assert ("food", kept_to_the_limit.ref) not in keys
    assert ("food", other.ref) in keys  # on one other day only: still offered


def test_a_dish_already_on_two_other_days_is_at_the_weeks_limit_and_one_on_a_single_day_is_not(day_in_band, user):
    from mealplanner.selectors.swap import at_their_limit
    from mealplanner.services.recipe_entries import plan_recipe_add

    food = Food.objects.filter(portions__isnull=False).order_by("pk").first()
    stews = []
    for name in ("Bean stew", "Lentil soup"):
        recipe = recipe_services.recipe_create(owner=user, data={"name": name, "servings": 2})
        recipe_services.ingredients_add(
            recipe=recipe,
            ingredients=[recipe_services.NewIngredient(food=food, portion=food.portions.first(), quantity=2)],
        )
        stews.append(recipe)
    for day in (1, 2):  # a dish at most twice a week (generator.meals.MAX_DISH_DAYS)
        plan_recipe_add(plan=day_in_band, day=day, meal="dinner", recipe=stews[0], servings=1)
    plan_recipe_add(plan=day_in_band, day=3, meal="dinner", recipe=stews[1], servings=1)
    limited = at_their_limit(plan_week(day_in_band), 0)
    assert ("dish", stews[0].pk) in limited and ("dish", stews[1].pk) not in limited
    # The day asked about does not count towards its own limit: it is left out of Swap as a day's holding.
    assert ("dish", stews[0].pk) not in at_their_limit(plan_week(day_in_band), 1)
