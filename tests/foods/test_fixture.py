"""The curated food fixture: the right foods, SR28's exact values, sound diet facts and meals.

SR28 is read here with its own small parser (not the build script's), so a slip in the build shows.
"""

import gzip
import importlib.util
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
from django.conf import settings
from scipy.optimize import linprog

from foods.models import ALLERGENS, MEALS, NUTRIENTS

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "foods.json"
OBJECTS = json.loads(FIXTURE.read_text(encoding="utf-8"))
FOODS = {o["fields"]["ndb_number"]: o["fields"] for o in OBJECTS if o["model"] == "foods.food"}
PKS = {o["pk"]: o["fields"]["ndb_number"] for o in OBJECTS if o["model"] == "foods.food"}
PORTIONS = defaultdict(list)
for _o in OBJECTS:
    if _o["model"] == "foods.portion":
        PORTIONS[PKS[_o["fields"]["food"]]].append(_o["fields"])

# NIH ODS fact sheet, Table 2 (../shared/reference/magnesium.md, "Food sources the fact sheet lists").
ODS_FOODS = {
    "12016": "pumpkin seeds, roasted",
    "12006": "chia seeds",
    "12063": "almonds, dry roasted",
    "11458": "spinach, boiled",
    "12085": "cashews, dry roasted",
    "16389": "peanuts, oil roasted",
    "08147": "shredded wheat cereal",
    "16139": "soymilk",
    "16015": "black beans, cooked",
    "11212": "edamame, shelled, cooked",
    "16098": "peanut butter, smooth",
    "11674": "potato, baked, with skin",
    "20037": "brown rice, cooked",
    "01117": "plain low-fat yogurt",
    "08013": "fortified breakfast cereal",
    "08123": "instant oatmeal",
    "16145": "kidney beans, canned",
    "09040": "banana",
    "15237": "Atlantic salmon, farmed, cooked",
    "01082": "1% milk",
    "15037": "halibut, cooked",
    "09298": "raisins",
    "18075": "whole-wheat bread",
    "09037": "avocado",
    "05064": "chicken breast, roasted",
    "23563": "ground beef 90% lean, broiled",
    "11091": "broccoli, cooked",
    "20045": "white rice, cooked",
    "09003": "apple",
    "11124": "carrot",
}
# The seed article's list (../shared/reference/seed-article.txt, "Foods with Magnesium").
SEED_ARTICLE_FOODS = {
    "01117": "low-fat yogurt",
    "01118": "non-fat yogurt",
    "01082": "low-fat milk",
    "01085": "non-fat milk",
    "09040": "bananas",
    "09037": "avocados",
    "16015": "black beans",
    "16070": "lentils",
    "15047": "mackerel",
    "15121": "tuna",
    "12061": "almonds (nuts)",
    "12014": "pumpkin and squash seeds",
    "11457": "spinach",
    "11148": "chard",
    "11233": "kale",
}
# Named by number in the issue, with SR28's Long_Desc.
NAMED = {
    "12014": "Seeds, pumpkin and squash seed kernels, dried",
    "11457": "Spinach, raw",
    "01117": "Yogurt, plain, low fat, 12 grams protein per 8 ounce",
    "12061": "Nuts, almonds",
    "16015": "Beans, black, mature seeds, cooked, boiled, without salt",
    "09040": "Bananas, raw",
    "14209": "Beverages, coffee, brewed, prepared with tap water",
}


def _parse(line):
    return [f[1:-1] if len(f) >= 2 and f[0] == f[-1] == "~" else f for f in line.rstrip("\r\n").split("^")]


def _rows(folder: Path, name: str):
    gzipped = name == "NUT_DATA.txt"
    with (
        gzip.open(folder / f"{name}.gz", "rt", encoding="latin-1")
        if gzipped
        else (folder / name).open(encoding="latin-1") as handle
    ):
        for line in handle:
            if line.strip():
                yield _parse(line)


@pytest.fixture(scope="module")
def sr28(sr28_dir):
    groups = {r[0]: r[1] for r in _rows(sr28_dir, "FD_GROUP.txt")}
    foods = {r[0]: (r[2], groups[r[1]]) for r in _rows(sr28_dir, "FOOD_DES.txt") if r[0] in FOODS}
    values = defaultdict(dict)
    for r in _rows(sr28_dir, "NUT_DATA.txt"):
        if r[0] in FOODS and r[2] != "":
            values[r[0]][r[1]] = float(r[2])
    weights = defaultdict(list)
    for r in _rows(sr28_dir, "WEIGHT.txt"):
        if r[0] in FOODS:
            weights[r[0]].append((int(r[1]), float(r[2]), r[3], float(r[4])))
    return foods, values, weights


