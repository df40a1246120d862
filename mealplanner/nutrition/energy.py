"""A default daily energy goal (kcal) when neither the person nor a dietitian has set one.

Figures: Dietary Guidelines for Americans (DGA) 2020–2025, Appendix 2, "Estimated Calorie Needs per Day,
by Age, Sex, and Physical Activity Level" (the same Estimated Energy Requirement table as DGA 2015 Table A2-1,
rounded to the nearest 200 kcal). How we checked them, since we could not open the DGA PDF itself:
- ages 2 to 20, each year: the table as reproduced by UpToDate ("Estimated caloric needs per day by age,
  gender, and physical activity level, from the Dietary Guidelines for Americans");
- adult rows (five-year bands): a chart labelled as DGA 2020–2025, cross-checked against the DGA 2020–2025
  summary by bracket (women 19–30: sedentary 1,800–2,000, moderately active 2,000–2,200; 31–50: 1,800 /
  2,000; 51+: 1,600 / 1,800; men 19–30: 2,400–2,600 / 2,600–2,800; 31–50: 2,200–2,400 / 2,400–2,600;
  51+: 2,000–2,200 / 2,200–2,400; StayWell/Krames "Eating the Right Number of Calories (2020-2025
  Guidelines)"). Where the chart disagreed with that summary (women 26–30, sedentary: it says 2,000, which
  would leave no 1,800 row in 19–30) we follow the summary: 1,800.

Choices the table does not make for us, said plainly:
- The table starts at age 2. A child of 1 gets the age-2 row (1,000 kcal, the same at every activity level).
- Under 1 year there is no meal plan (babies feed on milk; follow the paediatrician): ValueError.
- The table excludes pregnancy and breastfeeding: `default_energy_goal_kcal` gives the non-pregnant figure
  and `life_stage_extra_kcal` the DGA's extra for the trimester or the baby's age, added by the caller.
- Default activity is "moderate" (moderately active: about 1.5–3 miles of walking a day at 3–4 mph on top
  of daily life), the middle of the table's three levels.
"""

from . import _checks

ENERGY_GOAL_SOURCE = (
    'Dietary Guidelines for Americans, 2020–2025 (USDA and HHS), Appendix 2 "Estimated Calorie Needs per Day, '
    'by Age, Sex, and Physical Activity Level"; an estimate for an average-sized person, not an individual need'
)
ACTIVITY_LEVELS = ("sedentary", "moderate")

# (first age of the row, male sedentary, male moderate, female sedentary, female moderate), kcal/day [DGA App. 2].
# A row lasts until the next row's first age.
_ROWS = (
    (2, 1000, 1000, 1000, 1000),
    (3, 1000, 1400, 1000, 1200),
    (4, 1200, 1400, 1200, 1400),
    (5, 1200, 1400, 1200, 1400),
    (6, 1400, 1600, 1200, 1400),
    (7, 1400, 1600, 1200, 1600),
    (8, 1400, 1600, 1400, 1600),
    (9, 1600, 1800, 1400, 1600),
    (10, 1600, 1800, 1400, 1800),
    (11, 1800, 2000, 1600, 1800),
    (12, 1800, 2200, 1600, 2000),
    (13, 2000, 2200, 1600, 2000),
    (14, 2000, 2400, 1800, 2000),
    (15, 2200, 2600, 1800, 2000),
    (16, 2400, 2800, 1800, 2000),
    (17, 2400, 2800, 1800, 2000),
    (18, 2400, 2800, 1800, 2000),
    (19, 2600, 2800, 2000, 2200),  # 19–20
    (21, 2400, 2800, 2000, 2200),  # 21–25
    (26, 2400, 2600, 1800, 2000),  # 26–30 (female sedentary: see the module note)
    (31, 2400, 2600, 1800, 2000),  # 31–35
    (36, 2400, 2600, 1800, 2000),  # 36–40
    (41, 2200, 2600, 1800, 2000),  # 41–45
    (46, 2200, 2400, 1800, 2000),  # 46–50
    (51, 2200, 2400, 1600, 1800),  # 51–55
    (56, 2200, 2400, 1600, 1800),  # 56–60
    (61, 2000, 2400, 1600, 1800),  # 61–65
    (66, 2000, 2200, 1600, 1800),  # 66–70
    (71, 2000, 2200, 1600, 1800),  # 71–75
    (76, 2000, 2200, 1600, 1800),  # 76 and up
)


