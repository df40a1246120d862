"""Food suggestions' building blocks on small inputs checked by hand (no database): a realistic portion, the
foods a meal can hold as they are, diet rules, the foods that close a gap, and a supplement amount."""

import pytest

from mealplanner.generator.advice import suggest_foods, supplement_advice
from mealplanner.generator.foods import FoodRecord, candidate_from, candidates_for
from mealplanner.generator.model import MEALS, Candidate
from mealplanner.generator.portions import choose_portion

ALL = frozenset(MEALS)


def food(food_id, mg, kcal, meals=ALL, **more):
    return Candidate(
        food_id=food_id, name=f"food {food_id}", meals=meals, grams=100, magnesium_mg=mg, energy_kcal=kcal, **more
    )


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
    choice = choose_portion(
        [(1, "1 cup", 146.0), (2, "1 oz", 28.35)], food_group="Legumes and Legume Products", kcal_per_100g=585
    )
    assert choice.label == "1 oz"


def record(name, group="Vegetables and Vegetable Products", *, mg=50.0, kcal=100.0, caffeine=None, **diet):
    return FoodRecord(
        food_id=1,
        name=name,
        food_group=group,
        per_100g={"magnesium_mg": mg, "energy_kcal": kcal, "caffeine_mg": caffeine},
        diet={"vegan": True, "vegetarian": True, **diet},
        meals=frozenset({"lunch"}),
        portions=((7, "1 cup", 100.0),),
    )


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
