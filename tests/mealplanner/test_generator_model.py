"""The plan generator's model on small food lists whose best answer is known by hand (no database)."""

from collections import Counter

import pytest

from mealplanner.generator.advice import suggest_foods, supplement_advice
from mealplanner.generator.foods import FoodRecord, candidate_from, candidates_for
from mealplanner.generator.model import (
    INFEASIBLE,
    MEALS,
    NOTHING,
    OK,
    SHORT,
    Candidate,
    DayProblem,
    Fixed,
    Limits,
)
from mealplanner.generator.portions import choose_portion
from mealplanner.generator.solve import solve_day
from mealplanner.generator.week import DaySpec, solve_week

ALL = frozenset(MEALS)
SNACK = frozenset({"snack"})


def food(food_id, mg, kcal, meals=ALL, **more):
    return Candidate(food_id=food_id, name=f"food {food_id}", meals=meals, grams=100, magnesium_mg=mg,
                     energy_kcal=kcal, **more)


def picked(plan):
    return sorted((i.meal, i.candidate.food_id, i.count) for i in plan.items)


# A snack of 1-2 foods, 0-2 portions each. Goal 200 kcal ±10 % (180-220), target 200 mg:
# only two portions of food 1 (200 mg, 200 kcal) meet both; food 1 + food 2 gives 150 mg, food 3 is
# too rich in energy.
SNACK_FOODS = (food(1, 100, 100), food(2, 50, 100), food(3, 200, 500))


def test_it_finds_the_only_snack_that_meets_magnesium_within_energy():
    plan = solve_day(DayProblem(SNACK_FOODS, ("snack",), Limits(200, 200, caffeine_mg=None)))
    assert plan.status == OK
    assert picked(plan) == [("snack", 1, 2)]
    assert plan.magnesium_mg == pytest.approx(200)
    assert plan.energy_kcal == pytest.approx(200)


def test_it_picks_the_cheapest_energy_plan_that_reaches_the_target():
    # Goal 300 kcal (270-330); target 150 mg. Food 1 ×2 + food 4 ×1 = 230 mg at 280 kcal is the least energy
    # that stays in the band (food 1 + food 2 ×2 reaches 200 mg but at 300 kcal).
    foods = (food(1, 100, 100), food(2, 50, 100), food(4, 30, 80))
    plan = solve_day(DayProblem(foods, ("snack",), Limits(150, 300, caffeine_mg=None)))
    assert plan.status == OK
    assert picked(plan) == [("snack", 1, 2), ("snack", 4, 1)]
    assert plan.energy_kcal == pytest.approx(280)


def test_when_food_cannot_reach_the_target_it_says_how_far_food_gets():
    plan = solve_day(DayProblem(SNACK_FOODS, ("snack",), Limits(1000, 200, caffeine_mg=None)))
    assert plan.status == SHORT
    assert plan.magnesium_mg == pytest.approx(200)
    assert plan.food_magnesium_gap_mg == pytest.approx(800)
    assert any("200 of 1000 mg" in t for t in plan.tight)


def test_an_impossible_energy_goal_for_a_whole_empty_day_is_explained_not_raised():
    # Twelve foods of 100 kcal: at most 2,400 kcal, far below 5,000 kcal -10 %.
    foods = tuple(food(i, 50, 100) for i in range(1, 13))
    plan = solve_day(DayProblem(foods, MEALS, Limits(100, 5000, caffeine_mg=None)))
    assert plan.status == INFEASIBLE
    assert plan.items == ()
    assert any("energy goal" in r for r in plan.reasons)
    assert not any("your" in r.lower() for r in plan.reasons)  # dietitians read these too


def test_kept_entries_over_the_energy_goal_are_named_as_the_problem():
    plan = solve_day(DayProblem(SNACK_FOODS, ("snack",), Limits(100, 200, caffeine_mg=None),
                                fixed=Fixed(energy_kcal=900)))
    assert plan.status == INFEASIBLE
    assert any("already in this day" in r for r in plan.reasons)


def test_a_meal_no_food_suits_is_named():
    foods = (food(1, 100, 100, meals=SNACK),)
    plan = solve_day(DayProblem(foods, ("breakfast",), Limits(100, 200, caffeine_mg=None)))
    assert plan.status == INFEASIBLE
    assert any("breakfast" in r for r in plan.reasons)


def test_foods_only_go_into_meals_they_suit_and_meals_get_their_number_of_items():
    foods = tuple(food(i, 40, 150, meals=frozenset({"breakfast"}) if i < 5 else frozenset({"lunch", "dinner"}))
                  for i in range(1, 12))
    plan = solve_day(DayProblem(foods, ("breakfast", "lunch", "dinner"), Limits(300, 1500, caffeine_mg=None)))
    assert plan.status == OK
    by_meal = Counter(i.meal for i in plan.items)
    assert 2 <= by_meal["breakfast"] <= 4 and 3 <= by_meal["lunch"] <= 5 and 3 <= by_meal["dinner"] <= 5
    for item in plan.items:
        assert item.meal in item.candidate.meals
        assert 1 <= item.count <= 2
    assert len({i.candidate.food_id for i in plan.items}) == len(plan.items)  # a food once a day


