"""The argument checks' messages: a bad value is shown, cut short when long (issue 20: its boundary)."""

import pytest

from mealplanner.nutrition import _checks


def test_a_value_of_40_characters_is_shown_whole():
    value = "x" * 38  # repr adds the quotes: 40 characters
    assert _checks.shown(value) == repr(value)


def test_a_longer_value_is_cut_to_40_characters_ending_in_dots():
    value = "x" * 39  # 41 characters with quotes
    text = _checks.shown(value)
    assert len(text) == 40 and text.endswith("...") and text == repr(value)[:37] + "..."


@pytest.mark.parametrize(("value", "what"), [(-1, "negative"), (float("inf"), "real number"), ("5", "number")])
def test_number_errors_say_what_is_wrong(value, what):
    with pytest.raises(ValueError, match=what):
        _checks.number(value, "The amount")


def test_pregnancy_under_14_is_refused_and_14_is_allowed():
    with pytest.raises(ValueError, match="14"):
        _checks.life_stage(13.99, "female", True, False)
    _checks.life_stage(14, "female", True, False)
    _checks.life_stage(14, "female", False, True)
