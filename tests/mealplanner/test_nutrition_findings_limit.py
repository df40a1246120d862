"""The supplement upper-limit finding: prescribed versus unprescribed doses, unknown doses, its boundaries
and its words (issues 13 and 20)."""

import pytest

from mealplanner.nutrition import DayIntake, Person, SupplementDose, day_findings

ADULT = Person(40, "female")  # limit 350 mg [ODS Table 3]


def dose(mg, name="Magnesium citrate", **kwargs):
    return SupplementDose(name, mg, **kwargs)


def prescribed(mg, name="Prescribed magnesium"):
    return dose(mg, name=name, prescribed=True)


def limit_findings(*doses, person=ADULT):
    findings = day_findings(person, DayIntake(400, tuple(doses)))
    return [
        f
        for f in findings
        if f.code in {"over-limit", "over-limit-prescribed", "far-over-limit", "near-limit", "limit-unknown"}
    ]


def test_unprescribed_on_top_of_a_prescription_is_a_danger_naming_the_unprescribed_dose():
    # Issue 13: 300 mg prescribed + 300 mg over the counter was a caution "as prescribed: follow your doctor".
    [finding] = limit_findings(prescribed(300), dose(300, name="Shop magnesium"))
    assert finding.level == "danger" and finding.code == "over-limit"
    assert "Shop magnesium (300 mg)" in finding.message and "Prescribed magnesium" not in finding.message
    assert "as prescribed" not in finding.message


def test_an_unprescribed_dose_exactly_at_the_limit_plus_a_prescribed_dose_is_a_danger():
    [finding] = limit_findings(dose(350), prescribed(100))
    assert finding.level == "danger" and "450 mg" in finding.message and "(350 mg)" in finding.message


def test_a_small_unprescribed_dose_on_top_of_a_prescription_above_the_limit_is_still_a_danger():
    [finding] = limit_findings(prescribed(500), dose(10, name="Multivitamin"))
    assert finding.level == "danger" and "Multivitamin (10 mg)" in finding.message


def test_everything_above_the_limit_prescribed_is_the_as_prescribed_caution():
    [finding] = limit_findings(prescribed(300), prescribed(100, name="Second prescription"))
    assert finding.level == "caution" and finding.code == "over-limit-prescribed"
    assert "as prescribed: follow your doctor" in finding.message and "400 mg" in finding.message


def test_prescribed_exactly_at_the_limit_is_near_not_over():
    [finding] = limit_findings(prescribed(350))
    assert finding.code == "near-limit"


@pytest.mark.parametrize(("mg", "serious"), [(1749, False), (1750, True), (1751, True)])
def test_prescribed_doses_name_the_serious_signs_from_five_times_the_limit(mg, serious):
    [finding] = limit_findings(prescribed(mg))
    assert finding.code == "over-limit-prescribed"
    assert ("irregular heartbeat" in finding.message) is serious
    assert "as prescribed" in finding.message  # the serious signs are added, not instead


@pytest.mark.parametrize(("mg", "times"), [(1750, 5), (2000, 6), (3500, 10)])
def test_far_over_the_limit_says_how_many_times_the_limit(mg, times):
    [finding] = limit_findings(dose(mg))
    assert finding.code == "far-over-limit" and finding.level == "danger"
    assert f"{times} times the limit" in finding.message


def test_far_over_with_a_prescription_names_the_unprescribed_part():
    [finding] = limit_findings(prescribed(300), dose(1500, name="Shop magnesium"))
    assert finding.code == "far-over-limit" and "Shop magnesium (1,500 mg)" in finding.message


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
def test_the_boundaries_of_the_unprescribed_findings(mg, code):
    assert [f.code for f in limit_findings(dose(mg))] == ([code] if code else [])


# --- Unknown doses: never zero ---


def test_an_unknown_dose_says_the_day_cannot_be_checked():
    [finding] = limit_findings(dose(None, name="Mystery tablets"))
    assert finding.code == "limit-unknown" and finding.level == "caution"
    assert "Mystery tablets" in finding.message and "cannot be checked" in finding.message


def test_an_unknown_dose_beside_known_doses_makes_their_total_at_least():
    findings = limit_findings(dose(300), dose(None, name="Mystery tablets"))
    assert [f.code for f in findings] == ["limit-unknown", "near-limit"]
    assert "at least 300 mg" in findings[1].message


def test_an_unknown_unprescribed_dose_on_a_prescription_above_the_limit_is_a_danger():
    findings = limit_findings(prescribed(400), dose(None, name="Mystery tablets"))
    over = [f for f in findings if f.code == "over-limit"]
    assert over and over[0].level == "danger" and "Mystery tablets (amount unknown)" in over[0].message


def test_an_unknown_dose_is_counted_as_unknown_in_the_target_finding():
    findings = day_findings(ADULT, DayIntake(100, (dose(None),)))
    [below] = [f for f in findings if f.code == "below-target"]
    assert "at least 100 mg" in below.message


def test_a_babys_day_has_no_limit_finding():
    assert limit_findings(dose(50), person=Person(0.5, "female")) == []


def test_a_childs_limit_is_the_childs():
    assert [f.code for f in limit_findings(dose(111), person=Person(5, "male"))] == ["over-limit"]  # 110 mg
    assert [f.code for f in limit_findings(dose(88), person=Person(5, "male"))] == ["near-limit"]


# --- Round once ---


def test_a_sum_ending_in_a_half_reads_the_same_as_on_the_card():
    # Issue 13: the card (floatformat) said 905 while the finding (round half to even) said 904.
    [finding] = limit_findings(dose(452.25), dose(452.25))
    assert "904.5" not in finding.message and "905 mg" in finding.message


def test_when_nothing_is_prescribed_the_finding_does_not_split_the_doses():
    [finding] = limit_findings(dose(200, name="A"), dose(200, name="B"))
    assert finding.code == "over-limit" and "Not prescribed" not in finding.message
    [far] = limit_findings(dose(2000, name="A"))
    assert "Not prescribed" not in far.message
