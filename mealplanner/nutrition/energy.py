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
- The table excludes pregnancy and breastfeeding; needs rise later in pregnancy and while breastfeeding, by
  amounts that depend on the stage. We return the non-pregnant figure and the UI should invite the person
  or their dietitian to set their own goal.
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
