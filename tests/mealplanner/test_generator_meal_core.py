"""The day's MIP runs over the core of its LP relaxation, and a day the week's limits leave nothing for is
filled with staples (issue 17), on the hand-made inputs of test_generator_meal_patterns (no database)."""

import warnings
from unittest import mock

from mealplanner.generator import meal_core, meal_milp
from mealplanner.generator.bands import bands_for
from mealplanner.generator.meals import MAX_DISH_DAYS, NONE, OK, SHORT, TOO_LONG_NOTE, plan_week
from mealplanner.generator.patterns import MEALS, Dish, Person, options_for
from mealplanner.generator.shortlists import shortlist
from tests.mealplanner.test_generator_meal_patterns import (
    ADULT,
    CEREALS,
    DISHES,
    EVERYONE,
    FOODS,
    FRUITS,
    MILKS,
    SIDES,
    SNACKS,
    make_up,
)


def test_the_days_mip_holds_only_the_core_of_its_short_lists():
    sizes = []
    real_solve = meal_milp.solve

    def solve(model, c, **kw):
        sizes.append(len(model.options))
        return real_solve(model, c, **kw)

    with mock.patch.object(meal_milp, "solve", solve):
        [day] = plan_week(dishes=DISHES, foods=FOODS, person=Person(), bands=ADULT, days=[0], budget_s=120)
    assert day.status == OK
    short = shortlist(options_for(DISHES, FOODS, Person(), ADULT), ADULT, day=0, seed=0, seen={})
    assert sizes and sizes[0] < len(short)  # one MIP, over fewer options than the short lists hold


def test_the_core_holds_a_few_options_per_meal_role_and_fits_the_day():
    options = options_for(DISHES, FOODS, Person(), ADULT)
    model = meal_milp.build(options, ADULT, MEALS, fixed={})
    c = meal_milp.cost(model, day=0, seed=0, seen={}, groups_seen={})
    centre = meal_core.core(model, c)
    assert centre is not None and len(centre) < len(options)
    roles = {(o.meal, o.role) for o in options}
    assert roles == {(o.meal, o.role) for o in centre}  # every role keeps some options
    small = meal_milp.build(centre, ADULT, MEALS, fixed={})
    x = meal_milp.solve(small, meal_milp.cost(small, day=0, seed=0, seen={}, groups_seen={}), time_limit_s=60)
    assert x is not None and meal_milp.shortfall(small, x) == (0.0, 0.0)


def test_a_day_whose_foods_are_past_their_three_days_is_filled_with_them_as_staples():
    # One cereal, one milk and one fruit, and no breakfast dish: every breakfast is the same three foods.
    foods = CEREALS[:1] + MILKS[:1] + FRUITS[:1] + SIDES + SNACKS
    lunch_and_dinner = [d for d in DISHES if "breakfast" not in d.meals]
    week = plan_week(dishes=lunch_and_dinner, foods=foods, person=Person(), bands=ADULT, budget_s=120)
    assert NONE not in {d.status for d in week} and {d.status for d in week} <= {OK, SHORT}
    cereal = CEREALS[0].food_id
    assert all(any(i.kind == "food" and i.ref == cereal for i in d.items) for d in week)
    dish_days: dict[int, set[int]] = {}
    for d in week:
        for i in d.items:
            if i.kind == "dish":
                dish_days.setdefault(i.ref, set()).add(d.day)
    assert max(len(days) for days in dish_days.values()) <= MAX_DISH_DAYS  # a dish still at most twice a week


def test_a_kept_dish_counts_towards_the_weeks_repeats_and_is_not_planned_again_that_day():
    first = plan_week(dishes=DISHES, foods=FOODS, person=Person(), bands=ADULT, days=range(2), budget_s=120)
    dish = next(i.ref for i in first[0].items if i.kind == "dish")
    kept = {5: {("dish", dish)}, 6: {("dish", dish)}}
    week = plan_week(dishes=DISHES, foods=FOODS, person=Person(), bands=ADULT, budget_s=120, kept=kept)
    assert not [d.day for d in week for i in d.items if i.kind == "dish" and i.ref == dish]


def test_a_day_highs_stopped_on_its_time_limit_is_not_planned_from_what_it_had_found():
    real_milp = meal_milp.milp

    def stopped_by_the_clock(*args, **kwargs):
        res = real_milp(*args, **kwargs)
        res.status = 1  # "time limit reached", with the day found so far
        return res

    with mock.patch.object(meal_milp, "milp", stopped_by_the_clock):
        [day] = plan_week(dishes=DISHES, foods=FOODS, person=Person(), bands=ADULT, days=[0], budget_s=120)
    # What HiGHS had found when the clock stopped it depends on the machine's load: the day says so instead.
    assert day.status == NONE and not day.items and day.notes == (TOO_LONG_NOTE,)


