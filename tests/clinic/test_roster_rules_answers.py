"""The roster asks the rules once per different question (clients with the same facts, cabinet and supplement
days), reads only the profile fields the rules read, and never lends one client's answer to another."""

import contextlib
import datetime
from unittest import mock

import pytest
from django.utils import timezone

from clinic import roster
from clinic.selectors import dashboard_rows
from mealplanner.models import PlanEntry, Profile
from mealplanner.selectors.profiles import person_for
from tests.clinic.conftest import add_food, add_supplement

pytestmark = pytest.mark.django_db


class _Reading:
    """A profile that notes which of its fields are read."""

    def __init__(self, profile: Profile) -> None:
        self.profile, self.read = profile, set()

    def __getattr__(self, name: str):
        self.read.add(name)
        return getattr(self.profile, name)


@pytest.mark.parametrize(
    "facts",
    [
        {"age_years": 40, "sex": "female", "pregnant": True, "custom_target_mg": 400, "weight_kg": 60},
        {"birth_date": datetime.date(2015, 5, 1), "sex": "male", "kidney_disease": True},
        {"age_years": None, "sex": "female"},  # no age: the rules stop early
    ],
)
def test_the_roster_reads_every_profile_field_the_rules_read(facts):
    reading = _Reading(Profile(name="Anyone", **facts))
    with contextlib.suppress(ValueError):  # no age: the rules' answer is "add an age"
        person_for(reading, on=timezone.localdate(), medicines=())  # as the roster asks, medicines given
    # A field the rules read that the roster leaves out would give alike answers to clients who differ.
    assert reading.read <= set(roster.PERSON_FIELDS)


def test_alike_clients_are_one_question_to_the_rules(dietitian, make_client):
    for n in range(30):
        make_client(dietitian, f"Alike {n:02d}")  # 40-year-old women, nothing else
    make_client(dietitian, "Older", age_years=70)
    with mock.patch("clinic.roster.person_for", wraps=person_for) as asked:
        rows = dashboard_rows(dietitian)
    assert len(rows) == 31 and asked.call_count == 2
    assert {row.target_mg for row in rows} == {320}  # women 31-50 and 51+ alike [ODS Table 1]


def test_alike_clients_keep_their_own_cabinets_and_supplement_days(dietitian, make_client, make_plan, spinach):
    # Four men of 45: the rules see the same person, but not the same cabinet or week.
    plain = make_client(dietitian, "A plain week", sex="male", age_years=45)
    add_food(make_plan(plain), spinach, 500)
    cabinet = make_client(dietitian, "B cabinet only", sex="male", age_years=45, kidney_disease=True)
    add_supplement(cabinet)  # a magnesium supplement with kidney disease: a danger [ODS]
    kidneys = make_client(dietitian, "C kidneys, no supplement", sex="male", age_years=45, kidney_disease=True)
    big = make_client(dietitian, "D far over the limit", sex="male", age_years=45)
    week = make_plan(big)
    add_food(week, spinach, 500)
    # 4 × 500 mg on one day: far above 5 × the 350 mg upper limit for supplements [ODS], a danger.
    PlanEntry.objects.create(plan=week, day=0, meal="snack", supplement=add_supplement(big, 500), quantity=4)
    rows = {row.profile.name: row for row in dashboard_rows(dietitian, sort="name")}
    assert rows["A plain week"].dangers == [] and rows["C kidneys, no supplement"].dangers == []
    assert rows["B cabinet only"].dangers and rows[kidneys.name].target_mg == rows["B cabinet only"].target_mg
    assert "far-over-limit" in {finding.code for finding in rows["D far over the limit"].dangers}
    assert "far-over-limit" not in {finding.code for finding in rows["B cabinet only"].dangers}


def test_the_figures_are_the_current_plans_when_two_weeks_hold_today(dietitian, make_client, make_plan, spinach):
    today = timezone.localdate()
    clara = make_client(dietitian, "Clara")
    add_food(make_plan(clara, start=today, name="Made first"), spinach, 1000)  # 790 mg [SR28 11457]
    later = make_plan(clara, start=today - datetime.timedelta(days=1), name="Made later")
    add_food(later, spinach, 100)  # 79 mg
    row = dashboard_rows(dietitian)[0]
    assert row.plan.name == "Made later" and row.average_mg == pytest.approx(79) and row.below_target
