"""The printable plan: the week with amounts, day totals against the target, findings, note and sources."""

import datetime
import re

import pytest

from foods.models import Food, Portion
from mealplanner.models import Plan, Profile
from tests.mealplanner.plan_factories import (
    add_food,
    add_supplement,
    citrate,
    coffee,
    make_plan,
    make_profile,
    pumpkin_seeds,
    this_monday,
)

pytestmark = pytest.mark.django_db


def day_mg(body):
    return [float(v) for v in re.findall(r'<data class="print-day-mg" value="(-?[\d.]+)"', body)]


@pytest.fixture
def plan(user):
    plan = make_plan(make_profile(user, name="Alice Example"), user, start=this_monday() + datetime.timedelta(days=7))
    add_food(plan, pumpkin_seeds(), day=0, quantity=1)
    add_food(plan, coffee(), day=1, quantity=2)
    return plan


def test_it_shows_each_entry_with_portions_and_grams_and_the_person(client_logged_in, plan):
    body = client_logged_in.get(f"/plans/{plan.pk}/print/").content.decode()
    assert "Alice Example" in body
    assert "1 × 1 cup (129 g)" in body  # SR28 WEIGHT: 1 cup of pumpkin seed kernels = 129 g
    assert "2 × 1 cup (474 g)" in body
    assert body.count('class="print-day"') == 7


def test_each_day_shows_magnesium_and_energy_against_the_target(client_logged_in, plan):
    add_supplement(plan, citrate(plan.profile, mg=100), day=0)
    body = client_logged_in.get(f"/plans/{plan.pk}/print/").content.decode()
    # Day 1: 592 mg/100 g × 129 g [SR28 NDB 12014] = 764 mg from food, plus 100 mg from the supplement.
    assert day_mg(body)[0] == pytest.approx(864)
    assert "of 320 mg" in body  # a 45-year-old woman's RDA [ODS Table 1]
    assert "721 kcal" in body  # 559 kcal/100 g × 129 g
    assert "supplements 100 mg" in body
    assert "(limit 350 mg)" in body  # [ODS Table 3]


def test_findings_show_a_word_and_an_icon(client_logged_in, plan):
    add_supplement(plan, citrate(plan.profile, mg=400), day=0)  # over the 350 mg supplement limit [ODS Table 3]
    body = client_logged_in.get(f"/plans/{plan.pk}/print/").content.decode()
    assert re.search(r'class="level">(⛔ Danger|⚠ Caution):', body)


def test_the_dietitians_note_is_printed(client, django_user_model):
    dietitian = django_user_model.objects.create_user(username="dora", password="x-long-pass-123", is_dietitian=True)
    profile = Profile.objects.create(dietitian=dietitian, name="Karl", age_years=60, sex="male")
    plan = Plan.objects.create(
        profile=profile,
        created_by=dietitian,
        name="Karl's week",
        start_date=this_monday(),
        note="Soak the beans overnight.\n<b>Drink water</b>",
    )
    client.force_login(dietitian)
    body = client.get(f"/plans/{plan.pk}/print/").content.decode()
    assert "Note from the dietitian" in body and "Soak the beans overnight.<br>" in body
    assert "&lt;b&gt;Drink water&lt;/b&gt;" in body
    assert "Karl" in body


def test_no_note_section_without_a_note(client_logged_in, plan):
    assert "Note from the dietitian" not in client_logged_in.get(f"/plans/{plan.pk}/print/").content.decode()


def test_the_sources_name_sr28_with_each_foods_ndb_number_and_the_ods(client_logged_in, plan):
    hand_made = Food.objects.create(name="Grandma's bread", food_group="Baked Products", magnesium_mg=40)
    Portion.objects.create(food=hand_made, label="1 slice", grams=40)
    add_food(plan, hand_made, day=3)
    body = client_logged_in.get(f"/plans/{plan.pk}/print/").content.decode()
    assert "Standard Reference, Release 28" in body
    assert "Seeds, pumpkin and squash seed kernels, dried: NDB 12014" in body
    assert "Beverages, coffee, brewed from grounds: NDB 14209" in body
    assert "Grandma&#x27;s bread: added by hand, not from SR28" in body
    assert "NIH Office of Dietary Supplements" in body


def test_a_food_name_with_html_is_shown_as_text(client_logged_in, plan):
    food = Food.objects.create(name="<script>alert(1)</script>", food_group="<i>x</i>", magnesium_mg=1)
    add_food(plan, food, day=4, portion=None, quantity=10)
    body = client_logged_in.get(f"/plans/{plan.pk}/print/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_the_print_button_is_a_static_script_not_inline_code(client_logged_in, plan):
    body = client_logged_in.get(f"/plans/{plan.pk}/print/").content.decode()
    assert "data-print hidden" in body and "js/print.js" in body
    assert "onclick" not in body and "Save as PDF" in body
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", body)
    assert scripts == []


def test_past_days_count_what_was_eaten_and_say_what_was_planned(client_logged_in, user):
    plan = make_plan(make_profile(user), user, start=this_monday() - datetime.timedelta(days=14), name="Old week")
    add_food(plan, pumpkin_seeds(), day=0, status="eaten")
    add_food(plan, pumpkin_seeds(), day=0, quantity=2)
    body = client_logged_in.get(f"/plans/{plan.pk}/print/").content.decode()
    assert day_mg(body)[0] == pytest.approx(764)  # one cup eaten of the three planned
    assert "Magnesium (eaten):" in body and "Planned: 2291 mg magnesium" in body


def test_a_client_with_kidney_caps_sees_potassium_and_phosphorus_against_them(client_logged_in, user):
    plan = make_plan(make_profile(user, kidney_disease=True, potassium_cap_mg=2000, phosphorus_cap_mg=800), user)
    add_food(plan, pumpkin_seeds(), day=6)  # 809 mg K, 1233 mg P per 100 g [SR28 NDB 12014] × 129 g
    body = client_logged_in.get(f"/plans/{plan.pk}/print/").content.decode()
    assert "1044 mg of at most 2000 mg" in body
    assert "1591 mg of at most 800 mg" in body


def test_the_page_costs_the_same_queries_for_one_entry_or_thirty(client_logged_in, plan):
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client_logged_in.get(f"/plans/{plan.pk}/print/").status_code == 200
        return len(queries)

    few = count()
    for day in range(7):
        for _ in range(4):
            add_food(plan, pumpkin_seeds(), day=day)
    assert count() == few


def test_a_custom_target_is_named_as_the_dietitians_not_the_ods(client_logged_in, user):
    plan = make_plan(make_profile(user, custom_target_mg=400, custom_target_reason="Low blood magnesium"), user)
    body = client_logged_in.get(f"/plans/{plan.pk}/print/").content.decode()
    assert "Magnesium target: Custom target set by your dietitian (Low blood magnesium)." in body
    assert "<strong>400 mg a day</strong>" in body