def default_energy_goal_kcal(
    age_years: float, sex: str, *, pregnant: bool = False, lactating: bool = False, activity: str = "moderate"
) -> int:
    """The DGA 2020–2025 estimate of daily calorie needs for this age, sex and activity level."""
    years = _checks.age(age_years)
    sex = _checks.sex(sex)
    _checks.life_stage(years, sex, bool(pregnant), bool(lactating))
    if activity not in ACTIVITY_LEVELS:
        raise ValueError(f"Unknown activity level {activity!r}; known: {', '.join(ACTIVITY_LEVELS)}.")
    if years < 1:
        raise ValueError("There is no meal plan for babies under 1 year: follow your paediatrician's advice.")
    row = _ROWS[0]
    for candidate in _ROWS:
        if candidate[0] <= years:
            row = candidate
    column = (1 if sex == "male" else 3) + (0 if activity == "sedentary" else 1)
    return row[column]


# --- Pregnancy and breastfeeding (issue 13) ---
# [DGA 2020–2025, chapter "Women Who Are Pregnant or Lactating"; balanced-diet.md]: no extra energy in the
# first trimester; about +340 kcal a day in the second and +452 in the third; breastfeeding about +330 kcal a
# day in the first 6 months and +400 in months 7–12.
LIFE_STAGE_ENERGY_SOURCE = (
    'Dietary Guidelines for Americans, 2020–2025, chapter "Women Who Are Pregnant or Lactating" (extra energy '
    "by trimester and by the baby's age)"
)
TRIMESTER_EXTRA_KCAL = {1: 0, 2: 340, 3: 452}  # [DGA 2020–2025]
LACTATION_FIRST_6_MONTHS_KCAL = 330  # [DGA 2020–2025] about +330 kcal in months 0–6
LACTATION_MONTHS_7_TO_12_KCAL = 400  # [DGA 2020–2025] about +400 kcal in months 7–12
PREGNANCY_DAYS = 280  # a due date is 40 weeks after the last period (obstetric dating, as due dates are given)
# Trimesters by completed weeks of pregnancy (ACOG's dating): 1st up to 13 weeks 6 days, 2nd from 14 weeks,
# 3rd from 28 weeks. A due date more than 2 weeks past means the pregnancy is over: the profile needs updating.
SECOND_TRIMESTER_WEEK = 14
THIRD_TRIMESTER_WEEK = 28
OVERDUE_DAYS = 14


def trimester_on(due_date, on) -> int | None:
    """1, 2 or 3 from a due date; None when the date cannot be the due date of a pregnancy on `on`
    (more than 40 weeks ahead, or more than 2 weeks past)."""
    days_left = (due_date - on).days
    if days_left > PREGNANCY_DAYS or days_left < -OVERDUE_DAYS:
        return None
    weeks = (PREGNANCY_DAYS - days_left) / 7
    if weeks < SECOND_TRIMESTER_WEEK:
        return 1
    return 2 if weeks < THIRD_TRIMESTER_WEEK else 3


def baby_age_months(birth_date, on) -> int | None:
    """The baby's age in completed months; None for a birth date after `on`."""
    if birth_date > on:
        return None
    months = (on.year - birth_date.year) * 12 + on.month - birth_date.month
    return months - (on.day < birth_date.day)


def life_stage_extra_kcal(
    *, pregnant: bool, lactating: bool, due_date=None, baby_birth_date=None, on=None
) -> tuple[int | None, str]:
    """(extra kcal a day for pregnancy or breastfeeding, how it is explained).

    None when the stage is known but its extra is not (no due date, no baby's birth date, or dates that do
    not fit): the caller shows the base figure and asks for the date. 0 with a reason when the source adds
    nothing (first trimester, or breastfeeding past 12 months, for which the DGA gives no figure).
    """
    if pregnant:
        if due_date is None:
            return None, "add your due date: the extra energy depends on the trimester"
        trimester = trimester_on(due_date, on)
        if trimester is None:
            return None, "the due date does not fit a pregnancy today: check it"
        extra = TRIMESTER_EXTRA_KCAL[trimester]
        name = ("first", "second", "third")[trimester - 1]
        return extra, f"+{extra} kcal in the {name} trimester" if extra else "no extra energy in the first trimester"
    if lactating:
        if baby_birth_date is None:
            return None, "add your baby's birth date: the extra energy depends on the baby's age"
        months = baby_age_months(baby_birth_date, on)
        if months is None:
            return None, "the baby's birth date is after today: check it"
        if months < 6:
            extra = LACTATION_FIRST_6_MONTHS_KCAL
            return extra, f"+{extra} kcal while breastfeeding, months 0–6"
        if months < 12:
            extra = LACTATION_MONTHS_7_TO_12_KCAL
            return extra, f"+{extra} kcal while breastfeeding, months 7–12"
        return 0, "the guidelines give no extra figure after 12 months of breastfeeding: ask your dietitian"
    return 0, ""
