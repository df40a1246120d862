"""How fast the plan generator fills a whole empty week (pure part: candidates, shortlist, MILP per day).

Run: .venv/bin/python bench/generator.py [path to SR28, default ../shared/data/usda]
Figures: the curated foods the app ships (fixtures/foods.json, about 350) and an every-n-th sample of
250 SR28 foods (goal under 0.5 s), and the whole SR28 database (8,789 foods, goal under 3 s), for a woman of 35 (target 320 mg [NIH ODS Table 1], 2,000 kcal),
with no diet restriction and with a vegan diet. Then the profiles issue 13 found slow or empty (every request
must end well inside gunicorn's 30 s timeout): a kidney client (potassium 2,000 mg, phosphorus 800 mg,
2,000 kcal), a vegan kidney client with nut and soy allergies, a 2-year-old (80 mg [NIH ODS Table 1], 1,000 kcal,
no caffeine, no choking hazards), a pregnant woman (350 mg [NIH ODS Table 1, 19-30], 2,200 kcal, caffeine 200 mg
[EFSA 2015]), a 16-year-old boy (410 mg, 3,200 kcal) and strict caps (potassium 800 mg, phosphorus 800 mg,
sodium 1,500 mg: the curated foods run out on late days, which are diagnosed, the slowest path). Wall time on
this shared machine is several times the CPU time when others run too: compare the cpu figures. On SR28 the
bench has no curated allergen facts (unknown counts as not allowed), so a profile with allergies finds next
to no foods there. Meal suitability comes from the SR28 food group, as the
importer derives it (foods.sr28.group_defaults). Loading the files is not timed. Reads SR28 straight
from the shared folder; never copies it.
"""

import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foods.rows import DIET_FIELDS  # noqa: E402
from foods.sr28 import read_sr28  # noqa: E402
from mealplanner.generator.foods import FoodRecord, candidates_for  # noqa: E402
from mealplanner.generator.model import MEALS, Fixed, Limits  # noqa: E402

ADULT = Limits(magnesium_mg=320, energy_kcal=2000)
# name -> (limits, diet, allergies, young child)
PROFILES = {
    "kidney": (Limits(magnesium_mg=320, energy_kcal=2000, potassium_mg=2000, phosphorus_mg=800), "none", (), False),
    "kidney, vegan, no nuts or soy": (Limits(magnesium_mg=320, energy_kcal=2000, potassium_mg=2000,
                                             phosphorus_mg=800), "vegan", ("nuts", "soy"), False),
    "2-year-old": (Limits(magnesium_mg=80, energy_kcal=1000, caffeine_mg=0.0), "none", (), True),
    "pregnant": (Limits(magnesium_mg=350, energy_kcal=2200, caffeine_mg=200.0), "none", (), False),
    "boy of 16": (Limits(magnesium_mg=410, energy_kcal=3200, caffeine_mg=0.0), "none", (), False),
    "strict caps (K 800, P 800, Na 1,500 mg)": (Limits(magnesium_mg=320, energy_kcal=2000, potassium_mg=800,
                                            phosphorus_mg=800, sodium_mg=1500), "none", (), False),
}
from mealplanner.generator.week import DaySpec, solve_week  # noqa: E402

RUNS = 3


def records_from(path: Path) -> list[FoodRecord]:
    rows, _errors = read_sr28(path)
    out = []
    for row in rows:
        meals = frozenset(m for m in MEALS if row.defaults.get(f"suits_{m}"))
        diet = {k: row.defaults.get(k) for k in DIET_FIELDS}
        # The bench has no curated diet facts: plant groups count as vegan here so the vegan run has foods.
        if row.food_group in ("Vegetables and Vegetable Products", "Legumes and Legume Products",
                              "Nut and Seed Products", "Fruits and Fruit Juices", "Cereal Grains and Pasta",
                              "Breakfast Cereals"):
            diet.update(vegan=True, vegetarian=True)
        out.append(FoodRecord(
            food_id=int(row.ndb_number), name=row.name, food_group=row.food_group, per_100g=row.nutrients,
            diet=diet, meals=meals, portions=tuple((p.seq, p.label, p.grams) for p in row.portions),
        ))
    return out