def test_it_holds_at_least_250_foods():
    assert len(FOODS) >= 250


@pytest.mark.parametrize("ndb", sorted(ODS_FOODS))
def test_every_food_the_fact_sheet_lists_is_there(ndb):
    assert ndb in FOODS, f"{ODS_FOODS[ndb]} ({ndb}) is missing"


@pytest.mark.parametrize("ndb", sorted(SEED_ARTICLE_FOODS))
def test_every_food_the_seed_article_names_is_there(ndb):
    assert ndb in FOODS, f"{SEED_ARTICLE_FOODS[ndb]} ({ndb}) is missing"


def test_the_foods_the_issue_names_carry_sr28s_names_so_search_finds_them():
    assert {ndb: FOODS[ndb]["name"] for ndb in NAMED} == NAMED
    assert FOODS["12014"]["magnesium_mg"] == 592  # SR28 NDB 12014, per 100 g


def test_names_and_food_groups_are_sr28s(sr28):
    foods, _, _ = sr28
    assert {ndb: (f["name"], f["food_group"]) for ndb, f in FOODS.items()} == foods


def test_every_nutrient_equals_sr28_and_what_sr28_did_not_report_is_unknown(sr28):
    _, values, _ = sr28
    for ndb, food in FOODS.items():
        for field, code, _unit, _label in NUTRIENTS:
            assert food[field] == values[ndb].get(code), f"{ndb} {field}"
    # Chia seeds (12006): SR28 gives no caffeine value; that is unknown, not caffeine-free.
    assert FOODS["12006"]["caffeine_mg"] is None


def test_every_portion_is_a_weight_row_of_sr28(sr28):
    _, _, weights = sr28
    for ndb in FOODS:
        expected = sorted((seq, f"{amount:g} {measure}", grams) for seq, amount, measure, grams in weights[ndb])
        got = sorted((p["seq"], p["label"], p["grams"]) for p in PORTIONS[ndb])
        assert got == expected, ndb
    assert {(p["label"], p["grams"]) for p in PORTIONS["11457"]} >= {("1 cup", 30.0)}  # raw spinach


def test_the_committed_fixture_is_what_the_build_script_writes(sr28_dir, tmp_path):
    path = Path(settings.BASE_DIR) / "scripts" / "build_food_fixture.py"
    spec = importlib.util.spec_from_file_location("build_food_fixture", path)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    out = tmp_path / "foods.json"
    build.main([str(sr28_dir), "--out", str(out)])
    assert out.read_bytes() == FIXTURE.read_bytes()


def test_every_food_has_magnesium_and_energy():
    assert [ndb for ndb, f in FOODS.items() if f["magnesium_mg"] is None or f["energy_kcal"] is None] == []


def test_diet_facts_agree_with_each_other():
    for ndb, f in FOODS.items():
        if f["vegan"]:
            assert f["vegetarian"] is True, ndb
            assert [f[f"contains_{a}"] for a in ("dairy", "egg", "fish", "shellfish")] == [False] * 4, ndb
        if f["vegetarian"]:
            assert (f["contains_fish"], f["contains_shellfish"]) == (False, False), ndb
        if f["contains_dairy"] or f["contains_egg"] or f["contains_fish"] or f["contains_shellfish"]:
            assert f["vegan"] is False, ndb


def test_diet_facts_follow_what_the_food_is():
    for f in FOODS.values():
        name, group = f["name"], f["food_group"]
        if group in (
            "Beef Products",
            "Pork Products",
            "Poultry Products",
            "Finfish and Shellfish Products",
            "Lamb, Veal, and Game Products",
            "Sausages and Luncheon Meats",
        ):
            assert (f["vegan"], f["vegetarian"]) == (False, False), name
        if name.startswith("Fish,"):
            assert f["contains_fish"] is True, name
        if name.startswith(("Crustaceans,", "Mollusks,")):
            assert f["contains_shellfish"] is True, name
        if name.startswith(("Bread,", "Bagels", "English muffins", "Pasta, cooked", "Bulgur", "Couscous")):
            assert f["contains_gluten"] is True, name
        if name.startswith("Nuts,"):
            assert f["contains_nuts"] is True, name
        if name.startswith(("Peanut", "Peanuts")):
            assert (f["contains_peanuts"], f["contains_nuts"]) == (True, False), name
        if name.startswith(("Tofu", "Soymilk", "Edamame", "Soybeans", "Tempeh")):
            assert f["contains_soy"] is True, name
        if name.startswith(("Milk,", "Yogurt,", "Cheese,", "Butter")):
            assert f["contains_dairy"] is True, name
        if name.startswith("Egg,"):
            assert f["contains_egg"] is True, name
        for allergen in ALLERGENS:
            assert f[f"contains_{allergen}"] in (True, False, None)


