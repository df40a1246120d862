"""Two tabs on the same plan: what one tab did is never undone or crashed into by the other, stale, tab.

Tab A removes an entry; tab B still shows it and changes, moves, ticks or removes it: B gets a plain message
and the day as it is now, never a 500 and never the entry back. Copying a day onto days that have entries
(perhaps added in the other tab since) asks first.
"""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from mealplanner.models import PlanEntry
from tests.mealplanner.plan_factories import add_food, cheese, make_plan, make_profile, pumpkin_seeds

pytestmark = pytest.mark.django_db

GONE = "already removed"


@pytest.fixture
def tabs(user):
    a, b = Client(), Client()
    a.force_login(user)
    b.force_login(user)
    return a, b


@pytest.fixture
def plan(user):
    return make_plan(make_profile(user), user)


@pytest.fixture
def entry(plan):
    add_food(plan, cheese(), day=1, meal="lunch", portion=None, quantity=30)  # a neighbour that must survive
    return add_food(plan, pumpkin_seeds(), day=1, meal="breakfast", quantity=1)


STALE_ACTIONS = [
    ("plans:entry_amount", {"quantity": "2", "portion": "g", "day": "1"}),
    ("plans:entry_move", {"day": "4", "meal": "dinner", "from_day": "1"}),  # the move form posts where it was
    ("plans:entry_status", {"status": "eaten", "day": "1"}),
    ("plans:entry_remove", {"day": "1"}),
]
HTMX_ACTIONS = [pytest.param(name, data, id=name.split(":")[1]) for name, data in STALE_ACTIONS]


def _remove_in_tab_a(tab_a, plan, entry):
    response = tab_a.post(reverse("plans:entry_remove", args=[plan.pk, entry.pk]), {"day": "1"})
    assert response.status_code == 302
    assert not PlanEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(("name", "data"), HTMX_ACTIONS)
