"""Every URL of the app, fed garbage by strangers, by an anonymous visitor and without a CSRF token.

URL patterns are discovered, so a new endpoint is checked automatically. The rules:

- A URL that names an object (a ``<..._id>`` parameter) answers a logged-in stranger, somebody who neither
  owns the object nor is the dietitian of its person, with 404 for GET and POST, whatever the body and
  with or without htmx. The one other answer allowed is 405, and only when the URL refuses that method
  for the stranger's own objects too: then the answer says nothing about whose object it is.
- An anonymous visitor to such a URL is sent to log in (302 to the login page with ?next=; for htmx an
  empty 200 with HX-Redirect to it), or gets 404.
- No answer, to anybody, is a 500 or shows the owner's data (names, notes, supplements, medicines...).
- Nothing changes: the row counts of the main models, and every row of the people's data, are the same after.

A URL parameter this file does not know fails the tests below (see ID_PARAMS and PLAIN_PARAMS), so a new
kind of id cannot slip through unchecked. The Django admin is left out: it is Django's own, staff only.
"""

import hashlib
import json
import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from clinic.models import Invitation
from clinic.services import token_hash
from diary.models import DiaryEntry
from foods.models import Food, Portion
from mealplanner.models import Medicine, Plan, PlanEntry, PlanEntryIngredient, Profile, SupplementProduct, User
from recipes.models import OwnFood, Recipe, RecipeIngredient

PASSWORD = "a-long-test-password"
SKIP_PREFIXES = ("admin/", "static/")

# URL parameters that name an object, and which kind of object.
ID_PARAMS = {
    "plan_id": "plan",
    "entry_id": "entry",
    "profile_id": "profile",
    "supplement_id": "supplement",
    "medicine_id": "medicine",
    "recipe_id": "recipe",
    "ingredient_id": "ingredient",
    "own_food_id": "own_food",
}
# URL parameters that name no object, with the value to put in (None: the regex's first alternative).
PLAIN_PARAMS = {"day": "0", "fmt": None, "token": "not-a-real-token", "uidb64": "MQ"}

# Every name and note of the people a stranger must never see holds one of these words.
SECRET_WORDS = ("quince", "zephyr")

GARBAGE_BODIES = [
    {},
    {"quantity": "-5", "units": "-1", "grams": "0", "day": "-1", "meal": "brunch", "amount": "nan"},
    {"quantity": "abc", "day": "seven", "food": "not-a-number", "portion": "x", "supplement": "[]"},
    {"quantity": "1e309", "day": "9999999999999999999999", "food": "99999999", "start_date": "2026-02-31"},
    {"name": "x" * 20000, "q": "<script>alert(1)</script>" * 100, "note": "\x00\ufffd"},
    {"days": ["0", "99", "-3", "z"], "target_days": ["8"], "allergies": ["pollen"], "diet": "keto"},
]
GET_BODIES = [{}, {"q": "x" * 5000, "sort": "?", "page": "-1", "day": "99", "date": "2026-02-31"}]
# Every garbage body, as a plain request and as an htmx one; and a few of them, for the repeats.
REQUESTS = [("get", body, htmx) for body in GET_BODIES for htmx in (False, True)] + [
    ("post", body, htmx) for body in GARBAGE_BODIES for htmx in (False, True)
]
FEW_REQUESTS = [
    ("get", GET_BODIES[0], False),
    ("get", GET_BODIES[1], True),
    ("post", GARBAGE_BODIES[1], False),
    ("post", GARBAGE_BODIES[3], True),
]

PARAM = re.compile(r"<(?:\w+:)?(?P<name>\w+)>|\(\?P<(?P<rname>\w+)>(?P<regex>[^)]*)\)")


# ---------------------------------------------------------------------------------------------- the URLs


def _patterns(resolvers=None, prefix=""):
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def app_routes() -> list[str]:
    routes = []
    for route, _ in _patterns():
        if not route.startswith(SKIP_PREFIXES) and route not in routes:
            routes.append(route)
    return routes


def params(route: str) -> list[str]:
    return [m["name"] or m["rname"] for m in PARAM.finditer(route)]


def object_params(route: str) -> list[str]:
    return [name for name in params(route) if name in ID_PARAMS]


