"""Magnesium targets and the upper limit for supplemental magnesium, by age, sex and life stage.

Age brackets: the tables say "birth to 6 months" and "7–12 months". Ages are in years, so we read
birth to 6 months as age < 0.5 and 7–12 months as 0.5 <= age < 1 (a baby of six months and a few
days is in its seventh month). "1–3 years" means 1 <= age < 4, "14–18" means 14 <= age < 19, and so on:
a bracket lasts until the next birthday after its last year.
"""

from . import _checks

ODS_SOURCE = "NIH Office of Dietary Supplements, Magnesium fact sheet"
TARGET_SOURCE = f"{ODS_SOURCE}, Table 1 (Food and Nutrition Board, 1997)"
LIMIT_SOURCE = f"{ODS_SOURCE}, Table 3 (Food and Nutrition Board, 1997)"

# (lowest age, first age of the next bracket, bracket label, male, female, pregnancy, lactation), mg/day.
# [ODS Table 1] AI for infants, RDA from 1 year.
_TARGET_ROWS = (
    (0.0, 0.5, "birth to 6 months", 30, 30, None, None),  # [ODS Table 1] AI
    (0.5, 1.0, "7–12 months", 75, 75, None, None),  # [ODS Table 1] AI
    (1.0, 4.0, "1–3", 80, 80, None, None),  # [ODS Table 1]
    (4.0, 9.0, "4–8", 130, 130, None, None),  # [ODS Table 1]
    (9.0, 14.0, "9–13", 240, 240, None, None),  # [ODS Table 1]
    (14.0, 19.0, "14–18", 410, 360, 400, 360),  # [ODS Table 1]
    (19.0, 31.0, "19–30", 400, 310, 350, 310),  # [ODS Table 1]
    (31.0, 51.0, "31–50", 420, 320, 360, 320),  # [ODS Table 1]
    # [ODS Table 1] has no pregnancy or lactation figures for 51+: we use the 31–50 ones (pregnancy 360,
    # lactation 320) rather than refuse, and the label says so.
    (51.0, float("inf"), "51+", 420, 320, 360, 320),
)

# (lowest age, first age of the next bracket, limit mg/day) [ODS Table 3]; under 1 year: none established.
_LIMIT_ROWS = (
    (1.0, 4.0, 65),  # [ODS Table 3] 1–3 years
    (4.0, 9.0, 110),  # [ODS Table 3] 4–8 years
    (9.0, float("inf"), 350),  # [ODS Table 3] 9–18 and 19+ years (pregnancy and lactation too)
)


def _row(age_years: float):
    for row in _TARGET_ROWS:
        if row[0] <= age_years < row[1]:
            return row
    raise AssertionError("the brackets cover every valid age")  # pragma: no cover


def magnesium_target_mg(age_years: float, sex: str, *, pregnant: bool = False, lactating: bool = False) -> int:
    """The recommended daily magnesium intake (mg) from food and supplements together [ODS Table 1]."""
    return target_mg_and_label(age_years, sex, pregnant=pregnant, lactating=lactating)[0]


def target_mg_and_label(age_years, sex, *, pregnant=False, lactating=False) -> tuple[int, str]:
    """The target and a plain label naming the figure, e.g. (320, "RDA for women 31–50")."""
    years = _checks.age(age_years)
    sex = _checks.sex(sex)
    _checks.life_stage(years, sex, bool(pregnant), bool(lactating))
    low, _high, bracket, male, female, pregnancy, lactation = _row(years)
    if years < 1:
        return (male if sex == "male" else female), f"Adequate intake for babies {bracket}"
    if pregnant or lactating:
        stage = "in pregnancy" if pregnant else "while breastfeeding"
        mg = pregnancy if pregnant else lactation
        if low >= 51:
            return mg, f"RDA {stage} (the 31–50 figure; there is none for 51+)"
        return mg, f"RDA {stage}, ages {bracket}"
    mg = male if sex == "male" else female
    if years < 14:
        who = "children"
    elif years < 19:
        who = "boys" if sex == "male" else "girls"
    else:
        who = "men" if sex == "male" else "women"
    return mg, f"RDA for {who} {bracket}"


def supplement_limit_mg(age_years: float) -> int | None:
    """The upper limit (mg/day) for magnesium from supplements and medicines, not food [ODS Table 3].

    None under 1 year: no limit is established because babies should get magnesium only from milk and food.
    """
    years = _checks.age(age_years)
    for low, high, limit in _LIMIT_ROWS:
        if low <= years < high:
            return limit
    return None
