"""The meal generator's benchmark (issue 17): weeks of meals (mealplanner.generator.meals) over seeded profiles.

Run: .venv/bin/python bench/generator.py [profiles, default 25] [seed, default 17] [--unhurried] [--sr28 [PATH]]

Inputs are what the app ships: fixtures/foods.json (the curated foods at their default portions) and
fixtures/recipes.json (the curated dishes), read straight from the files. `--sr28` measures a second time with
the full USDA SR28 release imported beside them (default ../shared/data/usda, read in place, never copied):
the curated foods keep their facts, the other SR28 foods come as `import_foods` makes them (meals and diet
facts from their food group, foods.sr28.group_defaults; the portion nearest a typical serving,
foods.portions.default_portion). Unknown diet facts count as not allowed, so a vegan or an allergic profile
sees mostly the curated foods there.

Profiles cycle through the kinds the issue names (child, pregnancy, vegan, kidney caps, restless legs) with a
random age, sex, diet, allergy and dislikes each; targets and limits come from mealplanner.nutrition (NIH ODS;
DGA 2020-2025; EFSA/ACOG/Health Canada for caffeine) and mealplanner.generator.bands (IOM, NASEM, KDOQI).
Every band is checked here again from the planned totals, not taken from the planner's word.

Time is per week, loading the files not counted. CPU time is printed beside wall time: the machine is shared
and wall time is several times CPU time under load. The app's own safety nets (HiGHS's time limit per solve,
the week's budget) are on, as a request has them; `--unhurried` lifts them so the figures show the planner,
not the machine's load (only HiGHS's node limit then stops a solve).
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foods.portions import default_portion  # noqa: E402
from foods.rows import DIET_FIELDS  # noqa: E402
from foods.sr28 import read_sr28  # noqa: E402
from mealplanner.generator import meal_milp  # noqa: E402
from mealplanner.generator.bands import KCAL_PER_G, MACROS, Bands, bands_for  # noqa: E402
from mealplanner.generator.meals import NONE, WEEK_BUDGET_S, PlannedDay, plan_week  # noqa: E402
from mealplanner.generator.patterns import MEALS, NUTRIENTS, Dish, Person, SideFood  # noqa: E402
from mealplanner.generator.shipped import shipped_dishes, shipped_foods  # noqa: E402
from mealplanner.nutrition.caffeine import caffeine_limit_mg  # noqa: E402
from mealplanner.nutrition.energy import TRIMESTER_EXTRA_KCAL, default_energy_goal_kcal  # noqa: E402
from mealplanner.nutrition.targets import magnesium_target_mg  # noqa: E402

KINDS = ("child", "pregnancy", "vegan", "kidney", "restless legs")
ALLERGIES = ("nuts", "peanuts", "dairy", "gluten", "soy", "egg", "fish")
BANDS = ("energy", "carbohydrate", "fat", "protein", "fibre", "sodium")
SR28_ID_OFFSET = 1_000_000  # SR28 foods beyond the curated ones get ids that cannot meet the fixture's


def random_profile(
    rng: random.Random, kind: str, foods: list[SideFood], dishes: list[Dish]
) -> tuple[str, Person, Bands]:
    """(label, person, bands) for one random profile of this kind."""
    sex = rng.choice(("female", "male"))
    age = rng.choice((2, 3, 5, 7, 10, 12, 15, 17)) if kind == "child" else rng.choice((20, 28, 35, 42, 55, 70))
    pregnant = kind == "pregnancy"
    if pregnant:
        sex, age = "female", rng.choice((24, 30, 36))
    energy = default_energy_goal_kcal(age, sex, pregnant=pregnant) + (TRIMESTER_EXTRA_KCAL[2] if pregnant else 0)
    magnesium = magnesium_target_mg(age, sex, pregnant=pregnant)
    caffeine = (
        0.0
        if kind == "restless legs"
        else caffeine_limit_mg(age_years=age, pregnant=pregnant, lactating=False, weight_kg=None)
    )
    diet = "vegan" if kind == "vegan" else rng.choice(("none", "none", "vegetarian", "vegan"))
    allergies = (rng.choice(ALLERGIES),) if rng.random() < 0.3 else ()
    caps = {}
    if kind == "kidney":
        caps = {
            "potassium_cap_mg": rng.choice((2000.0, 2500.0, 3000.0)),
            "phosphorus_cap_mg": rng.choice((800.0, 900.0, 1000.0)),
        }
    person = Person(
        diet=diet,
        allergies=allergies,
        disliked_foods=frozenset(f.food_id for f in rng.sample(foods, 3)),
        disliked_dishes=frozenset({rng.choice(dishes).dish_id}),
    )
    bands = bands_for(age_years=age, energy_kcal=energy, magnesium_mg=magnesium, caffeine_mg=caffeine, **caps)
    label = f"{kind}: {sex} {age} y, {diet}{', no ' + allergies[0] if allergies else ''}" + (
        f", K {caps['potassium_cap_mg']:.0f} P {caps['phosphorus_cap_mg']:.0f}" if caps else ""
    )
    return label, person, bands


def day_bands(day: PlannedDay, bands: Bands) -> dict[str, bool]:
    """Which of the issue's bands the day keeps, from its totals."""
    t = day.totals
    atwater = sum(t[m] * KCAL_PER_G[m] for m in MACROS)
    out = {"energy": bands.energy_low - 1e-6 <= t["energy_kcal"] <= bands.energy_high + 1e-6}
    for macro in MACROS:
        lo, hi = bands.share(macro)
        share = t[macro] * KCAL_PER_G[macro] / atwater if atwater else 0.0
        out[macro.split("_")[0]] = lo - 1e-6 <= share <= hi + 1e-6
    out["fibre"] = t["fibre_g"] >= bands.fibre_g_per_1000_kcal * t["energy_kcal"] / 1000 - 1e-6
    out["sodium"] = t["sodium_mg"] <= bands.sodium_mg + 1e-6
    return out


