"""The dashboard: every client with the current week's magnesium against target; who needs attention first."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from clinic.selectors import dashboard_rows
from tests.clinic.conftest import add_food, add_supplement

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_dietitian(client, dietitian):
    client.force_login(dietitian)
    return client


def _monday():
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


def _full_week(plan, food, grams):
    for day in range(7):
        add_food(plan, food, grams, day=day)


def test_clients_who_need_attention_come_first(as_dietitian, dietitian, make_client, make_plan, spinach):
    # Anna: a full week well above target. Ben: no plan. Cleo: below target.
    # Dan: kidney disease with a magnesium supplement in his cabinet, a danger [ODS: kidney disease].
    anna = make_client(dietitian, "Anna")
    _full_week(make_plan(anna, by=dietitian, start=_monday()), spinach, 500)  # 395 mg a day [SR28 11457]
    make_client(dietitian, "Ben")
    cleo = make_client(dietitian, "Cleo")
    _full_week(make_plan(cleo, by=dietitian, start=_monday()), spinach, 100)  # 79 mg a day
    dan = make_client(dietitian, "Dan", sex="male", kidney_disease=True)
    add_supplement(dan)
    _full_week(make_plan(dan, by=dietitian, start=_monday()), spinach, 600)

    rows = dashboard_rows(dietitian)
    assert [r.profile.name for r in rows] == ["Dan", "Cleo", "Ben", "Anna"]
    dan_row, cleo_row, _, anna_row = rows
    assert dan_row.dangers and all(f.level == "danger" for f in dan_row.dangers)
    assert cleo_row.below_target and cleo_row.average_mg == pytest.approx(79)
    assert anna_row.average_mg == pytest.approx(395) and anna_row.target_mg == 320  # women 31–50 [ODS Table 1]

    page = as_dietitian.get(reverse("clinic:dashboard")).content.decode()
    assert page.index("Dan") < page.index("Cleo") < page.index("Ben") < page.index("Anna")
    assert "⛔ Danger:" in page and "below target" in page and "No plan this week" in page


def test_templates_and_other_dietitians_clients_are_not_listed(
    dietitian,
    other_dietitian,
    make_client,
    make_plan,
    client_profile,
):
    from mealplanner.access import own_profile

    make_plan(own_profile(dietitian), by=dietitian, is_template=True, name="Template")
    make_client(other_dietitian, "Stranger")
    rows = dashboard_rows(dietitian)
    assert [r.profile.name for r in rows] == ["Clara"]
    assert rows[0].plan is None


def test_a_client_without_an_age_is_flagged_not_a_crash(as_dietitian, dietitian, make_client, make_plan):
    nobody = make_client(dietitian, "Nadia", age_years=None)
    make_plan(nobody, by=dietitian)
    response = as_dietitian.get(reverse("clinic:dashboard"))
    assert response.status_code == 200
    assert "Check the profile" in response.content.decode()


def test_an_empty_roster_says_what_to_do(as_dietitian):
    page = as_dietitian.get(reverse("clinic:dashboard")).content.decode()
    assert "You have no clients yet" in page


def test_the_dashboard_refuses_post(as_dietitian):
    assert as_dietitian.post(reverse("clinic:dashboard")).status_code == 405
