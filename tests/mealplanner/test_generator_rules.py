"""The day's caffeine cap by life stage, and none with restless legs or caffeine-free days, with the reason in
words that suit a dietitian reading a client's plan as well as the person (no database)."""

from mealplanner.nutrition import Person
from mealplanner.selectors.generator import caffeine_cap

ADULT = Person(age_years=35, sex="female")


def test_restless_legs_mean_no_caffeine_and_caffeine_free_days_still_force_none():
    cap, why = caffeine_cap(ADULT, caffeine_free=False, restless_legs=True)
    assert cap == 0 and "restless legs" in why and "MedlinePlus" in why
    cap, why = caffeine_cap(ADULT, caffeine_free=True, restless_legs=False)
    assert cap == 0 and "caffeine-free days" in why
    assert caffeine_cap(ADULT, caffeine_free=False, restless_legs=False) == (400.0, "")
    assert caffeine_cap(Person(age_years=3, sex="male"), caffeine_free=False, restless_legs=False)[0] == 0


def test_the_caffeine_cap_follows_the_life_stage():
    # ../shared/reference/balanced-diet.md: pregnant 200 mg [EFSA 2015, ACOG]; children 4-6 45 mg [Health Canada].
    pregnant = Person(age_years=30, sex="female", pregnant=True)
    assert caffeine_cap(pregnant, caffeine_free=False, restless_legs=False) == (200.0, "")
    assert caffeine_cap(Person(age_years=5, sex="male"), caffeine_free=False, restless_legs=False) == (45.0, "")
    cap, why = caffeine_cap(Person(age_years=2, sex="male"), caffeine_free=False, restless_legs=False)
    assert cap == 0 and "under 4" in why
