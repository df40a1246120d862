"""Nutrition rules for magnesium (plain Python: no Django, no pandas).

Targets and limits [NIH ODS Tables 1 and 3], supplement forms, medicines, and the findings a plan shows.

- Every function and value checks its arguments: bad input is a ValueError with a message a person can read.
- `person_findings` (once per plan) and `day_findings` (per day) return Findings sorted danger, caution, info;
  their codes are listed in findings_person.py and findings_day.py.
- Forms: use `form_code()` to turn what someone typed ("Magnesium bisglycinate") into a SUPPLEMENT_FORMS key.
- Babies under 1 year: a target (AI) but no supplement limit (None), no energy goal (ValueError), no meal plan.
"""

from .caffeine import caffeine_limit_mg, caffeine_limit_source
from .energy import ENERGY_GOAL_SOURCE, LIFE_STAGE_ENERGY_SOURCE, default_energy_goal_kcal, life_stage_extra_kcal
from .findings_day import day_findings
from .findings_person import person_findings, supplement_limit_for, target_for
from .forms import (
    FORM_ALIASES,
    SUPPLEMENT_FORMS,
    SupplementForm,
    elemental_magnesium_mg,
    form_code,
    supplement_elemental_mg,
    supplement_form_choices,
)
from .headline import Headline, day_headline
from .medicines import (
    MEDICINE_CLASSES,
    MEDICINE_NAMES,
    TIMED_CLASSES,
    UNCHECKED,
    MedicineClass,
    medicine_class,
    medicine_class_or_none,
    timing_gap_ok,
)
from .people import (
    LEVELS,
    SUPPLEMENT_KINDS,
    DayIntake,
    Finding,
    Medicine,
    Person,
    SupplementDose,
    Target,
    sort_findings,
)
from .targets import ODS_SOURCE, magnesium_target_mg, supplement_limit_mg, target_mg_and_label

__all__ = [
    "ENERGY_GOAL_SOURCE",
    "FORM_ALIASES",
    "LEVELS",
    "LIFE_STAGE_ENERGY_SOURCE",
    "MEDICINE_CLASSES",
    "MEDICINE_NAMES",
    "ODS_SOURCE",
    "SUPPLEMENT_FORMS",
    "SUPPLEMENT_KINDS",
    "TIMED_CLASSES",
    "UNCHECKED",
    "DayIntake",
    "Finding",
    "Headline",
    "Medicine",
    "MedicineClass",
    "Person",
    "SupplementDose",
    "SupplementForm",
    "Target",
    "caffeine_limit_mg",
    "caffeine_limit_source",
    "day_findings",
    "day_headline",
    "default_energy_goal_kcal",
    "elemental_magnesium_mg",
    "form_code",
    "life_stage_extra_kcal",
    "magnesium_target_mg",
    "medicine_class",
    "medicine_class_or_none",
    "person_findings",
    "sort_findings",
    "supplement_elemental_mg",
    "supplement_form_choices",
    "supplement_limit_for",
    "supplement_limit_mg",
    "target_for",
    "target_mg_and_label",
    "timing_gap_ok",
]