def test_the_days_mip_runs_without_highs_sub_mip_heuristics_and_scipy_does_not_warn_about_them():
    given = []
    real_milp = meal_milp.milp

    def milp(*args, options, **kwargs):
        given.append(options)
        return real_milp(*args, options=options, **kwargs)

    with mock.patch.object(meal_milp, "milp", milp), warnings.catch_warnings():
        warnings.simplefilter("error")  # scipy's "passed to HiGHS verbatim" warning would fail the day
        [day] = plan_week(dishes=DISHES, foods=FOODS, person=Person(), bands=ADULT, days=[0], budget_s=120)
    assert day.status == OK
    # RINS and RENS took half of HiGHS's time on kidney-cap days (highs_options); every solve runs without them.
    assert given and all(not o["mip_heuristic_run_rins"] and not o["mip_heuristic_run_rens"] for o in given)


def test_a_kidney_day_no_short_list_fits_is_tried_over_a_wider_core_of_every_option_even_before_any_staple():
    from mealplanner.generator import meals
    from tests.mealplanner.test_generator_meal_magnesium_aim import KIDNEY

    calls = []
    real_solve_day = meals._solve_day

    def only_wider_cores_fit(options, *args, reach=meals.WHOLE, **kwargs):
        calls.append((len(options), reach))
        if reach == meals.CORE:  # the short lists, the wide ones and every option, each over its LP core only
            return meal_milp.build(options, KIDNEY, MEALS, fixed={}), None
        return real_solve_day(options, *args, reach=reach, **kwargs)

    with mock.patch.object(meals, "_solve_day", only_wider_cores_fit):
        [day] = plan_week(dishes=DISHES, foods=FOODS, person=Person(), bands=KIDNEY, days=[0], budget_s=120)
    # On the first day no food has had its three days, so the staples are every option left: the same list as
    # the tier before it, which ran over its core only. It is tried again over a wider core (never whole: with
    # kidney caps HiGHS took seconds to prove a whole list impossible), not skipped as already tried.
    every_option = len(options_for(DISHES, FOODS, Person(), KIDNEY))
    assert calls[-2:] == [(every_option, meals.CORE), (every_option, meals.WIDER)]
    assert day.status in {OK, SHORT} and day.items


def _rich_dish_and_lists(target_mg):
    """A lunch and dinner dish three times as rich in magnesium as the others, the options of a day whose
    target the others cannot reach, and those options without the rich dish."""
    rich = Dish(
        dish_id=99,
        name="Rich dish",
        meals=frozenset({"lunch", "dinner"}),
        per_serving=make_up(600, mg_per_100_kcal=60.0),
        diet=EVERYONE,
        grams_per_serving=300,
        ingredient_grams=((999, 300),),
    )
    bands = bands_for(age_years=35, energy_kcal=2000, magnesium_mg=target_mg, caffeine_mg=400)
    everything = options_for([*DISHES, rich], FOODS, Person(), bands)
    return rich, bands, everything, [o for o in everything if (o.kind, o.ref) != ("dish", rich.dish_id)]


def test_a_day_a_short_list_leaves_short_of_magnesium_is_tried_with_the_next_list_which_reaches_the_target():
    from mealplanner.generator import meals

    rich, bands, everything, without_rich = _rich_dish_and_lists(500)

    def tiers(*args, **kwargs):
        yield without_rich, meals.WHOLE  # 20 mg per 100 kcal: at most about 440 mg in the energy band
        yield everything, meals.WHOLE

    with mock.patch.object(meals, "_tiers", tiers):
        [day] = plan_week(dishes=[*DISHES, rich], foods=FOODS, person=Person(), bands=bands, days=[0], budget_s=120)
    # A day short of the target was found first; the longer list reaches it, so the day takes that one.
    assert day.status == OK and day.totals["magnesium_mg"] >= 500 - 1e-6
    assert ("dish", rich.dish_id) in {(i.kind, i.ref) for i in day.items}


def test_a_day_no_list_brings_to_the_target_keeps_the_first_short_day_found():
    from mealplanner.generator import meals

    rich, bands, _everything, without_rich = _rich_dish_and_lists(500)
    no_breakfast = [o for o in without_rich if o.meal != "breakfast"]

    def tiers(*args, **kwargs):
        yield without_rich, meals.WHOLE
        yield no_breakfast, meals.WHOLE  # cannot fill the day's breakfast

    with mock.patch.object(meals, "_tiers", tiers):
        [day] = plan_week(dishes=[*DISHES, rich], foods=FOODS, person=Person(), bands=bands, days=[0], budget_s=120)
    assert day.status == SHORT and day.items and day.notes[0] == meals.SHORT_NOTE
    assert 400 <= day.totals["magnesium_mg"] < 500
