"""Entries on the plan page: search, add, change, tick, move, remove; htmx and plain posts alike."""

import datetime
import re

import pytest

from mealplanner.models import PlanEntry
from tests.mealplanner.plan_factories import (
    add_food,
    add_supplement,
    cheese,
    citrate,
    coffee,
    make_plan,
    make_profile,
    pumpkin_seeds,
    this_monday,
)

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def planned_mg(body):
    return [float(v) for v in re.findall(r'<data class="day-planned-mg" value="(-?[\d.]+)"', body)]


@pytest.fixture
def profile(user):
    return make_profile(user)


@pytest.fixture
def plan(profile, user):
    # Next week: every day is still ahead, so totals count what is planned whatever today is.
    return make_plan(profile, user, start=this_monday() + datetime.timedelta(days=7))


@pytest.fixture
def seeds():
    return pumpkin_seeds()


def add(client, plan, food, headers=HX, **fields):
    data = {
        "day": 0,
        "meal": "breakfast",
        "food": food.pk,
        "quantity": "1",
        "portion": food.portions.first().pk,
        **fields,
    }
    return client.post(f"/plans/{plan.pk}/entries/food/", data, **headers)


# Search


def test_search_as_you_type_returns_only_the_results_with_an_add_form(client_logged_in, plan, seeds):
    response = client_logged_in.get(f"/plans/{plan.pk}/add/", {"day": 2, "meal": "lunch", "q": "pumpk"}, **HX)
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "pumpkin" in body and "592 mg/100 g" in body
    assert 'hx-target="#day-2"' in body and 'name="meal" value="lunch"' in body


def test_search_without_javascript_is_a_page_whose_forms_post_plainly(client_logged_in, plan, seeds):
    body = client_logged_in.get(f"/plans/{plan.pk}/add/", {"day": 0, "meal": "lunch", "q": "pumpk"}).content.decode()
    assert "<html" in body and "pumpkin" in body and "hx-post" not in body.split("plan-results")[1]


def test_search_marks_foods_that_break_the_diet(client_logged_in, user, plan):
    make_profile(user, diet="vegan")
    cheese()
    body = client_logged_in.get(f"/plans/{plan.pk}/add/", {"q": "chedd"}, **HX).content.decode()
    assert "⚠ not vegan" in body


def test_search_tolerates_nonsense_input(client_logged_in, plan):
    response = client_logged_in.get(f"/plans/{plan.pk}/add/", {"day": "x", "meal": "brunch", "q": "%" * 500}, **HX)
    assert response.status_code == 200


# Add


def test_adding_a_food_swaps_the_day_and_the_week_summary(client_logged_in, plan, seeds):
    response = add(client_logged_in, plan, seeds)
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert body.lstrip().startswith('<section id="day-0"')
    assert 'id="week-summary"' in body and body.count('hx-swap-oob="true"') == 1
    assert planned_mg(body) == [pytest.approx(764, abs=1)]
    entry = plan.entries.get()
    assert (entry.day, entry.meal, entry.portion.label, float(entry.quantity)) == (0, "breakfast", "1 cup", 1)


def test_adding_without_javascript_redirects_back_to_the_day(client_logged_in, plan, seeds):
    response = add(client_logged_in, plan, seeds, headers={}, day=3)
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/#day-3"
    assert plan.entries.get().day == 3


def test_adding_in_grams_works(client_logged_in, plan, seeds):
    add(client_logged_in, plan, seeds, portion="g", quantity="30")
    entry = plan.entries.get()
    assert entry.portion is None and float(entry.quantity) == 30


@pytest.mark.parametrize("quantity,portion", [("40", "first"), ("5001", "g"), ("0", "g"), ("-1", "g"), ("lots", "g")])
def test_an_absurd_amount_is_refused_beside_the_field_and_nothing_changes(
    client_logged_in, plan, seeds, quantity, portion
):
    portion = seeds.portions.first().pk if portion == "first" else portion  # 40 cups = 5,160 g
    htmx = add(client_logged_in, plan, seeds, quantity=quantity, portion=portion)
    assert htmx.status_code == 200 and "field-error" in htmx.content.decode()
    plain = add(client_logged_in, plan, seeds, headers={}, quantity=quantity, portion=portion)
    assert plain.status_code == 422 and "field-error" in plain.content.decode()
    assert not plan.entries.exists()


