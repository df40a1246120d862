"""What the roster relies on from the rules: a day's danger findings come from its supplements alone.

The dashboard ranks hundreds of clients by their dangers and asks the rules once per different supplement
day (clinic.roster.supplement_day_dangers), with the food left out. If a rule ever raised a danger from
food, caffeine or minerals, this test fails and the roster must ask about whole days again."""

from hypothesis import given, settings

from clinic.roster import supplement_day_dangers
from mealplanner.nutrition import DayIntake, day_findings
from tests.mealplanner.test_nutrition_properties import days, people


def _dangers(findings):
    return {(f.code, f.message) for f in findings if f.level == "danger"}


@settings(deadline=None, max_examples=300)
@given(people(), days)
def test_a_days_dangers_are_those_of_its_supplements_alone(person, day):
    supplements_only = DayIntake(food_magnesium_mg=0, supplements=day.supplements)
    assert _dangers(day_findings(person, day)) == _dangers(day_findings(person, supplements_only))


@settings(deadline=None, max_examples=100)
@given(people(), days)
def test_the_roster_finds_the_same_dangers_as_the_rules(person, day):
    assert _dangers(supplement_day_dangers(person, [day.supplements, day.supplements])) == _dangers(
        day_findings(person, day)
    )
