"""A day's headline leads with its worst finding: over the limit is never "target reached" (issue 13)."""

from mealplanner.nutrition import Finding
from mealplanner.nutrition.headline import day_headline

DANGER = Finding("danger", "over-limit", "Over the limit.", "ODS")
CAUTION = Finding("caution", "caffeine-high", "Much caffeine.", "EFSA")
INFO = Finding("info", "side-effects", "May upset the stomach.", "ODS")


def test_a_day_over_the_limit_that_reaches_the_target_shows_the_danger_not_success():
    headline = day_headline([INFO, DANGER], magnesium_mg=900, target_mg=320)
    assert headline.level == "danger" and not headline.is_success
    assert "✓" not in headline.icon + headline.text and "reached" not in headline.text.lower()


def test_a_caution_comes_before_success():
    headline = day_headline([CAUTION], magnesium_mg=400, target_mg=320)
    assert headline.level == "caution" and not headline.is_success


def test_danger_wins_over_caution_in_any_order():
    assert day_headline([CAUTION, DANGER], magnesium_mg=0, target_mg=320).level == "danger"


def test_a_day_with_only_information_that_reaches_the_target_is_a_success():
    headline = day_headline([INFO], magnesium_mg=320, target_mg=320)
    assert headline.is_success and headline.icon == "✓" and headline.text == "Target reached"


def test_a_day_below_the_target_says_so():
    assert day_headline([], magnesium_mg=319.9, target_mg=320).level == "below"


def test_no_target_no_headline_unless_a_finding_needs_attention():
    assert day_headline([], magnesium_mg=100, target_mg=0) is None
    assert day_headline([DANGER], magnesium_mg=100, target_mg=0).level == "danger"
