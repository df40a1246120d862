"""The plans list and the plan page: create, open, delete, duplicate, copy a day, read-only plans, query count."""

import datetime
import re

import pytest

from mealplanner.models import Plan, PlanEntry
from tests.mealplanner.plan_factories import (
    add_food,
    add_supplement,
    citrate,
    coffee,
    make_plan,
    make_profile,
    mystery_food,
    pumpkin_seeds,
    this_monday,
)

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def numbers(body, cls):
    return [float(v) for v in re.findall(rf'<data class="{cls}" value="(-?[\d.]+)"', body)]


@pytest.fixture
def profile(user):
    return make_profile(user)


@pytest.fixture
def plan(profile, user):
    return make_plan(profile, user)


# The list


def test_the_list_shows_each_plan_with_its_week_average(client_logged_in, plan, profile):
    future = make_plan(profile, start=this_monday() + datetime.timedelta(days=14), name="Later")
    add_food(future, pumpkin_seeds(), day=0)  # 764 mg on its one planned day (empty days are not 0 mg days)
    body = client_logged_in.get("/plans/").content.decode()
    assert "My week" in body and "Later" in body
    assert numbers(body, "plan-average") == [764]  # "My week" is empty: nothing planned yet, no figure
    assert "of 320 mg" in body  # a 45-year-old woman's RDA [ODS Table 1]


def test_the_plan_pages_average_counts_only_the_days_that_hold_anything_and_says_how_many(client_logged_in, plan):
    add_food(plan, pumpkin_seeds(), day=3)  # 764 mg, the week's only planned day
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    assert re.search(r'<data id="week-average" value="764">', body)  # not 764 / 7 = 109
    assert "over the 1 day with something planned" in body
    printed = client_logged_in.get(f"/plans/{plan.pk}/print/").content.decode()
    assert "764 mg a day</strong> over the 1 day with something planned" in printed


def test_a_day_over_the_supplement_limit_leads_with_danger_and_never_shows_target_reached(
    client_logged_in, plan, profile
):
    add_food(plan, pumpkin_seeds(), day=1)  # 764 mg from food: well over the 320 mg target
    add_supplement(plan, citrate(profile), day=1)  # 400 mg: over the 350 mg limit [ODS UL]
    add_food(plan, pumpkin_seeds(), day=2)
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    day1 = body[body.index('id="day-1"') : body.index('id="day-2"')]
    day2 = body[body.index('id="day-2"') : body.index('id="day-3"')]
    assert 'class="day-headline headline-danger"' in day1 and "Danger: read the warning below first" in day1
    assert "Target reached" not in day1 and "✓" not in day1
    assert "Target reached" in day2  # the same food without the supplement


def test_an_empty_plan_shows_no_average_but_says_nothing_is_planned(client_logged_in, plan):
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    assert "Nothing planned yet this week" in body and 'id="week-average"' not in body


def test_the_new_plan_form_starts_on_this_monday(client_logged_in, profile):
    body = client_logged_in.get("/plans/").content.decode()
    assert f'value="{this_monday().isoformat()}"' in body


def test_creating_a_plan_opens_it(client_logged_in, profile):
    response = client_logged_in.post("/plans/", {"name": "Spring", "start_date": "2026-03-02"})
    plan = Plan.objects.get(name="Spring")
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/"
    assert plan.profile == profile and plan.start_date == datetime.date(2026, 3, 2)


def test_a_bad_date_is_refused_beside_the_field(client_logged_in, profile):
    response = client_logged_in.post("/plans/", {"name": "x", "start_date": "not a date"})
    assert response.status_code == 422
    assert "field-error" in response.content.decode()
    assert not Plan.objects.exists()


def test_the_list_never_shows_a_strangers_plan(client_logged_in, other_user):
    make_plan(make_profile(other_user), other_user, name="Mallory's week")
    assert "Mallory" not in client_logged_in.get("/plans/").content.decode()


def test_the_list_needs_a_login(client):
    assert client.get("/plans/").status_code == 302


def test_delete_asks_first_then_deletes(client_logged_in, plan):
    page = client_logged_in.get(f"/plans/{plan.pk}/delete/")
    assert page.status_code == 200 and "Delete “My week”?" in page.content.decode()
    assert Plan.objects.filter(pk=plan.pk).exists()
    response = client_logged_in.post(f"/plans/{plan.pk}/delete/")
    assert response.status_code == 302
    assert not Plan.objects.filter(pk=plan.pk).exists()


