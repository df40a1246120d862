"""A default daily energy goal (kcal) when a person or dietitian has not set one."""

from . import _checks

ENERGY_GOAL_SOURCE = (
    "US FDA: 2,000 calories a day is the general reference for adults behind the Daily Values on US food "
    "labels (not an individual need)"
)
FDA_REFERENCE_KCAL = 2000  # [FDA, Daily Value reference diet]


def default_energy_goal_kcal(age_years: float, sex: str, *, pregnant: bool = False, lactating: bool = False) -> int:
    years = _checks.age(age_years)
    sex = _checks.sex(sex)
    _checks.life_stage(years, sex, bool(pregnant), bool(lactating))
    return FDA_REFERENCE_KCAL