def test_a_portion_of_another_food_is_refused(client_logged_in, plan, seeds):
    other = coffee().portions.first()
    assert "field-error" in add(client_logged_in, plan, seeds, portion=other.pk).content.decode()
    assert not plan.entries.exists()


def test_a_food_that_breaks_the_diet_asks_first(client_logged_in, user, plan):
    make_profile(user, diet="vegan")
    food = cheese()
    data = {"day": 1, "meal": "lunch", "food": food.pk, "quantity": "40", "portion": "g"}
    question = client_logged_in.post(f"/plans/{plan.pk}/entries/food/", data, **HX).content.decode()
    assert "Add it anyway?" in question and "not vegan" in question
    assert not plan.entries.exists()
    page = client_logged_in.post(f"/plans/{plan.pk}/entries/food/", data)
    assert "Please confirm" in page.content.decode()
    client_logged_in.post(f"/plans/{plan.pk}/entries/food/", {**data, "confirm": "1"}, **HX)
    assert plan.entries.get().food == food


def test_adding_a_supplement_over_the_limit_shows_the_danger_finding(client_logged_in, plan, profile):
    product = citrate(profile)
    response = client_logged_in.post(
        f"/plans/{plan.pk}/entries/supplement/",
        {"day": 4, "meal": "dinner", "supplement": product.pk, "quantity": "1", "time_taken": "21:00"},
        **HX,
    )
    body = response.content.decode()
    assert 'id="day-4"' in body and "⛔ Danger:" in body and "350 mg" in body
    entry = plan.entries.get()
    assert entry.supplement == product and entry.time_taken == datetime.time(21, 0)


def test_more_than_20_units_or_a_strangers_supplement_is_refused(client_logged_in, plan, profile, other_user):
    mine = citrate(profile)
    theirs = citrate(make_profile(other_user))
    url = f"/plans/{plan.pk}/entries/supplement/"
    too_many = client_logged_in.post(url, {"day": 0, "meal": "snack", "supplement": mine.pk, "quantity": "21"})
    assert too_many.status_code == 422 and "At most 20 units" in too_many.content.decode()
    stranger = client_logged_in.post(url, {"day": 0, "meal": "snack", "supplement": theirs.pk, "quantity": "1"}, **HX)
    assert "field-error" in stranger.content.decode() or "cabinet" in stranger.content.decode()
    assert not plan.entries.exists()


# Change, tick, move, remove


def test_changing_the_amount_in_place_updates_the_day(client_logged_in, plan, seeds):
    entry = add_food(plan, seeds, day=1)
    body = client_logged_in.post(
        f"/plans/{plan.pk}/entries/{entry.pk}/amount/",
        {"day": 1, "quantity": "2", "portion": seeds.portions.first().pk},
        **HX,
    ).content.decode()
    assert planned_mg(body) == [pytest.approx(1527, abs=1)]
    entry.refresh_from_db()
    assert float(entry.quantity) == 2


def test_a_too_large_amount_change_keeps_the_old_amount(client_logged_in, plan, seeds):
    entry = add_food(plan, seeds, day=1)
    body = client_logged_in.post(
        f"/plans/{plan.pk}/entries/{entry.pk}/amount/", {"day": 1, "quantity": "6000", "portion": "g"}, **HX
    ).content.decode()
    assert "field-error" in body and "5 kg" in body
    entry.refresh_from_db()
    assert float(entry.quantity) == 1 and entry.portion is not None


def test_supplement_units_can_be_changed_up_to_20(client_logged_in, plan, profile):
    entry = add_supplement(plan, citrate(profile), day=2)
    url = f"/plans/{plan.pk}/entries/{entry.pk}/amount/"
    client_logged_in.post(url, {"day": 2, "quantity": "2", "time_taken": "08:00"}, **HX)
    assert client_logged_in.post(url, {"day": 2, "quantity": "25"}).status_code == 422
    entry.refresh_from_db()
    assert float(entry.quantity) == 2 and entry.time_taken == datetime.time(8, 0)


