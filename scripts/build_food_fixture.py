#!/usr/bin/env python3
"""Write fixtures/foods.json: the curated foods of scripts/food_selection.py with their USDA SR28 data.

    python scripts/build_food_fixture.py [SR28_DIR] [--out fixtures/foods.json]

SR28_DIR defaults to $USDA_SR28_DIR, then ../shared/data/usda next to the repository. Plain Python (no
Django, no pandas): it is a developer tool, run again whenever the selection changes, and its output is
committed. The output is deterministic: foods sorted by NDB number with pks 1..n, portions by food and
SR28 Seq with pks 1..m, keys sorted.

From SR28 (file format: ../shared/data/usda/README.md and sr28_doc.pdf):
- name = FOOD_DES Long_Desc, food_group = FD_GROUP FdGrp_Desc, ndb_number = NDB_No (5 digits).
- each nutrient = NUT_DATA Nutr_Val per 100 g, exactly; a nutrient SR28 did not report stays null
  (unknown), never 0.
- portions = every WEIGHT row: label "Amount Msre_Desc", grams = Gm_Wgt, seq = Seq.
Ours (scripts/food_selection_safety.py, which says how each was chosen): choking_hazard_under_4, and
the default portion of each food (is_default on exactly one portion of every food that has any).
"""

import argparse
import gzip
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from food_selection import FOODS
from food_selection_safety import (
    CHOKING_HAZARDS,
    DEFAULT_PORTION_OVERRIDES,
    DEFAULT_PORTION_RULES,
)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "fixtures" / "foods.json"

# SR28 nutrient code -> Food field; the same table as foods.models.NUTRIENTS (a test keeps them equal).
NUTRIENT_CODES = {
    "304": "magnesium_mg",
    "301": "calcium_mg",
    "306": "potassium_mg",
    "305": "phosphorus_mg",
    "307": "sodium_mg",
    "262": "caffeine_mg",
    "208": "energy_kcal",
    "203": "protein_g",
    "205": "carbohydrate_g",
    "204": "fat_g",
    "291": "fibre_g",
}
ALLERGENS = ("nuts", "peanuts", "dairy", "gluten", "fish", "shellfish", "soy", "egg")
DIETS = {  # diet code -> (vegan, vegetarian); see food_selection.py
    "vegan": (True, True),
    "veg": (False, True),
    "veg?": (None, True),
    "meat": (False, False),
    "?": (None, None),
}
MEAL_LETTERS = {"B": "suits_breakfast", "L": "suits_lunch", "D": "suits_dinner", "S": "suits_snack"}


def parse(line: str) -> list[str]:
    """One SR28 line: `^`-separated, text in `~`, CRLF (README "Minimal parser")."""
    return [f[1:-1] if len(f) >= 2 and f[0] == f[-1] == "~" else f for f in line.rstrip("\r\n").split("^")]


def read(folder: Path, name: str):
    path = folder / name
    with (
        path.open(encoding="latin-1")
        if path.exists()
        else gzip.open(folder / f"{name}.gz", "rt", encoding="latin-1") as handle
    ):
        for line in handle:
            if line.strip():
                yield parse(line)


def diet_facts(diet: str, contains: str, unsure: str) -> dict[str, bool | None]:
    if diet not in DIETS:
        raise ValueError(f"unknown diet code {diet!r}")
    contains_set, unsure_set = set(contains.split()), set(unsure.split())
    for word in contains_set | unsure_set:
        if word not in ALLERGENS:
            raise ValueError(f"unknown allergen {word!r}")
    if contains_set & unsure_set:
        raise ValueError(f"both contains and unsure: {sorted(contains_set & unsure_set)}")
    vegan, vegetarian = DIETS[diet]
    facts = {"vegan": vegan, "vegetarian": vegetarian}
    for allergen in ALLERGENS:
        facts[f"contains_{allergen}"] = True if allergen in contains_set else None if allergen in unsure_set else False
    if vegan and any(facts[f"contains_{a}"] is not False for a in ("dairy", "egg", "fish", "shellfish")):
        raise ValueError("a vegan food must be free of dairy, egg, fish and shellfish")
    if vegetarian and any(facts[f"contains_{a}"] is not False for a in ("fish", "shellfish")):
        raise ValueError("a vegetarian food must be free of fish and shellfish")
    return facts


def meal_flags(meals: str) -> dict[str, bool]:
    unknown = set(meals) - set(MEAL_LETTERS)
    if unknown:
        raise ValueError(f"unknown meal letters {sorted(unknown)}")
    return {field: letter in meals for letter, field in MEAL_LETTERS.items()}


