"""Downloading the diary: CSV and XLSX that open in pandas with the right numbers; only for who may see it."""

import io

import pandas as pd
import pytest
from django.urls import reverse

from diary.models import DiaryEntry
from tests.diary.conftest import add, days_ago, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_days(person, pumpkin_seeds):
    DiaryEntry.objects.create(
        profile=person,
        date=days_ago(1),
        symptom_score=7,
        sleep_disturbed=True,
        hours_slept="5.5",
        sleep_quality=2,
        caffeine_mg=190,
        habits_kept=["warm_bath"],
        notes="@SUM(A1)",
    )
    DiaryEntry.objects.create(profile=person, date=days_ago(0), symptom_score=3, hours_slept="7.0")
    plan = make_plan(person, days_ago(1))
    add(plan, pumpkin_seeds, 50, day=0, status="eaten")  # 296 mg (SR28 12014: 592 mg/100 g)
    add(plan, pumpkin_seeds, 25, day=1)  # 148 mg planned


def read(response, fmt):
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return pd.read_csv(io.BytesIO(data)) if fmt == "csv" else pd.read_excel(io.BytesIO(data))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_holds_each_day_with_its_numbers(client_logged_in, two_days, fmt):
    response = client_logged_in.get(reverse("diary:export", kwargs={"fmt": fmt}))
    assert response.status_code == 200
    assert f'.{fmt}"' in response["Content-Disposition"]
    frame = read(response, fmt)
    assert list(frame["date"]) == [days_ago(1).isoformat(), days_ago(0).isoformat()]
    first, second = frame.iloc[0], frame.iloc[1]
    assert first["symptom_score"] == 7 and first["hours_slept"] == 5.5 and first["caffeine_mg"] == 190
    assert first["sleep_disturbed"] == "yes" and first["habits_kept"] == "A warm bath"
    assert first["magnesium_mg"] == pytest.approx(296) and first["magnesium_from"] == "eaten"
    assert second["magnesium_mg"] == pytest.approx(148) and second["magnesium_from"] == "planned"
    assert first["notes"] == "'@SUM(A1)"  # cannot run as a formula


def test_an_empty_diary_exports_just_the_headers(client_logged_in, person):
    frame = read(client_logged_in.get(reverse("diary:export", kwargs={"fmt": "csv"})), "csv")
    assert len(frame) == 0 and "symptom_score" in frame.columns


def test_a_dietitian_downloads_a_clients_diary_and_nobody_elses(client, dietitian, other_dietitian, client_of_dora):
    DiaryEntry.objects.create(profile=client_of_dora, date=days_ago(0), symptom_score=5)
    url = reverse("diary:profile_export", kwargs={"profile_id": client_of_dora.pk, "fmt": "xlsx"})
    client.force_login(dietitian)
    assert read(client.get(url), "xlsx").iloc[0]["symptom_score"] == 5
    client.force_login(other_dietitian)
    assert client.get(url).status_code == 404


def test_an_unknown_format_is_a_404(client_logged_in, person):
    assert client_logged_in.get("/diary/export.ods").status_code == 404
