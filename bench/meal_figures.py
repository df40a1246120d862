"""Issue 17's figures: weeks of meals (mealplanner.generator.meals) over seeded random profiles.

Run: .venv/bin/python bench/meal_figures.py [number of profiles, default 24] [seed, default 17] [unhurried]
"unhurried" lifts the wall-clock safety nets (HiGHS's time limit per solve, the week's budget), so the
figures show what the planner does, not how loaded the shared machine was; only the node limit stops a solve.
Inputs are what the app ships: fixtures/foods.json (349 curated foods, their default portions) and
fixtures/recipes.json (the curated dishes), read straight from the files. Profiles cycle through the kinds
the issue names (child, pregnancy, vegan, kidney caps, restless legs) with a random age, sex, diet,
allergy and dislikes each; targets and limits come from mealplanner.nutrition (NIH ODS; DGA 2020-2025;
EFSA/ACOG/Health Canada for caffeine) and mealplanner.generator.bands (IOM, NASEM, KDOQI figures).
Every band is checked here again from the planned items, not taken from the planner's word. CPU time is
reported beside wall time: the machine is shared, and wall time is several times CPU time under load.
"""

import os
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mealplanner.generator import meal_milp  # noqa: E402
from mealplanner.generator.bands import KCAL_PER_G, MACROS, bands_for  # noqa: E402
from mealplanner.generator.meals import NONE, WEEK_BUDGET_S, plan_week  # noqa: E402
from mealplanner.generator.patterns import Person  # noqa: E402
from mealplanner.generator.shipped import shipped_dishes, shipped_foods  # noqa: E402
from mealplanner.nutrition.caffeine import caffeine_limit_mg  # noqa: E402
from mealplanner.nutrition.energy import TRIMESTER_EXTRA_KCAL, default_energy_goal_kcal  # noqa: E402
from mealplanner.nutrition.targets import magnesium_target_mg  # noqa: E402

KINDS = ("child", "pregnancy", "vegan", "kidney", "restless legs")
ALLERGIES = ("nuts", "peanuts", "dairy", "gluten", "soy", "egg", "fish")


def random_profile(rng: random.Random, kind: str, foods, dishes):
    """(label, person, bands) for one random profile of this kind."""
    sex = rng.choice(("female", "male"))
    age = rng.choice((2, 3, 5, 7, 10, 12, 15, 17)) if kind == "child" else rng.choice((20, 28, 35, 42, 55, 70))
    pregnant = kind == "pregnancy"
    if pregnant:
        sex, age = "female", rng.choice((24, 30, 36))
    energy = default_energy_goal_kcal(age, sex, pregnant=pregnant) + (TRIMESTER_EXTRA_KCAL[2] if pregnant else 0)
    magnesium = magnesium_target_mg(age, sex, pregnant=pregnant)
    caffeine = 0.0 if kind == "restless legs" else caffeine_limit_mg(age_years=age, pregnant=pregnant,
                                                                      lactating=False, weight_kg=None)
    diet = "vegan" if kind == "vegan" else rng.choice(("none", "none", "vegetarian", "vegan"))
    allergies = (rng.choice(ALLERGIES),) if rng.random() < 0.3 else ()
    caps = {}
    if kind == "kidney":
        caps = {"potassium_cap_mg": rng.choice((2000.0, 2500.0, 3000.0)),
                "phosphorus_cap_mg": rng.choice((800.0, 900.0, 1000.0))}
    person = Person(diet=diet, allergies=allergies,
                    disliked_foods=frozenset(f.food_id for f in rng.sample(foods, 3)),
                    disliked_dishes=frozenset({rng.choice(dishes).dish_id}))
    bands = bands_for(age_years=age, energy_kcal=energy, magnesium_mg=magnesium, caffeine_mg=caffeine, **caps)
    label = f"{kind}: {sex} {age} y, {diet}{', no ' + allergies[0] if allergies else ''}" + (
        f", K {caps['potassium_cap_mg']:.0f} P {caps['phosphorus_cap_mg']:.0f}" if caps else "")
    return label, person, bands


