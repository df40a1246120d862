"""The bands a generated day keeps, by age and life stage (plain Python, no Django).

Every figure comes from ../shared/reference/balanced-diet.md:
- carbohydrate, fat and protein as shares of energy by age [IOM DRI, 2005, acceptable macronutrient ranges];
- fibre at least 14 g per 1,000 kcal [Dietary Guidelines for Americans; IOM];
- sodium, reduce intake above [NASEM, DRIs for Sodium and Potassium, 2019, CDRR] (a dietitian's cap, if
  lower, wins);
- potassium and phosphorus: only the caps a dietitian set [KDOQI 2020: "the dietitian's figures win"].
Magnesium (the target from food) and caffeine come from mealplanner.nutrition (NIH ODS Table 1; EFSA 2015,
ACOG, Health Canada by life stage); the energy goal is the profile's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

ENERGY_TOLERANCE = 0.10  # the day's energy within ±10 % of the goal (issue 17)

# (first age, first age of the next row, carbohydrate, fat, protein) as shares of energy [IOM DRI 2005].
_MACRO_ROWS = (
    (1.0, 4.0, (0.45, 0.65), (0.30, 0.40), (0.05, 0.20)),  # 1–3 y
    (4.0, 19.0, (0.45, 0.65), (0.25, 0.35), (0.10, 0.30)),  # 4–18 y
    (19.0, math.inf, (0.45, 0.65), (0.20, 0.35), (0.10, 0.35)),  # adults
)
# (first age, first age of the next row, mg a day) [NASEM 2019, sodium CDRR].
_SODIUM_ROWS = ((1.0, 4.0, 1200.0), (4.0, 9.0, 1500.0), (9.0, 14.0, 1800.0), (14.0, math.inf, 2300.0))
FIBRE_G_PER_1000_KCAL = 14.0  # [DGA; IOM]
# Shares of energy are worked out with the general Atwater factors: 4 kcal per g of carbohydrate and of
# protein, 9 per g of fat (USDA Agriculture Handbook 74, Merrill & Watt, as SR28's documentation cites them).
KCAL_PER_G = {"carbohydrate_g": 4.0, "fat_g": 9.0, "protein_g": 4.0}
MACROS = ("carbohydrate_g", "fat_g", "protein_g")
# The soft aim: magnesium from food at most about twice the target (issue 17; days of 4–15 times it came
# from filling the energy band with seeds and bran).
MAGNESIUM_SOFT_FACTOR = 2.0
YOUNG_CHILD_AGE = 4.0  # under 4: no choking hazards (CDC, "Choking Hazards"; AAP)


@dataclass(frozen=True)
class Bands:
    """One person's day. Shares are (low, high) fractions of energy; None: no cap set."""

    age_years: float
    energy_kcal: float
    magnesium_mg: float
    caffeine_mg: float
    carbohydrate: tuple[float, float]
    fat: tuple[float, float]
    protein: tuple[float, float]
    sodium_mg: float
    potassium_mg: float | None = None
    phosphorus_mg: float | None = None
    fibre_g_per_1000_kcal: float = FIBRE_G_PER_1000_KCAL
    energy_tolerance: float = ENERGY_TOLERANCE

    @property
    def energy_low(self) -> float:
        return self.energy_kcal * (1 - self.energy_tolerance)

    @property
    def energy_high(self) -> float:
        return self.energy_kcal * (1 + self.energy_tolerance)

    @property
    def magnesium_soft_max(self) -> float:
        return self.magnesium_mg * MAGNESIUM_SOFT_FACTOR

    @property
    def young_child(self) -> bool:
        return self.age_years < YOUNG_CHILD_AGE

    def share(self, macro: str) -> tuple[float, float]:
        return {"carbohydrate_g": self.carbohydrate, "fat_g": self.fat, "protein_g": self.protein}[macro]

    def caps(self) -> dict[str, float]:
        """The upper limits a day keeps, by nutrient (mg)."""
        out = {"sodium_mg": self.sodium_mg, "caffeine_mg": self.caffeine_mg}
        if self.potassium_mg is not None:
            out["potassium_mg"] = self.potassium_mg
        if self.phosphorus_mg is not None:
            out["phosphorus_mg"] = self.phosphorus_mg
        return out


def _row(rows, age_years: float):
    for row in rows:
        if row[0] <= age_years < row[1]:
            return row
    raise ValueError("There is no generated plan for babies under 1 year: follow your paediatrician's advice.")


def age_sodium_mg(age_years: float) -> float:
    return _row(_SODIUM_ROWS, age_years)[2]


def bands_for(
    *,
    age_years: float,
    energy_kcal: float,
    magnesium_mg: float,
    caffeine_mg: float | None,
    sodium_cap_mg: float | None = None,
    potassium_cap_mg: float | None = None,
    phosphorus_cap_mg: float | None = None,
) -> Bands:
    """The bands for a person of this age: the age's macro ranges and sodium figure, the dietitian's caps.

    `caffeine_mg` is the life stage's figure (mealplanner.nutrition.caffeine.caffeine_limit_mg); None (a
    teenager without a weight) plans without caffeine."""
    if energy_kcal <= 0 or magnesium_mg < 0:
        raise ValueError("The energy goal must be above 0 and the magnesium target at least 0.")
    _low, _high, carbohydrate, fat, protein = _row(_MACRO_ROWS, age_years)
    sodium = age_sodium_mg(age_years)
    if sodium_cap_mg is not None:
        sodium = min(sodium, sodium_cap_mg)
    return Bands(
        age_years=age_years,
        energy_kcal=energy_kcal,
        magnesium_mg=magnesium_mg,
        caffeine_mg=0.0 if caffeine_mg is None else caffeine_mg,
        carbohydrate=carbohydrate,
        fat=fat,
        protein=protein,
        sodium_mg=sodium,
        potassium_mg=potassium_cap_mg,
        phosphorus_mg=phosphorus_cap_mg,
    )