def test_a_stranger_cannot_see_or_delete_a_plan(client, other_user, plan):
    client.force_login(other_user)
    assert client.get(f"/plans/{plan.pk}/").status_code == 404
    assert client.get(f"/plans/{plan.pk}/delete/").status_code == 404
    assert client.post(f"/plans/{plan.pk}/delete/").status_code == 404
    assert client.post(f"/plans/{plan.pk}/duplicate/").status_code == 404
    assert client.get(f"/plans/{plan.pk}/", **HX).status_code == 404
    assert Plan.objects.filter(pk=plan.pk).exists()


def test_duplicate_copies_every_entry_into_next_week_as_planned(client_logged_in, plan):
    add_food(plan, pumpkin_seeds(), day=2, status="eaten")
    response = client_logged_in.post(f"/plans/{plan.pk}/duplicate/")
    copy = Plan.objects.exclude(pk=plan.pk).get()
    assert response["Location"] == f"/plans/{copy.pk}/"
    assert copy.start_date == plan.start_date + datetime.timedelta(days=7)
    entry = copy.entries.get()
    assert (entry.day, entry.status) == (2, "planned")


def test_wrong_methods_are_405(client_logged_in, plan):
    assert client_logged_in.get(f"/plans/{plan.pk}/duplicate/").status_code == 405
    assert client_logged_in.post(f"/plans/{plan.pk}/").status_code == 405
    assert client_logged_in.put("/plans/").status_code == 405


# The plan page


def test_the_page_shows_seven_days_of_four_meals_with_the_target(client_logged_in, plan):
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    assert all(f'id="day-{d}"' in body for d in range(7))
    assert body.count("<h3>Breakfast</h3>") == 7 and body.count("<h3>Snacks</h3>") == 7
    assert "target of <strong>320 mg</strong>" in body
    assert "<svg" in body and 'class="target-line"' in body
    assert "style=" not in body  # the Content Security Policy forbids inline styles


def test_a_day_adds_food_and_supplement_magnesium_and_marks_unknown_foods(client_logged_in, plan, profile):
    future = make_plan(profile, start=this_monday() + datetime.timedelta(days=7))
    add_food(future, pumpkin_seeds(), day=0)  # 763.7 mg
    add_food(future, mystery_food(), day=0, portion=None, quantity=250)  # unknown
    add_supplement(future, citrate(profile), day=0)  # 400 mg
    body = client_logged_in.get(f"/plans/{future.pk}/").content.decode()
    assert numbers(body, "day-mg")[0] == pytest.approx(1164, abs=1)
    assert "at least 1164 mg" in body and "1 food unknown" in body
    assert "⛔ Danger:" in body  # 400 mg from a supplement is above the 350 mg limit [ODS Table 3]


def test_past_days_count_what_was_eaten_and_show_the_plan_beside_it(client_logged_in, profile):
    last_week = make_plan(profile, start=this_monday() - datetime.timedelta(days=7))
    add_food(last_week, pumpkin_seeds(), day=0, status="eaten")
    add_food(last_week, pumpkin_seeds(), day=0, status="skipped")
    body = client_logged_in.get(f"/plans/{last_week.pk}/").content.decode()
    assert numbers(body, "day-mg")[0] == pytest.approx(764, abs=1)
    assert numbers(body, "day-planned-mg")[0] == pytest.approx(1527, abs=1)
    assert "Magnesium eaten" in body


def test_caffeine_and_kidney_nutrients_show_when_they_matter(client_logged_in, user, profile):
    profile.kidney_disease = True
    profile.save()
    future = make_plan(profile, start=this_monday() + datetime.timedelta(days=7))
    add_food(future, coffee(), day=0, quantity=2)
    body = client_logged_in.get(f"/plans/{future.pk}/").content.decode()
    assert "<strong>Caffeine</strong> 190 mg" in body  # 2 × 237 g × 40 mg/100 g (SR28 NDB 14209)
    assert "<strong>Potassium</strong>" in body and "<strong>Phosphorus</strong>" in body


def test_a_profile_without_an_age_still_shows_the_plan_and_says_what_to_add(client_logged_in, user):
    profile = make_profile(user, age_years=None)
    plan = make_plan(profile, user)
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    assert "Add your age" in body and 'id="day-6"' in body


def test_a_plan_shared_read_only_by_a_dietitian_shows_the_note_and_no_controls(
    client_logged_in, profile, django_user_model
):
    dietitian = django_user_model.objects.create_user(username="dee", password="x" * 20, is_dietitian=True)
    profile.dietitian = dietitian
    profile.save()
    shared = Plan.objects.create(
        profile=profile,
        created_by=dietitian,
        name="From Dee",
        start_date=this_monday(),
        shared_with_client=True,
        note="Try spinach on Tuesday.",
    )
    entry = add_food(shared, pumpkin_seeds())
    body = client_logged_in.get(f"/plans/{shared.pk}/").content.decode()
    assert "Try spinach on Tuesday." in body and "Read only" in body
    assert "Add food" not in body and "Remove" not in body
    assert client_logged_in.post(f"/plans/{shared.pk}/entries/{entry.pk}/remove/").status_code == 404
    assert PlanEntry.objects.filter(pk=entry.pk).exists()


