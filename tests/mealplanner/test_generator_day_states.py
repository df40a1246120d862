"""What the generator keeps of a day, and the supplement amount it may suggest (hypothesis; no database):
a meal is filled only when it holds no kept food, what is kept counts, an unknown dose is never 0 mg, and a
suggested dose keeps prescribed plus unprescribed supplements under the upper limit."""

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from mealplanner.generator.advice import supplement_advice
from mealplanner.generator.patterns import MEALS
from mealplanner.nutrition import supplement_limit_mg
from mealplanner.selectors.generator import day_states

entry = st.fixed_dictionaries(
    {
        "supplement": st.booleans(),
        "generated": st.booleans(),
        "pinned": st.booleans(),
        "mg": st.one_of(st.none(), st.floats(min_value=0, max_value=500)),
    }
)


def fake_week(meals_entries, locks):
    """The few attributes day_states reads of a plan's week: each food entry is 100 g of a food holding its
    "mg" of magnesium and 50 kcal per 100 g."""
    meals = []
    for code, entries in zip(MEALS, meals_entries, strict=True):
        evs = []
        for k, e in enumerate(entries):
            food = None if e["supplement"] else SimpleNamespace(magnesium_mg=e["mg"], energy_kcal=50.0)
            evs.append(
                SimpleNamespace(
                    is_supplement=e["supplement"],
                    values=SimpleNamespace(supplement_mg=e["mg"]),
                    entry=SimpleNamespace(
                        pk=k,
                        generated=e["generated"] and not e["supplement"],
                        pinned=e["pinned"],
                        food_id=None if e["supplement"] else k,
                        food=food,
                        grams=100.0,
                        recipe_name="",
                        supplement_id=k if e["supplement"] else None,
                    ),
                )
            )
        meals.append(SimpleNamespace(code=code, entries=evs))
    plan = SimpleNamespace(locked_meals=[f"0:{m}" for m in locks])
    return SimpleNamespace(plan=plan, days=[SimpleNamespace(index=0, meals=meals)])


def kept(entries, code, locks):
    return [
        e for e in entries if not e["supplement"] and not (e["generated"] and not e["pinned"] and code not in locks)
    ]


@settings(deadline=None, max_examples=80)
@given(
    meals_entries=st.lists(st.lists(entry, max_size=3), min_size=4, max_size=4), locks=st.sets(st.sampled_from(MEALS))
)
def test_a_meal_is_filled_when_it_holds_no_kept_food_what_is_kept_counts_and_an_unknown_dose_is_never_zero(
    meals_entries, locks
):
    state = day_states(fake_week(meals_entries, locks))[0]
    for code, entries in zip(MEALS, meals_entries, strict=True):
        assert (code in state.empty_meals) == (code not in locks and not kept(entries, code, locks))
    held = [e for code, entries in zip(MEALS, meals_entries, strict=True) for e in kept(entries, code, locks)]
    assert abs(state.fixed["magnesium_mg"] - sum(e["mg"] or 0.0 for e in held)) < 1e-6
    assert abs(state.fixed["energy_kcal"] - 50.0 * len(held)) < 1e-6
    supplements = [e["mg"] for entries in meals_entries for e in entries if e["supplement"]]
    if any(mg is None for mg in supplements):
        assert state.supplement_mg is None
    else:
        assert abs(state.supplement_mg - sum(supplements)) < 1e-6


@settings(deadline=None, max_examples=80)
@given(
    prescribed=st.floats(min_value=0, max_value=500),
    bought=st.one_of(st.none(), st.floats(min_value=0, max_value=500)),
    gap=st.floats(min_value=0, max_value=400),
    age=st.sampled_from([5, 10, 16, 30, 70]),
)
def test_a_suggested_dose_keeps_prescribed_plus_unprescribed_supplements_under_the_limit(prescribed, bought, gap, age):
    limit = supplement_limit_mg(age)
    planned = None if bought is None else prescribed + bought
    advice = supplement_advice(gap_mg=gap, limit_mg=limit, planned_supplement_mg=planned, kidney_disease=False)
    if planned is None:
        assert advice.suggest_mg is None  # an unknown dose is never 0 mg
    if advice.suggest_mg is not None:
        assert advice.suggest_mg + planned <= limit
