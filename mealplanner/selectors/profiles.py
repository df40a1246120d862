"""Reads about a person that many pages share: their age, the rules' view of them, their energy goal.

The nutrition rules (`mealplanner.nutrition`) are plain Python; these functions turn a Profile (and
its medicines and cabinet) into the values those rules take. The rules are imported inside the
functions so this module loads even while the rules package is being written.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
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
        Medicine(name=m.name, medicine_class=m.medicine_class, time_taken=m.time_taken) for m in profile.medicines.all()
    )


@dataclass(frozen=True)
class MedicineRow:
    medicine: object  # mealplanner.models.Medicine
    class_label: str  # what the app understood it to be
    checked: bool  # False: a name the app does not know ("ask your pharmacist")


def medicine_rows(profile: Profile) -> list[MedicineRow]:
    from mealplanner.nutrition import MEDICINE_CLASSES, UNCHECKED

    rows = []
    for medicine in profile.medicines.all():
        info = MEDICINE_CLASSES.get(medicine.medicine_class)
        rows.append(MedicineRow(medicine, info.label if info else "", medicine.medicine_class != UNCHECKED))
    return rows


class ProfileIncomplete(ValueError):
    """The profile lacks what the rules need (an age): pages say "add your age" instead of failing."""


def person_for(profile: Profile, *, on: date | None = None, medicines: tuple | None = None) -> Person:
    """The rules' view of this person: age, sex, conditions, medicines and any custom target.

    Raises ProfileIncomplete (a ValueError) when no age or birth date is known yet, and ValueError when
    the stored answers break a rule (the profile form prevents both for what a person enters).
    """
    from mealplanner.nutrition import Person

    age = profile_age_years(profile, on=on)
    if age is None:
        raise ProfileIncomplete("Add your age or birth date in your profile to see your magnesium target.")
    _require_sex(profile, "your magnesium target")
    return Person(
        age_years=age,
        sex=profile.sex,
        pregnant=profile.pregnant,
        lactating=profile.lactating,
        kidney_disease=profile.kidney_disease,
        bleeding_disorder=profile.bleeding_disorder,
        restless_legs=profile.restless_legs,
        medicines=medicines_for(profile) if medicines is None else medicines,
        custom_target_mg=profile.custom_target_mg,
        weight_kg=None if profile.weight_kg is None else float(profile.weight_kg),
    )


def _require_sex(profile: Profile, what: str) -> None:
    # Asked, never assumed (issue 13): the figures for women and men differ (420 vs 320 mg at 31–50).
    if not profile.sex:
        raise ProfileIncomplete(f"Say in your profile whether the figures for women or men apply to see {what}.")


def energy_goal_for(profile: Profile, *, on: date | None = None) -> tuple[int, bool, str]:
    """(kcal a day, whether it is the default for age and sex, where the figure comes from).

    A goal the person (or their dietitian) set wins; otherwise the rules' default for age and sex.
    Raises ProfileIncomplete (a ValueError) for the default when no age is known, ValueError when the
    stored answers break a rule.
    """
    from mealplanner import nutrition

    if profile.energy_goal_kcal:
        source = profile.custom_energy_reason or "Set in the profile."
        return int(profile.energy_goal_kcal), False, source
    age = profile_age_years(profile, on=on)
    if age is None:
        raise ProfileIncomplete("Add your age or birth date in your profile to see the default energy goal.")
    _require_sex(profile, "the default energy goal")
    kcal = nutrition.default_energy_goal_kcal(age, profile.sex, pregnant=profile.pregnant, lactating=profile.lactating)
    if not (profile.pregnant or profile.lactating):
        return int(kcal), True, nutrition.ENERGY_GOAL_SOURCE
    # Pregnancy and breastfeeding add the DGA's extra for the trimester or the baby's age (issue 13).
    extra, why = nutrition.life_stage_extra_kcal(
        pregnant=profile.pregnant,
        lactating=profile.lactating,
        due_date=profile.due_date,
        baby_birth_date=profile.baby_birth_date,
        on=on or _today(),
    )
    source = (
        f"{kcal:,} kcal for age and sex from {nutrition.ENERGY_GOAL_SOURCE}; {why} "
        f"({nutrition.LIFE_STAGE_ENERGY_SOURCE})"
    )
    return int(kcal + (extra or 0)), True, source


def supplement_elemental_mg(product: SupplementProduct) -> float | None:
    """Elemental magnesium in one unit of the product: the label's figure wins, else converted from the compound."""
    from mealplanner import nutrition

    elemental = _float(product.elemental_mg_per_unit)
    compound = _float(product.compound_mg_per_unit)
    if elemental is None and compound is None:
        return None
    try:
        return float(
            nutrition.supplement_elemental_mg(
                elemental_mg_per_unit=elemental,
                compound_mg_per_unit=compound,
                form=product.form,
                units=1,
            )
        )
    except ValueError:
        # A compound weight in a form the rules do not know cannot be converted: unknown, never a guess.
        return None


