"""Supplement forms: the elemental share of each compound, aliases, and the label-wins rule."""

import pytest

from mealplanner.nutrition import (
    SUPPLEMENT_FORMS,
    elemental_magnesium_mg,
    form_code,
    supplement_elemental_mg,
    supplement_form_choices,
)

# [magnesium.md, from Molecules 2021 Table 1 and molecular weights]
SHARES = {
    "oxide": 60.3,
    "hydroxide": 41.7,
    "carbonate": 28.8,
    "chloride": 12.0,
    "chloride-anhydrous": 25.5,
    "citrate": 16.2,
    "hydrogen-citrate": 11.3,
    "malate": 15.5,
    "glycinate": 14.1,
    "lactate": 12.0,
    "sulfate": 9.9,
    "sulfate-anhydrous": 20.2,
    "taurate": 8.9,
    "aspartate": 8.5,
    "l-threonate": 8.3,
}


@pytest.mark.parametrize(("form", "percent"), SHARES.items())
def test_1000_mg_of_each_compound_gives_its_share(form, percent):
    assert elemental_magnesium_mg(1000, form) == pytest.approx(percent * 10)


def test_every_form_has_a_label_and_a_source():
    assert set(SUPPLEMENT_FORMS) == set(SHARES)
    for form in SUPPLEMENT_FORMS.values():
        assert form.label and form.source and 0 < form.share < 1


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("bisglycinate", "glycinate"),
        ("Magnesium Bisglycinate", "glycinate"),
        ("OXIDE", "oxide"),
        ("magnesium l-threonate", "l-threonate"),
        ("L threonate", "l-threonate"),
        ("Epsom salt", "sulfate"),
        ("sulfate_anhydrous", "sulfate-anhydrous"),
        ("hydrogen citrate", "hydrogen-citrate"),
    ],
)
def test_common_ways_of_writing_a_form_are_understood(typed, code):
    assert form_code(typed) == code


def test_the_alias_converts_like_the_form():
    assert elemental_magnesium_mg(500, "bisglycinate") == elemental_magnesium_mg(500, "glycinate")


def test_an_unknown_form_names_the_known_ones():
    with pytest.raises(ValueError, match=r"oxide.*glycinate"):
        elemental_magnesium_mg(100, "unobtainium")


@pytest.mark.parametrize("amount", [-1, float("nan"), "100", None])
def test_a_bad_compound_amount_is_refused(amount):
    with pytest.raises(ValueError):
        elemental_magnesium_mg(amount, "oxide")


def test_the_labels_elemental_amount_wins_over_a_conversion():
    mg = supplement_elemental_mg(elemental_mg_per_unit=120, compound_mg_per_unit=1000, form="citrate", units=2)
    assert mg == 240


def test_without_a_label_figure_the_compound_is_converted():
    mg = supplement_elemental_mg(elemental_mg_per_unit=None, compound_mg_per_unit=500, form="oxide", units=2)
    assert mg == pytest.approx(603)


def test_with_a_label_figure_an_unusual_form_name_does_not_matter():
    assert (
        supplement_elemental_mg(
            elemental_mg_per_unit=100, compound_mg_per_unit=None, form="magnesium complex", units=1.5
        )
        == 150
    )


def test_zero_units_give_zero():
    assert supplement_elemental_mg(elemental_mg_per_unit=None, compound_mg_per_unit=500, form="oxide", units=0) == 0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"elemental_mg_per_unit": None, "compound_mg_per_unit": None, "form": "oxide", "units": 1},
        {"elemental_mg_per_unit": -5, "compound_mg_per_unit": None, "form": "oxide", "units": 1},
        {"elemental_mg_per_unit": None, "compound_mg_per_unit": -5, "form": "oxide", "units": 1},
        {"elemental_mg_per_unit": 100, "compound_mg_per_unit": None, "form": "oxide", "units": -1},
        {"elemental_mg_per_unit": None, "compound_mg_per_unit": 100, "form": "nope", "units": 1},
    ],
)
def test_missing_or_negative_amounts_are_refused(kwargs):
    with pytest.raises(ValueError):
        supplement_elemental_mg(**kwargs)


def test_choices_list_each_form_once():
    choices = supplement_form_choices()
    assert [code for code, _ in choices] == list(SUPPLEMENT_FORMS)
    assert ("chloride", "Magnesium chloride (hexahydrate)") in choices
