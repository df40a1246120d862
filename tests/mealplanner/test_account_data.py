"""Downloading one's own data: a JSON file with the profile, medicines, cabinet, plans and diary; nobody else's."""

import datetime
import json

import pytest
from django.urls import reverse

from diary.models import DiaryEntry
from foods.models import Food
from mealplanner.access import own_profile
from mealplanner.models import Medicine, Plan, PlanEntry, SupplementProduct

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(user, other_user):
    food = Food.objects.create(name="Pumpkin seeds", food_group="Nuts", ndb_number="12014")
    mine = own_profile(user)
    mine.age_years = 40
    mine.allergies = ["soy"]
    mine.dietitian_notes = "private note"
    mine.save()
    Medicine.objects.create(profile=mine, name="omeprazole", medicine_class="ppi", time_taken=datetime.time(8))
    product = SupplementProduct.objects.create(profile=mine, name="Calm Mag", form="citrate", elemental_mg_per_unit=150)
    plan = Plan.objects.create(profile=mine, name="My week", start_date=datetime.date(2026, 11, 30))
    PlanEntry.objects.create(plan=plan, day=0, meal="snack", food=food, quantity=30)
    PlanEntry.objects.create(plan=plan, day=0, meal="dinner", supplement=product, quantity=1)
    DiaryEntry.objects.create(profile=mine, date=datetime.date(2026, 11, 30), symptom_score=3)
    theirs = own_profile(other_user)
    Plan.objects.create(profile=theirs, name="Their secret week", start_date=datetime.date(2026, 11, 30))
    return plan


def download(client):
    response = client.get(reverse("account_download"))
    assert response.status_code == 200
    response.body = b"".join(response.streaming_content)
    return response, json.loads(response.body)


def test_the_download_is_a_json_attachment(client_logged_in, filled):
    response, _ = download(client_logged_in)
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="magnesium-planner-alice-')


def test_the_download_holds_my_profile_medicines_cabinet_plans_and_diary(client_logged_in, filled):
    _, data = download(client_logged_in)
    assert data["account"]["username"] == "alice"
    assert data["profile"]["age_years"] == 40 and data["profile"]["allergies"] == ["soy"]
    assert data["medicines"] == [{"name": "omeprazole", "medicine_class": "ppi", "time_taken": "08:00:00"}]
    assert data["cabinet"][0]["name"] == "Calm Mag" and data["cabinet"][0]["elemental_mg_per_unit"] == 150
    assert [p["name"] for p in data["plans"]] == ["My week"]
    entries = data["plans"][0]["entries"]
    assert {(e["meal"], (e["food"] or {}).get("ndb_number"), e["supplement"]) for e in entries} == {
        ("snack", "12014", None),
        ("dinner", None, "Calm Mag"),
    }
    assert data["diary"][0]["symptom_score"] == 3


def test_the_download_leaves_out_other_peoples_plans(client_logged_in, filled):
    response, _ = download(client_logged_in)
    assert "Their secret week" not in response.body.decode()


def test_the_download_leaves_out_the_dietitians_private_notes(client_logged_in, filled):
    response, _ = download(client_logged_in)
    assert "private note" not in response.body.decode()


def test_a_dietitians_unshared_draft_on_my_profile_is_not_in_my_download(client_logged_in, user, django_user_model):
    dietitian = django_user_model.objects.create_user(username="dee", password="x-long-password-1", is_dietitian=True)
    Plan.objects.create(profile=own_profile(user), created_by=dietitian, name="Draft", start_date="2026-12-07")
    Plan.objects.create(
        profile=own_profile(user), created_by=dietitian, name="Shared", start_date="2026-12-14", shared_with_client=True
    )
    _, data = download(client_logged_in)
    assert [p["name"] for p in data["plans"]] == ["Shared"]


def test_the_download_works_for_a_brand_new_account(client_logged_in):
    _, data = download(client_logged_in)
    assert data["plans"] == [] and data["cabinet"] == [] and data["profile"]["name"] == "alice"


def test_the_download_refuses_a_post(client_logged_in):
    assert client_logged_in.post(reverse("account_download")).status_code == 405


def test_the_download_takes_a_fixed_number_of_queries(client_logged_in, filled, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        download(client_logged_in)


def test_a_username_with_accents_still_gets_a_download(client, django_user_model):
    person = django_user_model.objects.create_user(username="zoë", password="x-long-password-1")
    client.force_login(person)
    response, data = download(client)
    assert "zo%C3%AB" in response["Content-Disposition"]
    assert data["account"]["username"] == "zoë"


def test_the_download_streams_a_long_history_completely_and_in_order(
    client_logged_in, user, django_assert_max_num_queries
):
    """Years of plans: the response is streamed (never built whole), and every plan and entry arrives."""
    seeds = Food.objects.create(name="Pumpkin seeds", food_group="Nuts", ndb_number="12014")
    profile = own_profile(user)
    plans = Plan.objects.bulk_create(
        [
            Plan(profile=profile, name=f"Week {n}", start_date=datetime.date(2020, 1, 6) + datetime.timedelta(weeks=n))
            for n in range(300)
        ]
    )
    PlanEntry.objects.bulk_create(
        [
            PlanEntry(plan=plan, day=day, meal="lunch", food=seeds, quantity=n + day + 1)
            for n, plan in enumerate(plans)
            for day in range(7)
        ]
    )
    DiaryEntry.objects.bulk_create(
        [
            DiaryEntry(
                profile=profile, date=datetime.date(2020, 1, 6) + datetime.timedelta(days=n), symptom_score=n % 10
            )
            for n in range(400)
        ]
    )
    response = client_logged_in.get(reverse("account_download"))
    assert response.streaming
    with django_assert_max_num_queries(12):
        pieces = list(response.streaming_content)
    assert len(pieces) > 1  # sent a block at a time
    data = json.loads(b"".join(pieces))
    assert [p["name"] for p in data["plans"]] == [f"Week {n}" for n in range(300)]
    for n, plan in enumerate(data["plans"]):
        assert [(e["day"], e["quantity"]) for e in plan["entries"]] == [(day, n + day + 1) for day in range(7)]
    assert len(data["diary"]) == 400 and data["diary"][-1]["symptom_score"] == 399 % 10
