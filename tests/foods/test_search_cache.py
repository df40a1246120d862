"""The Foods page's as-you-type results are cached per process, and every write to foods makes them stale."""

import re

import pytest
from django.urls import reverse

from foods import search_cache
from foods.models import Food, Portion
from foods.services import food_bulk_upsert

pytestmark = pytest.mark.django_db
URL = reverse("foods:list")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def spinach():
    # USDA SR28 NDB 11457: 79 mg magnesium per 100 g; 1 cup = 30 g.
    food = Food.objects.create(ndb_number="11457", name="Spinach, raw", food_group="Vegetables and Vegetable Products",
                               magnesium_mg=79, energy_kcal=23)
    Portion.objects.create(food=food, seq=1, label="1 cup", grams=30)
    return food


def names(response) -> list[str]:
    return re.findall(r'<th scope="row" class="food-name">([^<]*)', response.content.decode())


def test_the_same_search_again_is_answered_without_searching(client, spinach, django_assert_max_num_queries):
    first = client.get(URL, {"q": "spin"}, **HTMX)
    with django_assert_max_num_queries(1):  # only the token that says whether foods changed
        again = client.get(URL, {"q": "spin"}, **HTMX)
    assert again.content == first.content and names(again) == ["Spinach, raw "]
    assert again["Vary"] == first["Vary"]


def test_an_import_shows_at_once(client, spinach):
    assert names(client.get(URL, {"q": "spin"}, **HTMX)) == ["Spinach, raw "]
    food_bulk_upsert(rows=[{"ndb_number": "11458", "name": "Spinach, cooked, boiled, drained, without salt",
                            "food_group": "Vegetables and Vegetable Products"}])
    assert names(client.get(URL, {"q": "spin"}, **HTMX)) == ["Spinach, raw ", "Spinach, cooked, boiled, drained, without salt "]


def test_an_admins_edit_shows_at_once(client, django_user_model, spinach):
    assert "79 mg" in client.get(URL, {"q": "spin"}, **HTMX).content.decode()
    admin = django_user_model.objects.create_superuser(username="root", email="r@example.com", password="a-long-pw-123")
    client.force_login(admin)
    client.post(reverse("admin:foods_food_delete", args=[spinach.pk]), {"post": "yes"})
    assert not Food.objects.exists()
    assert names(client.get(URL, {"q": "spin"}, **HTMX)) == []


def test_a_change_made_around_the_app_shows_within_a_minute(client, spinach, monkeypatch):
    client.get(URL, {"q": "spin"}, **HTMX)
    Food.objects.filter(pk=spinach.pk).update(name="Kale, raw")  # e.g. from the shell: no token change
    assert names(client.get(URL, {"q": "spin"}, **HTMX)) == ["Spinach, raw "]
    later = search_cache.time.monotonic() + search_cache.ENTRY_SECONDS + 1
    monkeypatch.setattr(search_cache.time, "monotonic", lambda: later)
    assert names(client.get(URL, {"q": "spin"}, **HTMX)) == []


def test_the_full_page_is_never_cached(client, spinach):
    client.get(URL, {"q": "spin"})
    Food.objects.filter(pk=spinach.pk).update(name="Kale, raw")
    assert names(client.get(URL, {"q": "spin"})) == []


def test_results_from_a_profile_are_not_shared(client_logged_in, user, spinach):
    from mealplanner.models import Profile

    # No parameters: the filters come from the viewer's profile, so that part is never kept.
    client_logged_in.get(URL, **HTMX)
    Profile.objects.create(user=user, name="Alice", diet="vegan")
    response = client_logged_in.get(URL, **HTMX)
    assert names(response) == []  # spinach's diet facts are unknown: not shown to a vegan


def test_a_row_shown_by_one_search_follows_an_edit_in_the_next(client, spinach):
    assert "79 mg" in client.get(URL, {"q": "spin"}, **HTMX).content.decode()  # the row is kept now
    food_bulk_upsert(rows=[{"ndb_number": "11457", "name": "Spinach, raw", "food_group": "Vegetables and Vegetable Products",
                            "magnesium_mg": 80}])
    body = client.get(URL, {"q": "spina"}, **HTMX).content.decode()  # another search showing the same food
    assert "80 mg" in body and "79 mg" not in body


def test_the_same_row_is_used_by_searches_that_show_the_same_food(client, spinach):
    first = client.get(URL, {"q": "spin"}, **HTMX).content.decode()
    second = client.get(URL, {"q": "raw spin"}, **HTMX).content.decode()
    row = re.search(r"<tr>\s*<th scope=\"row\".*?</tr>", first, re.S).group(0)
    assert row in second and names(client.get(URL, {"q": "raw spin"}, **HTMX)) == ["Spinach, raw "]


def test_the_generation_is_read_again_after_a_short_while(client, spinach, django_assert_max_num_queries, monkeypatch):
    client.get(URL, {"q": "spin"}, **HTMX)
    with django_assert_max_num_queries(0):  # the token was read a moment ago: no query at all
        client.get(URL, {"q": "spin"}, **HTMX)
    later = search_cache.time.monotonic() + search_cache.GENERATION_SECONDS + 1
    monkeypatch.setattr(search_cache.time, "monotonic", lambda: later)
    with django_assert_max_num_queries(1):  # read again: a write in another process shows within seconds
        client.get(URL, {"q": "spin"}, **HTMX)
