"""Issue 14, item 2: limits on entries per meal and per plan, and on plan copies per hour; past a limit the
request is refused with a message and nothing changes."""

import pytest
from django.urls import reverse

from core.models import ThrottleCounter
from mealplanner.models import PlanEntry
from mealplanner.services import plans as services
from tests.mealplanner.plan_factories import cheese, make_plan, make_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(user):
    ThrottleCounter.objects.all().delete()
    return make_plan(make_profile(user))


def _fill(plan, food, day, meal, count):
    PlanEntry.objects.bulk_create(
        [PlanEntry(plan=plan, day=day, meal=meal, food=food, quantity=10, grams=10) for _ in range(count)]
    )


def test_a_full_meal_refuses_one_more_entry_with_a_message(client_logged_in, plan):
    food = cheese()
    _fill(plan, food, 0, "lunch", services.MAX_ENTRIES_PER_MEAL)
    response = client_logged_in.post(
        reverse("plans:entry_add_food", args=[plan.pk]),
        {"day": 0, "meal": "lunch", "food": food.pk, "portion": "g", "quantity": 40},
    )
    assert response.status_code == 422
    assert f"A meal holds at most {services.MAX_ENTRIES_PER_MEAL} entries" in response.content.decode()
    assert "A meal holds at most" in response.headers["X-Not-Saved-Because"]
    assert plan.entries.count() == services.MAX_ENTRIES_PER_MEAL
    # Another meal still has room.
    services.plan_entry_add(plan=plan, day=0, meal="dinner", food=food, quantity=40)


def test_a_full_plan_refuses_another_entry(plan):
    food = cheese()
    full = services.MAX_ENTRIES_PER_PLAN
    for n in range(full):
        _fill(plan, food, n % 7, ["breakfast", "lunch", "dinner", "snack"][n // 7 % 4], 1)
    with pytest.raises(services.LimitReached, match=f"at most {full} entries"):
        services.plan_entry_add(plan=plan, day=6, meal="snack", food=food, quantity=40)
    assert plan.entries.count() == full


def test_copying_a_day_cannot_pass_the_plan_limit(plan):
    food = cheese()
    _fill(plan, food, 0, "lunch", services.MAX_ENTRIES_PER_MEAL)
    for day in range(1, 5):
        for meal in ("breakfast", "lunch", "dinner", "snack"):
            _fill(plan, food, day, meal, 13)
    before = plan.entries.count()  # 223: two more copies of day 0 (15 each) would make 253
    assert before + services.MAX_ENTRIES_PER_MEAL * 2 > services.MAX_ENTRIES_PER_PLAN
    with pytest.raises(services.LimitReached):
        services.plan_day_copy(plan=plan, from_day=0, to_days=[5, 6])
    assert plan.entries.count() == before


def test_moving_into_a_full_meal_is_refused(plan):
    food = cheese()
    _fill(plan, food, 0, "lunch", services.MAX_ENTRIES_PER_MEAL)
    _fill(plan, food, 1, "lunch", 1)
    entry = plan.entries.get(day=1)
    with pytest.raises(services.LimitReached):
        services.plan_entry_move(entry=entry, day=0, meal="lunch")


def test_copies_per_hour_are_limited_with_a_message(client_logged_in, plan):
    for _ in range(services.PLAN_COPIES.limit):
        assert client_logged_in.post(reverse("plans:duplicate", args=[plan.pk])).status_code == 302
    response = client_logged_in.post(reverse("plans:duplicate", args=[plan.pk]))
    assert response.status_code == 429 and "copy at most 20 plans an hour" in response.content.decode()
    assert plan.profile.plans.count() == 1 + services.PLAN_COPIES.limit
