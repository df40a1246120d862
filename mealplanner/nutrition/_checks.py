"""Argument checks shared by the nutrition rules: bad input is a ValueError with a plain message."""

import math
from decimal import Decimal

SEXES = ("female", "male")
MAX_AGE_YEARS = 130
# Pregnancy and breastfeeding figures start at 14 [ODS Table 1: the first pregnancy row is 14–18 years].
MIN_PREGNANCY_AGE_YEARS = 14


def shown(value) -> str:
    """A value as it goes into an error message: short, whatever was passed."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def number(value, what: str) -> float:
    """A finite, non-negative float from an int, float or Decimal (model fields hand us Decimals)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise ValueError(f"{what} must be a number, not {shown(value)}.")
    try:
        result = float(value)
    except (OverflowError, ValueError):  # a huge int, or a signalling Decimal NaN
        raise ValueError(f"{what} must be a real number of sensible size, not {shown(value)}.") from None
    if math.isnan(result) or math.isinf(result):
        raise ValueError(f"{what} must be a real number, not {shown(value)}.")
    if result < 0:
        raise ValueError(f"{what} cannot be negative (got {value}).")
    return result


def age(value) -> float:
    years = number(value, "Age")
    if years > MAX_AGE_YEARS:
        raise ValueError(f"Age must be at most {MAX_AGE_YEARS} years (got {value}).")
    return years


MAX_WEIGHT_KG = 500  # beyond any person: a slip of the keyboard


def weight(value) -> float:
    kg = number(value, "The body weight")
    if not 0 < kg <= MAX_WEIGHT_KG:
        raise ValueError(f"The body weight must be more than 0 and at most {MAX_WEIGHT_KG} kg (got {value}).")
    return kg


def sex(value) -> str:
    if not isinstance(value, str) or value.strip().lower() not in SEXES:
        raise ValueError(f"Sex must be one of: {', '.join(SEXES)} (got {shown(value)}).")
    return value.strip().lower()


def life_stage(age_years: float, sex_: str, pregnant: bool, lactating: bool) -> None:
    if pregnant and lactating:
        raise ValueError("Choose pregnant or breastfeeding, not both: the figures differ and cannot be combined.")
    if (pregnant or lactating) and sex_ == "male":
        raise ValueError("Pregnancy and breastfeeding apply only to the female figures.")
    if (pregnant or lactating) and age_years < MIN_PREGNANCY_AGE_YEARS:
        raise ValueError(
            f"Pregnancy and breastfeeding figures start at {MIN_PREGNANCY_AGE_YEARS} years; below that, ask a doctor."
        )