def test_oils_and_butter_are_never_served_as_a_meal_on_their_own():
    fats = [f for f in FOODS.values() if f["food_group"] == "Fats and Oils" or f["name"].startswith("Butter")]
    assert fats
    assert [f["name"] for f in fats if any(f[f"suits_{m}"] for m in MEALS)] == []


def test_coffee_suits_breakfast_and_a_snack_and_nothing_caffeinated_is_served_at_dinner():
    coffee = FOODS["14209"]
    assert coffee["suits_breakfast"] and coffee["suits_snack"]
    assert [f["name"] for f in FOODS.values() if (f["caffeine_mg"] or 0) > 0 and f["suits_dinner"]] == []


def test_leafy_greens_and_meat_are_not_a_snack():
    for ndb in ("11457", "11458", "11233", "11148", "05064", "23563", "15237"):
        assert not FOODS[ndb]["suits_snack"], FOODS[ndb]["name"]


@pytest.mark.parametrize("meal", MEALS)
def test_each_meal_has_plenty_of_vegan_and_caffeine_free_foods(meal):
    suits = [f for f in FOODS.values() if f[f"suits_{meal}"]]
    assert len([f for f in suits if f["vegan"]]) >= 20
    assert len([f for f in suits if f["caffeine_mg"] == 0]) >= 40


@pytest.mark.parametrize("meal", ["breakfast", "snack"])
def test_there_are_drinks_without_caffeine_beside_coffee_and_tea(meal):
    drinks = [f for f in FOODS.values() if f["food_group"] == "Beverages" and f[f"suits_{meal}"]]
    assert any(f["caffeine_mg"] for f in drinks)
    assert len([f for f in drinks if f["caffeine_mg"] == 0]) >= 5


def _cheapest_vegan_day(excluded: set[str], *, magnesium: float) -> tuple[float, dict[str, float]]:
    """Least energy (kcal) of a vegan day of four meals reaching `magnesium` mg, each meal at least 300
    kcal, with foods only at meals they suit and in amounts a person eats (at most 40 g of a food of
    more than 400 kcal/100 g, such as nuts; 250 g of anything else). Returns (kcal, grams by NDB)."""
    columns = [
        (meal, ndb)
        for meal in MEALS
        for ndb, f in sorted(FOODS.items())
        if f["vegan"] and f[f"suits_{meal}"] and ndb not in excluded
    ]
    kcal = np.array([FOODS[ndb]["energy_kcal"] / 100 for _, ndb in columns])
    mg = np.array([FOODS[ndb]["magnesium_mg"] / 100 for _, ndb in columns])
    caps = [(0, 40 if FOODS[ndb]["energy_kcal"] > 400 else 250) for _, ndb in columns]
    rows, limits = [-mg], [-magnesium]
    for meal in MEALS:
        rows.append(-np.array([k if m == meal else 0 for k, (m, _) in zip(kcal, columns, strict=True)]))
        limits.append(-300)
    result = linprog(kcal, A_ub=np.array(rows), b_ub=limits, bounds=caps, method="highs")
    assert result.status == 0, result.message
    grams: dict[str, float] = defaultdict(float)
    for (_, ndb), amount in zip(columns, result.x, strict=True):
        grams[ndb] += amount
    return result.fun, grams


def test_a_vegan_week_reaches_420_mg_a_day_within_2000_kcal_without_repeating_its_main_sources():
    # 420 mg: the highest adult RDA (men 31+, ODS Table 1). Each day drops the three foods that gave
    # the previous days most magnesium, so the week is not seven copies of one day.
    excluded: set[str] = set()
    for _day in range(7):
        energy, grams = _cheapest_vegan_day(excluded, magnesium=420)
        assert energy <= 2000
        top = sorted(grams, key=lambda ndb: grams[ndb] * FOODS[ndb]["magnesium_mg"], reverse=True)[:3]
        excluded.update(top)
