"""Properties of generated days for random people, diets and food lists (hypothesis; no database)."""

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foods.diet import ALLERGENS, diet_conflicts
from mealplanner.generator.advice import supplement_advice
from mealplanner.generator.candidates import shortlist
from mealplanner.generator.foods import FoodRecord, candidates_for
from mealplanner.generator.model import INFEASIBLE, MEAL_ITEMS, MEALS, OK, SHORT, DayProblem, Limits
from mealplanner.generator.portions import PORTION_CAP_G
from mealplanner.generator.solve import solve_day
from mealplanner.nutrition import magnesium_target_mg, supplement_limit_mg

GROUPS = ("Vegetables and Vegetable Products", "Legumes and Legume Products", "Nut and Seed Products",
          "Beverages", "Breakfast Cereals", "Dairy and Egg Products", "Beef Products")
maybe = st.sampled_from([True, False, None])


@st.composite
def food_records(draw):
    n = draw(st.integers(min_value=3, max_value=30))
    records = []
    for i in range(n):
        facts = {"vegan": draw(maybe), "vegetarian": draw(maybe)}
        facts.update({f"contains_{a}": draw(maybe) for a in ALLERGENS})
        meals = frozenset(draw(st.sets(st.sampled_from(MEALS), min_size=1)))
        records.append(FoodRecord(
            food_id=i + 1, name=f"Food {i + 1}", food_group=draw(st.sampled_from(GROUPS)),
            per_100g={
                "magnesium_mg": draw(st.floats(min_value=0, max_value=600)),
                "energy_kcal": draw(st.floats(min_value=1, max_value=900)),
                "caffeine_mg": draw(st.one_of(st.none(), st.floats(min_value=0, max_value=200))),
                "potassium_mg": draw(st.one_of(st.none(), st.floats(min_value=0, max_value=1500))),
                "phosphorus_mg": draw(st.floats(min_value=0, max_value=1200)),
                "sodium_mg": draw(st.floats(min_value=0, max_value=2000)),
            },
            diet=facts, meals=meals,
            portions=tuple((100 * i + k, f"portion {k}", draw(st.floats(min_value=1, max_value=600)))
                           for k in range(draw(st.integers(min_value=0, max_value=3)))),
        ))
    return records


people = st.fixed_dictionaries({
    "age": st.floats(min_value=1, max_value=95),
    "sex": st.sampled_from(["female", "male"]),
    "diet": st.sampled_from(["none", "vegetarian", "vegan"]),
    "allergies": st.lists(st.sampled_from(ALLERGENS), unique=True, max_size=3),
    "kidney": st.booleans(),
    "caffeine_free": st.booleans(),
    "energy": st.integers(min_value=800, max_value=3500),
    "planned_supplement": st.sampled_from([0, 100, 250, 350, 400]),
    "potassium_cap": st.one_of(st.none(), st.integers(min_value=1000, max_value=4000)),
    "meals": st.sets(st.sampled_from(MEALS), min_size=1).map(lambda s: tuple(m for m in MEALS if m in s)),
})


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(records=food_records(), person=people)
def test_a_generated_day_keeps_every_rule(records, person):
    target = magnesium_target_mg(person["age"], person["sex"])
    limits = Limits(magnesium_mg=target, energy_kcal=person["energy"],
                    caffeine_mg=0.0 if person["caffeine_free"] or person["age"] < 18 else 400.0,
                    potassium_mg=person["potassium_cap"])
    candidates = shortlist(candidates_for(records, diet=person["diet"], allergies=person["allergies"]))
    plan = solve_day(DayProblem(tuple(candidates), person["meals"], limits))
    by_id = {r.food_id: r for r in records}

    per_meal = Counter(i.meal for i in plan.items)
    for item in plan.items:
        record = by_id[item.candidate.food_id]
        assert diet_conflicts(record.diet, diet=person["diet"], allergies=person["allergies"]) == []
        assert item.meal in record.meals and item.meal in person["meals"]
        assert 1 <= item.count <= item.candidate.max_count <= 2
        assert item.candidate.grams <= PORTION_CAP_G
    assert len({i.candidate.food_id for i in plan.items}) == len(plan.items)

    if plan.status in (OK, SHORT):
        for meal in person["meals"]:
            low, high = MEAL_ITEMS[meal]
            assert low <= per_meal[meal] <= high
        # The energy band holds, or, only on a partly planned day whose empty meals cannot reach it, the day
        # stays under the top of the goal and the plan says how far it got.
        assert plan.energy_kcal <= limits.energy_high + 1e-6
        if plan.energy_kcal < limits.energy_low - 1e-6:
            assert set(person["meals"]) != set(MEALS)
            assert any(r.startswith("Energy: reached") for r in plan.relaxed)
        caffeine = sum((i.candidate.caffeine_mg or 0) * i.count for i in plan.items)
        assert caffeine <= limits.caffeine_mg + 1e-6
        if person["potassium_cap"] is not None:
            assert sum(i.candidate.potassium_mg * i.count for i in plan.items) <= person["potassium_cap"] + 1e-6
    if plan.status == OK:
        assert plan.magnesium_mg >= target - 1e-6
    if plan.status == INFEASIBLE:
        assert plan.reasons and not plan.items

    # A supplement is suggested only when food falls short, and never takes supplements over the limit.
    limit = supplement_limit_mg(person["age"])
    advice = supplement_advice(gap_mg=plan.food_magnesium_gap_mg, limit_mg=limit,
                               planned_supplement_mg=person["planned_supplement"], kidney_disease=person["kidney"])
    if plan.status == OK or person["kidney"]:
        assert advice.suggest_mg is None
    if advice.suggest_mg is not None:
        assert advice.suggest_mg + person["planned_supplement"] <= limit
        assert advice.suggest_mg <= plan.food_magnesium_gap_mg


@settings(deadline=None, max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(records=food_records(), person=people)
def test_the_same_input_gives_the_same_day(records, person):
    limits = Limits(magnesium_mg=magnesium_target_mg(person["age"], person["sex"]), energy_kcal=person["energy"])
    candidates = tuple(shortlist(candidates_for(records, diet=person["diet"], allergies=person["allergies"])))
    first = solve_day(DayProblem(candidates, person["meals"], limits))
    again = solve_day(DayProblem(tuple(reversed(candidates)), person["meals"], limits))
    assert first == again
