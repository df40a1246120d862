"""One food as an import brings it, and the plain rules every food's values must keep (plain Python).

The importer (`import_foods`), the service (`food_bulk_upsert`) and the admin form all call
`check_food_values`, so a value the admin refuses is refused by an import too, with the same limits.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

# Nutrient fields (the same names as foods.models.NUTRIENTS; kept here as plain data so this module
# needs no Django) with the unit of their per-100 g amount.
NUTRIENT_UNITS = {
    "magnesium_mg": "mg",
    "calcium_mg": "mg",
    "potassium_mg": "mg",
    "phosphorus_mg": "mg",
    "sodium_mg": "mg",
    "caffeine_mg": "mg",
    "energy_kcal": "kcal",
    "protein_g": "g",
    "carbohydrate_g": "g",
    "fat_g": "g",
    "fibre_g": "g",
}
DIET_FIELDS = (
    "vegan",
    "vegetarian",
    "contains_nuts",
    "contains_peanuts",
    "contains_dairy",
    "contains_gluten",
    "contains_fish",
    "contains_shellfish",
    "contains_soy",
    "contains_egg",
)
MEAL_FIELDS = ("suits_breakfast", "suits_lunch", "suits_dinner", "suits_snack")
CHOKING_FIELD = "choking_hazard_under_4"

# Upper limits per 100 g of food. Physical bounds, not nutrition advice: 100 g of food cannot hold more
# than 100 g of protein, carbohydrate, fat or fibre, and pure fat (9 kcal/g) gives 900 kcal, so
# 1,000 kcal leaves room for rounding. The richest SR28 food in magnesium holds well under 1,000 mg/100 g
# (pumpkin seeds, NDB 12014: 592 mg), so more than 1,000 mg is a typing slip (the model's check
# constraint uses the same bound).
UPPER_LIMITS = {
    "magnesium_mg": 1000,
    "energy_kcal": 1000,
    "protein_g": 100,
    "carbohydrate_g": 100,
    "fat_g": 100,
    "fibre_g": 100,
}

NDB_PATTERN = re.compile(r"\d{5}")
NAME_MAX, GROUP_MAX, LABEL_MAX = 200, 80, 120


@dataclass(frozen=True)
class Problem:
    """One value that breaks a rule; worded for a row report or for a form field."""

    field: str
    value: float
    limit: float | None = None  # None: the value is negative

    @property
    def unit(self) -> str:
        return NUTRIENT_UNITS.get(self.field, "")

    def for_row(self) -> str:
        if self.limit is None:
            return f"{self.field}: {self.value:g} is negative"
        return f"{self.field}: {self.value:g} is more than {self.limit:,g} {self.unit} per 100 g"

    def for_form(self, label: str) -> str:
        if self.limit is None:
            return f"{label} cannot be negative"
        return f"{label} cannot be more than {self.limit:,g} {self.unit} per 100 g"


def check_food_values(values: Mapping[str, float | None]) -> list[Problem]:
    """Problems with a food's nutrient amounts per 100 g; unknown (None) is always fine."""
    problems = []
    for name, value in values.items():
        if name not in NUTRIENT_UNITS or value is None:
            continue
        if value < 0:
            problems.append(Problem(name, value))
        elif name in UPPER_LIMITS and value > UPPER_LIMITS[name]:
            problems.append(Problem(name, value, UPPER_LIMITS[name]))
    return problems


def ndb_number_problem(value: str) -> str | None:
    if NDB_PATTERN.fullmatch(value):
        return None
    return f"ndb_number {value!r} is not 5 digits"


@dataclass(frozen=True)
class PortionRow:
    label: str
    grams: float
    seq: int = 1


@dataclass
class FoodRow:
    """A food as a file describes it.

    Only the keys present in `nutrients`, `diet` and `meals` are written; a diet fact or meal that is
    None is unknown to the file and keeps what the database holds. `defaults` are safe guesses (from
    an SR28 food group) used only for a new food or a diet fact still unknown. `portions` None leaves
    the food's portions alone; a list replaces them.
    """

    name: str
    food_group: str
    ndb_number: str | None = None
    nutrients: dict[str, float | None] = field(default_factory=dict)
    diet: dict[str, bool | None] = field(default_factory=dict)
    meals: dict[str, bool | None] = field(default_factory=dict)
    defaults: dict[str, bool] = field(default_factory=dict)
    portions: list[PortionRow] | None = None
    # None: the file does not say, and the database keeps what it holds.
    choking_hazard_under_4: bool | None = None
    # The label of the portion a person would use; None keeps the food's default, "" clears it (the
    # fallback rule of foods.portions then applies).
    default_portion: str | None = None
    line: int | None = None  # the row number in the source file, for reports
    source: str = "row"  # what `line` counts, e.g. "FOOD_DES.txt line" for SR28

    @classmethod
    def from_mapping(cls, data: Mapping, *, line: int | None = None) -> "FoodRow":
        """A row from a flat dict of model field names (portions as a list of dicts or PortionRows)."""
        portions = data.get("portions")
        if portions is not None:
            portions = [
                p if isinstance(p, PortionRow) else PortionRow(p["label"], float(p["grams"]), int(p.get("seq", i)))
                for i, p in enumerate(portions, start=1)
            ]
        return cls(
            name=data.get("name") or "",
            food_group=data.get("food_group") or "",
            ndb_number=data.get("ndb_number") or None,
            nutrients={k: data[k] for k in NUTRIENT_UNITS if k in data},
            diet={k: data[k] for k in DIET_FIELDS if k in data},
            meals={k: data[k] for k in MEAL_FIELDS if k in data},
            defaults=dict(data.get("defaults", {})),
            portions=portions,
            choking_hazard_under_4=data.get(CHOKING_FIELD),
            default_portion=data.get("default_portion"),
            line=data.get("line", line),
        )

    def where(self, index: int) -> str:
        return f"{self.source} {self.line if self.line is not None else index + 1}"


