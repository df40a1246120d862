"""A dish's nutrients per serving ("at least" when an ingredient's value is unknown) and derived diet facts."""

import pytest

from recipes.per_serving import Amount, Ingredient, diet_facts, grams_per_serving, per_100g_from_serving, per_serving

FACTS = ("vegan", "vegetarian", "contains_nuts", "contains_gluten")
# Per 100 g from SR28: cooked spinach 11458 (87 mg Mg, 23 kcal), pumpkin seed kernels 12014 (592 mg, 559 kcal).
SPINACH = {"magnesium_mg": 87.0, "energy_kcal": 23.0}
SEEDS = {"magnesium_mg": 592.0, "energy_kcal": 559.0}
PLANT = {"vegan": True, "vegetarian": True, "contains_nuts": False, "contains_gluten": False}


def test_per_serving_is_the_sum_of_the_ingredients_divided_by_servings():
    dish = [Ingredient(180, SPINACH, PLANT), Ingredient(30, SEEDS, PLANT)]
    figures = per_serving(dish, 2, ["magnesium_mg", "energy_kcal"])
    assert figures["magnesium_mg"].value == pytest.approx((87 * 1.8 + 592 * 0.3) / 2)
    assert figures["energy_kcal"].value == pytest.approx((23 * 1.8 + 559 * 0.3) / 2)
    assert not figures["magnesium_mg"].at_least and figures["magnesium_mg"].known


def test_an_unknown_value_makes_the_figure_at_least_what_is_known():
    dish = [Ingredient(180, SPINACH, PLANT), Ingredient(50, {"magnesium_mg": None, "energy_kcal": 100.0}, PLANT)]
    magnesium = per_serving(dish, 1, ["magnesium_mg"])["magnesium_mg"]
    assert magnesium == Amount(pytest.approx(87 * 1.8), True)
    assert not magnesium.known


def test_an_unknown_value_is_never_counted_as_zero_when_nothing_is_known():
    dish = [Ingredient(100, {"magnesium_mg": None}, PLANT), Ingredient(50, {}, PLANT)]
    assert per_serving(dish, 4, ["magnesium_mg"])["magnesium_mg"] == Amount(None, True)


def test_a_dish_without_ingredients_has_nothing_in_it():
    assert per_serving([], 2, ["magnesium_mg"])["magnesium_mg"] == Amount(0.0, False)


def test_a_dish_has_at_least_one_serving():
    with pytest.raises(ValueError):
        per_serving([Ingredient(10, SEEDS, PLANT)], 0, ["magnesium_mg"])


def test_grams_per_serving():
    assert grams_per_serving([Ingredient(180, SPINACH, PLANT), Ingredient(30, SEEDS, PLANT)], 3) == pytest.approx(70)


def test_a_dish_is_vegan_only_when_every_ingredient_is():
    assert diet_facts([Ingredient(1, {}, PLANT), Ingredient(1, {}, PLANT)], FACTS)["vegan"] is True
    dairy = {**PLANT, "vegan": False}
    assert diet_facts([Ingredient(1, {}, PLANT), Ingredient(1, {}, dairy)], FACTS)["vegan"] is False


def test_a_fact_is_unknown_when_an_unknown_ingredient_could_change_it():
    unknown = {name: None for name in FACTS}
    facts = diet_facts([Ingredient(1, {}, PLANT), Ingredient(1, {}, unknown)], FACTS)
    assert facts == {"vegan": None, "vegetarian": None, "contains_nuts": None, "contains_gluten": None}


def test_a_known_answer_stands_whatever_else_is_unknown():
    # Meat is not vegan and almonds contain nuts, whatever the unknown ingredient turns out to be.
    meat_with_nuts = {"vegan": False, "vegetarian": False, "contains_nuts": True, "contains_gluten": False}
    unknown = {name: None for name in FACTS}
    facts = diet_facts([Ingredient(1, {}, meat_with_nuts), Ingredient(1, {}, unknown)], FACTS)
    assert facts["vegan"] is False and facts["vegetarian"] is False
    assert facts["contains_nuts"] is True
    assert facts["contains_gluten"] is None


def test_a_dish_contains_an_allergen_when_any_ingredient_does():
    wheat = {**PLANT, "contains_gluten": True}
    facts = diet_facts([Ingredient(1, {}, PLANT), Ingredient(1, {}, wheat)], FACTS)
    assert facts["contains_gluten"] is True and facts["contains_nuts"] is False


def test_a_dish_without_ingredients_has_unknown_facts():
    assert set(diet_facts([], FACTS).values()) == {None}


def test_a_labels_per_serving_value_becomes_per_100_g():
    # A 40 g bar with 80 mg of magnesium: 200 mg per 100 g.
    assert per_100g_from_serving(80, 40) == pytest.approx(200)
    assert per_100g_from_serving(None, 40) is None
    with pytest.raises(ValueError):
        per_100g_from_serving(80, 0)


def test_a_serving_is_kind_to_kidneys_within_a_quarter_of_the_lower_daily_limits():
    from recipes.per_serving import kidney_friendly

    assert kidney_friendly({"potassium_mg": Amount(500, False), "phosphorus_mg": Amount(200, False)})
    assert not kidney_friendly({"potassium_mg": Amount(501, False), "phosphorus_mg": Amount(100, False)})
    assert not kidney_friendly({"potassium_mg": Amount(100, False), "phosphorus_mg": Amount(201, False)})
    # An unknown part could be anything: not called kind to kidneys.
    assert not kidney_friendly({"potassium_mg": Amount(100, True), "phosphorus_mg": Amount(100, False)})
    assert not kidney_friendly({"potassium_mg": Amount(None, True), "phosphorus_mg": Amount(100, False)})
