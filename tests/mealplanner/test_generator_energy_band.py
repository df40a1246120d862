"""The energy band (goal ±10 %) is kept whenever it can be: every day of an empty week lands in it, and a
partly planned day whose empty meals cannot reach it gets them as full as meals of their kind are, not the
least (a regression left the demo's days at 420-580 kcal)."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command

from clinic import demo as clinic_demo
from mealplanner.generator.meals import OK
from mealplanner.models import Plan, PlanEntry, Profile
from mealplanner.services.generator import plan_fill_week
from tests.mealplanner.plan_factories import make_profile

LOW, HIGH = 1800, 2200  # a 2,000 kcal goal ±10 %


def entry_kcal(plan, day):
    total = 0.0
    for e in PlanEntry.objects.filter(plan=plan, day=day, food__isnull=False).select_related("food", "portion"):
        grams = float(e.quantity) * (e.portion.grams if e.portion_id else 1)
        total += (e.food.energy_kcal or 0) * grams / 100
    return total


@pytest.mark.django_db
@pytest.mark.usefixtures("unhurried_generator")
@pytest.mark.parametrize("diet", ["none", "vegan"])
def test_every_day_of_an_empty_week_is_within_the_energy_band(foods, django_user_model, diet):
    user = django_user_model.objects.create_user(username=f"w-{diet}", password="x-long-pass-123")
    profile = make_profile(
        user, age_years=Decimal("40"), sex="female", diet=diet, energy_goal_kcal=2000, restless_legs=False
    )
    start = datetime.date(2030, 1, 7)
    plan = Plan.objects.create(profile=profile, name="Empty", start_date=start, created_by=user)
    result = plan_fill_week(plan=plan, today=start)
    assert [d.status for d in result.days] == [OK] * 7
    for day in range(7):
        # Portions in grams are stored to 0.1 g, so the stored day may differ from the plan by a fraction of a kcal.
        assert LOW - 1 <= entry_kcal(plan, day) <= HIGH + 1
        assert result.days[day].plan.relaxed == ()  # nothing eased on an empty day


@pytest.mark.django_db
@pytest.mark.usefixtures("unhurried_generator")
def test_the_demo_clients_partly_planned_week_gets_as_much_energy_as_it_can_and_the_same_plan_again(foods):
    call_command("load_recipes", verbosity=0)
    clinic_demo.seed()
    plan = Plan.objects.get(profile=Profile.objects.get(name="Rita (demo)"))
    result = plan_fill_week(plan=plan, today=plan.start_date)
    first = sorted(
        PlanEntry.objects.filter(plan=plan, generated=True).values_list(
            "day", "meal", "food_id", "recipe_id", "quantity"
        ),
        key=str,
    )
    for day in result.days:
        assert day.status == OK
        # Only the dinner (and some snacks) are empty: the regression left these days at 420-580 kcal; a dinner
        # as a meal of its kind is (up to 45 % of the goal) brings them to 1,100-1,500 kcal, and the page says so.
        assert 1000 <= day.plan.energy_kcal <= HIGH + 1
        assert day.plan.energy_kcal >= LOW or day.plan.relaxed[-1].startswith("Energy: the meals already planned")
    plan_fill_week(plan=plan, today=plan.start_date)
    assert (
        sorted(
            PlanEntry.objects.filter(plan=plan, generated=True).values_list(
                "day", "meal", "food_id", "recipe_id", "quantity"
            ),
            key=str,
        )
        == first
    )