def check_rows(rows: list[FoodRow]) -> list[str]:
    """Every problem in these rows, each with its row number: the whole list, not just the first."""
    errors = []
    seen_ndb: dict[str, str] = {}
    seen_names: dict[tuple[str, str], str] = {}
    for index, row in enumerate(rows):
        where = row.where(index)
        if not (row.name or "").strip():
            errors.append(f"{where}: name is empty")
        elif len(row.name) > NAME_MAX:
            errors.append(f"{where}: name is longer than {NAME_MAX} characters")
        if not (row.food_group or "").strip():
            errors.append(f"{where}: food_group is empty")
        elif len(row.food_group) > GROUP_MAX:
            errors.append(f"{where}: food_group is longer than {GROUP_MAX} characters")
        if row.ndb_number is not None:
            problem = ndb_number_problem(row.ndb_number)
            if problem:
                errors.append(f"{where}: {problem}")
            elif row.ndb_number in seen_ndb:
                errors.append(f"{where}: ndb_number {row.ndb_number} is already on {seen_ndb[row.ndb_number]}")
            else:
                seen_ndb[row.ndb_number] = where
        elif (row.name, row.food_group) in seen_names:
            # Without an NDB number a food is known by its name and group, so a repeat is ambiguous.
            errors.append(
                f"{where}: {row.name!r} in {row.food_group!r} is already on {seen_names[(row.name, row.food_group)]}"
            )
        else:
            seen_names[(row.name, row.food_group)] = where
        errors.extend(f"{where}: {p.for_row()}" for p in check_food_values(row.nutrients))
        for portion in row.portions or ():
            if not portion.label.strip() or len(portion.label) > LABEL_MAX:
                errors.append(f"{where}: portion label {portion.label!r} must have 1 to {LABEL_MAX} characters")
            if not portion.grams > 0:
                errors.append(f"{where}: portion {portion.label!r} must weigh more than 0 g, not {portion.grams:g}")
        if (
            row.default_portion
            and row.portions is not None
            and row.default_portion not in {p.label for p in row.portions}
        ):
            errors.append(f"{where}: default_portion {row.default_portion!r} is not one of the row's portions")
    return errors


def by_row(errors: list[str]) -> list[str]:
    """Problems in row order ("row 3: ..." before "row 12: ..."); others first, in their order."""

    def key(error: str) -> int:
        match = re.match(r"row (\d+):", error)
        return int(match.group(1)) if match else -1

    return sorted(errors, key=key)


TRUE_WORDS = {"yes", "y", "true", "t", "1"}
FALSE_WORDS = {"no", "n", "false", "f", "0"}


def parse_bool(value) -> bool | None:
    """Yes/no from a cell: None for empty (unknown); ValueError for anything else."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if value != value:  # NaN: an empty cell
            return None
        if value in (0, 1):
            return bool(value)
        raise ValueError(f"{value!r} is not yes or no")
    text = str(value).strip().lower()
    if not text:
        return None
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueError(f"{value!r} is not yes or no")


def format_bool(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def parse_portions(text: str) -> list[PortionRow]:
    """'1 cup=30; 1 oz=28.35' -> portions in that order. The grams follow the last '=' (SR28 labels
    such as 'serving (NLEA serving = 1 cup)' hold one themselves)."""
    portions = []
    for seq, part in enumerate((p.strip() for p in text.split(";") if p.strip()), start=1):
        label, sep, grams = part.rpartition("=")
        if not sep or not label.strip():
            raise ValueError(f"portion {part!r} is not written as label=grams")
        try:
            weight = float(grams.strip().removesuffix("g").strip())
        except ValueError:
            raise ValueError(f"portion {part!r}: {grams.strip()!r} is not a number of grams") from None
        portions.append(PortionRow(label.strip(), weight, seq))
    return portions


def format_portions(portions: list[PortionRow]) -> str:
    return "; ".join(f"{p.label}={p.grams:g}" for p in portions)
