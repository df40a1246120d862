"""Insight weeks line up with the person's plan weeks, say their dates and start with the first data; a
dietitian reading a client's diary sees the client's name, not "your diary" (issue 18)."""

import datetime

import pytest
from django.urls import reverse

from diary import selectors
from diary.models import DiaryEntry
from tests.diary.conftest import make_plan, today

pytestmark = pytest.mark.django_db

FRIDAY = datetime.date(2026, 11, 20)
WEDNESDAY_BEFORE = datetime.date(2026, 11, 18)


def test_weeks_start_on_the_plans_first_weekday_and_the_last_one_ends_today(person):
    make_plan(person, WEDNESDAY_BEFORE)  # a plan from Wednesday to Tuesday
    for n in range(20):
        DiaryEntry.objects.create(profile=person, date=FRIDAY - datetime.timedelta(days=n), symptom_score=3)
    view = selectors.insights_for(person, weeks=4, today=FRIDAY)
    starts = [row.start for row in view.week_rows]
    assert all(start.weekday() == 2 for start in starts)  # every week from a Wednesday
    assert starts[-1] == WEDNESDAY_BEFORE and view.week_rows[-1].end == FRIDAY
    assert [row.end - row.start for row in view.week_rows[:-1]] == [datetime.timedelta(days=6)] * (len(starts) - 1)
    assert view.start == starts[0] and view.end == FRIDAY


def test_without_a_plan_weeks_start_on_monday(person):
    DiaryEntry.objects.create(profile=person, date=FRIDAY, symptom_score=3)
    view = selectors.insights_for(person, weeks=4, today=FRIDAY)
    assert [row.start.weekday() for row in view.week_rows] == [0] * len(view.week_rows)


def test_no_empty_week_comes_before_the_first_diary_day(person):
    make_plan(person, WEDNESDAY_BEFORE)
    # The diary began eight days ago: of four weeks asked for, the two before it are left out.
    for n in range(9):
        DiaryEntry.objects.create(profile=person, date=FRIDAY - datetime.timedelta(days=n), symptom_score=3)
    view = selectors.insights_for(person, weeks=4, today=FRIDAY)
    assert [row.start for row in view.week_rows] == [datetime.date(2026, 11, 11), WEDNESDAY_BEFORE]
    assert view.week_rows[0].diary_days == 6 and view.week_rows[1].diary_days == 3
    assert view.start == datetime.date(2026, 11, 11)
    assert len(view.days) == 10  # the day charts start there too


def test_the_insights_table_states_each_weeks_dates(client_logged_in, person):
    start = today() - datetime.timedelta(days=3)
    make_plan(person, start)
    DiaryEntry.objects.create(profile=person, date=today(), symptom_score=4)
    page = client_logged_in.get(reverse("diary:insights")).content.decode()
    assert f"{start:%a} {start.day} {start:%b} – {today():%a} {today().day} {today():%b}" in page


def test_a_dietitian_reading_a_clients_diary_sees_the_clients_name(client, dietitian, client_of_dora):
    DiaryEntry.objects.create(profile=client_of_dora, date=today(), symptom_score=4)
    client.force_login(dietitian)
    diary = client.get(reverse("diary:profile_home", args=[client_of_dora.pk]), {"date": today().isoformat()})
    insights = client.get(reverse("diary:profile_insights", args=[client_of_dora.pk]))
    for response in (diary, insights):
        page = response.content.decode()
        assert response.status_code == 200
        assert "your diary" not in page.lower() and "your data" not in page.lower()
        assert "Clara’s diary" in page
    assert "<title>What Clara’s diary shows" in insights.content.decode()


def test_the_person_herself_still_reads_your_diary(client_logged_in, person):
    page = client_logged_in.get(reverse("diary:home")).content.decode()
    assert "What your diary shows" in page
