"""Findings about a day's totals: the supplement limit, the target, caffeine and kidney nutrients."""

import pytest

from mealplanner.nutrition import DayIntake, Person, SupplementDose, day_findings

ADULT = Person(40, "female")  # target 320 mg, limit 350 mg [ODS Tables 1 and 3]


def day(food=400, *doses, **kwargs):
    return DayIntake(food, tuple(doses), **kwargs)


def dose(mg, **kwargs):
    return SupplementDose("Magnesium glycinate", mg, **kwargs)


def codes(findings):
    return [f.code for f in findings]


def only(findings, code):
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, codes(findings)
    return matching[0]


def test_a_good_day_has_no_findings():
    assert day_findings(ADULT, day(400, dose(200))) == []


@pytest.mark.parametrize(
    ("mg", "code"),
    [
        (279, None),
        (280, "near-limit"),
        (350, "near-limit"),
        (351, "over-limit"),
        (1749, "over-limit"),
        (1750, "far-over-limit"),
    ],
)
def test_the_limit_findings_switch_at_80_percent_the_limit_and_five_times(mg, code):
    found = codes(day_findings(ADULT, day(400, dose(mg))))
    limit_codes = [c for c in found if "limit" in c]
    assert limit_codes == ([code] if code else [])


def test_going_over_the_limit_is_a_danger_naming_the_first_signs():
    finding = only(day_findings(ADULT, day(400, dose(200), dose(200, kind="antacid"))), "over-limit")
    assert finding.level == "danger"
    assert "400 mg" in finding.message and "350 mg" in finding.message
    for sign in ("diarrhoea", "nausea", "cramping"):
        assert sign in finding.message


def test_near_the_limit_is_a_caution_that_food_does_not_count():
    finding = only(day_findings(ADULT, day(400, dose(300))), "near-limit")
    assert finding.level == "caution" and "food does not count" in finding.message


def test_five_times_the_limit_names_the_serious_signs():
    finding = only(day_findings(ADULT, day(0, dose(2000, kind="laxative"))), "far-over-limit")
    assert finding.level == "danger"
    for sign in ("low blood pressure", "confusion", "irregular heartbeat", "difficulty breathing"):
        assert sign in finding.message


def test_food_magnesium_never_counts_towards_the_limit():
    assert not any("limit" in c for c in codes(day_findings(ADULT, day(5000))))


def test_a_prescribed_dose_above_the_limit_says_follow_your_doctor_without_alarm():
    finding = only(day_findings(ADULT, day(400, dose(500, prescribed=True))), "over-limit-prescribed")
    assert finding.level == "caution"
    assert "as prescribed: follow your doctor" in finding.message
    assert "over-limit" not in codes(day_findings(ADULT, day(400, dose(500, prescribed=True))))


def test_prescribed_far_over_the_limit_still_names_the_serious_signs():
    finding = only(day_findings(ADULT, day(400, dose(2000, prescribed=True))), "over-limit-prescribed")
    assert "irregular heartbeat" in finding.message


def test_unprescribed_doses_alone_over_the_limit_are_still_a_danger():
    findings = day_findings(ADULT, day(400, dose(400), dose(300, prescribed=True)))
    assert only(findings, "over-limit").level == "danger"


def test_a_childs_limit_is_lower():
    child = Person(5, "male")  # limit 110 mg [ODS Table 3]
    assert "over-limit" in codes(day_findings(child, day(200, dose(111))))
    assert "near-limit" in codes(day_findings(child, day(200, dose(88))))


def test_a_day_below_target_says_how_much_is_missing():
    finding = only(day_findings(ADULT, day(200, dose(50))), "below-target")
    assert finding.level == "info"
    assert "250 mg" in finding.message and "70 mg short" in finding.message and "320 mg" in finding.message
    assert "at least" not in finding.message


def test_with_foods_of_unknown_magnesium_the_total_is_at_least():
    finding = only(day_findings(ADULT, day(200, unknown_magnesium_foods=2)), "below-target")
    assert "at least 200 mg" in finding.message and "2 foods" in finding.message


def test_reaching_the_target_exactly_is_enough():
    assert "below-target" not in codes(day_findings(ADULT, day(320)))
    assert "below-target" in codes(day_findings(ADULT, day(319.4)))


def test_a_custom_target_is_the_one_checked():
    person = Person(40, "female", custom_target_mg=450)
    assert "450 mg" in only(day_findings(person, day(400)), "below-target").message


def test_more_than_400_mg_caffeine_is_a_caution_for_adults():
    finding = only(day_findings(ADULT, day(400, caffeine_mg=401)), "caffeine-high")
    assert finding.level == "caution" and "FDA" in finding.source
    assert "caffeine-high" not in codes(day_findings(ADULT, day(400, caffeine_mg=400)))