def largest_food_g(day: PlannedDay, dishes_by_id: dict[int, Dish]) -> tuple[float, int]:
    """(grams, food id) of the food the day holds most of, dishes' ingredients counted."""
    grams: dict[int, float] = {}
    for item in day.items:
        if item.kind == "food":
            grams[item.ref] = grams.get(item.ref, 0.0) + item.grams
        else:
            for food_id, g in dishes_by_id[item.ref].ingredient_grams:
                grams[food_id] = grams.get(food_id, 0.0) + g * item.quantity
    if not grams:
        return 0.0, 0
    food_id, g = max(grams.items(), key=lambda kv: (kv[1], -kv[0]))
    return g, food_id


@dataclass
class _Portion:
    seq: int
    label: str
    grams: float
    is_default: bool = False


def sr28_foods(path: Path, shipped: list[SideFood]) -> list[SideFood]:
    """The curated foods, plus every other SR28 food as the importer adds it."""
    rows, _errors = read_sr28(path)
    curated_ndb = _curated_ndb_numbers()
    out = list(shipped)
    for row in rows:
        if row.ndb_number is None or row.ndb_number in curated_ndb:
            continue
        meals = frozenset(m for m in MEALS if row.defaults.get(f"suits_{m}"))
        portions = [_Portion(p.seq, p.label, p.grams) for p in row.portions or ()]
        portion = default_portion(portions, row.food_group)
        out.append(
            SideFood(
                food_id=SR28_ID_OFFSET + int(row.ndb_number),
                name=row.name,
                food_group=row.food_group,
                meals=meals,
                per_100g={n: row.nutrients.get(n) for n in NUTRIENTS},
                diet={k: row.defaults.get(k) for k in DIET_FIELDS},
                portion_grams=portion.grams if portion is not None else 100.0,
                portion_label=portion.label if portion is not None else "",
            )
        )
    return out


def _curated_ndb_numbers() -> set[str]:
    rows = json.loads((ROOT / "fixtures" / "foods.json").read_text())
    return {r["fields"]["ndb_number"] for r in rows if r["model"] == "foods.food" and r["fields"].get("ndb_number")}