def portion_label(amount: str, measure: str) -> str:
    """'1' + 'cup, chopped' -> '1 cup, chopped'; '.5' -> '0.5'."""
    return f"{float(amount):g} {measure}".strip()


def default_portion_seq(ndb: str, group: str, portions: list[tuple[int, str, float]]) -> int | None:
    """The Seq of the portion a person would use: the override's label, else the group's rules in order,
    else SR28's first portion. None for a food without portions."""
    if not portions:
        return None
    if ndb in DEFAULT_PORTION_OVERRIDES:
        label = DEFAULT_PORTION_OVERRIDES[ndb]
        for seq, text, _grams in portions:
            if text == label:
                return seq
        raise SystemExit(f"{ndb}: default portion {label!r} is not one of {[p[1] for p in portions]}")
    for start in (*DEFAULT_PORTION_RULES.get(group, ()), *DEFAULT_PORTION_RULES["*"]):
        for seq, text, _grams in portions:
            if text.lower().startswith(start.lower()):
                return seq
    return portions[0][0]


def build(sr28: Path) -> list[dict]:
    picks = {}
    for ndb, diet, meals, contains, unsure in FOODS:
        if ndb in picks:
            raise SystemExit(f"{ndb} is listed twice in food_selection.py")
        try:
            picks[ndb] = {**diet_facts(diet, contains, unsure), **meal_flags(meals)}
        except ValueError as error:
            raise SystemExit(f"{ndb}: {error}") from None

    groups = {row[0]: row[1] for row in read(sr28, "FD_GROUP.txt")}
    described = {row[0]: (row[2], groups[row[1]]) for row in read(sr28, "FOOD_DES.txt") if row[0] in picks}
    unknown = sorted(set(CHOKING_HAZARDS) - set(picks)) + sorted(set(DEFAULT_PORTION_OVERRIDES) - set(picks))
    if unknown:
        raise SystemExit(f"food_selection_safety.py names foods not in the selection: {', '.join(unknown)}")
    missing = sorted(set(picks) - set(described))
    if missing:
        raise SystemExit(f"not in SR28 FOOD_DES: {', '.join(missing)}")

    nutrients = {ndb: dict.fromkeys(NUTRIENT_CODES.values()) for ndb in picks}
    for row in read(sr28, "NUT_DATA.txt"):
        if row[0] in picks and row[1] in NUTRIENT_CODES and row[2] != "":
            nutrients[row[0]][NUTRIENT_CODES[row[1]]] = float(row[2])

    portions: dict[str, list[tuple[int, str, float]]] = {ndb: [] for ndb in picks}
    for row in read(sr28, "WEIGHT.txt"):
        if row[0] in picks:
            portions[row[0]].append((int(row[1]), portion_label(row[2], row[3]), float(row[4])))

    objects: list[dict] = []
    portion_objects: list[dict] = []
    for pk, ndb in enumerate(sorted(picks), start=1):
        values = nutrients[ndb]
        if values["magnesium_mg"] is None or values["energy_kcal"] is None:
            raise SystemExit(f"{ndb} {described[ndb][0]}: SR28 gives no magnesium or energy; pick another food")
        name, group = described[ndb]
        fields = {
            "name": name,
            "food_group": group,
            "ndb_number": ndb,
            **picks[ndb],
            **values,
            "choking_hazard_under_4": ndb in CHOKING_HAZARDS,
            "edited_by_admin": False,
        }
        objects.append({"model": "foods.food", "pk": pk, "fields": fields})
        default_seq = default_portion_seq(ndb, group, sorted(portions[ndb]))
        for seq, label, grams in sorted(portions[ndb]):
            portion_objects.append(
                {
                    "model": "foods.portion",
                    "pk": len(portion_objects) + 1,
                    "fields": {
                        "food": pk,
                        "seq": seq,
                        "label": label,
                        "grams": grams,
                        "is_default": seq == default_seq,
                    },
                }
            )
    return objects + portion_objects


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "sr28_dir",
        nargs="?",
        type=Path,
        default=Path(os.environ.get("USDA_SR28_DIR", REPO.parent / "shared" / "data" / "usda")),
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not (args.sr28_dir / "FOOD_DES.txt").exists():
        raise SystemExit(f"USDA SR28 files not found in {args.sr28_dir}")
    objects = build(args.sr28_dir)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as handle:
        json.dump(objects, handle, indent=1, sort_keys=True, ensure_ascii=False)
        handle.write("\n")
    foods = sum(1 for o in objects if o["model"] == "foods.food")
    print(f"Wrote {foods} foods and {len(objects) - foods} portions to {args.out}")


if __name__ == "__main__":
    main()