def fill(route: str, ids: dict) -> str:
    """A concrete URL for a route: each object id from `ids` (by kind), other parameters a plain value."""

    def value(m):
        name = m["name"] or m["rname"]
        if name in ID_PARAMS:
            return str(ids[ID_PARAMS[name]])
        if name not in PLAIN_PARAMS:
            pytest.fail(f"{route}: unknown URL parameter <{name}>: add it to ID_PARAMS or PLAIN_PARAMS")
        return PLAIN_PARAMS[name] if PLAIN_PARAMS[name] is not None else m["regex"].split("|")[0]

    return "/" + PARAM.sub(value, route).replace("^", "").replace("$", "").replace("\\", "")


ROUTES = app_routes()
ID_ROUTES = [r for r in ROUTES if object_params(r)]
PLAIN_ROUTES = [r for r in ROUTES if not object_params(r)]
MULTI_ID_ROUTES = [r for r in ROUTES if len(object_params(r)) > 1]


# ---------------------------------------------------------------------------------------------- the people


def _monday() -> date:
    today = timezone.localdate()
    return today - timedelta(days=today.weekday())


def _belongings(profile, *, by, word, food, portion, template=False) -> dict:
    """A supplement, a medicine, a diary day and a plan (locked meal, pinned entry) of one person: their ids."""
    supplement = SupplementProduct.objects.create(
        profile=profile, name=f"{word} magnesium citrate", form="citrate", elemental_mg_per_unit=200
    )
    medicine = Medicine.objects.create(profile=profile, name=f"{word}prazole", medicine_class="ppi")
    plan = Plan.objects.create(
        profile=profile,
        created_by=by,
        name=f"{word} week",
        start_date=_monday(),
        is_template=template,
        note=f"{word} note",
        locked_meals=["0:lunch"],
    )
    entry = PlanEntry.objects.create(
        plan=plan, day=0, meal="breakfast", food=food, portion=portion, quantity=2, pinned=True
    )
    PlanEntry.objects.create(plan=plan, day=1, meal="snack", supplement=supplement, quantity=1)
    DiaryEntry.objects.create(profile=profile, date=timezone.localdate(), symptom_score=4, notes=f"{word} diary")
    # A dietitian's template comes with a recipe and an own food shared with her clients (not the strangers).
    recipe = Recipe.objects.create(
        owner=by, name=f"{word} stew", servings=2, visibility="clients" if template else "private"
    )
    ingredient = RecipeIngredient.objects.create(recipe=recipe, food=food, portion=portion, quantity=1, grams=30)
    own_food = OwnFood.objects.create(owner=by, name=f"{word} bar", magnesium_mg=50, shared_with_clients=template)
    return {
        "plan": plan.pk,
        "entry": entry.pk,
        "profile": profile.pk,
        "supplement": supplement.pk,
        "medicine": medicine.pk,
        "recipe": recipe.pk,
        "ingredient": ingredient.pk,
        "own_food": own_food.pk,
    }


@pytest.fixture
def world(db):
    """Owners (a person; a dietitian's client; a dietitian's template) and two strangers with their own things.

    Returns the strangers' users, the owners' ids ("victims") and each stranger's own ids."""
    make = User.objects.create_user
    food = Food.objects.create(
        name="Spinach, raw",
        food_group="Vegetables and Vegetable Products",
        ndb_number="11457",
        magnesium_mg=79,
        energy_kcal=23,
    )
    portion = Portion.objects.create(food=food, seq=1, label="1 cup", grams=30)

    owner = make("owner", password=PASSWORD)
    owner_profile = Profile.objects.create(user=owner, name="Ottilie Quince", age_years=40, restless_legs=True)
    dora = make("dora", password=PASSWORD, is_dietitian=True)
    dora_profile = Profile.objects.create(user=dora, name="Dora Zephyrine", age_years=50)
    client = Profile.objects.create(
        dietitian=dora,
        name="Clementine Zephyr",
        age_years=35,
        restless_legs=True,
        dietitian_notes="Zephyr private notes",
    )
    Invitation.objects.create(
        profile=client,
        email="clementine@zephyr.example",
        token_hash=token_hash("zephyr-token"),
        expires=timezone.now() + timedelta(days=7),
    )
    victims = {
        "the owner's": _belongings(owner_profile, by=owner, word="Quince", food=food, portion=portion),
        "a dietitian's client's": _belongings(client, by=dora, word="Zephyr", food=food, portion=portion),
        "a dietitian's template": _belongings(
            dora_profile, by=dora, word="Zephyr template", food=food, portion=portion, template=True
        ),
    }

    mallory = make("mallory", password=PASSWORD)
    mallory_profile = Profile.objects.create(user=mallory, name="Mallory", age_years=30, sex="male")
    otto = make("otto", password=PASSWORD, is_dietitian=True)
    Profile.objects.create(user=otto, name="Otto", age_years=55, sex="male")
    olga = Profile.objects.create(dietitian=otto, name="Olga", age_years=33)
    strangers = {
        "a plain person": (
            mallory,
            _belongings(mallory_profile, by=mallory, word="Mallory", food=food, portion=portion),
        ),
        "another dietitian": (otto, _belongings(olga, by=otto, word="Olga", food=food, portion=portion)),
    }
    return strangers, victims


