"""The values the rules take (a person, a day's intake) and give back (a target, findings).

Each checks itself on creation, so a bad value is a ValueError where it is made, not a crash later.
"""

import datetime
from dataclasses import dataclass

from . import _checks
from .medicines import medicine_class

LEVELS = ("danger", "caution", "info")
SUPPLEMENT_KINDS = ("supplement", "antacid", "laxative")


def _set(obj, name, value):
    object.__setattr__(obj, name, value)  # normalising a frozen dataclass in __post_init__


def _time(value, what):
    if value is not None and not isinstance(value, datetime.time):
        raise ValueError(f"{what} must be a time of day or empty, not {value!r}.")


@dataclass(frozen=True)
class Medicine:
    name: str
    medicine_class: str
    time_taken: datetime.time | None = None

    def __post_init__(self):
        _set(self, "medicine_class", medicine_class(self.medicine_class))
        _time(self.time_taken, "The time a medicine is taken")


@dataclass(frozen=True)
class Person:
    age_years: float
    sex: str
    pregnant: bool = False
    lactating: bool = False
    kidney_disease: bool = False
    bleeding_disorder: bool = False
    restless_legs: bool = False
    medicines: tuple[Medicine, ...] = ()
    custom_target_mg: int | None = None
    weight_kg: float | None = None  # optional; children's caffeine figure is per kg [EFSA 2015]

    def __post_init__(self):
        _set(self, "age_years", _checks.age(self.age_years))
        if self.weight_kg is not None:
            _set(self, "weight_kg", _checks.weight(self.weight_kg))
        _set(self, "sex", _checks.sex(self.sex))
        _checks.life_stage(self.age_years, self.sex, self.pregnant, self.lactating)
        medicines = tuple(self.medicines)
        if not all(isinstance(m, Medicine) for m in medicines):
            raise ValueError("Each medicine must be a Medicine.")
        _set(self, "medicines", medicines)
        if self.custom_target_mg is not None:
            _set(self, "custom_target_mg", round(_checks.number(self.custom_target_mg, "The custom target")))


@dataclass(frozen=True)
class SupplementDose:
    name: str
    elemental_mg: float | None  # None: the label gives no way to know it ("unknown", never counted as 0)
    prescribed: bool = False
    time_taken: datetime.time | None = None
    kind: str = "supplement"  # or "antacid" / "laxative": all count towards the upper limit [ODS Table 3]

    def __post_init__(self):
        if self.elemental_mg is not None:
            _set(self, "elemental_mg", _checks.number(self.elemental_mg, "The magnesium in a dose"))
        if self.kind not in SUPPLEMENT_KINDS:
            raise ValueError(f"Unknown kind {self.kind!r}; known: {', '.join(SUPPLEMENT_KINDS)}.")
        _time(self.time_taken, "The time a supplement is taken")


@dataclass(frozen=True)
class DayIntake:
    food_magnesium_mg: float
    supplements: tuple[SupplementDose, ...] = ()
    caffeine_mg: float = 0.0
    potassium_mg: float | None = None
    phosphorus_mg: float | None = None
    unknown_magnesium_foods: int = 0  # foods in the day with no magnesium figure: totals are then "at least"

    def __post_init__(self):
        _set(self, "food_magnesium_mg", _checks.number(self.food_magnesium_mg, "The magnesium from food"))
        _set(self, "caffeine_mg", _checks.number(self.caffeine_mg, "The caffeine"))
        for name in ("potassium_mg", "phosphorus_mg"):
            value = getattr(self, name)
            if value is not None:
                _set(self, name, _checks.number(value, f"The {name.removesuffix('_mg')}"))
        unknown = _checks.number(self.unknown_magnesium_foods, "The number of foods without a magnesium figure")
        if unknown != int(unknown):
            raise ValueError("The number of foods without a magnesium figure must be a whole number.")
        _set(self, "unknown_magnesium_foods", int(unknown))
        supplements = tuple(self.supplements)
        if not all(isinstance(s, SupplementDose) for s in supplements):
            raise ValueError("Each supplement must be a SupplementDose.")
        _set(self, "supplements", supplements)

    @property
    def supplement_mg(self) -> float:
        """The magnesium of the doses whose amount is known (see unknown_supplements)."""
        return sum(s.elemental_mg for s in self.supplements if s.elemental_mg is not None)

    @property
    def unknown_supplements(self) -> tuple[SupplementDose, ...]:
        return tuple(s for s in self.supplements if s.elemental_mg is None)


@dataclass(frozen=True)
class Target:
    mg: int
    is_custom: bool
    source: str
    label: str  # e.g. "RDA for women 31–50" or "Custom target set by your dietitian"


@dataclass(frozen=True)
class Finding:
    level: str  # "danger", "caution" or "info"
    code: str
    message: str
    source: str

    def __post_init__(self):
        if self.level not in LEVELS:
            raise ValueError(f"Unknown level {self.level!r}; known: {', '.join(LEVELS)}.")


def sort_findings(findings) -> list[Finding]:
    """Danger first, then caution, then info; the order within a level is kept."""
    return sorted(findings, key=lambda f: LEVELS.index(f.level))
