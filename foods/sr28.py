"""Read the USDA SR28 ASCII release into FoodRows (plain Python, no Django).

Accepts the folder, the zip USDA publishes (`sr28asc.zip`, files at its top level or in one folder),
and a folder whose NUT_DATA is gzip-compressed (`NUT_DATA.txt.gz`, as in ../shared/data/usda).
Format (sr28_doc.pdf, and ../shared/data/usda/README.md): `^`-separated fields, text wrapped in `~`,
ISO-8859-1, CRLF. An empty numeric field, and a missing (food, nutrient) row, mean "not reported":
the nutrient stays unknown (None), never zero.
"""

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from foods.rows import DIET_FIELDS, MEAL_FIELDS, FoodRow, PortionRow

# SR28 nutrient codes (NUTR_DEF.Nutr_No) for our per-100 g fields; same table as foods.models.NUTRIENTS.
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

# Diet facts a whole SR28 food group settles. Only "not vegan / not vegetarian" for groups made of
# meat or fish: an unsafe "yes" is never guessed from a group name (e.g. "Dairy and Egg Products"
# holds non-dairy creamers, "Finfish and Shellfish" does not say which of fish or shellfish).
_MEAT = {"vegan": False, "vegetarian": False}
_ANIMAL = {"vegan": False}
GROUP_DIET = {
    "Beef Products": _MEAT,
    "Pork Products": _MEAT,
    "Poultry Products": _MEAT,
    "Lamb, Veal, and Game Products": _MEAT,
    "Sausages and Luncheon Meats": _MEAT,
    "Finfish and Shellfish Products": _MEAT,
    "Dairy and Egg Products": _ANIMAL,
}
# Meals a group suits. Groups left out (spices, fats and oils, baby foods, restaurant foods, baked
# products, sweets, beverages, grains and flours, ...) suit no meal until an admin says so.
_MAIN = ("suits_lunch", "suits_dinner")
GROUP_MEALS = {
    "Breakfast Cereals": ("suits_breakfast",),
    "Fruits and Fruit Juices": ("suits_breakfast", "suits_snack"),
    "Vegetables and Vegetable Products": _MAIN,
    "Legumes and Legume Products": _MAIN,
    "Beef Products": _MAIN,
    "Pork Products": _MAIN,
    "Poultry Products": _MAIN,
    "Lamb, Veal, and Game Products": _MAIN,
    "Finfish and Shellfish Products": _MAIN,
    "Meals, Entrees, and Side Dishes": _MAIN,
    "Nut and Seed Products": ("suits_snack",),
    "Snacks": ("suits_snack",),
}


def group_defaults(group: str) -> dict[str, bool]:
    """Safe guesses for a new food of this SR28 group: known diet facts and the meals it suits."""
    meals = GROUP_MEALS.get(group, ())
    defaults = {name: False for name in MEAL_FIELDS} | {name: True for name in meals}
    return defaults | {k: v for k, v in GROUP_DIET.get(group, {}).items() if k in DIET_FIELDS}


def parse_line(line: str) -> list[str]:
    return [f[1:-1] if len(f) >= 2 and f[0] == f[-1] == "~" else f for f in line.rstrip("\r\n").split("^")]


class SR28Source:
    """The SR28 files, from a folder or a zip, each opened as latin-1 text (gzip or not)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.zip = zipfile.ZipFile(self.path) if self.path.is_file() else None

    def _find(self, name: str) -> tuple[str, bool] | None:
        candidates = [name, f"{name}.gz"]
        if self.zip:
            members = {Path(m).name.upper(): m for m in self.zip.namelist()}
            for candidate in candidates:
                if candidate.upper() in members:
                    return members[candidate.upper()], candidate.endswith(".gz")
            return None
        for candidate in candidates:
            if (self.path / candidate).exists():
                return str(self.path / candidate), candidate.endswith(".gz")
        return None

    def has(self, name: str) -> bool:
        return self._find(name) is not None

    def raw_lines(self, name: str) -> Iterator[str]:
        """The file's non-blank lines, without their line ends."""
        found = self._find(name)
        if found is None:
            raise FileNotFoundError(f"{name} is missing from {self.path}")
        where, gzipped = found
        with self.zip.open(where) if self.zip else open(where, "rb") as raw:
            binary = gzip.GzipFile(fileobj=raw) if gzipped else raw
            with io.TextIOWrapper(binary, encoding="latin-1", newline="") as text:
                for line in text:
                    line = line.rstrip("\r\n")
                    if line.strip():
                        yield line

    def lines(self, name: str) -> Iterator[list[str]]:
        return map(parse_line, self.raw_lines(name))

    def close(self):
        if self.zip:
            self.zip.close()


