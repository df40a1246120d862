"""Medicines as people type them: brands, everyday words, doses on the box (issue 13)."""

import pytest

from mealplanner.nutrition import (
    MEDICINE_CLASSES,
    MEDICINE_NAMES,
    UNCHECKED,
    Medicine,
    Person,
    medicine_class,
    medicine_class_or_none,
    person_findings,
)
from mealplanner.nutrition.medicine_words import BRAND_NAMES, EVERYDAY_WORDS


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Fosamax", "bisphosphonate"),
        ("Cipro", "quinolone"),
        ("Lasix", "loop-diuretic"),
        ("Norvasc", "calcium-channel-blocker"),
        ("Prilosec", "ppi"),
        ("Nexium", "ppi"),
        ("Aldactone", "potassium-sparing-diuretic"),
        ("Vibramycin", "tetracycline"),
        ("Flexeril", "muscle-relaxant"),
    ],
)
def test_brand_names_map_to_their_class(typed, code):
    assert medicine_class(typed) == code


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("water pill", "diuretic"),
        ("Water Pills", "diuretic"),
        ("diuretic", "diuretic"),
        ("blood pressure pill", "blood-pressure"),
        ("blood pressure tablets", "blood-pressure"),
    ],
)
def test_everyday_words_map_to_a_kind_not_known_class(typed, code):
    assert medicine_class(typed) == code
    assert "not known" in MEDICINE_CLASSES[code].label


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Lasix 40 mg", "loop-diuretic"),
        ("furosemide 20mg tablets", "loop-diuretic"),
        ("Prilosec®", "ppi"),
        ("omeprazole 20 mg capsules daily", "ppi"),
        ("Fosamax 70 mg once weekly", "bisphosphonate"),
        ("zoledronic acid 5mg", "bisphosphonate"),
        ("Ethacrynic acid 25 mg tablets", "loop-diuretic"),
    ],
)
def test_doses_and_forms_on_the_box_are_ignored(typed, code):
    assert medicine_class_or_none(typed) == code


@pytest.mark.parametrize("typed", ["paracetamol", "vitamin D 1000 IU", "", "   ", None, 42])
def test_an_unknown_name_is_none_for_the_form_and_a_value_error_for_the_rules(typed):
    assert medicine_class_or_none(typed) is None
    with pytest.raises(ValueError):
        medicine_class(typed)


def test_every_brand_maps_to_a_generic_the_sources_class():
    assert set(BRAND_NAMES.values()) <= set(MEDICINE_NAMES)
    assert set(EVERYDAY_WORDS.values()) <= set(MEDICINE_CLASSES) - {UNCHECKED}


def test_the_diuretic_advice_says_the_kind_matters():
    advice = MEDICINE_CLASSES["diuretic"].advice
    assert "lose magnesium" in advice and "keep it" in advice


def test_an_unchecked_medicine_is_shown_as_not_checked_with_the_pharmacist_advice():
    person = Person(40, "female", medicines=(Medicine("Paracetamolx", UNCHECKED),))
    [finding] = person_findings(person, supplements=())
    assert finding.code == "medicine-unchecked" and "Paracetamolx" in finding.message
    assert "ask your pharmacist" in finding.message
