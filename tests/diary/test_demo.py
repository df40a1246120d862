"""The demo seed gives the demo person three weeks of diary days, once."""

import pytest

from diary import demo
from diary.models import DiaryEntry
from mealplanner.access import own_profile

pytestmark = pytest.mark.django_db


def test_without_a_demo_person_it_does_nothing():
    assert demo.seed() == []
    assert not DiaryEntry.objects.exists()


def test_it_adds_three_weeks_once(django_user_model):
    profile = own_profile(django_user_model.objects.create_user(username="demo", password="a-long-test-password"))
    assert demo.seed() == []
    demo.seed()
    assert DiaryEntry.objects.filter(profile=profile).count() == 21
    profile.refresh_from_db()
    assert profile.rls_habits == demo.DEMO_HABITS
    assert all(0 <= e.symptom_score <= 10 for e in DiaryEntry.objects.all())
