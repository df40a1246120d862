"""The energy band (goal ±10 %) is kept whenever it can be: every day of an empty week lands in it, a partly
planned day whose empty meals can reach it does, and one whose empty meals cannot gets as much energy as they
can hold under the top of the goal, not the least (a regression left the demo's days at 420-580 kcal)."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinic import demo as clinic_demo
from mealplanner.generator.explain import GROUPS_NOTE
from mealplanner.generator.model import INFEASIBLE, MEALS, OK, SHORT, Candidate, DayProblem, Fixed, Limits
from mealplanner.generator.solve import solve_day
from mealplanner.models import Plan, PlanEntry, Profile
from mealplanner.services.generator import plan_fill_week
from tests.mealplanner.plan_factories import make_profile

LOW, HIGH = 1800, 2200  # a 2,000 kcal goal ±10 %
LIMITS = Limits(320, 2000, caffeine_mg=None)  # 320 mg: RDA for women 31-50 [NIH ODS fact sheet, Table 1]


def food(food_id, mg, kcal, meals, *, group="", max_count=2):
    return Candidate(food_id=food_id, name=f"Food {food_id}", meals=frozenset(meals), grams=100, magnesium_mg=mg,
                     energy_kcal=kcal, group=group or f"group {food_id}", max_count=max_count)


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
    profile = make_profile(user, age_years=Decimal("40"), sex="female", diet=diet, energy_goal_kcal=2000,
                           restless_legs=False)
    start = datetime.date(2030, 1, 7)
    plan = Plan.objects.create(profile=profile, name="Empty", start_date=start, created_by=user)
    result = plan_fill_week(plan=plan, today=start)
    assert [d.status for d in result.days] == [OK] * 7
    for day in range(7):
        # Portions in grams are stored to 0.1 g, so the stored day may differ from the plan by a fraction of a kcal.
        assert LOW - 1 <= entry_kcal(plan, day) <= HIGH + 1
        assert result.days[day].plan.relaxed == ()  # nothing eased on an empty day


def test_a_partly_planned_day_whose_empty_meals_can_reach_the_band_reaches_it():
    # Breakfast and lunch hold 600 kcal. With one food per group the dinner and snack reach 1,700 kcal at most;
    # three of the heavy grains in one dinner reach the band. The band comes before the look of the meal (the
    # regression kept the look and gave the day the least energy instead).
    heavy = tuple(food(i, 60, 300, {"dinner"}, group="Cereal Grains and Pasta") for i in (1, 2, 3))
    light = tuple(food(i, 20, 50, {"dinner"}) for i in (4, 5, 6))
    snack = (food(7, 40, 100, {"snack"}),)
    fixed = Fixed(magnesium_mg=100, energy_kcal=600, food_ids=frozenset({90, 91}))
    plan = solve_day(DayProblem(heavy + light + snack, ("dinner", "snack"), LIMITS, fixed=fixed))
    assert plan.status == OK
    assert LOW <= plan.energy_kcal <= HIGH
    assert plan.relaxed == (GROUPS_NOTE,)


def test_a_partly_planned_day_that_cannot_reach_the_band_gets_the_most_energy_under_the_ceiling():
    # 1,500 kcal planned; the snack can add 100 or 200 kcal, or the 800 kcal food, which would pass 2,200 kcal.
    snacks = (food(1, 80, 100, {"snack"}), food(2, 50, 800, {"snack"}, max_count=1))
    fixed = Fixed(magnesium_mg=300, energy_kcal=1500, food_ids=frozenset({90, 91, 92}))
    plan = solve_day(DayProblem(snacks, ("snack",), LIMITS, fixed=fixed))
    assert plan.status == OK
    assert plan.energy_kcal == pytest.approx(1700)  # two portions of food 1: the most under the ceiling
    assert [(i.candidate.food_id, i.count) for i in plan.items] == [(1, 2)]
    assert "Energy: reached 1,700 of 1,800–2,200 kcal" in plan.relaxed[0]


@st.composite
def snack_days(draw):
    n = draw(st.integers(min_value=1, max_value=4))
    foods = tuple(food(i + 1, draw(st.integers(0, 150)), draw(st.integers(20, 500)), {"snack"},
                       max_count=draw(st.sampled_from([1, 2]))) for i in range(n))
    fixed = Fixed(magnesium_mg=draw(st.integers(0, 300)), energy_kcal=draw(st.integers(300, 2100)),
                  food_ids=frozenset({90}))
    return foods, fixed


def snack_options(foods):
    """Every snack the rules allow: one or two different foods, each at one or (if allowed) two portions."""
    for size in (1, 2):
        for chosen in itertools.combinations(foods, size):
            for counts in itertools.product(*(range(1, c.max_count + 1) for c in chosen)):
                yield (sum(c.energy_kcal * k for c, k in zip(chosen, counts, strict=True)),
                       sum(c.magnesium_mg * k for c, k in zip(chosen, counts, strict=True)))


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(day=snack_days())
def test_a_day_with_only_its_snack_empty_is_as_close_to_the_band_as_any_snack_could_bring_it(day):
    # Checked against every possible snack, worked out by hand.
    foods, fixed = day
    plan = solve_day(DayProblem(foods, ("snack",), LIMITS, fixed=fixed))
    options = [(fixed.energy_kcal + e, fixed.magnesium_mg + m) for e, m in snack_options(foods)]
    under = [(e, m) for e, m in options if e <= HIGH]
    in_band = [(e, m) for e, m in under if e >= LOW]
    if in_band:
        assert LOW - 1e-6 <= plan.energy_kcal <= HIGH + 1e-6
        assert plan.status == (OK if any(m >= LIMITS.magnesium_mg for _e, m in in_band) else SHORT)
        assert plan.relaxed == ()
    elif under:
        met = [e for e, m in under if m >= LIMITS.magnesium_mg]
        assert plan.status == (OK if met else SHORT)
        # The most energy the snack can bring (among snacks that reach magnesium, when any does).
        assert plan.energy_kcal == pytest.approx(max(met or [e for e, _m in under]), abs=2)
        assert plan.relaxed and plan.relaxed[0].startswith("Energy: reached")
    else:
        assert plan.status == INFEASIBLE and not plan.items


def test_the_same_partly_planned_day_gives_the_same_plan():
    foods = tuple(food(i, 10 + 7 * i % 90, 40 + 37 * i % 300, MEALS[i % 4:] or MEALS) for i in range(1, 30))
    fixed = Fixed(magnesium_mg=120, energy_kcal=700, food_ids=frozenset({90}))
    problem = DayProblem(foods, ("lunch", "snack"), LIMITS, fixed=fixed)
    first = solve_day(problem)
    assert first.items
    assert solve_day(problem) == first
    assert solve_day(DayProblem(tuple(reversed(foods)), ("lunch", "snack"), LIMITS, fixed=fixed)) == first


@pytest.mark.django_db
@pytest.mark.usefixtures("unhurried_generator")
def test_the_demo_clients_partly_planned_week_gets_as_much_energy_as_it_can_and_the_same_plan_again(foods):
    call_command("load_recipes", verbosity=0)
    clinic_demo.seed()
    plan = Plan.objects.get(profile=Profile.objects.get(name="Rita (demo)"))
    result = plan_fill_week(plan=plan, today=plan.start_date)
    first = sorted(PlanEntry.objects.filter(plan=plan, generated=True).values_list("day", "meal", "food_id",
                                                                                    "recipe_id", "quantity"), key=str)
    for day in result.days:
        assert day.status == OK
        # Only the dinner (and some snacks) are empty: the regression left these days at 420-580 kcal; a dinner
        # as a meal of its kind is (up to 45 % of the goal) brings them to 1,100-1,500 kcal, and the page says so.
        assert 1000 <= day.plan.energy_kcal <= HIGH + 1
        assert day.plan.energy_kcal >= LOW or day.plan.relaxed[-1].startswith("Energy: the meals already planned")
    plan_fill_week(plan=plan, today=plan.start_date)
    assert sorted(PlanEntry.objects.filter(plan=plan, generated=True).values_list(
        "day", "meal", "food_id", "recipe_id", "quantity"), key=str) == first
