"""The week planner fills, on each day, only the meals that day leaves empty (plain Python, no database)."""

from mealplanner.generator.meals import OK
from tests.mealplanner.test_generator_meal_patterns import make_up, week


def test_each_day_fills_only_its_own_empty_meals_and_the_week_keeps_its_variety():
    held = make_up(1700)  # Monday's breakfast, lunch and dinner planned by hand; Tuesday's dinner
    days = week(
        days=range(3),
        fixed={0: held, 1: make_up(600)},
        meals_by_day={0: ("snack",), 1: ("breakfast", "lunch", "snack")},
    )
    assert [d.status for d in days] == [OK, OK, OK]
    assert {i.meal for i in days[0].items} == {"snack"}
    assert {i.meal for i in days[1].items} == {"breakfast", "lunch", "snack"}
    assert {i.meal for i in days[2].items} == {"breakfast", "lunch", "dinner", "snack"}
    dish_days = [
        sum(1 for d in days if ("dish", ref) in {(i.kind, i.ref) for i in d.items})
        for ref in {i.ref for d in days for i in d.items if i.kind == "dish"}
    ]
    assert max(dish_days) <= 2