def test_any_caffeine_with_restless_legs_may_aggravate_symptoms():
    person = Person(40, "female", restless_legs=True)
    finding = only(day_findings(person, day(400, caffeine_mg=50)), "caffeine-restless-legs")
    assert finding.level == "info" and "may aggravate" in finding.message and "MedlinePlus" in finding.source
    assert "caffeine-restless-legs" not in codes(day_findings(person, day(400)))
    assert "caffeine-restless-legs" not in codes(day_findings(ADULT, day(400, caffeine_mg=50)))


def test_kidney_disease_shows_the_days_potassium_and_phosphorus():
    person = Person(60, "male", kidney_disease=True)
    finding = only(day_findings(person, day(450, potassium_mg=2345.6, phosphorus_mg=980)), "kidney-day-nutrients")
    assert finding.level == "info" and "2,346 mg" in finding.message and "980 mg" in finding.message
    assert "not known" in only(day_findings(person, day(450)), "kidney-day-nutrients").message
    assert "kidney-day-nutrients" not in codes(day_findings(ADULT, day(450, potassium_mg=3000)))


def test_babies_get_no_target_or_limit_findings_from_a_day():
    assert day_findings(Person(0.6, "female"), day(10, dose(50))) == []


def test_findings_come_most_serious_first():
    person = Person(40, "female", restless_legs=True, kidney_disease=True)
    levels = [f.level for f in day_findings(person, day(100, dose(400), caffeine_mg=500))]
    assert levels == sorted(levels, key=["danger", "caution", "info"].index)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"food_magnesium_mg": -1},
        {"food_magnesium_mg": 10, "caffeine_mg": -1},
        {"food_magnesium_mg": 10, "potassium_mg": -1},
        {"food_magnesium_mg": 10, "phosphorus_mg": float("nan")},
        {"food_magnesium_mg": 10, "unknown_magnesium_foods": -1},
        {"food_magnesium_mg": 10, "unknown_magnesium_foods": 1.5},
        {"food_magnesium_mg": 10, "supplements": (100,)},
    ],
)
def test_a_day_with_impossible_amounts_cannot_be_made(kwargs):
    with pytest.raises(ValueError):
        DayIntake(**kwargs)


@pytest.mark.parametrize(
    "kwargs", [{"elemental_mg": -5}, {"elemental_mg": 5, "kind": "tea"}, {"elemental_mg": 5, "time_taken": "08:00"}]
)
def test_a_dose_with_impossible_details_cannot_be_made(kwargs):
    with pytest.raises(ValueError):
        SupplementDose("x", **kwargs)


@pytest.mark.parametrize(("food", "short"), [(200, 120), (300, 20), (319.4, 1)])
def test_the_shortfall_figure_is_the_target_minus_the_day(food, short):
    # Issue 20: "-" turned "+" in the shortfall survived; and a shown total plus the shortfall is the target.
    finding = only(day_findings(ADULT, day(food)), "below-target")
    assert f": {short} mg short of your 320 mg target" in finding.message


def test_a_one_year_olds_day_below_target_says_so():
    # Issue 20: "< 1" turned "< 2" (no finding for a 1-year-old) survived. 1–3 years: 80 mg [ODS Table 1].
    finding = only(day_findings(Person(1, "male"), day(50)), "below-target")
    assert "30 mg short of your 80 mg target" in finding.message


def test_a_baby_gets_no_target_finding():
    assert "below-target" not in codes(day_findings(Person(0.99, "male"), day(0)))


def test_a_day_a_fraction_under_the_target_says_just_under_never_0_mg_short():
    finding = only(day_findings(ADULT, day(319.6)), "below-target")
    assert finding.message == "This day gives just under your 320 mg target."


def test_one_food_without_a_figure_is_named_in_the_singular():
    finding = only(day_findings(ADULT, day(200, unknown_magnesium_foods=1)), "below-target")
    assert "(1 food has no magnesium figure)" in finding.message


def test_unknown_foods_and_supplements_are_counted_together():
    unknown_dose = SupplementDose("Mystery", None)
    one = only(day_findings(ADULT, day(100, unknown_dose)), "below-target")
    assert "(1 food or supplement has no magnesium figure)" in one.message
    both = only(day_findings(ADULT, day(100, unknown_dose, unknown_magnesium_foods=1)), "below-target")
    assert "(2 foods or supplements have no magnesium figure)" in both.message


@pytest.mark.parametrize("args", [("person", DayIntake(1)), (ADULT, "day"), ("person", "day")])
def test_day_findings_refuses_anything_but_a_person_and_a_day(args):
    with pytest.raises(ValueError):
        day_findings(*args)
