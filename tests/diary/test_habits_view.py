"""Choosing the habits to try: each with its reason, stored on the profile, asked about in the diary."""

import pytest
from django.urls import reverse

from diary.habits import HABITS, clean_codes

pytestmark = pytest.mark.django_db


def test_every_habit_is_listed_with_why_it_may_help(client_logged_in, person):
    page = client_logged_in.get(reverse("diary:habits")).content.decode()
    for habit in HABITS:
        assert habit.label in page and habit.why.replace("'", "&#x27;") in page
    assert len(HABITS) == 6


def test_chosen_habits_are_saved_and_the_diary_asks_about_them(client_logged_in, person):
    response = client_logged_in.post(reverse("diary:habits"), {"habits": ["massage", "exercise"]})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.rls_habits == ["exercise", "massage"]
    page = client_logged_in.get(reverse("diary:home")).content.decode()
    assert "Massage" in page and "A warm bath" not in page


def test_an_unknown_habit_is_refused_and_nothing_changes(client_logged_in, person):
    response = client_logged_in.post(reverse("diary:habits"), {"habits": ["magic_beans"]})
    assert response.status_code == 422
    person.refresh_from_db()
    assert person.rls_habits == ["warm_bath", "no_caffeine"]


def test_choosing_none_clears_the_list(client_logged_in, person):
    client_logged_in.post(reverse("diary:habits"), {})
    person.refresh_from_db()
    assert person.rls_habits == []


def test_stale_codes_are_dropped_not_a_crash():
    assert clean_codes(["warm_bath", "gone", "warm_bath", "sleep_routine"]) == ["sleep_routine", "warm_bath"]


def test_the_habits_already_chosen_are_ticked_and_each_box_is_described_by_its_reason(client_logged_in, person):
    page = client_logged_in.get(reverse("diary:habits")).content.decode()
    ticked = [
        h.code
        for h in HABITS
        if f'value="{h.code}" id=' in page and "checked" in page.split(f'value="{h.code}" id=')[1].split(">")[0]
    ]
    assert ticked == ["no_caffeine", "warm_bath"]
    assert 'aria-describedby="why-massage"' in page and 'id="why-massage"' in page