def day_bands(day, bands) -> dict[str, bool]:
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


def largest_food_g(day, dishes_by_id, names) -> tuple[float, str]:
    grams: Counter = Counter()
    for item in day.items:
        if item.kind == "food":
            grams[item.ref] += item.grams
        else:
            for food_id, g in dishes_by_id[item.ref].ingredient_grams:
                grams[food_id] += g * item.quantity
    if not grams:
        return 0.0, ""
    food_id, g = max(grams.items(), key=lambda kv: (kv[1], -kv[0]))
    return g, names[food_id]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 24
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 17
    budget = WEEK_BUDGET_S
    if "unhurried" in sys.argv[3:]:
        meal_milp.TIME_LIMIT_S, budget = 600.0, 3600.0
        print("unhurried: no wall-clock limits")
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    foods, dishes = shipped_foods(), shipped_dishes()
    print(f"{len(foods)} foods, {len(dishes)} dishes")
    dishes_by_id = {d.dish_id: d for d in dishes}
    names = {f.food_id: f.name for f in foods}
    rng = random.Random(seed)
    filled, statuses, inside = 0, Counter(), Counter()
    all_in, mg_in, walls, cpus, distinct, largest = 0, 0, [], [], [], []
    for i in range(count):
        label, person, bands = random_profile(rng, KINDS[i % len(KINDS)], foods, dishes)
        wall, cpu = time.perf_counter(), time.process_time()
        week = plan_week(dishes=dishes, foods=foods, person=person, bands=bands, seed=i, budget_s=budget)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        statuses.update(d.status for d in week)
        distinct.append(len({it.ref for d in week for it in d.items if it.kind == "dish"}))
        for day in week:
            if day.status == NONE:
                continue
            filled += 1
            checks = day_bands(day, bands)
            inside.update(k for k, ok in checks.items() if ok)
            all_in += all(checks.values())
            mg = day.totals["magnesium_mg"]
            mg_in += bands.magnesium_mg - 1e-6 <= mg <= bands.magnesium_soft_max + 1e-6
            largest.append(largest_food_g(day, dishes_by_id, names) + (label,))
        print(f"{label:<52} {walls[-1]:5.2f} s wall {cpus[-1]:5.2f} s cpu  days {dict(Counter(d.status for d in week))}"
              f"  dishes {distinct[-1]}  mg {[round(d.totals.get('magnesium_mg', 0)) for d in week]}"
              f" (target {bands.magnesium_mg:.0f})")
    days = count * 7
    print(f"\n{count} profiles x 7 days = {days} days; filled {filled} ({filled / days:.0%}); statuses {dict(statuses)}")
    print(f"of the filled days: inside every band (energy, carbohydrate, fat, protein, fibre, sodium) "
          f"{all_in / filled:.0%}; per band " + ", ".join(f"{k} {inside[k] / filled:.0%}" for k in
                                                            ("energy", "carbohydrate", "fat", "protein", "fibre", "sodium")))
    print(f"days with magnesium between the target and twice it: {mg_in / filled:.0%} of filled days "
          f"({mg_in / days:.0%} of all days)")
    top = max(largest)
    print(f"largest amount of one food in a day: {top[0]:.0f} g ({top[1]}; {top[2]}); median day's largest "
          f"{statistics.median(g for g, _n, _l in largest):.0f} g")
    print(f"distinct dishes a week: median {statistics.median(distinct)}, min {min(distinct)}, max {max(distinct)}")
    print(f"time a week: wall median {statistics.median(walls):.2f} s, max {max(walls):.2f} s; "
          f"cpu median {statistics.median(cpus):.2f} s, max {max(cpus):.2f} s")


if __name__ == "__main__":
    main()
