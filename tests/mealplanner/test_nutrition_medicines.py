"""Medicines that interact with magnesium: names to classes, advice, and the timing-gap rules."""

import datetime

import pytest

from mealplanner.nutrition import MEDICINE_CLASSES, MEDICINE_NAMES, Medicine, medicine_class, timing_gap_ok

EXPECTED = {
    "bisphosphonate": ["alendronate", "risedronate", "ibandronate"],
    "tetracycline": ["doxycycline", "minocycline", "tetracycline"],
    "quinolone": ["ciprofloxacin", "levofloxacin", "moxifloxacin"],
    "aminoglycoside": ["gentamicin", "tobramycin", "amikacin"],
    "loop-diuretic": ["furosemide", "bumetanide", "torsemide"],
    "thiazide-diuretic": ["hydrochlorothiazide", "chlorthalidone", "indapamide"],
    "potassium-sparing-diuretic": ["amiloride", "spironolactone", "triamterene", "eplerenone"],
    "ppi": ["omeprazole", "esomeprazole", "lansoprazole", "pantoprazole", "rabeprazole"],
    "calcium-channel-blocker": ["amlodipine", "nifedipine", "diltiazem", "verapamil"],
    "muscle-relaxant": ["cyclobenzaprine", "baclofen", "tizanidine", "methocarbamol"],
}


@pytest.mark.parametrize(("name", "code"), [(n, c) for c, names in EXPECTED.items() for n in names])
def test_each_common_name_maps_to_its_class(name, code):
    assert medicine_class(name) == code
    assert MEDICINE_NAMES[name] == code


def test_every_name_maps_to_a_known_class():
    assert set(MEDICINE_NAMES.values()) <= set(MEDICINE_CLASSES)
    # The interacting classes of the sources, plus the kinds people name without the medicine, plus "unchecked".
    assert set(MEDICINE_CLASSES) == set(EXPECTED) | {"diuretic", "blood-pressure", "unchecked"}


def test_names_and_classes_are_read_without_regard_to_case_or_spaces():
    assert medicine_class("  Omeprazole ") == "ppi"
    assert medicine_class("PPI") == "ppi"
    assert medicine_class("Loop Diuretic") == "loop-diuretic"
    assert medicine_class("zoledronic  acid") == "bisphosphonate"


@pytest.mark.parametrize("code", list(EXPECTED))
def test_a_class_code_is_accepted_as_itself(code):
    assert medicine_class(code) == code


def test_every_class_has_a_label_plain_advice_and_a_source():
    for info in MEDICINE_CLASSES.values():
        assert info.label and info.source
        assert "may" in info.advice or "ask" in info.advice


@pytest.mark.parametrize("bad", ["paracetamol", "", "   ", None, 42])
def test_an_unknown_medicine_is_a_clear_value_error(bad):
    with pytest.raises(ValueError, match="medicine"):
        medicine_class(bad)


def test_a_medicine_value_stores_the_class_code():
    assert Medicine("Fosamax", "Alendronate").medicine_class == "bisphosphonate"
    with pytest.raises(ValueError):
        Medicine("Mystery pill", "mystery")
    with pytest.raises(ValueError):
        Medicine("Doxycycline", "tetracycline", time_taken="08:00")


def t(hhmm: str) -> datetime.time:
    return datetime.time.fromisoformat(hhmm)


@pytest.mark.parametrize(
    ("medicine", "supplement", "ok"),
    [
        ("08:00", "10:00", True),  # exactly 2 hours after
        ("08:00", "06:00", True),  # exactly 2 hours before
        ("08:00", "09:59", False),
        ("08:00", "06:01", False),
        ("08:00", "08:00", False),
        ("23:00", "00:30", False),  # 1.5 hours apart across midnight
        ("23:00", "01:00", True),
        ("07:00", "21:00", True),
    ],
)
def test_bisphosphonate_needs_two_hours_either_way(medicine, supplement, ok):
    assert timing_gap_ok("bisphosphonate", t(medicine), t(supplement)) is ok


@pytest.mark.parametrize("antibiotic", ["tetracycline", "quinolone", "doxycycline", "ciprofloxacin"])
@pytest.mark.parametrize(
    ("medicine", "supplement", "ok"),
    [
        ("08:00", "10:00", True),  # antibiotic 2 hours before the magnesium
        ("08:00", "09:59", False),  # less than 2 hours before
        ("12:00", "08:00", True),  # antibiotic 4 hours after the magnesium
        ("11:59", "08:00", False),  # less than 4 hours after
        ("10:00", "08:00", False),  # 2 hours after is not enough that way round
        ("14:00", "08:00", True),  # 6 hours after
        ("22:00", "00:30", True),  # 2.5 hours before, across midnight
        ("02:00", "23:00", False),  # 3 hours after, across midnight
        ("08:00", "08:00", False),
    ],
)
def test_antibiotic_needs_two_hours_before_or_four_after(antibiotic, medicine, supplement, ok):
    assert timing_gap_ok(antibiotic, t(medicine), t(supplement)) is ok


def test_classes_without_a_timing_rule_are_refused():
    with pytest.raises(ValueError, match="no timing rule"):
        timing_gap_ok("ppi", t("08:00"), t("20:00"))