def supplement_dose_for(
    product: SupplementProduct, units: float | Decimal = 1, *, time_taken: datetime.time | None = None
) -> SupplementDose:
    """The rules' value for `units` of a cabinet product, with its elemental magnesium worked out.

    ValueError when the product's magnesium cannot be worked out (the cabinet form prevents that).
    """
    from mealplanner.nutrition import SupplementDose

    per_unit = supplement_elemental_mg(product)
    if per_unit is None:
        raise ValueError(f"The magnesium in {product.name!r} is not known: edit it in your cabinet.")
    return SupplementDose(
        name=product.name,
        elemental_mg=per_unit * float(units),
        prescribed=product.prescribed,
        time_taken=time_taken,
        kind=product.kind,
    )


@dataclass(frozen=True)
class CabinetRow:
    product: SupplementProduct
    elemental_mg_per_unit: float | None  # None: cannot be worked out
    converted: bool  # True when worked out from the compound weight rather than read off the label

    @property
    def form_label(self) -> str:
        from mealplanner.nutrition import SUPPLEMENT_FORMS

        known = SUPPLEMENT_FORMS.get(self.product.form)
        return known.label if known else self.product.form


def cabinet_rows(profile: Profile) -> list[CabinetRow]:
    return [
        CabinetRow(p, supplement_elemental_mg(p), p.elemental_mg_per_unit is None) for p in profile.supplements.all()
    ]


@dataclass(frozen=True)
class ProfileSummary:
    """What the profile and cabinet pages show about the rules' view of a person."""

    target: object | None  # nutrition.Target
    limit_mg: int | None  # None with a known age: under 1 year, no supplements
    findings: tuple = ()
    problem: str = ""  # why no target can be shown (no age yet, or answers the rules refuse)
    limit_source: str = ""
    age_years: float | None = None

    @property
    def age_text(self) -> str:
        """The age the figures are for, in whole years as people say it (35.9 is "35 years")."""
        if self.age_years is None:
            return ""
        return "under 1 year" if self.age_years < 1 else f"{int(self.age_years)} years"


def profile_summary(profile: Profile, *, on: date | None = None) -> ProfileSummary:
    from mealplanner import nutrition

    try:
        person = person_for(profile, on=on)
    except ValueError as error:
        return ProfileSummary(
            target=None, limit_mg=None, problem=str(error), age_years=profile_age_years(profile, on=on)
        )
    return ProfileSummary(
        age_years=person.age_years,
        target=nutrition.target_for(person),
        limit_mg=nutrition.supplement_limit_for(person),
        # The cabinet's products, one unit each: the same advice (and level) the plan gives once they're planned.
        findings=tuple(nutrition.person_findings(person, supplements=_cabinet_doses(profile))),
        limit_source=f"{nutrition.ODS_SOURCE}, Table 3",  # [ODS Table 3] upper limits
    )


def _cabinet_doses(profile: Profile) -> list:
    return [cabinet_dose(product) for product in profile.supplements.all()]


def cabinet_dose(product: SupplementProduct) -> SupplementDose:
    """One unit of a cabinet product as the rules see it; a product whose magnesium is unknown is still a
    magnesium product (a kidney patient's warning must not vanish), with an unknown amount, never 0."""
    from mealplanner.nutrition import SupplementDose

    try:
        return supplement_dose_for(product, 1)
    except ValueError:
        return SupplementDose(name=product.name, elemental_mg=None, prescribed=product.prescribed, kind=product.kind)


def _float(value) -> float | None:
    return None if value is None else float(value)