def is_sr28(path: Path) -> bool:
    path = Path(path)
    if path.is_dir():
        return (path / "FOOD_DES.txt").exists()
    if path.suffix.lower() == ".zip" and zipfile.is_zipfile(path):
        return SR28Source(path).has("FOOD_DES.txt")
    return False


def _number(text: str) -> float | None:
    text = text.strip()
    return float(text) if text else None


class SR28Error(ValueError):
    """The release cannot be read: a damaged zip or gzip, a missing file."""


def read_sr28(path: Path) -> tuple[list[FoodRow], list[str]]:
    """All SR28 foods as FoodRows, and the problems met (with file and line number).

    Raises SR28Error when a file is missing or damaged (a download cut short, a bad checksum).
    """
    try:
        return _read_sr28(path)
    except FileNotFoundError as error:
        raise SR28Error(str(error)) from error
    except (zipfile.BadZipFile, gzip.BadGzipFile, EOFError, zlib.error, OSError) as error:
        raise SR28Error(f"{Path(path).name}: a file in it is damaged or cut short ({error})") from error


def _read_sr28(path: Path) -> tuple[list[FoodRow], list[str]]:
    source = SR28Source(path)
    errors: list[str] = []
    try:
        groups = {f[0]: f[1] for f in source.lines("FD_GROUP.txt")}
        rows: dict[str, FoodRow] = {}
        portions: dict[str, list[PortionRow]] = {}  # each row's own list, filled from WEIGHT.txt
        for number, f in enumerate(source.lines("FOOD_DES.txt"), start=1):
            if len(f) < 3:
                errors.append(f"FOOD_DES.txt line {number}: has {len(f)} fields, expected at least 3")
                continue
            group = groups.get(f[1], "")
            if not group:
                errors.append(f"FOOD_DES.txt line {number}: food group code {f[1]!r} is not in FD_GROUP.txt")
            portions[f[0]] = []
            rows[f[0]] = FoodRow(
                name=f[2],
                food_group=group,
                ndb_number=f[0],
                # Every nutrient is unknown until NUT_DATA reports it.
                nutrients=dict.fromkeys(NUTRIENT_CODES.values()),
                defaults=group_defaults(group),
                portions=portions[f[0]],
                line=number,
                source="FOOD_DES.txt line",
            )
        # NUT_DATA has 679,045 lines and we keep 11 of its 150 nutrients: look at the code before
        # parsing the rest of a line (on a busy 2-core machine this halves the read).
        codes = {f"~{code}~": name for code, name in NUTRIENT_CODES.items()} | NUTRIENT_CODES
        for number, line in enumerate(source.raw_lines("NUT_DATA.txt"), start=1):
            head = line.split("^", 3)
            name = codes.get(head[1]) if len(head) > 2 else None
            if name is None:
                continue
            f = parse_line("^".join(head[:3]))
            row = rows.get(f[0])
            if row is None:
                errors.append(f"NUT_DATA.txt line {number}: food {f[0]} is not in FOOD_DES.txt")
                continue
            try:
                row.nutrients[name] = _number(f[2])
            except ValueError:
                errors.append(f"NUT_DATA.txt line {number}: {name}: {f[2]!r} is not a number")
        if source.has("WEIGHT.txt"):
            for number, f in enumerate(source.lines("WEIGHT.txt"), start=1):
                row = rows.get(f[0])
                try:
                    amount, grams = float(f[2]), float(f[4])
                except (ValueError, IndexError):
                    errors.append(f"WEIGHT.txt line {number}: amount or grams is not a number")
                    continue
                if row is None:
                    errors.append(f"WEIGHT.txt line {number}: food {f[0]} is not in FOOD_DES.txt")
                    continue
                portions[f[0]].append(PortionRow(f"{amount:g} {f[3]}", grams, int(f[1])))
    finally:
        source.close()
    return list(rows.values()), errors