def test_ticking_eaten_counts_on_a_past_day(client_logged_in, profile, seeds):
    last_week = make_plan(profile, start=this_monday() - datetime.timedelta(days=7))
    entry = add_food(last_week, seeds, day=0)
    body = client_logged_in.post(
        f"/plans/{last_week.pk}/entries/{entry.pk}/status/", {"day": 0, "status": "eaten"}, **HX
    ).content.decode()
    assert re.search(r'<data class="day-mg" value="76[34]"', body)
    entry.refresh_from_db()
    assert entry.status == "eaten"
    assert (
        client_logged_in.post(f"/plans/{last_week.pk}/entries/{entry.pk}/status/", {"status": "devoured"}).status_code
        == 422
    )


def test_moving_an_entry_refreshes_both_days(client_logged_in, plan, seeds):
    entry = add_food(plan, seeds, day=0)
    body = client_logged_in.post(
        f"/plans/{plan.pk}/entries/{entry.pk}/move/", {"day": 5, "meal": "dinner"}, **HX
    ).content.decode()
    assert 'id="day-0"' in body and 'id="day-5"' in body
    entry.refresh_from_db()
    assert (entry.day, entry.meal) == (5, "dinner")


def test_removing_an_entry_updates_the_day_and_the_week(client_logged_in, plan, seeds):
    entry = add_food(plan, seeds, day=0)
    body = client_logged_in.post(f"/plans/{plan.pk}/entries/{entry.pk}/remove/", {"day": 0}, **HX).content.decode()
    assert planned_mg(body) == [0] and 'id="week-summary"' in body
    assert "Nothing planned yet this week" in body and 'id="week-average"' not in body
    assert not PlanEntry.objects.filter(pk=entry.pk).exists()


def test_an_entry_removed_in_another_tab_gives_a_message_and_a_fresh_day(client_logged_in, plan, seeds):
    entry = add_food(plan, seeds, day=2)
    entry_id = entry.pk
    entry.delete()
    for action, data in [
        ("remove", {}),
        ("amount", {"quantity": "2"}),
        ("status", {"status": "eaten"}),
        ("move", {"day": 3, "meal": "lunch"}),
    ]:
        url = f"/plans/{plan.pk}/entries/{entry_id}/{action}/"
        htmx = client_logged_in.post(url, {"day": 2, **data}, **HX)
        assert htmx.status_code == 200 and "already removed" in htmx.content.decode()
        plain = client_logged_in.post(url, {"day": 2, **data}, follow=True)
        assert plain.status_code == 200 and "already removed" in plain.content.decode()


def test_a_strangers_entry_or_plan_is_404_for_every_endpoint(client, plan, seeds, other_user):
    entry = add_food(plan, seeds)
    their_plan = make_plan(make_profile(other_user), other_user)
    client.force_login(other_user)
    for action in ("remove", "amount", "status", "move"):
        # Through the owner's plan, and through the stranger's own plan id.
        assert client.post(f"/plans/{plan.pk}/entries/{entry.pk}/{action}/", {"day": 0}, **HX).status_code == 404
        assert client.post(f"/plans/{their_plan.pk}/entries/{entry.pk}/{action}/", {"day": 0}).status_code == 404
    assert client.get(f"/plans/{plan.pk}/add/", {"q": "pumpk"}, **HX).status_code == 404
    assert add(client, plan, seeds).status_code == 404
    assert client.post(f"/plans/{plan.pk}/entries/supplement/", {}).status_code == 404
    assert PlanEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("action", ["remove", "amount", "status", "move"])
def test_entry_endpoints_refuse_get_with_405(client_logged_in, plan, seeds, action):
    entry = add_food(plan, seeds)
    assert client_logged_in.get(f"/plans/{plan.pk}/entries/{entry.pk}/{action}/").status_code == 405


def test_add_endpoints_refuse_get_and_search_refuses_post(client_logged_in, plan):
    assert client_logged_in.get(f"/plans/{plan.pk}/entries/food/").status_code == 405
    assert client_logged_in.get(f"/plans/{plan.pk}/entries/supplement/").status_code == 405
    assert client_logged_in.post(f"/plans/{plan.pk}/add/").status_code == 405