COUNTED = (
    User,
    Profile,
    Plan,
    PlanEntry,
    SupplementProduct,
    Medicine,
    DiaryEntry,
    Invitation,
    Food,
    Portion,
    Recipe,
    RecipeIngredient,
    OwnFood,
    PlanEntryIngredient,
)


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in COUNTED}


def snapshot() -> str:
    """A fingerprint of every row anybody could lose or have changed (a login's time aside)."""
    rows = [list(model.objects.order_by("pk").values()) for model in COUNTED]
    for user in rows[0]:
        user.pop("last_login")
    return hashlib.sha256(json.dumps(rows, default=str, sort_keys=True).encode()).hexdigest()


def body_of(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8", "replace").lower()


def send(client, method, url, body, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    return getattr(client, method)(url, body, headers=headers)


def describe(method, url, body, htmx) -> str:
    return f"{method.upper()} {url} {body!r:.50} htmx={htmx}"


def check_safe(response, what, failures) -> None:
    """No 500, and none of the owners' names or notes in the answer."""
    if response.status_code >= 500:
        failures.append(f"{what}: {response.status_code}")
    text = body_of(response)
    if any(word in text for word in SECRET_WORDS):
        failures.append(f"{what}: shows somebody else's data ({response.status_code})")


class Unchanged:
    """Row counts and rows before, compared after."""

    def __init__(self):
        self.counts, self.rows = counts(), snapshot()

    def check(self):
        assert counts() == self.counts, "the garbage changed how many rows there are"
        assert snapshot() == self.rows, "the garbage changed somebody's data"


# ---------------------------------------------------------------------------------------------- strangers


def _refused_methods(client, route) -> set[str]:
    """The methods this URL refuses (405) even for ids that do not exist: such a 405 says nothing about an object."""
    nowhere = fill(route, dict.fromkeys(ID_PARAMS.values(), 987654321))
    return {m for m in ("get", "post") if getattr(client, m)(nowhere).status_code == 405}


def _expect_404(client, route, ids, refused, failures, requests=FEW_REQUESTS):
    url = fill(route, ids)
    for method, body, htmx in requests:
        response = send(client, method, url, body, htmx)
        what = describe(method, url, body, htmx)
        check_safe(response, what, failures)
        allowed = {404, 405} if method in refused else {404}
        if response.status_code not in allowed:
            failures.append(f"{what}: {response.status_code}, not 404")


@pytest.mark.django_db
@pytest.mark.parametrize("route", ID_ROUTES)
def test_a_stranger_gets_404_for_somebody_elses_object_and_sees_nothing_of_it(client, world, route):
    strangers, victims = world
    unchanged = Unchanged()
    failures = []
    for n, (user, _own) in enumerate(strangers.values()):
        client.force_login(user)
        refused = _refused_methods(client, route)
        for m, ids in enumerate(victims.values()):
            # Every garbage body once per URL; a few of them for the other strangers and owners.
            _expect_404(client, route, ids, refused, failures, REQUESTS if n == m == 0 else FEW_REQUESTS)
    assert not failures, "\n".join(failures)
    unchanged.check()


@pytest.mark.django_db
@pytest.mark.parametrize("route", MULTI_ID_ROUTES)
def test_a_stranger_gets_404_for_somebody_elses_id_inside_a_url_of_their_own(client, world, route):
    """E.g. /plans/<the stranger's plan>/entries/<the owner's entry>/remove/: the entry is not theirs."""
    strangers, victims = world
    unchanged = Unchanged()
    failures = []
    for user, own_ids in strangers.values():
        client.force_login(user)
        refused = _refused_methods(client, route)
        for victim_ids in victims.values():
            for name in object_params(route):
                kind = ID_PARAMS[name]
                _expect_404(client, route, {**own_ids, kind: victim_ids[kind]}, refused, failures)
    assert not failures, "\n".join(failures)
    unchanged.check()


@pytest.mark.django_db
@pytest.mark.parametrize("route", ID_ROUTES)
def test_an_id_that_does_not_exist_gives_404(client, world, route):
    strangers, _ = world
    user, _own = strangers["another dietitian"]
    client.force_login(user)
    refused = _refused_methods(client, route)
    unchanged = Unchanged()
    failures = []
    for unknown in (0, 987654321, 2**63, 10**30):
        _expect_404(client, route, dict.fromkeys(ID_PARAMS.values(), unknown), refused, failures, FEW_REQUESTS[1:3])
    assert not failures, "\n".join(failures)
    unchanged.check()


@pytest.mark.django_db
@pytest.mark.parametrize("route", PLAIN_ROUTES)
def test_a_page_without_an_id_never_gives_a_stranger_a_500_or_somebody_elses_data(client, world, route):
    strangers, _ = world
    unchanged = Unchanged()
    failures = []
    url = fill(route, {})
    for n, (user, _own) in enumerate(strangers.values()):
        for method, body, htmx in REQUESTS if n == 0 else FEW_REQUESTS:
            # Some pages end the session (log out, change the password): each request starts logged in.
            client.force_login(user)
            check_safe(send(client, method, url, body, htmx), describe(method, url, body, htmx), failures)
    assert not failures, "\n".join(failures)
    unchanged.check()


@pytest.mark.django_db
def test_the_owners_see_their_own_data_so_a_leak_would_be_seen(client, world):
    """The checks above look for SECRET_WORDS: the owners' own pages do show them."""
    _, victims = world
    client.force_login(User.objects.get(username="owner"))
    assert "quince" in body_of(client.get(reverse("plans:detail", args=[victims["the owner's"]["plan"]])))
    client.force_login(User.objects.get(username="dora"))
    clients_page = reverse("clinic:client", args=[victims["a dietitian's client's"]["profile"]])
    assert "zephyr" in body_of(client.get(clients_page))


def test_the_driven_checks_cover_every_url_that_names_a_plan_entry_or_person():
    names = {p.name for route, p in _patterns() if route in ID_ROUTES}
    assert {
        "detail",
        "delete",
        "day_copy",
        "entry_amount",
        "entry_remove",
        "pin",
        "lock",
        "fill_day",
        "cabinet_edit",
        "medicine_remove",
        "client",
        "supplement_edit",
        "plan_settings",
        "profile_export",
        "print",
        "plan_xlsx",
    } <= names


# ---------------------------------------------------------------------------------------------- anonymous


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES)
def test_anonymous_visitors_are_sent_to_log_in_and_never_see_or_change_anything(client, world, route):
    _, victims = world
    login = reverse("login")
    unchanged = Unchanged()
    failures = []
    for ids in (victims["the owner's"], victims["a dietitian's client's"]):
        url = fill(route, ids)
        for method, body, htmx in FEW_REQUESTS:
            client.logout()
            response = send(client, method, url, body, htmx)
            what = describe(method, url, body, htmx)
            check_safe(response, what, failures)
            if object_params(route):
                # htmx gets an empty 200 that tells it to load the log-in page as a whole page (HX-Redirect).
                to_login = (response.status_code == 302 and response.url.startswith(f"{login}?next=")) or (
                    htmx
                    and response.status_code == 200
                    and not response.content
                    and response.get("HX-Redirect", "").startswith(f"{login}?next=")
                )
                if not (to_login or response.status_code == 404):
                    failures.append(f"{what}: {response.status_code}, neither a redirect to log in nor 404")
    assert not failures, "\n".join(failures)
    unchanged.check()


# ---------------------------------------------------------------------------------------------- CSRF


@pytest.mark.django_db
@pytest.mark.parametrize("who, whose", [("owner", "the owner's"), ("dora", "a dietitian's client's")])
def test_posts_without_a_csrf_token_are_refused_plainly(world, who, whose):
    _, victims = world
    strict = Client(enforce_csrf_checks=True)
    unchanged = Unchanged()
    failures = []
    for route in ROUTES:
        strict.login(username=who, password=PASSWORD)
        url = fill(route, victims[whose])
        response = strict.post(url, {"quantity": "1", "name": "x", "day": "1", "meal": "lunch", "to_days": "2"})
        if response.status_code != 403:
            failures.append(f"POST {url} without CSRF gave {response.status_code}")
    assert not failures, "\n".join(failures)
    unchanged.check()
