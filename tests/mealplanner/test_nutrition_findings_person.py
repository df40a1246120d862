"""Findings about the person, shown once per plan: each on and off."""

import datetime

import pytest

from mealplanner.nutrition import Finding, Medicine, Person, SupplementDose, person_findings, sort_findings

ADULT = Person(40, "female")
DOSE = SupplementDose("Magnesium citrate", 200)


def codes(findings):
    return [f.code for f in findings]


def by_code(findings, code):
    return next(f for f in findings if f.code == code)


def test_a_healthy_adult_without_supplements_has_nothing_to_hear():
    assert person_findings(ADULT, supplements=[]) == []


def test_side_effects_are_mentioned_once_whenever_a_supplement_is_planned():
    findings = person_findings(ADULT, supplements=[DOSE, SupplementDose("Antacid", 100, kind="antacid")])
    assert codes(findings) == ["side-effects"]
    side = findings[0]
    assert side.level == "info"
    for words in ("stomach upset", "cramping", "diarrhoea", "nausea", "Lowering the dose"):
        assert words in side.message


def test_kidney_disease_with_a_supplement_is_a_danger():
    findings = person_findings(Person(60, "male", kidney_disease=True), supplements=[DOSE])
    danger = by_code(findings, "kidney-supplement")
    assert danger.level == "danger"
    assert "doctor" in danger.message
    assert "kidney-no-supplement" not in codes(findings)


def test_kidney_disease_without_supplements_is_advice_to_discuss_them():
    findings = person_findings(Person(60, "male", kidney_disease=True), supplements=[])
    assert by_code(findings, "kidney-no-supplement").level == "info"
    assert "kidney-supplement" not in codes(findings)


def test_kidney_disease_brings_a_potassium_and_phosphorus_caution():
    finding = by_code(
        person_findings(Person(60, "male", kidney_disease=True), supplements=[]), "kidney-potassium-phosphorus"
    )
    assert finding.level == "caution"
    assert "potassium" in finding.message and "phosphorus" in finding.message
    assert "kidney-potassium-phosphorus" not in codes(person_findings(ADULT, supplements=[DOSE]))


def test_a_bleeding_disorder_is_a_caution_citing_the_seed_article():
    finding = by_code(person_findings(Person(30, "male", bleeding_disorder=True), supplements=[]), "bleeding-disorder")
    assert finding.level == "caution"
    assert "may" in finding.message
    assert "Seed article" in finding.source
    assert "bleeding-disorder" not in codes(person_findings(ADULT, supplements=[]))


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("alendronate", "bisphosphonate", "2 hours apart"),
        ("doxycycline", "tetracycline", "4–6 hours after"),
        ("ciprofloxacin", "quinolone", "2 hours"),
        ("gentamicin", "aminoglycoside", "doctor or pharmacist"),
        ("furosemide", "loop-diuretic", "checked"),
        ("hydrochlorothiazide", "thiazide-diuretic", "checked"),
        ("spironolactone", "potassium-sparing-diuretic", "rise"),
        ("omeprazole", "ppi", "over a year"),
        ("amlodipine", "calcium-channel-blocker", "pharmacist"),
        ("baclofen", "muscle-relaxant", "pharmacist"),
    ],
)
def test_each_medicine_brings_its_advice(name, code, words):
    person = Person(50, "female", medicines=(Medicine(name.title(), name),))
    finding = by_code(person_findings(person, supplements=[DOSE]), f"medicine-{code}")
    assert finding.level == "caution"
    assert name.title() in finding.message and words in finding.message
    assert finding.source


def test_medicine_advice_is_information_when_no_supplement_is_planned():
    person = Person(50, "female", medicines=(Medicine("Omeprazole", "omeprazole"),))
    assert by_code(person_findings(person, supplements=[]), "medicine-ppi").level == "info"


def at(hhmm):
    return datetime.time.fromisoformat(hhmm)


def test_a_bisphosphonate_too_close_to_the_supplement_is_a_caution_naming_both_times():
    person = Person(65, "female", medicines=(Medicine("Alendronate", "alendronate", at("07:00")),))
    findings = person_findings(person, supplements=[SupplementDose("Mg", 200, time_taken=at("08:00"))])
    finding = by_code(findings, "timing-too-close")
    assert finding.level == "caution"
    assert "07:00" in finding.message and "08:00" in finding.message and "not enough" in finding.message


def test_a_wide_enough_gap_is_confirmed():
    person = Person(65, "female", medicines=(Medicine("Doxycycline", "doxycycline", at("08:00")),))
    findings = person_findings(person, supplements=[SupplementDose("Mg", 200, time_taken=at("20:00"))])
    assert by_code(findings, "timing-ok").level == "info"
    assert "timing-too-close" not in codes(findings)


def test_the_same_dose_on_several_days_gives_one_timing_finding():
    person = Person(65, "female", medicines=(Medicine("Alendronate", "alendronate", at("07:00")),))
    week = [SupplementDose("Mg", 200, time_taken=at("08:00"))] * 7
    assert codes(person_findings(person, supplements=week)).count("timing-too-close") == 1