def test_a_stale_htmx_tab_gets_a_message_and_the_fresh_day(tabs, plan, entry, name, data):
    tab_a, tab_b = tabs
    _remove_in_tab_a(tab_a, plan, entry)
    response = tab_b.post(reverse(name, args=[plan.pk, entry.pk]), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert GONE in body
    assert 'id="day-1"' in body and "Cheese, cheddar" in body  # the day as it is now
    assert "Seeds, pumpkin" not in body
    assert not PlanEntry.objects.filter(pk=entry.pk).exists()
    assert plan.entries.count() == 1


@pytest.mark.parametrize(("name", "data"), STALE_ACTIONS, ids=[n.split(":")[1] for n, _ in STALE_ACTIONS])
def test_a_stale_tab_without_javascript_is_sent_back_to_the_plan_with_a_message(tabs, plan, entry, name, data):
    tab_a, tab_b = tabs
    _remove_in_tab_a(tab_a, plan, entry)
    response = tab_b.post(reverse(name, args=[plan.pk, entry.pk]), data, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain and response.redirect_chain[-1][0].startswith(
        reverse("plans:detail", args=[plan.pk])
    )
    assert GONE in response.content.decode()
    assert "Seeds, pumpkin" not in response.content.decode()
    assert plan.entries.count() == 1


def test_a_stale_edit_form_for_a_removed_entry_says_so(tabs, plan, entry):
    tab_a, tab_b = tabs
    _remove_in_tab_a(tab_a, plan, entry)
    response = tab_b.get(reverse("plans:entry_edit", args=[plan.pk, entry.pk]), {"day": "1"}, follow=True)
    assert response.status_code == 200 and GONE in response.content.decode()


def test_a_tab_that_moved_an_entry_does_not_lose_it_to_a_stale_edit(tabs, plan, entry):
    # Tab A moved the entry to Friday; tab B still shows it on Tuesday and changes its amount.
    tab_a, tab_b = tabs
    tab_a.post(reverse("plans:entry_move", args=[plan.pk, entry.pk]), {"day": "4", "meal": "dinner"})
    response = tab_b.post(
        reverse("plans:entry_amount", args=[plan.pk, entry.pk]),
        {"quantity": "2", "portion": "g", "day": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    entry.refresh_from_db()
    assert (entry.day, entry.meal, float(entry.quantity), entry.portion_id) == (4, "dinner", 2.0, None)
    # The answer shows the day the entry is on now, so tab B sees where it went.
    assert 'id="day-4"' in response.content.decode()


def test_removing_twice_from_two_tabs_removes_once_and_never_errors(tabs, plan, entry):
    tab_a, tab_b = tabs
    url = reverse("plans:entry_remove", args=[plan.pk, entry.pk])
    first = tab_a.post(url, {"day": "1"})
    second = tab_b.post(url, {"day": "1"})
    assert first.status_code == second.status_code == 302
    assert [str(m) for m in get_messages(second.wsgi_request)][-1].startswith("That entry was already removed")
    assert plan.entries.count() == 1


def test_a_stale_tab_on_a_deleted_plan_gets_not_found(tabs, plan, entry):
    tab_a, tab_b = tabs
    tab_a.post(reverse("plans:delete", args=[plan.pk]))
    response = tab_b.post(
        reverse("plans:entry_amount", args=[plan.pk, entry.pk]), {"quantity": "2"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 404
    assert not PlanEntry.objects.filter(pk=entry.pk).exists()


def test_copying_a_day_onto_a_day_with_entries_asks_first(tabs, plan, entry):
    tab_a, _ = tabs
    target = add_food(plan, cheese(), day=3, meal="dinner", portion=None, quantity=50)
    url = reverse("plans:day_copy", args=[plan.pk, 1])
    response = tab_a.post(url, {"to_days": ["3"]})
    assert response.status_code == 200
    body = response.content.decode()
    assert "already have entries" in body and 'name="confirm"' in body
    assert PlanEntry.objects.filter(pk=target.pk).exists()  # nothing replaced yet
    assert plan.entries.filter(day=3).count() == 1
    response = tab_a.post(url, {"to_days": ["3"], "confirm": "1"})
    assert response.status_code == 302
    assert not PlanEntry.objects.filter(pk=target.pk).exists()
    assert sorted(plan.entries.filter(day=3).values_list("meal", flat=True)) == ["breakfast", "lunch"]


def test_a_stale_copy_onto_a_day_filled_in_the_other_tab_since_still_asks(tabs, plan, entry):
    # Tab B opened the copy form when Thursday was empty; tab A has since added dinner to Thursday.
    tab_a, tab_b = tabs
    assert tab_b.get(reverse("plans:day_copy", args=[plan.pk, 1])).status_code == 200
    tab_a.post(
        reverse("plans:entry_add_food", args=[plan.pk]),
        {"day": "3", "meal": "dinner", "food": entry.food_id, "quantity": "1", "portion": "g"},
    )
    added = plan.entries.get(day=3)
    response = tab_b.post(reverse("plans:day_copy", args=[plan.pk, 1]), {"to_days": ["3"]}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "already have entries" in response.content.decode()
    assert plan.entries.filter(day=3).get() == added


def test_adding_a_food_that_was_deleted_meanwhile_says_so(tabs, plan):
    tab_a, _ = tabs
    food = cheese()
    food_id = food.pk
    food.delete()
    response = tab_a.post(
        reverse("plans:entry_add_food", args=[plan.pk]),
        {"day": "0", "meal": "lunch", "food": food_id, "quantity": "1", "portion": "g"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code in (200, 422)
    assert "That food no longer exists" in response.content.decode()
    assert plan.entries.count() == 0


def test_a_stale_move_shows_the_message_on_the_day_the_entry_was_in_and_refreshes_the_destination(tabs, plan, entry):
    tab_a, tab_b = tabs
    form = tab_b.get(reverse("plans:entry_edit", args=[plan.pk, entry.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert '<input type="hidden" name="from_day" value="1">' in form  # the move form says where the entry was
    _remove_in_tab_a(tab_a, plan, entry)
    body = tab_b.post(
        reverse("plans:entry_move", args=[plan.pk, entry.pk]),
        {"day": "4", "meal": "dinner", "from_day": "1"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    day_1 = body.split('id="day-1"')[1].split("</section>")[0]
    assert GONE in day_1  # the message sits where tab B still showed the entry
    assert 'id="day-4"' in body  # and the destination is fresh too


def test_a_stale_move_from_a_page_without_from_day_refreshes_the_whole_week(tabs, plan, entry):
    tab_a, tab_b = tabs
    _remove_in_tab_a(tab_a, plan, entry)
    body = tab_b.post(
        reverse("plans:entry_move", args=[plan.pk, entry.pk]), {"day": "4", "meal": "dinner"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert all(f'id="day-{d}"' in body for d in range(7))
    assert "Seeds, pumpkin" not in body and GONE in body


RACING_ACTIONS = [
    pytest.param(name, data, id=name.split(":")[1]) for name, data in STALE_ACTIONS if name != "plans:entry_remove"
]


@pytest.mark.parametrize(("name", "data"), RACING_ACTIONS)
def test_an_entry_removed_between_the_lookup_and_the_save_gets_the_message_not_a_500(
    tabs, plan, entry, name, data, monkeypatch
):
    from mealplanner.views import entries as views

    found = views.entry_or_gone

    def found_then_removed_by_the_other_tab(*args, **kwargs):
        looked_up = found(*args, **kwargs)
        PlanEntry.objects.filter(pk=entry.pk).delete()  # the other tab's remove lands now
        return looked_up

    monkeypatch.setattr(views, "entry_or_gone", found_then_removed_by_the_other_tab)
    _, tab_b = tabs
    response = tab_b.post(reverse(name, args=[plan.pk, entry.pk]), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert GONE in body and "Seeds, pumpkin" not in body
    assert not PlanEntry.objects.filter(pk=entry.pk).exists()  # never resurrected
    assert plan.entries.count() == 1


def test_pinning_an_entry_another_tab_removed_says_so_and_shows_the_plan(tabs, plan, entry):
    tab_a, tab_b = tabs
    _remove_in_tab_a(tab_a, plan, entry)
    response = tab_b.post(reverse("generator:pin", args=[plan.pk, entry.pk]), {"day": "1"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(reverse("plans:detail", args=[plan.pk]))
    body = response.content.decode()
    assert GONE in body and "Seeds, pumpkin" not in body
    assert not PlanEntry.objects.filter(pk=entry.pk).exists()


def test_pinning_an_entry_removed_between_the_lookup_and_the_save_says_so(tabs, plan, entry, monkeypatch):
    from mealplanner.views import generator as views

    found = views.entry_or_gone

    def found_then_removed_by_the_other_tab(*args, **kwargs):
        looked_up = found(*args, **kwargs)
        PlanEntry.objects.filter(pk=entry.pk).delete()
        return looked_up

    monkeypatch.setattr(views, "entry_or_gone", found_then_removed_by_the_other_tab)
    _, tab_b = tabs
    response = tab_b.post(reverse("generator:pin", args=[plan.pk, entry.pk]), {"pinned": "1"}, follow=True)
    assert response.status_code == 200 and GONE in response.content.decode()
    assert not PlanEntry.objects.filter(pk=entry.pk).exists()
