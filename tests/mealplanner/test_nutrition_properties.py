"""Property tests: no valid input crashes or gives a negative amount; invalid input raises only ValueError."""

import contextlib

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mealplanner.nutrition import (
    MEDICINE_CLASSES,
    MEDICINE_NAMES,
    SUPPLEMENT_FORMS,
    DayIntake,
    Medicine,
    Person,
    SupplementDose,
    caffeine_limit_mg,
    day_findings,
    default_energy_goal_kcal,
    elemental_magnesium_mg,
    magnesium_target_mg,
    medicine_class,
    person_findings,
    supplement_elemental_mg,
    supplement_limit_mg,
    target_for,
)

ages = st.floats(min_value=0, max_value=130, allow_nan=False)
sexes = st.sampled_from(["female", "male"])
amounts = st.floats(min_value=0, max_value=1e6, allow_nan=False)
times = st.none() | st.times()
anything = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.just(())


@st.composite
def people(draw):
    age = draw(ages)
    sex = draw(sexes)
    stage = draw(st.sampled_from(["none", "pregnant", "lactating"])) if sex == "female" and age >= 14 else "none"
    medicines = draw(
        st.lists(
            st.builds(Medicine, st.text(min_size=1, max_size=20), st.sampled_from(sorted(MEDICINE_NAMES)), times),
            max_size=3,
        )
    )
    return Person(
        age,
        sex,
        pregnant=stage == "pregnant",
        lactating=stage == "lactating",
        kidney_disease=draw(st.booleans()),
        bleeding_disorder=draw(st.booleans()),
        restless_legs=draw(st.booleans()),
        medicines=tuple(medicines),
        custom_target_mg=draw(st.none() | st.integers(min_value=0, max_value=5000)),
        weight_kg=draw(st.none() | st.floats(min_value=1, max_value=200)),
    )


doses = st.builds(
    SupplementDose,
    st.text(max_size=20),
    st.none() | amounts,
    st.booleans(),
    times,
    st.sampled_from(["supplement", "antacid", "laxative"]),
)
days = st.builds(
    DayIntake,
    amounts,
    st.lists(doses, max_size=4).map(tuple),
    amounts,
    st.none() | amounts,
    st.none() | amounts,
    st.integers(min_value=0, max_value=50),
)


@settings(deadline=None)
@given(ages, sexes)
def test_targets_and_limits_are_positive_for_any_valid_age(age, sex):
    assert magnesium_target_mg(age, sex) > 0
    limit = supplement_limit_mg(age)
    assert limit is None or limit > 0
    if age >= 1:
        assert default_energy_goal_kcal(age, sex) >= 1000


@settings(deadline=None)
@given(people(), st.lists(doses, max_size=4), days)
def test_findings_never_crash_for_a_valid_person_and_day(person, supplements, day):
    # Issue 20: this asserted "no '-<digit>' in the message", which a typed name such as "x-1" broke. It now
    # checks the numbers the rules compute against the findings they give, never text that holds user input.
    assert target_for(person).mg >= 0
    for finding in person_findings(person, supplements=supplements) + day_findings(person, day):
        assert finding.level in ("danger", "caution", "info")
        assert finding.message and finding.source
    codes = {f.code for f in day_findings(person, day)}
    limit = supplement_limit_mg(person.age_years)
    known = day.supplement_mg
    if limit is None or not day.supplements:
        assert not codes & {"over-limit", "far-over-limit", "over-limit-prescribed", "near-limit", "limit-unknown"}
    else:
        assert ("over-limit" in codes or "far-over-limit" in codes or "over-limit-prescribed" in codes) == (
            known > limit
        )
        assert ("far-over-limit" in codes) == (known >= 5 * limit and any(not s.prescribed for s in day.supplements))
        assert ("near-limit" in codes) == (0.8 * limit <= known <= limit)
        assert ("limit-unknown" in codes) == bool(day.unknown_supplements)
    total = day.food_magnesium_mg + known
    assert ("below-target" in codes) == (person.age_years >= 1 and total < target_for(person).mg)
    caffeine_limit = caffeine_limit_mg(
        age_years=person.age_years, pregnant=person.pregnant, lactating=person.lactating, weight_kg=person.weight_kg
    )
    assert ("caffeine-high" in codes) == (caffeine_limit is not None and day.caffeine_mg > caffeine_limit)


@settings(deadline=None)
@given(amounts, st.sampled_from(sorted(SUPPLEMENT_FORMS)), amounts)
def test_conversions_never_give_a_negative_or_larger_amount(compound, form, units):
    elemental = elemental_magnesium_mg(compound, form)
    assert 0 <= elemental <= compound
    assert (
        supplement_elemental_mg(elemental_mg_per_unit=None, compound_mg_per_unit=compound, form=form, units=units) >= 0
    )


@settings(deadline=None)
@given(anything, anything, st.booleans(), st.booleans())
def test_any_arguments_to_the_target_raise_only_value_error(age, sex, pregnant, lactating):
    with contextlib.suppress(ValueError):
        assert magnesium_target_mg(age, sex, pregnant=pregnant, lactating=lactating) > 0


@settings(deadline=None)
@given(anything, anything)
def test_any_arguments_to_a_conversion_raise_only_value_error(amount, form):
    with contextlib.suppress(ValueError):
        assert elemental_magnesium_mg(amount, form) >= 0


@settings(deadline=None)
@given(anything | st.sampled_from(sorted(MEDICINE_CLASSES)))
def test_any_medicine_name_gives_a_class_or_a_value_error(name):
    with contextlib.suppress(ValueError):
        assert medicine_class(name) in MEDICINE_CLASSES


@settings(deadline=None)
@given(anything | st.integers(min_value=10**300), anything, anything, anything, anything)
def test_any_person_or_day_details_raise_only_value_error(age, sex, custom, food, caffeine):
    try:
        person = Person(age, sex, custom_target_mg=custom)
        intake = DayIntake(food, caffeine_mg=caffeine)
    except ValueError:
        return
    assert isinstance(day_findings(person, intake), list)


@settings(deadline=None)
@given(st.floats(max_value=-1e-9) | st.floats(min_value=130.0001), sexes)
def test_out_of_range_ages_are_refused(age, sex):
    assume(age == age)  # not NaN
    for call in (lambda: magnesium_target_mg(age, sex), lambda: supplement_limit_mg(age)):
        try:
            call()
        except ValueError:
            continue
        raise AssertionError(f"age {age} was accepted")


@settings(deadline=None)
@given(st.times(), st.times())
def test_timing_findings_never_crash(medicine_time, supplement_time):
    person = Person(
        50,
        "female",
        medicines=(Medicine("Doxy", "doxycycline", medicine_time), Medicine("Fosamax", "alendronate", medicine_time)),
    )
    found = person_findings(person, supplements=[SupplementDose("Mg", 100, time_taken=supplement_time)])
    assert len([f for f in found if f.code.startswith("timing-")]) == 2
