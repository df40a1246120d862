import pytest

from foods.diet import allowed_filter, diet_conflicts

VEGAN_FOOD = {"vegan": True, "vegetarian": True, "contains_nuts": False, "contains_dairy": False}


def test_a_vegan_food_suits_a_vegan():
    assert diet_conflicts(VEGAN_FOOD, diet="vegan", allergies=[]) == []


def test_an_unknown_diet_fact_counts_as_not_allowed():
    assert diet_conflicts({"vegan": None}, diet="vegan", allergies=[]) == ["not known to be vegan"]
    assert diet_conflicts({}, diet="none", allergies=["egg"]) == ["may contain egg (not known)"]


def test_it_names_each_allergen_the_food_contains():
    facts = {**VEGAN_FOOD, "contains_nuts": True}
    assert diet_conflicts(facts, diet="none", allergies=["nuts", "dairy"]) == ["contains tree nuts"]


def test_a_person_without_restrictions_may_eat_anything():
    assert diet_conflicts({"vegan": False, "contains_fish": True}, diet="none", allergies=[]) == []


def test_unknown_diets_and_allergens_are_refused_by_name():
    with pytest.raises(ValueError, match="known: none, vegetarian, vegan"):
        diet_conflicts({}, diet="keto", allergies=[])
    with pytest.raises(ValueError, match="Unknown allergen 'pollen'"):
        diet_conflicts({}, diet="none", allergies=["pollen"])


def test_the_filter_keeps_only_foods_known_to_suit():
    assert allowed_filter(diet="vegan", allergies=["soy"]) == {"vegan": True, "contains_soy": False}
    assert allowed_filter(diet="none", allergies=[]) == {}
