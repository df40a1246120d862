"""The generator on the full SR28 release (skipped where the files are absent): a kidney week and a
2-year-old's week fill within their limits, so every profile's request can end inside the server's timeout."""

from collections import Counter

import pytest

from foods.rows import DIET_FIELDS
from foods.sr28 import read_sr28
from mealplanner.generator.foods import FoodRecord, candidates_for, choking_hazard
from mealplanner.generator.model import MEALS, OK, Limits
from mealplanner.generator.week import DaySpec, solve_week


@pytest.fixture(scope="module")
def sr28_records(sr28_dir):
    rows, _errors = read_sr28(sr28_dir)
    return [FoodRecord(food_id=int(r.ndb_number), name=r.name, food_group=r.food_group, per_100g=r.nutrients,
                       diet={k: r.defaults.get(k) for k in DIET_FIELDS},
                       meals=frozenset(m for m in MEALS if r.defaults.get(f"suits_{m}")),
                       portions=tuple((p.seq, p.label, p.grams) for p in r.portions))
            for r in rows]


def week(records, limits, *, young=False):
    pool = candidates_for(records, diet="none", allergies=(), young_child=young)
    return solve_week(pool=pool, limits=limits, days=[DaySpec(day=d, meals=MEALS) for d in range(7)],
                      day_counts=Counter())


def test_a_kidney_week_on_full_sr28_fills_every_day_within_both_caps(sr28_records):
    limits = Limits(magnesium_mg=320, energy_kcal=2000, potassium_mg=2000, phosphorus_mg=800)
    plans = week(sr28_records, limits)
    assert [p.status for p in plans.values()] == [OK] * 7
    for plan in plans.values():
        assert sum(i.candidate.potassium_mg * i.count for i in plan.items) <= 2000 + 1e-6
        assert sum(i.candidate.phosphorus_mg * i.count for i in plan.items) <= 800 + 1e-6


def test_a_two_year_olds_week_on_full_sr28_holds_nothing_named_like_a_choking_hazard(sr28_records):
    by_id = {r.food_id: r for r in sr28_records}
    plans = week(sr28_records, Limits(magnesium_mg=80, energy_kcal=1000, caffeine_mg=0.0), young=True)
    items = [i for p in plans.values() for i in p.items]
    assert items
    assert not [i.candidate.name for i in items if choking_hazard(by_id[i.candidate.food_id])]