def fixture_records(path: Path) -> list[FoodRecord]:
    """The curated foods the app ships (fixtures/foods.json: SR28 values, diet facts and meals set by hand)."""
    import json

    rows = json.loads(path.read_text())
    portions: dict[int, list] = {}
    for row in rows:
        if row["model"] == "foods.portion":
            f = row["fields"]
            portions.setdefault(f["food"], []).append((row["pk"], f["label"], f["grams"]))
    out = []
    for row in rows:
        if row["model"] != "foods.food":
            continue
        f = row["fields"]
        out.append(FoodRecord(
            food_id=row["pk"], name=f["name"], food_group=f["food_group"],
            per_100g={k: f.get(k) for k in ("magnesium_mg", "energy_kcal", "caffeine_mg", "potassium_mg",
                                             "phosphorus_mg", "sodium_mg")},
            diet={k: f.get(k) for k in DIET_FIELDS}, meals=frozenset(m for m in MEALS if f.get(f"suits_{m}")),
            portions=tuple(portions.get(row["pk"], ())),
        ))
    return out


def curated(records: list[FoodRecord], size: int = 250) -> list[FoodRecord]:
    usable = [r for r in records if r.meals and r.per_100g.get("magnesium_mg") is not None]
    step = max(1, len(usable) // size)
    return usable[::step][:size]


# Partly planned weeks like the demo's. Breakfast and lunch hold 700 kcal: dinner and snack can still reach
# the band. Breakfast, lunch and dinner hold 1,000 kcal: the snack alone cannot, so the band's low end becomes
# soft (every hard attempt is proved infeasible first: the slower path).
PARTLY = {"dinner+snack": (("dinner", "snack"), Fixed(magnesium_mg=150, energy_kcal=700)),
          "snack": (("snack",), Fixed(magnesium_mg=200, energy_kcal=1000))}


def fill_week(records, *, diet: str, split: list | None = None, partly: str = "", limits: Limits = ADULT,
              allergies=(), young: bool = False):
    start = time.perf_counter()
    pool = [c for c in candidates_for(records, diet=diet, allergies=allergies, young_child=young)]
    prepared = time.perf_counter()
    if partly:
        meals, fixed = PARTLY[partly]
        days = [DaySpec(day=d, meals=meals, fixed=fixed) for d in range(7)]
    else:
        days = [DaySpec(day=d, meals=MEALS) for d in range(7)]
    plans = solve_week(pool=pool, limits=limits, days=days, day_counts=Counter())
    if split is not None:
        split.append((prepared - start, time.perf_counter() - prepared))
    return plans


def measure(label: str, records, diet: str, *, partly: str = "", profile: str = "", runs: int = RUNS) -> None:
    times, plans, split = [], None, []
    cpu_start = time.process_time()
    limits, allergies, young = ADULT, (), False
    if profile:
        limits, diet, allergies, young = PROFILES[profile]
    for _ in range(runs):
        start = time.perf_counter()
        plans = fill_week(records, diet=diet, split=split, partly=partly, limits=limits, allergies=allergies,
                          young=young)
        times.append(time.perf_counter() - start)
    cpu = (time.process_time() - cpu_start) / runs
    statuses = Counter(p.status for p in plans.values())
    mg = [round(p.magnesium_mg) for p in plans.values()]
    kcal = [round(p.energy_kcal) for p in plans.values()]
    prep = statistics.median(p for p, _s in split)
    solve = statistics.median(s for _p, s in split)
    print(f"{label:<36} {len(records):>5} foods  wall median {statistics.median(times):.3f} s "
          f"(prepare {prep:.3f} + solve {solve:.3f})  max {max(times):.3f} s  cpu {cpu:.3f} s\n"
          f"{'':<40}days {dict(statuses)}  mg {mg}  kcal {kcal}")


def main() -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "usda"
    if not (path / "FOOD_DES.txt").exists():
        sys.exit(f"USDA SR28 files not found at {path}: pass their folder as the first argument.")
    records = records_from(path)
    fixture = ROOT / "fixtures" / "foods.json"
    if fixture.exists():
        shipped = fixture_records(fixture)
        measure("shipped foods week, no restriction", shipped, "none")
        measure("shipped foods week, vegan", shipped, "vegan")
        measure("shipped foods, dinner+snack only", shipped, "none", partly="dinner+snack")
        measure("shipped foods, snack only", shipped, "none", partly="snack")
        for name in PROFILES:
            measure(f"shipped foods week, {name}", shipped, "none", profile=name, runs=1)
    small = curated(records)
    measure("SR28 sample week, no restriction", small, "none")
    measure("SR28 sample week, vegan", small, "vegan")
    measure("full SR28 week, no restriction", records, "none")
    measure("full SR28 week, vegan", records, "vegan")
    measure("full SR28, dinner+snack only", records, "none", partly="dinner+snack")
    measure("full SR28, snack only", records, "none", partly="snack")
    for name in PROFILES:
        measure(f"full SR28 week, {name}", records, "none", profile=name, runs=1)


if __name__ == "__main__":
    main()
