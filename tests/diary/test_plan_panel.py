"""The diary beside the plan: today's form for the person, a link for their dietitian, nothing otherwise."""

import pytest
from django.urls import reverse

from diary.models import DiaryEntry
from tests.diary.conftest import make_plan, today

pytestmark = pytest.mark.django_db


def test_the_plan_page_shows_todays_diary_form_to_a_person_with_restless_legs(client_logged_in, person):
    plan = make_plan(person, today())
    page = client_logged_in.get(reverse("plans:detail", kwargs={"plan_id": plan.pk})).content.decode()
    assert 'id="diary-form"' in page and "Save this day" in page
    assert f'name="next" value="/plans/{plan.pk}/"' in page
    assert 'name="csrfmiddlewaretoken"' in page.split('id="diary-form"')[1]


def test_saving_from_the_plan_page_without_javascript_returns_to_the_plan(client_logged_in, person):
    plan = make_plan(person, today())
    url = reverse("plans:detail", kwargs={"plan_id": plan.pk})
    response = client_logged_in.post(
        reverse("diary:home"), {"date": today().isoformat(), "symptom_score": "3", "next": url}
    )
    assert response["Location"] == url
    assert DiaryEntry.objects.get(profile=person).symptom_score == 3


def test_no_panel_without_restless_legs(client_logged_in, person):
    person.restless_legs = False
    person.save()
    plan = make_plan(person, today())
    page = client_logged_in.get(reverse("plans:detail", kwargs={"plan_id": plan.pk})).content.decode()
    assert 'id="diary-form"' not in page and "Restless legs diary" not in page


def test_a_dietitian_sees_a_link_to_the_clients_diary_not_a_form(client, dietitian, client_of_dora):
    plan = make_plan(client_of_dora, today())
    plan.created_by = dietitian
    plan.save()
    client.force_login(dietitian)
    page = client.get(reverse("plans:detail", kwargs={"plan_id": plan.pk})).content.decode()
    assert 'id="diary-form"' not in page
    assert reverse("diary:profile_home", kwargs={"profile_id": client_of_dora.pk}) in page
