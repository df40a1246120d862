"""Issue 13: every limit a person has shapes the generator's foods: a kidney client's day fills, the
explanation names the cap that binds, and a child under 4 gets no choking hazard (no database)."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from foods.rows import DIET_FIELDS
from mealplanner.generator.candidates import shortlist
from mealplanner.generator.foods import FoodRecord, candidates_for, choking_hazard
from mealplanner.generator.model import INFEASIBLE, MEALS, OK, Candidate, DayProblem, Limits
from mealplanner.generator.solve import solve_day

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "foods.json"
NUTRIENTS = ("magnesium_mg", "energy_kcal", "caffeine_mg", "potassium_mg", "phosphorus_mg", "sodium_mg")


def shipped_records() -> list[FoodRecord]:
    """The foods the app ships, as the selector reads them from the database."""
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    portions: dict[int, list] = {}
    for row in rows:
        if row["model"] == "foods.portion":
            f = row["fields"]
            portions.setdefault(f["food"], []).append((row["pk"], f["label"], f["grams"]))
    return [
        FoodRecord(food_id=row["pk"], name=row["fields"]["name"], food_group=row["fields"]["food_group"],
                   per_100g={n: row["fields"][n] for n in NUTRIENTS},
                   diet={k: row["fields"][k] for k in DIET_FIELDS},
                   meals=frozenset(m for m in MEALS if row["fields"][f"suits_{m}"]),
                   portions=tuple(portions.get(row["pk"], ())),
                   choking_hazard=row["fields"]["choking_hazard_under_4"])
        for row in rows if row["model"] == "foods.food"
    ]


# Usual renal limits from the issue (../shared/reference/balanced-diet.md, kidney limits): potassium
# 2,000 mg, phosphorus 800 mg, 2,000 kcal; target 320 mg (woman 31+, NIH ODS Table 1).
KIDNEY = Limits(magnesium_mg=320, energy_kcal=2000, potassium_mg=2000, phosphorus_mg=800)


def test_a_kidney_clients_day_fills_from_the_shipped_foods_within_both_caps():
    candidates = shortlist(candidates_for(shipped_records(), diet="none", allergies=()), limits=KIDNEY)
    plan = solve_day(DayProblem(candidates=candidates, meals=MEALS, limits=KIDNEY))
    assert plan.status == OK
    potassium = sum(i.candidate.potassium_mg * i.count for i in plan.items)
    phosphorus = sum(i.candidate.phosphorus_mg * i.count for i in plan.items)
    assert potassium <= 2000 + 1e-6 and phosphorus <= 800 + 1e-6
    assert KIDNEY.energy_low - 1e-6 <= plan.energy_kcal <= KIDNEY.energy_high + 1e-6


def test_the_shortlist_holds_no_food_the_caps_could_never_allow():
    limits = Limits(magnesium_mg=320, energy_kcal=2000, potassium_mg=300, caffeine_mg=0.0)
    candidates = shortlist(candidates_for(shipped_records(), diet="none", allergies=()), limits=limits)
    assert candidates
    assert all(c.potassium_mg is not None and c.potassium_mg <= 300 for c in candidates)
    assert all(c.caffeine_mg == 0 for c in candidates)


def food(food_id, mg, kcal, potassium, name):
    return Candidate(food_id=food_id, name=name, meals=frozenset(MEALS), grams=100, magnesium_mg=mg,
                     energy_kcal=kcal, potassium_mg=potassium, max_count=1)


def test_when_the_potassium_cap_binds_the_explanation_names_it_and_its_figure_not_the_energy_goal():
    # Light foods (30 kcal, 20 mg potassium) and dense ones (400 kcal, 600 mg): under 2,000 mg of potassium at
    # most three dense foods fit, 1,440 kcal with every light one, short of 1,800; without the cap it fits.
    light = [food(i, 5, 30, 20, f"Light {i}") for i in range(1, 9)]
    dense = [food(10 + i, 80, 400, 600, f"Dense {i}") for i in range(1, 9)]
    limits = Limits(magnesium_mg=300, energy_kcal=2000, potassium_mg=2000, caffeine_mg=None)
    plan = solve_day(DayProblem(candidates=tuple(light + dense), meals=MEALS, limits=limits))
    assert plan.status == INFEASIBLE
    text = " ".join(plan.reasons)
    assert "potassium limit of 2,000 mg" in text
    assert "change the energy goal" not in text


def test_a_young_child_gets_no_choking_hazard_from_the_shipped_foods():
    records = shipped_records()
    hazards = {r.food_id for r in records if r.choking_hazard}
    candidates = candidates_for(records, diet="none", allergies=(), young_child=True)
    assert candidates and not hazards & {c.food_id for c in candidates}
    # A 2-year-old: 80 mg target (NIH ODS Table 1, 1-3 years), 1,000 kcal; no caffeine under 4.
    limits = Limits(magnesium_mg=80, energy_kcal=1000, caffeine_mg=0.0)
    plan = solve_day(DayProblem(candidates=shortlist(candidates, limits=limits), meals=MEALS, limits=limits))
    assert plan.items and not hazards & plan.food_ids


@pytest.mark.parametrize("name, hazard", [
    ("Nuts, almonds", True), ("Seeds, flaxseed", True), ("Snacks, popcorn, air-popped", True),
    ("Grapes, red or green", True), ("Beans, black, mature seeds, cooked, boiled", False),
    ("Grapefruit, raw", False), ("Bananas, raw", False),
])
def test_foods_nobody_curated_are_hazards_when_named_like_one(name, hazard):
    record = FoodRecord(food_id=1, name=name, food_group="", per_100g={}, diet={}, meals=frozenset())
    assert choking_hazard(record) is hazard


def test_a_week_out_of_time_leaves_its_days_unfilled_and_says_so():
    # budget_s=0: the deadline has passed before the first day (a stand-in for a slow, loaded server).
    from mealplanner.generator.solve import TOO_LONG
    from mealplanner.generator.week import DaySpec, solve_week

    pool = candidates_for(shipped_records(), diet="none", allergies=())
    plans = solve_week(pool=pool, limits=KIDNEY, days=[DaySpec(day=d, meals=MEALS) for d in range(3)], budget_s=0)
    assert all(p.status == INFEASIBLE and p.reasons == (TOO_LONG,) and not p.items for p in plans.values())


def test_a_kidney_week_from_the_whole_pool_fills_every_day_within_the_caps():
    from mealplanner.generator.week import DaySpec, solve_week

    pool = candidates_for(shipped_records(), diet="none", allergies=())
    plans = solve_week(pool=pool, limits=KIDNEY, days=[DaySpec(day=d, meals=MEALS) for d in range(7)])
    assert [p.status for p in plans.values()] == [OK] * 7
    for plan in plans.values():
        assert sum(i.candidate.potassium_mg * i.count for i in plan.items) <= 2000 + 1e-6