def test_caffeine_free_days_leave_out_caffeine_and_unknown_caffeine():
    foods = (food(1, 150, 100, caffeine_mg=95.0), food(2, 100, 100, caffeine_mg=None), food(3, 60, 100))
    plan = solve_day(DayProblem(foods, ("snack",), Limits(100, 200, caffeine_mg=0.0)))
    assert plan.status == OK
    assert picked(plan) == [("snack", 3, 2)]


def test_a_sodium_cap_holds():
    foods = (food(1, 100, 100, sodium_mg=900.0), food(2, 60, 100, sodium_mg=10.0))
    plan = solve_day(DayProblem(foods, ("snack",), Limits(100, 200, caffeine_mg=None, sodium_mg=500)))
    assert picked(plan) == [("snack", 2, 2)]


def test_kept_entries_count_toward_the_target():
    # The kept entries already give 190 mg; one portion of food 4 (30 mg) closes the 10 mg left with least energy.
    foods = (food(1, 100, 100), food(4, 30, 80))
    plan = solve_day(DayProblem(foods, ("snack",), Limits(200, 160, caffeine_mg=None),
                                fixed=Fixed(magnesium_mg=190, energy_kcal=70)))
    assert picked(plan) == [("snack", 4, 1)]
    assert plan.magnesium_mg == pytest.approx(220)


def test_a_day_with_nothing_to_fill_says_so():
    plan = solve_day(DayProblem(SNACK_FOODS, (), Limits(200, 200)))
    assert plan.status == NOTHING and plan.reasons


def test_the_same_input_gives_the_same_plan():
    foods = tuple(food(i, 20 + 7 * (i % 5), 90 + 13 * (i % 7)) for i in range(1, 40))
    problem = DayProblem(foods, MEALS, Limits(320, 2000, caffeine_mg=None))
    assert picked(solve_day(problem)) == picked(solve_day(problem))


def test_a_shuffled_plan_differs_meets_every_limit_and_costs_at_most_10_percent_more_energy():
    foods = tuple(food(i, 20 + 7 * (i % 5), 90 + 13 * (i % 7)) for i in range(1, 40))
    limits = Limits(320, 2000, caffeine_mg=None)
    best = solve_day(DayProblem(foods, MEALS, limits))
    shuffled = solve_day(DayProblem(foods, MEALS, limits, shuffle=7))
    assert shuffled.shuffled and shuffled.status == OK
    assert picked(shuffled) != picked(best)
    assert shuffled.magnesium_mg >= 320
    assert limits.energy_low <= shuffled.energy_kcal <= limits.energy_high
    assert shuffled.generated_energy_kcal <= 1.1 * best.generated_energy_kcal + 1e-6
    assert picked(solve_day(DayProblem(foods, MEALS, limits, shuffle=7))) == picked(shuffled)


def test_a_food_is_on_at_most_three_days_of_the_week():
    foods = tuple(food(i, 60, 100) for i in range(1, 6))
    plans = solve_week(candidates=foods, limits=Limits(100, 200, caffeine_mg=None),
                       days=[DaySpec(d, ("snack",)) for d in range(7)])
    days_per_food = Counter(f for plan in plans.values() for f in plan.food_ids)
    assert days_per_food and max(days_per_food.values()) <= 3


def test_foods_already_on_three_days_are_not_offered_again():
    foods = (food(1, 100, 100), food(2, 60, 100))
    plans = solve_week(candidates=foods, limits=Limits(100, 200, caffeine_mg=None), days=[DaySpec(3, ("snack",))],
                       day_counts=Counter({1: 3}))
    assert picked(plans[3]) == [("snack", 2, 2)]


def test_the_portion_is_a_real_serving_never_a_pound_of_spinach():
    # Spinach, raw (NDB 11457) portions in SR28's WEIGHT file: 1 cup 30 g, 1 bunch 340 g, 1 leaf 10 g, 10 oz 284 g.
    portions = [(1, "1 cup", 30.0), (2, "1 bunch", 340.0), (3, "1 leaf", 10.0), (4, "1 package (10 oz)", 284.0)]
    choice = choose_portion(portions, food_group="Vegetables and Vegetable Products")
    assert choice.label == "1 cup" and choice.grams == 30.0
    assert choose_portion([(9, "1 lb", 453.6)]).portion_id is None  # no fitting portion: by weight
    assert choose_portion([(9, "1 lb", 453.6)]).grams <= 250


def test_seeds_get_an_ounce_not_a_cup():
    # Pumpkin seeds (NDB 12014): 1 cup 129 g, 1 oz 28.35 g.
    choice = choose_portion([(1, "1 cup", 129.0), (2, "1 oz", 28.35)], food_group="Nut and Seed Products")
    assert choice.label == "1 oz"


