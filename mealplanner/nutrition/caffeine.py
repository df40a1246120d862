"""How much caffeine a day is advised as the most for a person, by life stage.

Figures from ../shared/reference/balanced-diet.md, "Caffeine by life stage":
- pregnant or breastfeeding: up to 200 mg a day [EFSA 2015; ACOG Committee Opinion 462];
- children and adolescents: 3 mg per kg of body weight [EFSA 2015];
- children without a known weight: 4–6 y 45 mg, 7–9 y 62.5 mg, 10–12 y 85 mg, 13–18 y 2.5 mg/kg
  [Health Canada, "Caffeine in foods"]; for 13–18 without a weight we cannot compute 2.5 mg/kg, so None;
- under 4: no source sets a safe figure, so we advise none (0 mg);
- non-pregnant adults: up to 400 mg a day [EFSA 2015; US FDA].
"""

from . import _checks

EFSA_SOURCE = 'EFSA NDA Panel, "Scientific Opinion on the safety of caffeine", EFSA Journal 2015;13(5):4102'
ACOG_SOURCE = 'ACOG Committee Opinion 462 ("less than 200 mg per day")'
HEALTH_CANADA_SOURCE = 'Health Canada, "Caffeine in foods"'
FDA_SOURCE = 'US FDA, "Spilling the Beans: How Much Caffeine is Too Much?"'
UNDER_FOUR_SOURCE = "No source sets a safe caffeine figure for children under 4; we advise none"

# Health Canada's teenage row is "13–18 years", i.e. until the 19th birthday (the brackets of targets.py);
# EFSA's adults start at 18. We keep the stricter teenage figure through 18.
ADULT_AGE_YEARS = 19
ADULT_LIMIT_MG = 400.0  # [EFSA 2015; US FDA]
PREGNANCY_LIMIT_MG = 200.0  # [EFSA 2015; ACOG CO 462]; breastfeeding too [EFSA 2015]
CHILD_MG_PER_KG = 3.0  # [EFSA 2015] children and adolescents
NO_CAFFEINE_UNDER_YEARS = 4  # [balanced-diet.md] under 4: advise none
# (first age of the row, first age of the next row, mg a day) [Health Canada, "Caffeine in foods"]
_HEALTH_CANADA_ROWS = ((4, 7, 45.0), (7, 10, 62.5), (10, 13, 85.0))
TEEN_MG_PER_KG = 2.5  # [Health Canada] 13–18 years


def caffeine_limit_mg(
    *, age_years: float | None, pregnant: bool, lactating: bool, weight_kg: float | None
) -> float | None:
    """The most caffeine (mg a day) advised for this person; None when we cannot tell (age unknown, or a
    teenager without a weight); 0 for a child under 4 (advise none)."""
    if pregnant or lactating:
        return PREGNANCY_LIMIT_MG
    if age_years is None:
        return None
    years = _checks.age(age_years)
    weight = None if weight_kg is None else _checks.number(weight_kg, "The body weight")
    if years < NO_CAFFEINE_UNDER_YEARS:
        return 0.0
    if years >= ADULT_AGE_YEARS:
        return ADULT_LIMIT_MG
    if weight:
        return CHILD_MG_PER_KG * weight
    for low, high, limit in _HEALTH_CANADA_ROWS:
        if low <= years < high:
            return limit
    return None  # 13–18 without a weight: Health Canada's figure is per kg


def caffeine_limit_source(*, age_years: float | None, pregnant: bool, lactating: bool, weight_kg: float | None) -> str:
    """The source to cite beside caffeine_limit_mg's figure for the same person."""
    if pregnant:
        return f"{EFSA_SOURCE}; {ACOG_SOURCE}"
    if lactating:
        return EFSA_SOURCE
    if age_years is None:
        return EFSA_SOURCE
    if age_years < NO_CAFFEINE_UNDER_YEARS:
        return UNDER_FOUR_SOURCE
    if age_years >= ADULT_AGE_YEARS:
        return f"{EFSA_SOURCE}; {FDA_SOURCE}"
    if weight_kg:
        return EFSA_SOURCE
    return HEALTH_CANADA_SOURCE
