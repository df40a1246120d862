"""The week read works out each food's diet answer once (issue 15: a packed week repeats its foods), and every
line of that food still says why it does not suit the person."""

import pytest

from mealplanner.selectors import plans
from mealplanner.selectors.plans import plan_week
from tests.mealplanner.plan_factories import add_food, cheese, make_plan, make_profile, pumpkin_seeds

pytestmark = pytest.mark.django_db


@pytest.fixture
def vegan_week(user):
    """Cheddar (not vegan) and pumpkin seeds (vegan) on each of the 7 days, for a vegan."""
    profile = make_profile(user, diet="vegan")
    plan = make_plan(profile, user)
    cheddar, seeds = cheese(), pumpkin_seeds()
    for day in range(7):
        add_food(plan, cheddar, day=day, portion=None, quantity=30)
        add_food(plan, seeds, day=day)
    return plan, cheddar, seeds


def test_a_food_on_every_day_is_checked_against_the_diet_once(vegan_week, monkeypatch):
    plan, cheddar, seeds = vegan_week
    asked = []
    rules = plans.diet_conflicts

    def counted(facts, **person):
        asked.append(facts)
        return rules(facts, **person)

    monkeypatch.setattr(plans, "diet_conflicts", counted)
    lines = [ev for day in plan_week(plan).days for meal in day.meals for ev in meal.entries]
    assert len(lines) == 14 and len(asked) == 2  # one answer for cheddar, one for the seeds
    assert [ev.conflicts for ev in lines if ev.entry.food_id == cheddar.pk] == [["not vegan"]] * 7
    assert [ev.conflicts for ev in lines if ev.entry.food_id == seeds.pk] == [[]] * 7


def test_every_line_of_a_repeated_food_shows_why_it_does_not_suit(client_logged_in, vegan_week):
    plan, _, _ = vegan_week
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    assert body.count("⚠ not vegan") == 7