@pytest.mark.parametrize(
    ("gap", "limit", "planned", "kidney", "expected"),
    [
        (120, 350, 0, False, 120),
        (120, 350, 300, False, 50),  # only the room left under the limit
        (500, 350, 0, False, 350),  # never above the limit
        (123, 350, 0, False, 120),  # rounded down, never up
        (120, 350, 350, False, None),
        (120, 350, 0, True, None),  # kidney disease: ask the doctor
        (0, 350, 0, False, None),  # food meets the target: no supplement
        (50, 65, 0, False, 50),  # a 2-year-old: limit 65 mg [ODS Table 3]
    ],
)
def test_a_supplement_suggestion_keeps_supplements_under_the_upper_limit(gap, limit, planned, kidney, expected):
    advice = supplement_advice(gap_mg=gap, limit_mg=limit, planned_supplement_mg=planned, kidney_disease=kidney)
    assert advice.suggest_mg == expected
    assert advice.text
    if kidney:
        assert "doctor" in advice.text


def test_suggestions_close_the_gap_at_the_lowest_energy_first():
    foods = (food(1, 100, 300), food(2, 60, 40), food(3, 10, 5), food(4, 80, 500, caffeine_mg=90.0))
    found = suggest_foods(foods, gap_mg=100, room={"caffeine_mg": 0.0})
    ids = [s.candidate.food_id for s in found]
    assert ids[:2] == [2, 1]  # two portions of food 2 (80 kcal) close it more cheaply than food 1 (300 kcal)
    assert found[0].count == 2 and found[0].closes_gap
    assert 4 not in ids  # caffeine-free today
    assert suggest_foods(foods, gap_mg=0) == []


def test_a_portion_never_holds_more_energy_than_a_plateful():
    # Peanuts, all types, dry-roasted (NDB 16390): 585 kcal/100 g; SR28 portions 1 cup 146 g, 1 oz 28.35 g.
    choice = choose_portion([(1, "1 cup", 146.0), (2, "1 oz", 28.35)], food_group="Legumes and Legume Products",
                            kcal_per_100g=585)
    assert choice.label == "1 oz"


def test_a_large_portion_is_never_doubled():
    foods = (food(1, 100, 100, max_count=1), food(2, 50, 100))
    plan = solve_day(DayProblem(foods, ("snack",), Limits(150, 300, caffeine_mg=None)))
    assert all(i.count <= i.candidate.max_count for i in plan.items)
    assert picked(plan) == [("snack", 1, 1), ("snack", 2, 2)]


def record(name, group="Vegetables and Vegetable Products", *, mg=50.0, kcal=100.0, caffeine=None, **diet):
    return FoodRecord(food_id=1, name=name, food_group=group,
                      per_100g={"magnesium_mg": mg, "energy_kcal": kcal, "caffeine_mg": caffeine},
                      diet={"vegan": True, "vegetarian": True, **diet}, meals=frozenset({"lunch"}),
                      portions=((7, "1 cup", 100.0),))


def test_foods_nobody_eats_as_they_are_are_not_offered():
    assert candidate_from(record("Spinach, cooked, boiled, drained, without salt")) is not None
    assert candidate_from(record("Wheat flour, whole-grain", "Cereal Grains and Pasta")) is None
    assert candidate_from(record("Beans, black, mature seeds, raw", "Legumes and Legume Products")) is None
    assert candidate_from(record("Seaweed, agar, dried")) is None
    assert candidate_from(record("Apricots, dried, sulfured, uncooked", "Fruits and Fruit Juices")) is not None
    assert candidate_from(record("Mystery stew", mg=None)) is None  # unknown magnesium: never counted as zero


def test_unknown_caffeine_counts_only_for_drinks_and_chocolate():
    assert candidate_from(record("Spinach, raw")).caffeine_mg == 0.0
    assert candidate_from(record("Beverages, tea, black, brewed", "Beverages")).caffeine_mg is None
    assert candidate_from(record("Beverages, coffee, brewed", "Beverages", caffeine=40.0)).caffeine_mg == 40.0


def test_diet_rules_leave_out_unknown_facts():
    unknown = record("Tofu, fried", vegan=None)
    assert candidates_for([unknown], diet="vegan", allergies=()) == []
    assert candidates_for([unknown], diet="none", allergies=()) != []
    assert candidates_for([record("Tofu", contains_soy=None)], diet="none", allergies=("soy",)) == []


def test_too_few_foods_for_a_meal_is_explained():
    foods = (food(1, 100, 100, meals=frozenset({"breakfast"})),)
    plan = solve_day(DayProblem(foods, ("breakfast",), Limits(100, 200, caffeine_mg=None)))
    assert plan.status == INFEASIBLE
    assert any("usual number of foods" in r for r in plan.reasons)


def test_a_cap_that_leaves_nothing_is_named():
    foods = (food(1, 100, 100, potassium_mg=900.0), food(2, 60, 100, potassium_mg=800.0))
    plan = solve_day(DayProblem(foods, ("snack",), Limits(100, 200, caffeine_mg=None, potassium_mg=500)))
    assert plan.status == INFEASIBLE
    assert any("potassium" in r for r in plan.reasons)
