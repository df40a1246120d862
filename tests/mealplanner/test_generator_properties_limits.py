"""Properties of the generator under every limit issue 13 names (hypothesis; no database): caps, pregnancy,
children under 4. (Supplement-only meals and doses: test_generator_day_states.)"""

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mealplanner.generator.candidates import shortlist
from mealplanner.generator.foods import FoodRecord, candidates_for, choking_hazard
from mealplanner.generator.model import CAPPED, INFEASIBLE, MEALS, OK, SHORT, Limits
from mealplanner.generator.week import DaySpec, solve_week
from mealplanner.nutrition import Person
from mealplanner.selectors.generator import caffeine_cap
from tests.mealplanner.test_generator_properties import GROUPS

NAMES = ("Nuts, almonds", "Seeds, chia", "Snacks, popcorn", "Beans, black, mature seeds, cooked", "Spinach, cooked",
         "Yogurt, plain", "Beverages, coffee, brewed", "Rice, white, cooked", "Bananas, raw", "Grapes, raw")


@st.composite
def records(draw):
    out = []
    for i in range(draw(st.integers(min_value=4, max_value=24))):
        out.append(FoodRecord(
            food_id=i + 1, name=f"{draw(st.sampled_from(NAMES))} {i}", food_group=draw(st.sampled_from(GROUPS)),
            per_100g={
                "magnesium_mg": draw(st.floats(min_value=0, max_value=500)),
                "energy_kcal": draw(st.floats(min_value=5, max_value=700)),
                "caffeine_mg": draw(st.one_of(st.none(), st.floats(min_value=0, max_value=250))),
                "potassium_mg": draw(st.one_of(st.none(), st.floats(min_value=0, max_value=1500))),
                "phosphorus_mg": draw(st.one_of(st.none(), st.floats(min_value=0, max_value=900))),
                "sodium_mg": draw(st.floats(min_value=0, max_value=1500)),
            },
            diet={}, meals=frozenset(draw(st.sets(st.sampled_from(MEALS), min_size=1))),
            portions=((1000 + i, "1 portion", draw(st.floats(min_value=10, max_value=240))),),
            choking_hazard=draw(st.booleans()),
        ))
    return out


people = st.fixed_dictionaries({
    "age": st.sampled_from([2, 3, 5, 9, 15, 25, 40, 70]),
    "pregnant": st.booleans(),
    "weight": st.one_of(st.none(), st.integers(min_value=12, max_value=90)),
    "potassium_cap": st.one_of(st.none(), st.integers(min_value=1500, max_value=3500)),
    "phosphorus_cap": st.one_of(st.none(), st.integers(min_value=600, max_value=1200)),
    "energy": st.integers(min_value=900, max_value=2800),
})


def person_of(p) -> Person:
    pregnant = p["pregnant"] and 14 <= p["age"] <= 50
    return Person(age_years=p["age"], sex="female", pregnant=pregnant, weight_kg=p["weight"])


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(foods=records(), p=people)
def test_a_generated_week_keeps_caps_caffeine_by_life_stage_and_no_choking_hazard_under_4(foods, p):
    person = person_of(p)
    caffeine, _why = caffeine_cap(person, caffeine_free=False, restless_legs=False)
    limits = Limits(magnesium_mg=200, energy_kcal=p["energy"], caffeine_mg=caffeine,
                    potassium_mg=p["potassium_cap"], phosphorus_mg=p["phosphorus_cap"])
    young = p["age"] < 4
    pool = candidates_for(foods, diet="none", allergies=(), young_child=young)
    plans = solve_week(pool=pool, limits=limits, days=[DaySpec(day=d, meals=MEALS) for d in range(2)],
                       day_counts=Counter())
    by_id = {r.food_id: r for r in foods}
    if person.pregnant:
        assert caffeine <= 200  # EFSA 2015; ACOG
    if young:
        assert caffeine == 0
    for plan in plans.values():
        if plan.status == INFEASIBLE:
            assert plan.reasons and not plan.items
            continue
        assert plan.status in (OK, SHORT)
        for nutrient in CAPPED:
            cap = limits.cap(nutrient)
            if cap is not None:
                assert sum(i.candidate.value(nutrient) * i.count for i in plan.items) <= cap + 1e-6
        if young:
            assert not any(choking_hazard(by_id[i.candidate.food_id]) for i in plan.items)


@settings(deadline=None, max_examples=40)
@given(foods=records(), p=people)
def test_the_shortlist_holds_only_foods_the_limits_allow(foods, p):
    limits = Limits(magnesium_mg=200, energy_kcal=p["energy"], caffeine_mg=0.0 if p["age"] < 4 else 200.0,
                    potassium_mg=p["potassium_cap"], phosphorus_mg=p["phosphorus_cap"])
    for c in shortlist(candidates_for(foods, diet="none", allergies=()), limits=limits):
        for nutrient in CAPPED:
            cap = limits.cap(nutrient)
            if cap is not None:
                assert c.value(nutrient) is not None and c.value(nutrient) <= cap
