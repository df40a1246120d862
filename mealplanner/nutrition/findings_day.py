"""Findings about one day's totals: the supplement limit, the target, caffeine, and kidney nutrients.

Finding codes (stable):
  over-limit, over-limit-prescribed, far-over-limit, near-limit, below-target, caffeine-high,
  caffeine-restless-legs, kidney-day-nutrients
"""

from .findings_person import target_for
from .people import DayIntake, Finding, Person, sort_findings
from .targets import LIMIT_SOURCE, ODS_SOURCE, TARGET_SOURCE, supplement_limit_mg

NEAR_LIMIT_SHARE = 0.8  # warn from 80 % of the upper limit: a margin before the first side effects
FAR_OVER_LIMIT_TIMES = 5  # [ODS] toxicity reported at very high doses (about 5,000 mg/day); 5 × 350 mg is the
# point from which we name the serious signs, well before that, because kidney function varies.
ADULT_AGE_YEARS = 18  # the FDA's caffeine figure is for healthy adults
CAFFEINE_ADULT_LIMIT_MG = 400  # [FDA, "Spilling the Beans: How Much Caffeine is Too Much?"]

EXCESS_SOURCE = f'{ODS_SOURCE}, Table 3 and "Health Risks from Excessive Magnesium"'
FDA_CAFFEINE_SOURCE = 'US FDA, "Spilling the Beans: How Much Caffeine is Too Much?"'
MEDLINEPLUS_RLS_SOURCE = 'MedlinePlus, "Restless legs syndrome"'


def _mg(value: float) -> str:
    return f"{round(value):,} mg"


def _limit_findings(person: Person, day: DayIntake) -> list[Finding]:
    limit = supplement_limit_mg(person.age_years)
    if limit is None or not day.supplements:
        return []
    total = day.supplement_mg
    unprescribed = sum(s.elemental_mg for s in day.supplements if not s.prescribed)
    where = (f"Supplements and medicines give {_mg(total)} of magnesium this day; the upper limit for magnesium "
             f"from supplements and medicines is {_mg(limit)} a day")
    serious = ("Very high amounts can cause low blood pressure, confusion, an irregular heartbeat or "
               "difficulty breathing: get medical help at once if these appear.")
    if total > limit and unprescribed <= limit:
        # Above the limit only because of prescribed doses: the doctor knows, so this is not an alarm.
        message = (f"{where}. This is above the usual limit, as prescribed: follow your doctor. Tell them if "
                   "you get diarrhoea, nausea or cramping.")
        if total >= FAR_OVER_LIMIT_TIMES * limit:
            message += " " + serious
        return [Finding("caution", "over-limit-prescribed", message, EXCESS_SOURCE)]
    if total >= FAR_OVER_LIMIT_TIMES * limit:
        return [Finding(
            "danger", "far-over-limit",
            f"{where}: this is {total / limit:.0f} times the limit. {serious} Do not take more; talk to a "
            "doctor or pharmacist today.",
            EXCESS_SOURCE,
        )]
    if total > limit:
        return [Finding(
            "danger", "over-limit",
            f"{where}. Above the limit, magnesium may cause diarrhoea, nausea and cramping first. Lower the dose "
            "or ask your doctor.",
            EXCESS_SOURCE,
        )]
    if total >= NEAR_LIMIT_SHARE * limit:
        return [Finding(
            "caution", "near-limit",
            f"{where}: you are close to it. Magnesium in food does not count towards this limit.",
            LIMIT_SOURCE,
        )]
    return []


def _target_finding(person: Person, day: DayIntake) -> list[Finding]:
    if person.age_years < 1:
        return []  # no meal plans for babies (see the "infant" finding)
    target = target_for(person)
    total = day.food_magnesium_mg + day.supplement_mg
    if total >= target.mg:
        return []
    missing = target.mg - total
    source = "Set by your dietitian" if target.is_custom else TARGET_SOURCE
    if day.unknown_magnesium_foods:
        foods = "food has" if day.unknown_magnesium_foods == 1 else "foods have"
        message = (f"This day gives at least {_mg(total)} of magnesium ({day.unknown_magnesium_foods} {foods} no "
                   f"magnesium figure), so it may be up to {_mg(missing)} short of your {_mg(target.mg)} target.")
    else:
        message = f"This day gives {_mg(total)} of magnesium: {_mg(missing)} short of your {_mg(target.mg)} target."
    return [Finding("info", "below-target", message, source)]


def _caffeine_findings(person: Person, day: DayIntake) -> list[Finding]:
    findings = []
    if person.age_years >= ADULT_AGE_YEARS and day.caffeine_mg > CAFFEINE_ADULT_LIMIT_MG:
        findings.append(Finding(
            "caution", "caffeine-high",
            f"This day has about {_mg(day.caffeine_mg)} of caffeine. For healthy adults, up to "
            f"{_mg(CAFFEINE_ADULT_LIMIT_MG)} a day is not generally linked to harm; this day is above that, "
            "so you may want to cut down.",
            FDA_CAFFEINE_SOURCE,
        ))
    if person.restless_legs and day.caffeine_mg > 0:
        findings.append(Finding(
            "info", "caffeine-restless-legs",
            f"This day has about {_mg(day.caffeine_mg)} of caffeine. Caffeine may aggravate restless legs "
            "symptoms in some people; you could try cutting down to see whether it helps you.",
            MEDLINEPLUS_RLS_SOURCE,
        ))
    return findings


def _kidney_finding(person: Person, day: DayIntake) -> list[Finding]:
    if not person.kidney_disease:
        return []

    def amount(value):
        return "not known" if value is None else _mg(value)

    return [Finding(
        "info", "kidney-day-nutrients",
        f"This day's foods give potassium {amount(day.potassium_mg)} and phosphorus {amount(day.phosphorus_mg)}. "
        "Compare them with the limits your care team gave you.",
        "USDA National Nutrient Database for Standard Reference, Release 28 (food values)",
    )]


def day_findings(person: Person, day: DayIntake) -> list[Finding]:
    """What to know about one day's totals, most serious first."""
    if not isinstance(person, Person) or not isinstance(day, DayIntake):
        raise ValueError("day_findings needs a Person and a DayIntake.")
    findings = (_limit_findings(person, day) + _target_finding(person, day)
                + _caffeine_findings(person, day) + _kidney_finding(person, day))
    return sort_findings(findings)