def test_a_dietitian_opens_a_clients_plan_through_the_same_page(client, profile, plan, django_user_model):
    dietitian = django_user_model.objects.create_user(username="dee", password="x" * 20, is_dietitian=True)
    profile.dietitian = dietitian
    profile.save()
    client.force_login(dietitian)
    body = client.get(f"/plans/{plan.pk}/").content.decode()
    assert "for alice" in body and "Add food" in body


def test_the_page_costs_the_same_queries_for_an_empty_and_a_full_week(
    client_logged_in, plan, profile, django_assert_num_queries
):
    empty = make_plan(profile, name="Empty")
    client_logged_in.get(f"/plans/{empty.pk}/")  # warm the session
    foods = [pumpkin_seeds(), coffee(), mystery_food()]
    supplement = citrate(profile)
    for day in range(7):
        for meal in ("breakfast", "lunch", "dinner", "snack"):
            for i in range(5):
                add_food(plan, foods[i % 3], day=day, meal=meal, portion=None if i % 3 == 2 else "first")
        add_supplement(plan, supplement, day=day)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as empty_queries:
        assert client_logged_in.get(f"/plans/{empty.pk}/").status_code == 200
    with django_assert_num_queries(len(empty_queries)):
        body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    assert body.count('<li id="entry-') == 7 * 21
    assert len(empty_queries) <= 12


# Copy a day


def test_copying_a_day_to_empty_days_refreshes_every_day_it_wrote(client_logged_in, plan):
    add_food(plan, pumpkin_seeds(), day=0)
    response = client_logged_in.post(f"/plans/{plan.pk}/days/0/copy/", {"to_days": ["3", "4"]}, **HX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('hx-swap-oob="true"') == 3  # days 3 and 4, and the week summary
    assert sorted(plan.entries.values_list("day", flat=True)) == [0, 3, 4]


def test_copying_onto_days_with_entries_asks_first(client_logged_in, plan):
    add_food(plan, pumpkin_seeds(), day=0)
    add_food(plan, coffee(), day=5)
    response = client_logged_in.post(f"/plans/{plan.pk}/days/0/copy/", {"to_days": ["5"]}, **HX)
    assert "Replace them" in response.content.decode()
    assert plan.entries.filter(day=5).get().food.ndb_number == "14209"  # nothing changed yet
    client_logged_in.post(f"/plans/{plan.pk}/days/0/copy/", {"to_days": ["5"], "confirm": "1"}, **HX)
    assert plan.entries.filter(day=5).get().food.ndb_number == "12014"


def test_copy_without_javascript_has_a_form_page_a_confirmation_page_and_a_redirect(client_logged_in, plan):
    add_food(plan, pumpkin_seeds(), day=0)
    add_food(plan, coffee(), day=1)
    assert client_logged_in.get(f"/plans/{plan.pk}/days/0/copy/").status_code == 200
    question = client_logged_in.post(f"/plans/{plan.pk}/days/0/copy/", {"to_days": ["1"]})
    assert question.status_code == 200 and "Please confirm" in question.content.decode()
    done = client_logged_in.post(f"/plans/{plan.pk}/days/0/copy/", {"to_days": ["1"], "confirm": "1"})
    assert done.status_code == 302 and done["Location"] == f"/plans/{plan.pk}/#day-0"


def test_copy_refuses_no_days_and_unknown_days(client_logged_in, plan):
    assert client_logged_in.post(f"/plans/{plan.pk}/days/0/copy/", {}).status_code == 422
    assert client_logged_in.post(f"/plans/{plan.pk}/days/0/copy/", {"to_days": ["9"]}).status_code == 422
    assert client_logged_in.post(f"/plans/{plan.pk}/days/8/copy/", {"to_days": ["1"]}).status_code == 404
    assert not plan.entries.exists()


def test_a_dietitians_templates_stay_out_of_their_own_plans_list(client, django_user_model):
    dietitian = django_user_model.objects.create_user(username="dee", password="x" * 20, is_dietitian=True)
    profile = make_profile(dietitian)
    Plan.objects.create(
        profile=profile,
        created_by=dietitian,
        name="Template: high magnesium",
        start_date=this_monday(),
        is_template=True,
    )
    make_plan(profile, dietitian, name="Dee own week")
    client.force_login(dietitian)
    body = client.get("/plans/").content.decode()
    assert "Dee own week" in body and "Template: high magnesium" not in body