def measure(title: str, foods: list[SideFood], dishes: list[Dish], *, count: int, seed: int, budget: float) -> None:
    print(
        f"\n== {title}: {len(foods)} foods, {len(dishes)} dishes; load average {os.getloadavg()[0]:.2f} "
        f"on {os.cpu_count()} cores"
    )
    dishes_by_id = {d.dish_id: d for d in dishes}
    names = {f.food_id: f.name for f in foods}
    rng = random.Random(seed)
    filled, all_in, mg_in = 0, 0, 0
    statuses: Counter = Counter()
    inside: Counter = Counter()
    walls: list[float] = []
    cpus: list[float] = []
    distinct: list[int] = []
    largest: list[tuple[float, int, str]] = []
    slowest_by_kind: dict[str, float] = {}
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        label, person, bands = random_profile(rng, kind, foods, dishes)
        wall, cpu = time.perf_counter(), time.process_time()
        week = plan_week(dishes=dishes, foods=foods, person=person, bands=bands, seed=i, budget_s=budget)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        slowest_by_kind[kind] = max(slowest_by_kind.get(kind, 0.0), cpus[-1])
        statuses.update(d.status for d in week)
        distinct.append(len({it.ref for d in week for it in d.items if it.kind == "dish"}))
        for day in week:
            if day.status == NONE:
                continue
            filled += 1
            checks = day_bands(day, bands)
            inside.update(k for k, ok in checks.items() if ok)
            all_in += all(checks.values())
            mg_in += bands.magnesium_mg - 1e-6 <= day.totals["magnesium_mg"] <= bands.magnesium_soft_max + 1e-6
            largest.append((*largest_food_g(day, dishes_by_id), label))
        print(
            f"{label:<52} {walls[-1]:5.2f} s wall {cpus[-1]:5.2f} s cpu  days {dict(Counter(d.status for d in week))}"
            f"  dishes {distinct[-1]}  mg {[round(d.totals.get('magnesium_mg', 0)) for d in week]}"
            f" (target {bands.magnesium_mg:.0f})"
        )
    days = count * 7
    print(f"\n{title}: {count} profiles x 7 days = {days} days")
    print(f"days filled: {filled} ({filled / days:.0%}); statuses {dict(statuses)}")
    if filled:
        print(
            f"filled days inside every band ({', '.join(BANDS)}): {all_in / filled:.0%}; per band "
            + ", ".join(f"{k} {inside[k] / filled:.0%}" for k in BANDS)
        )
        print(
            f"days with magnesium between the target and twice it: {mg_in / filled:.0%} of filled days "
            f"({mg_in / days:.0%} of all days)"
        )
        grams, food_id, who = max(largest)
        print(
            f"largest amount of one food in a day: {grams:.0f} g ({names.get(food_id, food_id)}; {who}); "
            f"median day's largest {statistics.median(g for g, _f, _l in largest):.0f} g"
        )
    print(f"distinct dishes a week: median {statistics.median(distinct)}, min {min(distinct)}, max {max(distinct)}")
    print(
        f"time a week: wall median {statistics.median(walls):.2f} s, max {max(walls):.2f} s; "
        f"cpu median {statistics.median(cpus):.2f} s, max {max(cpus):.2f} s"
    )
    print("slowest week by kind (cpu): " + ", ".join(f"{k} {s:.2f} s" for k, s in slowest_by_kind.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("profiles", nargs="?", type=int, default=25)
    parser.add_argument("seed", nargs="?", type=int, default=17)
    parser.add_argument("--unhurried", action="store_true", help="lift the wall-clock safety nets")
    parser.add_argument(
        "--sr28",
        nargs="?",
        type=Path,
        const=ROOT.parent / "shared" / "data" / "usda",
        help="also measure with the full SR28 release in this folder imported",
    )
    args = parser.parse_args()
    budget = WEEK_BUDGET_S
    if args.unhurried:
        meal_milp.TIME_LIMIT_S, budget = 600.0, 3600.0
        print("unhurried: no wall-clock limits")
    foods, dishes = shipped_foods(), shipped_dishes()
    measure("shipped foods and curated dishes", foods, dishes, count=args.profiles, seed=args.seed, budget=budget)
    if args.sr28 is not None:
        if not (args.sr28 / "FOOD_DES.txt").exists():
            sys.exit(f"USDA SR28 files not found at {args.sr28}: pass their folder after --sr28.")
        measure(
            "full SR28 imported",
            sr28_foods(args.sr28, foods),
            dishes,
            count=args.profiles,
            seed=args.seed,
            budget=budget,
        )


if __name__ == "__main__":
    main()