def test_the_change_forms_load_into_the_entry_or_as_a_page_of_their_own(client_logged_in, plan, seeds):
    entry = add_food(plan, seeds, day=3)
    url = f"/plans/{plan.pk}/entries/{entry.pk}/edit/"
    fragment = client_logged_in.get(url, **HX).content.decode()
    assert "<html" not in fragment and 'hx-target="#day-3"' in fragment and "1 cup (129 g)" in fragment
    page = client_logged_in.get(url).content.decode()
    assert "<html" in page and "Move to day" in page and "hx-post" not in page
    assert client_logged_in.post(url).status_code == 405


def test_the_change_forms_of_a_strangers_entry_are_404(client, plan, seeds, other_user):
    entry = add_food(plan, seeds)
    client.force_login(other_user)
    assert client.get(f"/plans/{plan.pk}/entries/{entry.pk}/edit/", **HX).status_code == 404


def test_opening_the_change_forms_of_a_removed_entry_swaps_in_the_fresh_day(client_logged_in, plan, seeds):
    entry = add_food(plan, seeds, day=4)
    entry_id = entry.pk
    entry.delete()
    response = client_logged_in.get(f"/plans/{plan.pk}/entries/{entry_id}/edit/?day=4", **HX)
    assert response.status_code == 200 and "already removed" in response.content.decode()
    assert response["HX-Retarget"] == "#day-4" and response["HX-Reswap"] == "outerHTML"


def test_absurd_ids_are_404_not_errors(client_logged_in, plan):
    huge = 10**30
    assert client_logged_in.get(f"/plans/{huge}/").status_code == 404
    assert client_logged_in.post(f"/plans/{plan.pk}/entries/{huge}/remove/", {"day": 0}).status_code in (302, 404)
    assert client_logged_in.get(f"/plans/{plan.pk}/entries/{huge}/edit/", **HX).status_code in (200, 404)


def test_after_adding_the_add_panel_stays_open_on_the_same_meal_with_focus_in_its_search_box(
    client_logged_in, plan, seeds
):
    body = add(client_logged_in, plan, seeds, meal="dinner").content.decode()
    assert 'class="add-panels"' in body
    assert '<option value="dinner" selected>' in body
    assert re.search(r'<input type="search" id="q-0"[^>]* autofocus', body)  # htmx focuses it after the swap
    assert "Added Seeds, pumpkin" in body


def test_a_refused_amount_shows_an_error_box_and_a_change_that_worked_a_success_box(client_logged_in, plan, seeds):
    entry = add_food(plan, seeds, day=0)
    url = f"/plans/{plan.pk}/entries/{entry.pk}/amount/"
    body = client_logged_in.post(url, {"quantity": "-3", "portion": "g", "day": 0}, **HX).content.decode()
    notice = re.search(r'<p class="day-notice[^"]*"[^>]*>.*?</p>', body, re.S).group(0)
    assert 'class="day-notice day-error" role="alert"' in notice and "Error:</span>" in notice
    response = client_logged_in.post(url, {"quantity": "-3", "portion": "g", "day": 0})  # without JavaScript
    assert response.status_code == 422 and "day-error" in response.content.decode()
    body = client_logged_in.post(url, {"quantity": "50", "portion": "g", "day": 0}, **HX).content.decode()
    notice = re.search(r'<p class="day-notice[^"]*"[^>]*>.*?</p>', body, re.S).group(0)
    assert "day-error" not in notice and "Error" not in notice and "Amount changed." in notice


def test_the_add_page_and_the_move_form_name_days_by_weekday_and_date(client_logged_in, plan, seeds):
    start = plan.start_date
    body = client_logged_in.get(f"/plans/{plan.pk}/add/", {"day": 2, "meal": "lunch", "q": "pumpk"}).content.decode()
    wednesday = start + datetime.timedelta(days=2)
    assert f'<option value="2" selected>{wednesday:%a} {wednesday.day} {wednesday:%b}</option>' in body
    assert "Day 1" not in body and "Day 3" not in body
    entry = add_food(plan, seeds, day=0)
    body = client_logged_in.get(f"/plans/{plan.pk}/entries/{entry.pk}/edit/").content.decode()
    assert f">{start:%a} {start.day} {start:%b}</option>" in body and "Day 1" not in body
