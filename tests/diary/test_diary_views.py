"""The diary page: a day's form, saving and updating, htmx answers, dates, and who may see whose diary."""

import datetime

import pytest
from django.urls import reverse

from diary.models import DiaryEntry
from tests.diary.conftest import add, days_ago, make_plan, today

pytestmark = pytest.mark.django_db

GOOD = {
    "symptom_score": "6",
    "sleep_disturbed": "on",
    "hours_slept": "5.5",
    "sleep_quality": "2",
    "caffeine_mg": "95",
    "exercise_minutes": "30",
    "habits_kept": ["warm_bath"],
    "notes": "bad night",
}


def post(client, **changes):
    data = {"date": today().isoformat(), **GOOD, **changes}
    return client.post(reverse("diary:home"), data)


def test_the_form_asks_about_the_habits_the_person_chose(client_logged_in, person):
    page = client_logged_in.get(reverse("diary:home")).content.decode()
    assert "A warm bath" in page and "Avoiding caffeine" in page
    assert "Massage" not in page  # not chosen, so not asked
    assert f'max="{today().isoformat()}"' in page


def test_saving_a_day_stores_it_and_redirects(client_logged_in, person):
    response = post(client_logged_in)
    assert response.status_code == 302
    entry = DiaryEntry.objects.get(profile=person, date=today())
    assert entry.symptom_score == 6 and entry.sleep_disturbed and float(entry.hours_slept) == 5.5
    assert entry.sleep_quality == 2 and entry.caffeine_mg == 95 and entry.exercise_minutes == 30
    assert entry.habits_kept == ["warm_bath"] and entry.notes == "bad night"


def test_saving_the_same_day_again_updates_it(client_logged_in, person):
    post(client_logged_in)
    post(client_logged_in, symptom_score="2", habits_kept=[])
    entry = DiaryEntry.objects.get(profile=person, date=today())
    assert DiaryEntry.objects.filter(profile=person).count() == 1
    assert entry.symptom_score == 2 and entry.habits_kept == []


def test_a_missed_day_can_be_filled_in_later(client_logged_in, person):
    post(client_logged_in, date=days_ago(3).isoformat())
    assert DiaryEntry.objects.filter(profile=person, date=days_ago(3)).exists()
    page = client_logged_in.get(reverse("diary:home"), {"date": days_ago(3).isoformat()}).content.decode()
    assert 'value="bad night"' in page  # the saved day opens with its answers


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"date": (today() + datetime.timedelta(days=1)).isoformat()}, "has not come yet"),
        ({"date": "not-a-date"}, "valid date"),
        ({"symptom_score": "11"}, "Select a valid choice"),
        ({"symptom_score": ""}, "This field is required"),
        ({"hours_slept": "25"}, "less than or equal to 24"),
        ({"sleep_quality": "9"}, "Select a valid choice"),
        ({"caffeine_mg": "-5"}, "greater than or equal to 0"),
        ({"habits_kept": ["massage"]}, "Select a valid choice"),  # a habit the person did not choose
    ],
)
def test_bad_answers_are_shown_beside_the_field_and_change_nothing(client_logged_in, person, changes, field):
    response = post(client_logged_in, **changes)
    assert response.status_code == 422
    assert field in response.content.decode()
    assert not DiaryEntry.objects.exists()


