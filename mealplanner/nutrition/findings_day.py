"""Findings about one day's totals: the supplement limit, the target, caffeine, and kidney nutrients.

Finding codes (stable):
  limit-unknown, over-limit, over-limit-prescribed, far-over-limit, near-limit, below-target, caffeine-high,
  caffeine-unchecked, caffeine-restless-legs (findings_caffeine.py), kidney-day-nutrients
"""

from .findings_caffeine import caffeine_findings
from .findings_person import target_for
from .numbers import mg_text, whole_number
from .people import DayIntake, Finding, Person, sort_findings
from .targets import LIMIT_SOURCE, ODS_SOURCE, TARGET_SOURCE, supplement_limit_mg

NEAR_LIMIT_SHARE = 0.8  # warn from 80 % of the upper limit: a margin before the first side effects
FAR_OVER_LIMIT_TIMES = 5  # [ODS] toxicity reported at very high doses (about 5,000 mg/day); 5 × 350 mg is the
# point from which we name the serious signs, well before that, because kidney function varies.

EXCESS_SOURCE = f'{ODS_SOURCE}, Table 3 and "Health Risks from Excessive Magnesium"'


def _mg(value: float) -> str:
    return mg_text(value)


def _names(doses) -> str:
    return ", ".join(dict.fromkeys(d.name for d in doses))


def _dose_text(dose) -> str:
    amount = "amount unknown" if dose.elemental_mg is None else _mg(dose.elemental_mg)
    return f"{dose.name} ({amount})"


def _limit_findings(person: Person, day: DayIntake) -> list[Finding]:
    limit = supplement_limit_mg(person.age_years)
    if limit is None or not day.supplements:
        return []
    findings = []
    unknown = day.unknown_supplements
    total = day.supplement_mg  # the doses whose magnesium is known; an unknown one is never counted as 0
    at_least = "at least " if unknown else ""
    if unknown:
        findings.append(
            Finding(
                "caution",
                "limit-unknown",
                f"The magnesium in {_names(unknown)} is not known, so this day cannot be checked against the "
                f"{_mg(limit)} upper limit for supplements and medicines. Find the elemental magnesium on the label "
                "and add it in your supplement cabinet.",
                LIMIT_SOURCE,
            )
        )
    # A prescription covers only its own dose: anything not prescribed that adds to a day over the limit
    # is the person's own addition, and a danger (issue 13).
    unprescribed = [d for d in day.supplements if not d.prescribed]
    unprescribed_mg = sum(d.elemental_mg for d in unprescribed if d.elemental_mg is not None)
    where = (
        f"Supplements and medicines give {at_least}{_mg(total)} of magnesium this day; the upper limit for "
        f"magnesium from supplements and medicines is {_mg(limit)} a day"
    )
    serious = (
        "Very high amounts can cause low blood pressure, confusion, an irregular heartbeat or "
        "difficulty breathing: get medical help at once if these appear."
    )
    if total > limit and not unprescribed:
        # Above the limit only because of prescribed doses: the doctor knows, so this is not an alarm.
        message = (
            f"{where}. This is above the usual limit, as prescribed: follow your doctor. Tell them if "
            "you get diarrhoea, nausea or cramping."
        )
        if total >= FAR_OVER_LIMIT_TIMES * limit:
            message += " " + serious
        return findings + [Finding("caution", "over-limit-prescribed", message, EXCESS_SOURCE)]
    own = ""
    if unprescribed and len(unprescribed) < len(day.supplements):
        own = (
            f" Not prescribed: {', '.join(_dose_text(d) for d in unprescribed)}, {at_least}{_mg(unprescribed_mg)}"
            " in all; a prescription covers only its own dose, so take these only if your doctor agrees."
        )
    if total >= FAR_OVER_LIMIT_TIMES * limit:
        return findings + [
            Finding(
                "danger",
                "far-over-limit",
                f"{where}: this is {whole_number(total / limit)} times the limit. {serious} Do not take more; talk to "
                f"a doctor or pharmacist today.{own}",
                EXCESS_SOURCE,
            )
        ]
    if total > limit:
        return findings + [
            Finding(
                "danger",
                "over-limit",
                f"{where}. Above the limit, magnesium may cause diarrhoea, nausea and cramping first. Lower the dose "
                f"or ask your doctor.{own}",
                EXCESS_SOURCE,
            )
        ]
    if total >= NEAR_LIMIT_SHARE * limit:
        findings.append(
            Finding(
                "caution",
                "near-limit",
                f"{where}: you are close to it. Magnesium in food does not count towards this limit.",
                LIMIT_SOURCE,
            )
        )
    return findings


def _target_finding(person: Person, day: DayIntake) -> list[Finding]:
    if person.age_years < 1:
        return []  # no meal plans for babies (see the "infant" finding)
    target = target_for(person)
    total = day.food_magnesium_mg + day.supplement_mg
    if total >= target.mg:
        return []
    # Round once: the figure shown and the shortfall shown add up to the target.
    shown = whole_number(total)
    missing = target.mg - shown
    if missing <= 0:  # under by less than half a milligram: the rounded figures would say "0 mg short"
        return [
            Finding(
                "info",
                "below-target",
                f"This day gives just under your {_mg(target.mg)} target.",
                "Set by your dietitian" if target.is_custom else TARGET_SOURCE,
            )
        ]
    source = "Set by your dietitian" if target.is_custom else TARGET_SOURCE
    unknown = day.unknown_magnesium_foods + len(day.unknown_supplements)
    if unknown:
        if day.unknown_supplements:
            things = "food or supplement has" if unknown == 1 else "foods or supplements have"
        else:
            things = "food has" if unknown == 1 else "foods have"
        message = (
            f"This day gives at least {_mg(shown)} of magnesium ({unknown} {things} no "
            f"magnesium figure), so it may be up to {_mg(missing)} short of your {_mg(target.mg)} target."
        )
    else:
        message = f"This day gives {_mg(shown)} of magnesium: {_mg(missing)} short of your {_mg(target.mg)} target."
    return [Finding("info", "below-target", message, source)]


def _kidney_finding(person: Person, day: DayIntake) -> list[Finding]:
    if not person.kidney_disease:
        return []

    def amount(value):
        return "not known" if value is None else _mg(value)

    return [
        Finding(
            "info",
            "kidney-day-nutrients",
            f"This day's foods give potassium {amount(day.potassium_mg)} and phosphorus {amount(day.phosphorus_mg)}. "
            "Compare them with the limits your care team gave you.",
            "USDA National Nutrient Database for Standard Reference, Release 28 (food values)",
        )
    ]


def day_findings(person: Person, day: DayIntake) -> list[Finding]:
    """What to know about one day's totals, most serious first."""
    if not isinstance(person, Person) or not isinstance(day, DayIntake):
        raise ValueError("day_findings needs a Person and a DayIntake.")
    findings = (
        _limit_findings(person, day)
        + _target_finding(person, day)
        + caffeine_findings(person, day)
        + _kidney_finding(person, day)
    )
    return sort_findings(findings)
