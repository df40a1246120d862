"""Pin, lock and "generated" on the plan page: badges on the entries and meals, the Pin button in an entry's
change forms and in the pin list (opened on demand); changing a generated entry's amount makes it the person's own."""

import datetime
import re

import pytest

from mealplanner.models import Plan, PlanEntry
from tests.mealplanner.plan_factories import (
    add_food,
    add_supplement,
    citrate,
    make_plan,
    make_profile,
    pumpkin_seeds,
    this_monday,
)

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def profile(user):
    return make_profile(user)


@pytest.fixture
def plan(profile, user):
    return make_plan(profile, user, start=this_monday() + datetime.timedelta(days=7))


def day_html(body, d):
    return re.search(rf'<section id="day-{d}".*?</section>', body, re.S).group(0)


def test_an_editor_pins_a_food_from_its_change_forms(client_logged_in, plan, profile):
    entry = add_food(plan, pumpkin_seeds(), day=2)
    supplement = add_supplement(plan, citrate(profile), day=2)
    action = f"/plans/{plan.pk}/entries/{entry.pk}/pin/"
    forms = client_logged_in.get(f"/plans/{plan.pk}/entries/{entry.pk}/edit/", **HX).content.decode()
    assert f'action="{action}"' in forms and 'name="pinned" value="1"' in forms
    supplement_forms = client_logged_in.get(f"/plans/{plan.pk}/entries/{supplement.pk}/edit/", **HX).content.decode()
    assert "/pin/" not in supplement_forms  # foods only, not the supplement
    response = client_logged_in.post(action, {"day": "2", "pinned": "1"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.pinned
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    assert "pinned</span>" in day_html(body, 2) and "pinned</span>" not in day_html(body, 1)


def test_a_locked_meal_shows_a_word_and_an_icon_in_its_heading(client_logged_in, plan):
    add_food(plan, pumpkin_seeds(), day=1, meal="lunch")
    day = day_html(client_logged_in.get(f"/plans/{plan.pk}/").content.decode(), 1)
    assert "locked</span>" not in day
    response = client_logged_in.post(f"/plans/{plan.pk}/generate/lock/", {"day": "1", "meal": "lunch"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert "1:lunch" in plan.locked_meals
    day = day_html(client_logged_in.get(f"/plans/{plan.pk}/").content.decode(), 1)
    assert re.search(r'<h3>Lunch <span class="badge"><svg class="icon"[^>]*>.*?</svg> locked</span></h3>', day)
    # Only that meal of that day.
    other = day_html(client_logged_in.get(f"/plans/{plan.pk}/").content.decode(), 2)
    assert "locked</span>" not in other


def test_generated_entries_carry_a_badge(client_logged_in, plan):
    PlanEntry.objects.create(plan=plan, day=3, meal="dinner", food=pumpkin_seeds(), quantity=1, generated=True)
    day = day_html(client_logged_in.get(f"/plans/{plan.pk}/").content.decode(), 3)
    assert day.count('class="badge badge-generated">generated<') == 1


def test_a_read_only_viewer_sees_the_badges_but_no_pin_or_lock(client_logged_in, profile, django_user_model):
    dietitian = django_user_model.objects.create_user(username="dee", password="x" * 20, is_dietitian=True)
    profile.dietitian = dietitian
    profile.save()
    shared = Plan.objects.create(
        profile=profile,
        created_by=dietitian,
        name="From Dee",
        start_date=this_monday(),
        shared_with_client=True,
        locked_meals=["0:breakfast"],
    )
    PlanEntry.objects.create(
        plan=shared, day=0, meal="breakfast", food=pumpkin_seeds(), quantity=1, generated=True, pinned=True
    )
    body = client_logged_in.get(f"/plans/{shared.pk}/").content.decode()
    assert "pinned</span>" in body and "generated<" in body and "locked</span>" in body
    assert "/pin/" not in body and "/generate/lock/" not in body and "/edit/" not in body


def test_changing_a_generated_entrys_amount_makes_it_the_persons_own(client_logged_in, plan):
    seeds = pumpkin_seeds()
    entry = PlanEntry.objects.create(
        plan=plan, day=0, meal="breakfast", food=seeds, quantity=1, portion=seeds.portions.first(), generated=True
    )
    response = client_logged_in.post(
        f"/plans/{plan.pk}/entries/{entry.pk}/amount/",
        {"quantity": "2", "portion": seeds.portions.first().pk, "day": 0},
        **HX,
    )
    assert response.status_code == 200
    entry.refresh_from_db()
    assert float(entry.quantity) == 2 and not entry.generated
    assert "badge-generated" not in day_html(response.content.decode(), 0)
    # So filling the day again keeps it (the generator replaces only its own entries).
    from mealplanner.services.generator import plan_fill_day

    plan_fill_day(plan=plan, day=0)
    assert PlanEntry.objects.filter(pk=entry.pk, quantity=2).exists()


def test_pin_pressed_in_two_stale_tabs_leaves_the_food_pinned(client_logged_in, plan):
    entry = add_food(plan, pumpkin_seeds(), day=2)
    body = client_logged_in.get(f"/plans/{plan.pk}/pins/").content.decode()
    button = re.search(rf'action="/plans/{plan.pk}/entries/{entry.pk}/pin/".*?name="pinned" value="(\d)"', body, re.S)
    assert button and button.group(1) == "1"  # the button asks for "pinned", not for "the other way round"
    for _ in range(2):  # the same page open in two tabs: both press "Pin"
        client_logged_in.post(f"/plans/{plan.pk}/entries/{entry.pk}/pin/", {"day": "2", "pinned": "1"})
    entry.refresh_from_db()
    assert entry.pinned
    client_logged_in.post(f"/plans/{plan.pk}/entries/{entry.pk}/pin/", {"day": "2", "pinned": "0"})
    entry.refresh_from_db()
    assert not entry.pinned


def test_the_pin_list_opens_on_demand_in_place_or_as_a_page(client_logged_in, plan, profile):
    entry = add_food(plan, pumpkin_seeds(), day=3)
    add_supplement(plan, citrate(profile), day=3)
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    assert "/pin/" not in body  # no pin list until it is asked for
    assert f'href="/plans/{plan.pk}/pins/" hx-get="/plans/{plan.pk}/pins/"' in body
    part = client_logged_in.get(f"/plans/{plan.pk}/pins/", **HX).content.decode()
    assert "<html" not in part and part.count("/pin/") == 1  # the food, not the supplement
    assert f"/entries/{entry.pk}/pin/" in part
    page = client_logged_in.get(f"/plans/{plan.pk}/pins/").content.decode()
    assert "<html" in page and f"/entries/{entry.pk}/pin/" in page


def test_a_stranger_or_a_read_only_client_gets_no_pin_list(client, plan, other_user):
    client.force_login(other_user)
    assert client.get(f"/plans/{plan.pk}/pins/").status_code == 404