def test_an_antibiotic_three_hours_after_the_supplement_is_not_enough():
    person = Person(30, "male", medicines=(Medicine("Cipro", "ciprofloxacin", at("11:00")),))
    findings = person_findings(person, supplements=[SupplementDose("Mg", 200, time_taken=at("08:00"))])
    assert "4–6 hours after" in by_code(findings, "timing-too-close").message


def test_no_timing_finding_without_both_times_or_for_untimed_classes():
    timed_dose = SupplementDose("Mg", 200, time_taken=at("08:30"))
    untimed_medicine = Person(30, "male", medicines=(Medicine("Cipro", "ciprofloxacin"),))
    timed_medicine = Person(30, "male", medicines=(Medicine("Cipro", "ciprofloxacin", at("08:00")),))
    ppi = Person(30, "male", medicines=(Medicine("Omeprazole", "omeprazole", at("08:00")),))
    for person, dose in ((untimed_medicine, timed_dose), (timed_medicine, DOSE), (ppi, timed_dose)):
        assert not {"timing-ok", "timing-too-close"} & set(codes(person_findings(person, supplements=[dose])))
    # the same pair with both times does give one
    assert "timing-too-close" in codes(person_findings(timed_medicine, supplements=[timed_dose]))


def test_babies_get_no_meal_plan_and_supplements_are_a_danger():
    baby = Person(0.4, "male")
    assert codes(person_findings(baby, supplements=[])) == ["infant"]
    assert "paediatrician" in person_findings(baby, supplements=[])[0].message
    findings = person_findings(baby, supplements=[DOSE])
    assert findings[0].code == "infant-supplement" and findings[0].level == "danger"
    assert "infant" not in codes(person_findings(Person(1, "male"), supplements=[]))


def test_findings_come_most_serious_first():
    person = Person(
        70, "female", kidney_disease=True, bleeding_disorder=True, medicines=(Medicine("Omeprazole", "omeprazole"),)
    )
    levels = [f.level for f in person_findings(person, supplements=[DOSE])]
    assert levels == sorted(levels, key=["danger", "caution", "info"].index)
    assert levels[0] == "danger"


def test_every_finding_has_a_source_and_a_known_level():
    person = Person(
        70,
        "female",
        kidney_disease=True,
        bleeding_disorder=True,
        medicines=tuple(Medicine(n, n, at("08:00")) for n in ("alendronate", "doxycycline", "baclofen")),
    )
    for finding in person_findings(person, supplements=[SupplementDose("Mg", 100, time_taken=at("09:00"))]):
        assert finding.source and finding.message and finding.level in ("danger", "caution", "info")


def test_sort_findings_keeps_order_within_a_level():
    found = [
        Finding("info", "a", "", "s"),
        Finding("danger", "b", "", "s"),
        Finding("info", "c", "", "s"),
        Finding("caution", "d", "", "s"),
    ]
    assert codes(sort_findings(found)) == ["b", "d", "a", "c"]


def test_a_finding_with_an_unknown_level_cannot_be_made():
    with pytest.raises(ValueError):
        Finding("scary", "x", "y", "z")


def test_supplements_must_be_doses():
    with pytest.raises(ValueError):
        person_findings(ADULT, supplements=[200])


# Issue 20: "continue" turned "break" in either timing loop survived, silently dropping later warnings.


@pytest.mark.parametrize(
    "first",
    [
        Medicine("Omeprazole", "omeprazole", at("08:00")),  # a class without a timing rule
        Medicine("Alendronate", "alendronate"),  # a timed class, but no time given
    ],
)
def test_a_medicine_without_a_timing_check_listed_first_does_not_hide_a_later_one(first):
    person = Person(40, "female", medicines=(first, Medicine("Doxycycline", "doxycycline", at("08:00"))))
    findings = person_findings(person, supplements=[SupplementDose("Mg", 200, time_taken=at("09:00"))])
    assert "Doxycycline at 08:00" in by_code(findings, "timing-too-close").message


def test_a_supplement_without_a_time_listed_first_does_not_hide_a_later_ones_timing():
    person = Person(65, "female", medicines=(Medicine("Alendronate", "alendronate", at("07:00")),))
    doses = [SupplementDose("Untimed", 100), SupplementDose("Evening Mg", 200, time_taken=at("08:00"))]
    assert "Evening Mg at 08:00" in by_code(person_findings(person, supplements=doses), "timing-too-close").message


def test_every_timed_medicine_and_dose_pair_is_checked():
    person = Person(
        40,
        "female",
        medicines=(
            Medicine("Doxycycline", "doxycycline", at("08:00")),
            Medicine("Alendronate", "alendronate", at("07:00")),
        ),
    )
    doses = [SupplementDose("A", 100, time_taken=at("08:30")), SupplementDose("B", 100, time_taken=at("20:00"))]
    findings = person_findings(person, supplements=doses)
    assert codes(findings).count("timing-too-close") + codes(findings).count("timing-ok") == 4
