"""Every URL of the app, fed garbage by a stranger and by an anonymous visitor: never a 500, and the
owner's data never changes. URL patterns are discovered, so a new endpoint is covered automatically."""

import hashlib
import json
import re
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from foods.models import Food, Portion
from mealplanner.models import Medicine, Plan, PlanEntry, Profile, SupplementProduct

SKIP_PREFIXES = ("admin/", "static/")
# Logging out or deleting the stranger's own account is their right; the owner is not affected either way.
SKIP_NAMES = {"logout"}

GARBAGE_BODIES = [
    {},
    {"quantity": "-5", "units": "-1", "grams": "0", "day": "-1", "meal": "brunch", "amount": "nan"},
    {"quantity": "abc", "day": "seven", "food": "not-a-number", "portion": "x", "supplement": "[]"},
    {"quantity": "1e309", "day": "9999999999999999999999", "food": "99999999", "start_date": "2026-02-31"},
    {"name": "x" * 20000, "q": "<script>alert(1)</script>" * 100, "note": "\x00\ufffd"},
    {"days": ["0", "99", "-3", "z"], "target_days": ["8"], "allergies": ["pollen"], "diet": "keto"},
]


def _patterns(resolvers=None, prefix=""):
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def app_routes():
    seen = set()
    for route, pattern in _patterns():
        if route.startswith(SKIP_PREFIXES) or pattern.name in SKIP_NAMES or route in seen:
            continue
        seen.add(route)
        yield route, pattern


def fill(route: str, value) -> str:
    """A concrete URL for a route: each <converter:name> (or regex group) gets the value; regex groups that
    are not ids get their first alternative (e.g. export.(?P<fmt>csv|xlsx) -> export.csv)."""
    route = re.sub(r"\(\?P<(\w+)>([^)]*)\)",
                   lambda m: str(value) if m.group(1).endswith("id") else m.group(2).split("|")[0], route)
    route = re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: str(value), route)
    return "/" + route.replace("^", "").replace("$", "").replace("\\", "")


@pytest.fixture
def owner_world(django_user_model):
    owner = django_user_model.objects.create_user(username="owner", password="owner-password-123")
    profile = Profile.objects.create(user=owner, name="Owner", age_years=40, sex="female", restless_legs=True)
    food = Food.objects.create(name="Spinach, raw", food_group="Vegetables and Vegetable Products",
                               ndb_number="11457", magnesium_mg=79, energy_kcal=23)
    portion = Portion.objects.create(food=food, seq=1, label="1 cup", grams=30)
    supplement = SupplementProduct.objects.create(profile=profile, name="Mag citrate", form="citrate",
                                                  elemental_mg_per_unit=200)
    Medicine.objects.create(profile=profile, name="omeprazole", medicine_class="ppi")
    plan = Plan.objects.create(profile=profile, created_by=owner, name="Owner's week",
                               start_date=date.today() - timedelta(days=date.today().weekday()))
    PlanEntry.objects.create(plan=plan, day=0, meal="breakfast", food=food, portion=portion, quantity=2)
    PlanEntry.objects.create(plan=plan, day=1, meal="snack", supplement=supplement, quantity=1)
    if apps.is_installed("diary"):
        from diary.models import DiaryEntry

        DiaryEntry.objects.create(profile=profile, date=date.today(), symptom_score=4)
    return owner


def snapshot() -> str:
    """A fingerprint of every row the owner could lose or have changed."""
    rows = []
    for model in (Profile, Plan, PlanEntry, SupplementProduct, Medicine, Food, Portion):
        rows.append(list(model.objects.order_by("pk").values()))
    if apps.is_installed("diary"):
        from diary.models import DiaryEntry

        rows.append(list(DiaryEntry.objects.order_by("pk").values()))
    return hashlib.sha256(json.dumps(rows, default=str, sort_keys=True).encode()).hexdigest()


def owner_ids():
    plan = Plan.objects.get(name="Owner's week")
    ids = {plan.pk, plan.profile_id, *plan.entries.values_list("pk", flat=True),
           *SupplementProduct.objects.filter(profile=plan.profile).values_list("pk", flat=True),
           *Medicine.objects.filter(profile=plan.profile).values_list("pk", flat=True)}
    return sorted(ids) + [0, 987654321]


@pytest.mark.django_db
def test_no_url_gives_a_500_or_touches_the_owners_data_when_a_stranger_sends_garbage(client, owner_world, other_user):
    Profile.objects.create(user=other_user, name="Stranger", age_years=30, sex="male")
    before = snapshot()
    failures = []
    for route, _ in app_routes():
        has_params = "<" in route
        values = owner_ids() if has_params else [None]
        for value in values:
            url = fill(route, value)
            client.force_login(other_user)
            for method in ("get", "post"):
                bodies = GARBAGE_BODIES if method == "post" else [{}, {"q": "x" * 5000, "sort": "?", "page": "-1"}]
                for body in bodies:
                    for htmx in (False, True):
                        headers = {"HX-Request": "true"} if htmx else {}
                        response = getattr(client, method)(url, body, headers=headers)
                        if response.status_code >= 500:
                            failures.append(f"{method.upper()} {url} {body!r:.60} htmx={htmx}: {response.status_code}")
                        client.force_login(other_user)
    assert failures == []
    assert snapshot() == before, "a stranger's garbage changed the owner's data"


@pytest.mark.django_db
def test_anonymous_visitors_never_see_a_500_or_change_anything(client, owner_world):
    before = snapshot()
    failures = []
    for route, _ in app_routes():
        url = fill(route, Plan.objects.get().pk)
        for method in ("get", "post"):
            response = getattr(client, method)(url, GARBAGE_BODIES[1])
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {url}: {response.status_code}")
    assert failures == []
    assert snapshot() == before


@pytest.mark.django_db
def test_posts_without_a_csrf_token_are_refused_plainly(owner_world):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.login(username="owner", password="owner-password-123")
    before = snapshot()
    for route, _ in app_routes():
        url = fill(route, Plan.objects.get().pk)
        response = strict.post(url, {"quantity": "1", "name": "x"})
        assert response.status_code in (403, 404, 405), f"POST {url} without CSRF gave {response.status_code}"
    assert snapshot() == before
