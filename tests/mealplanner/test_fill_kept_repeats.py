"""What stays in a week when it is filled (pinned, locked, added by hand) counts towards the week's repeats:
a dish at most twice a week (issue 17)."""

import datetime

import pytest
from django.core.management import call_command

from mealplanner.models import Plan, PlanEntry
from mealplanner.services import generator as services
from mealplanner.services.recipe_entries import plan_recipe_add
from recipes.models import Recipe
from tests.mealplanner.plan_factories import make_profile, this_monday

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unhurried_generator")]


@pytest.fixture
def plan(user, foods):
    call_command("load_recipes", verbosity=0)
    profile = make_profile(user, diet="vegan", energy_goal_kcal=2000)
    return Plan.objects.create(
        profile=profile, name="Week", start_date=this_monday() + datetime.timedelta(days=7), created_by=user
    )


def dish_days(plan) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for recipe_id, day in PlanEntry.objects.filter(plan=plan, recipe__isnull=False).values_list("recipe_id", "day"):
        out.setdefault(recipe_id, set()).add(day)
    return out


def keep(plan, entry, how: str) -> None:
    if how == "pinned":
        PlanEntry.objects.filter(pk=entry.pk).update(generated=True, pinned=True)
    elif how == "locked":
        PlanEntry.objects.filter(pk=entry.pk).update(generated=True)
        plan.locked_meals = sorted([*(plan.locked_meals or []), f"{entry.day}:{entry.meal}"])
        plan.save(update_fields=["locked_meals"])


@pytest.mark.parametrize("how", ["by hand", "pinned", "locked"])
def test_a_dish_kept_on_two_days_is_not_planned_on_a_third(plan, how):
    services.plan_fill_week(plan=plan)
    # A dish the week plans early (on two of its first five days): the same fill plans it there again.
    early = sorted((sorted(days), recipe_id) for recipe_id, days in dish_days(plan).items() if max(days) < 5)
    assert early
    _days, recipe_id = early[0]
    PlanEntry.objects.filter(plan=plan).delete()
    # The same dish kept on Saturday and Sunday: it is now on its two days before the week is filled.
    for day in (5, 6):
        entry = plan_recipe_add(plan=plan, day=day, meal="dinner", recipe=Recipe.objects.get(pk=recipe_id), servings=1)
        keep(plan, entry, how)
    result = services.plan_fill_week(plan=plan)
    assert {d.status for d in result.days} <= {"ok", "short"}
    assert dish_days(plan)[recipe_id] == {5, 6}
    assert all(len(days) <= 2 for days in dish_days(plan).values())