def test_htmx_gets_only_the_form_back_with_a_saved_message(client_logged_in, person):
    response = client_logged_in.post(
        reverse("diary:home"), {"date": today().isoformat(), **GOOD}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<section id="diary-form"') and "<html" not in page
    assert "Saved your diary" in page
    again = client_logged_in.post(
        reverse("diary:home"),
        {"date": today().isoformat(), **GOOD, "symptom_score": "1"},
        headers={"HX-Request": "true"},
    )
    assert "Updated your diary" in again.content.decode()


def test_htmx_errors_come_back_in_the_form_so_they_are_swapped_in(client_logged_in, person):
    response = client_logged_in.post(
        reverse("diary:home"), {**GOOD, "date": today().isoformat(), "hours_slept": "x"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "Error: Enter a number." in response.content.decode()
    assert not DiaryEntry.objects.exists()


def test_picking_a_day_with_htmx_returns_that_days_form(client_logged_in, person):
    DiaryEntry.objects.create(profile=person, date=days_ago(2), symptom_score=7, notes="two days ago")
    response = client_logged_in.get(
        reverse("diary:home"), {"date": days_ago(2).isoformat()}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "<html" not in page and 'value="two days ago"' in page
    assert 'value="7" id="id_symptom_score_7" required checked>' in page
    assert 'value="6" id="id_symptom_score_6" required>' in page


def test_a_bad_date_in_the_address_falls_back_to_today(client_logged_in, person):
    for bad in ("2026-13-40", "tomorrow", (today() + datetime.timedelta(days=9)).isoformat()):
        response = client_logged_in.get(reverse("diary:home"), {"date": bad})
        assert response.status_code == 200
        assert f'value="{today().isoformat()}"' in response.content.decode()


def test_caffeine_is_pre_filled_from_what_was_ticked_eaten_that_day(client_logged_in, person, coffee):
    plan = make_plan(person, today())
    add(plan, coffee, 237, status="eaten")  # a cup: 40 mg/100 g × 2.37 = 94.8 mg
    add(plan, coffee, 474, status="planned")  # planned but not drunk: not counted
    page = client_logged_in.get(reverse("diary:home")).content.decode()
    assert 'name="caffeine_mg" value="95"' in page
    assert "filled in from what you ticked eaten" in page


def test_the_plain_post_goes_back_to_a_safe_next_page_only(client_logged_in, person):
    good = post(client_logged_in, next="/plans/")
    assert good["Location"] == "/plans/"
    evil = post(client_logged_in, next="https://evil.example/")
    assert evil["Location"].startswith("/diary/?date=")


def test_other_methods_are_refused(client_logged_in, person):
    assert client_logged_in.put(reverse("diary:home")).status_code == 405
    assert client_logged_in.post(reverse("diary:insights")).status_code == 405
    assert client_logged_in.post(reverse("diary:export", kwargs={"fmt": "csv"})).status_code == 405


def test_logged_out_people_are_sent_to_log_in(client):
    response = client.get(reverse("diary:home"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_without_restless_legs_the_page_says_how_to_turn_it_on(client_logged_in, person):
    person.restless_legs = False
    person.save()
    page = client_logged_in.get(reverse("diary:home")).content.decode()
    assert "Turn on “I have restless legs”" in page


def test_another_persons_diary_is_a_404(client, other_user, person):
    client.force_login(other_user)
    DiaryEntry.objects.create(profile=person, date=today(), symptom_score=9, notes="private")
    for name in ("profile_home", "profile_insights"):
        assert client.get(reverse(f"diary:{name}", kwargs={"profile_id": person.pk})).status_code == 404
    assert (
        client.get(reverse("diary:profile_export", kwargs={"profile_id": person.pk, "fmt": "csv"})).status_code == 404
    )
    response = client.post(reverse("diary:profile_home", kwargs={"profile_id": person.pk}), {**GOOD, "date": today()})
    assert response.status_code == 404
    assert DiaryEntry.objects.get(profile=person).notes == "private"


def test_a_dietitian_reads_a_clients_diary_but_cannot_write_it(client, dietitian, client_of_dora):
    DiaryEntry.objects.create(profile=client_of_dora, date=today(), symptom_score=4)
    client.force_login(dietitian)
    page = client.get(reverse("diary:profile_home", kwargs={"profile_id": client_of_dora.pk}))
    assert page.status_code == 200
    assert "Read only" in page.content.decode() and "Clara" in page.content.decode()
    response = client.post(
        reverse("diary:profile_home", kwargs={"profile_id": client_of_dora.pk}), {**GOOD, "date": today().isoformat()}
    )
    assert response.status_code == 403
    assert DiaryEntry.objects.get(profile=client_of_dora).symptom_score == 4


def test_another_dietitian_gets_a_404_for_that_client(client, other_dietitian, client_of_dora):
    client.force_login(other_dietitian)
    assert client.get(reverse("diary:profile_home", kwargs={"profile_id": client_of_dora.pk})).status_code == 404
    assert client.get(reverse("diary:profile_insights", kwargs={"profile_id": client_of_dora.pk})).status_code == 404


def test_an_unknown_profile_id_is_a_404(client_logged_in, person):
    assert client_logged_in.get("/diary/profile/999999/").status_code == 404
