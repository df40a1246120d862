"""The shopping list page and its CSV: sums over days, portions and grams, groups, bad dates."""

import datetime
import io

import pandas as pd
import pytest

from foods.models import Food, Portion
from tests.mealplanner.plan_factories import (
    add_food,
    add_supplement,
    citrate,
    coffee,
    make_plan,
    make_profile,
    pumpkin_seeds,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(user):
    plan = make_plan(make_profile(user), user)
    add_food(plan, pumpkin_seeds(), day=0, quantity=1)
    add_food(plan, pumpkin_seeds(), day=3, quantity=2)
    add_food(plan, pumpkin_seeds(), day=4, quantity=5, status="skipped")
    add_food(plan, coffee(), day=1, quantity=2)
    add_supplement(plan, citrate(plan.profile), day=0)
    return plan


def page(client, plan, query=""):
    return client.get(f"/plans/{plan.pk}/shopping/{query}")


def test_a_food_on_two_days_is_summed_in_portions_and_grams(client_logged_in, plan):
    body = page(client_logged_in, plan).content.decode()
    assert "3 × 1 cup" in body  # 1 + 2 cups; the 5 skipped cups are left out
    assert '<data class="shopping-grams" value="387.0">387 g</data>' in body  # 3 × 129 g [SR28 WEIGHT]
    assert "1 skipped entry left out" in body
    assert "Magnesium citrate" not in body


def test_foods_are_grouped_by_food_group(client_logged_in, plan):
    body = page(client_logged_in, plan).content.decode()
    assert body.index('<h2 id="group-1">Beverages</h2>') < body.index("Nut and Seed Products</h2>")


def test_a_date_range_lists_only_those_days(client_logged_in, plan):
    first, last = plan.start_date + datetime.timedelta(days=1), plan.start_date + datetime.timedelta(days=3)
    body = page(client_logged_in, plan, f"?from={first}&to={last}").content.decode()
    assert "2 × 1 cup" in body and "Beverages" in body
    assert "3 × 1 cup" not in body


@pytest.mark.parametrize(
    "query",
    [
        "?from=yesterday",
        "?from=2026-02-31",
        "?from=1999-01-01&to=1999-01-02",
        "?from={end}&to={start}",
        "?to=" + "9" * 500,
        "?from=%00",
    ],
)
def test_bad_dates_give_a_message_and_the_whole_week(client_logged_in, plan, query):
    start, end = plan.start_date, plan.start_date + datetime.timedelta(days=6)
    response = page(client_logged_in, plan, query.format(start=start, end=end))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="message message-warning"' in body and "Showing the whole week instead." in body
    assert "3 × 1 cup" in body
    assert f'name="from" value="{start.isoformat()}"' in body


def test_an_empty_range_says_so(client_logged_in, plan):
    day = plan.start_date + datetime.timedelta(days=6)
    body = page(client_logged_in, plan, f"?from={day}&to={day}").content.decode()
    assert "No foods are planned for these days." in body


def test_the_csv_lists_the_same_sums(client_logged_in, plan):
    day = plan.start_date
    response = client_logged_in.get(f"/plans/{plan.pk}/shopping.csv?from={day}&to={day + datetime.timedelta(days=3)}")
    assert response["Content-Type"].startswith("text/csv")
    assert f"shopping-{day.isoformat()}-to-" in response["Content-Disposition"]
    table = pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig")
    seeds = table[table["NDB number"] == 12014].iloc[0]
    assert seeds["Amount"] == "3 × 1 cup" and seeds["Grams"] == pytest.approx(387)
    assert list(table["Food group"]) == ["Beverages", "Nut and Seed Products"]


def test_the_page_links_the_csv_for_the_days_shown(client_logged_in, plan):
    day = plan.start_date + datetime.timedelta(days=2)
    body = page(client_logged_in, plan, f"?from={day}&to={day}").content.decode()
    assert f'href="/plans/{plan.pk}/shopping.csv?from={day}&amp;to={day}"' in body


def test_a_food_name_with_html_is_shown_as_text(client_logged_in, plan):
    food = Food.objects.create(name="<img src=x onerror=alert(1)>", food_group="<b>Group</b>", magnesium_mg=1)
    Portion.objects.create(food=food, label="<u>1 cup</u>", grams=10)
    add_food(plan, food, day=0)
    body = page(client_logged_in, plan).content.decode()
    assert "<img src=x" not in body and "<b>Group</b>" not in body and "<u>1 cup</u>" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body


def test_a_formula_in_a_food_name_comes_out_as_text_in_the_csv(client_logged_in, plan):
    food = Food.objects.create(name='=HYPERLINK("http://evil.example")', food_group="Snacks", magnesium_mg=1)
    add_food(plan, food, day=0, portion=None, quantity=20)
    response = client_logged_in.get(f"/plans/{plan.pk}/shopping.csv")
    table = pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig")
    assert '\'=HYPERLINK("http://evil.example")' in list(table["Food"])


def test_the_list_costs_the_same_queries_for_a_few_foods_or_many(client_logged_in, plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert page(client_logged_in, plan).status_code == 200
        return len(queries)

    few = count()
    for i in range(10):
        food = Food.objects.create(name=f"Food {i}", food_group=f"Group {i % 3}", magnesium_mg=i)
        add_food(plan, food, day=i % 7, portion=None, quantity=100)
    assert count() == few
