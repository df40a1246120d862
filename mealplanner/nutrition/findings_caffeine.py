"""Caffeine findings for one day, by life stage (issue 13): the figures are in caffeine.py.

The message cites its source in words, since the figure differs by who the person is.
"""

from typing import Any

from .caffeine import (
    ADULT_AGE_YEARS,
    CHILD_MG_PER_KG,
    HEALTH_CANADA_SOURCE,
    NO_CAFFEINE_UNDER_YEARS,
    TEEN_MG_PER_KG,
    caffeine_limit_mg,
    caffeine_limit_source,
)
from .numbers import mg_text, whole_number
from .people import DayIntake, Finding, Person

MEDLINEPLUS_RLS_SOURCE = 'MedlinePlus, "Restless legs syndrome"'


def _advice(person: Person, limit: float) -> str:
    """Who the figure is for and where it comes from, in the words of the message."""
    if person.pregnant:
        return f"In pregnancy, up to {mg_text(limit)} a day is advised (EFSA 2015; ACOG)"
    if person.lactating:
        return f"While breastfeeding, up to {mg_text(limit)} a day is advised (EFSA 2015)"
    if person.age_years >= ADULT_AGE_YEARS:
        return f"For healthy adults, up to {mg_text(limit)} a day is not generally linked to harm (EFSA 2015; US FDA)"
    if person.weight_kg:
        return (
            f"For children and teenagers, up to {CHILD_MG_PER_KG:g} mg per kg of body weight a day is advised: "
            f"{mg_text(limit)} at {whole_number(person.weight_kg)} kg (EFSA 2015)"
        )
    return f"For a child of this age, up to {mg_text(limit)} a day is advised (Health Canada)"


def caffeine_findings(person: Person, day: DayIntake) -> list[Finding]:
    findings = []
    caffeine = day.caffeine_mg
    facts: dict[str, Any] = {
        "age_years": person.age_years,
        "pregnant": person.pregnant,
        "lactating": person.lactating,
        "weight_kg": person.weight_kg,
    }
    limit = caffeine_limit_mg(**facts)
    if limit is not None and caffeine > limit:
        source = caffeine_limit_source(**facts)
        if limit == 0:
            message = (
                f"This day has about {mg_text(caffeine)} of caffeine. For children under "
                f"{NO_CAFFEINE_UNDER_YEARS} no source sets a safe amount, so none is advised: leave out "
                "coffee, tea, cola and chocolate drinks."
            )
        else:
            message = (
                f"This day has about {mg_text(caffeine)} of caffeine. {_advice(person, limit)}; this day "
                "is above that, so cut down."
            )
        findings.append(Finding("caution", "caffeine-high", message, source))
    elif limit is None and caffeine > 0:
        # A teenager without a weight (pregnancy and breastfeeding always have a figure): Health Canada's
        # figure is per kg, so we cannot check the day.
        findings.append(
            Finding(
                "info",
                "caffeine-unchecked",
                f"This day has about {mg_text(caffeine)} of caffeine. For teenagers up to {TEEN_MG_PER_KG:g} mg per kg "
                "of body weight a day is advised (Health Canada): add a body weight in the profile to check it.",
                HEALTH_CANADA_SOURCE,
            )
        )
    if person.restless_legs and caffeine > 0:
        findings.append(
            Finding(
                "info",
                "caffeine-restless-legs",
                f"This day has about {mg_text(caffeine)} of caffeine. Caffeine may aggravate restless legs "
                "symptoms in some people; you could try cutting down to see whether it helps you.",
                MEDLINEPLUS_RLS_SOURCE,
            )
        )
    return findings
