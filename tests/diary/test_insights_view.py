"""The insights page: honest words, correlations only with enough days, charts without inline styles."""

import datetime
import re

import pytest
from django.urls import reverse

from diary.models import DiaryEntry
from tests.diary.conftest import add, days_ago, make_plan

pytestmark = pytest.mark.django_db


def fill(person, pumpkin_seeds, days=10):
    """`days` diary days; magnesium 50 g seeds eaten on each, more seeds on calmer days (scores 9..0)."""
    plan_starts = {}
    for n in range(days):
        date = days_ago(n)
        DiaryEntry.objects.create(
            profile=person, date=date, symptom_score=min(9, n), hours_slept=6 + n % 3, caffeine_mg=100 - n * 5
        )
        start = date - datetime.timedelta(days=date.weekday())
        plan = plan_starts.get(start) or make_plan(person, start)
        plan_starts[start] = plan
        add(plan, pumpkin_seeds, 10 + n * 5, day=date.weekday(), status="eaten")


def test_the_page_says_what_a_correlation_is_not_and_cites_its_sources(client_logged_in, person):
    page = client_logged_in.get(reverse("diary:insights")).content.decode()
    assert "A link is not proof" in page
    assert "2019 systematic review" in page and "Sleep Medicine Reviews" in page
    assert "iron" in page and "2024 guideline" in page
    assert 'href="https://medlineplus.gov/restlesslegs.html"' in page
    assert "may help some people" in page
    assert "treats" not in page


def test_with_too_few_days_there_is_no_number(client_logged_in, person, pumpkin_seeds):
    fill(person, pumpkin_seeds, days=5)
    page = client_logged_in.get(reverse("diary:insights")).content.decode()
    assert page.count("Too little data: only 5 days") == 4
    assert "r = " not in page


def test_with_enough_days_it_shows_r_and_the_number_of_days(client_logged_in, person, pumpkin_seeds):
    fill(person, pumpkin_seeds, days=10)
    page = client_logged_in.get(reverse("diary:insights")).content.decode()
    # More seeds on later n, and the score rises with n: r between magnesium and score is strongly positive.
    match = re.search(r"r = (-?[0-9.]+) over 10 days", page)
    assert match and float(match.group(1)) > 0.9
    assert "eaten" in page  # each day says where its magnesium figure comes from


def test_charts_are_svg_with_titles_and_no_inline_styles(client_logged_in, person, pumpkin_seeds):
    fill(person, pumpkin_seeds, days=8)
    page = client_logged_in.get(reverse("diary:insights")).content.decode()
    assert page.count("<svg") == 8
    assert "style=" not in page and "<script" not in page.split("</head>")[1]
    assert "Symptom score per day" in page


@pytest.mark.parametrize("weeks, expected", [("4", 4), ("8", 8), ("12", 12), ("5", 4), ("abc", 4), ("", 4)])
def test_the_period_is_4_8_or_12_weeks_and_anything_else_means_4(client_logged_in, person, weeks, expected):
    response = client_logged_in.get(reverse("diary:insights"), {"weeks": weeks})
    assert response.status_code == 200
    assert response.context["view"].weeks == expected
    assert 1 <= len(response.context["view"].days) <= 7 * expected  # weeks before any data are left out


def test_a_dietitian_sees_a_clients_insights(client, dietitian, client_of_dora):
    client.force_login(dietitian)
    response = client.get(reverse("diary:profile_insights", kwargs={"profile_id": client_of_dora.pk}))
    assert response.status_code == 200 and "Clara’s diary" in response.content.decode()


def test_the_page_reads_a_fixed_number_of_queries(
    client_logged_in, person, pumpkin_seeds, django_assert_max_num_queries
):
    fill(person, pumpkin_seeds, days=20)
    with django_assert_max_num_queries(8):
        client_logged_in.get(reverse("diary:insights"), {"weeks": "12"})
