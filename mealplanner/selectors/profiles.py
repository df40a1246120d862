"""Reads about a person that many pages share: their age, the rules' view of them, their energy goal.

The nutrition rules (`mealplanner.nutrition`) are plain Python; these functions turn a Profile (and
its medicines and cabinet) into the values those rules take. The rules are imported inside the
functions so this module loads even while the rules package is being written.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone

if TYPE_CHECKING:  # pragma: no cover
    from mealplanner.models import Profile, SupplementProduct
    from mealplanner.nutrition import Person, SupplementDose


def _today() -> date:
    return timezone.localdate()


def age_on(birth_date: date, on: date) -> float:
    """Age in years, with the part-year as a fraction, so a 14th birthday gives exactly 14.0."""
    years = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    last = _birthday_in(birth_date, birth_date.year + years)
    following = _birthday_in(birth_date, birth_date.year + years + 1)
    return years + (on - last).days / (following - last).days


def _birthday_in(birth_date: date, year: int) -> date:
    # Someone born on 29 February has their birthday on 28 February in other years.
    try:
        return birth_date.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def profile_age_years(profile: Profile, *, on: date | None = None) -> float | None:
    """The person's age in years: from the birth date when there is one, else the age they gave, else None."""
    if profile.birth_date is not None:
        on = on or _today()
        if on < profile.birth_date:
            return 0.0
        return age_on(profile.birth_date, on)
    if profile.age_years is not None:
        return float(profile.age_years)
    return None


def medicines_for(profile: Profile) -> tuple:
    """The profile's medicines as the rules' Medicine values (name, class, time taken)."""
    from mealplanner.nutrition import Medicine

    return tuple(
        Medicine(name=m.name, medicine_class=m.medicine_class, time_taken=m.time_taken)
        for m in profile.medicines.all()
    )


def person_for(profile: Profile, *, on: date | None = None) -> Person:
    """The rules' view of this person: age, sex, conditions, medicines and any custom target."""
    from mealplanner.nutrition import Person

    return Person(
        age_years=profile_age_years(profile, on=on),
        sex=profile.sex,
        pregnant=profile.pregnant,
        lactating=profile.lactating,
        kidney_disease=profile.kidney_disease,
        bleeding_disorder=profile.bleeding_disorder,
        restless_legs=profile.restless_legs,
        medicines=medicines_for(profile),
        custom_target_mg=profile.custom_target_mg,
    )


def energy_goal_for(profile: Profile, *, on: date | None = None) -> tuple[int, bool, str]:
    """(kcal a day, whether it is the default for age and sex, where the figure comes from).

    A goal the person (or their dietitian) set wins; otherwise the rules' default for age and sex.
    """
    from mealplanner import nutrition

    if profile.energy_goal_kcal:
        source = profile.custom_energy_reason or "Set in the profile."
        return int(profile.energy_goal_kcal), False, source
    age = profile_age_years(profile, on=on)
    kcal = nutrition.default_energy_goal_kcal(age, profile.sex)
    return int(kcal), True, nutrition.ENERGY_GOAL_SOURCE


def supplement_elemental_mg(product: SupplementProduct) -> float | None:
    """Elemental magnesium in one unit of the product: the label's figure wins, else converted from the compound."""
    from mealplanner import nutrition

    elemental = _float(product.elemental_mg_per_unit)
    compound = _float(product.compound_mg_per_unit)
    if elemental is None and compound is None:
        return None
    return float(nutrition.supplement_elemental_mg(product.form, elemental_mg=elemental, compound_mg=compound))


def supplement_dose_for(product: SupplementProduct, units: float | Decimal = 1) -> SupplementDose:
    """The rules' value for `units` of a cabinet product, with its elemental magnesium worked out."""
    from mealplanner.nutrition import SupplementDose

    per_unit = supplement_elemental_mg(product) or 0.0
    return SupplementDose(
        name=product.name,
        kind=product.kind,
        form=product.form,
        units=float(units),
        elemental_mg=per_unit * float(units),
        prescribed=product.prescribed,
    )


def _float(value) -> float | None:
    return None if value is None else float(value)
