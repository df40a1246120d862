"""A person sends garbage to their own plans, entries, cabinet, profile and restless-legs diary: never a 500,
a clear refusal (a 4xx, or the form again with its errors) and nothing changed.

Each form is in FORMS with a body it accepts; each field then gets garbage in turn (empty, huge, negative,
not a number, a list, an unknown id, somebody else's id, far too long), as a plain post and as an htmx
one, while the rest of the body stays valid, so the garbage alone is what is refused. That the valid
bodies are accepted is checked too, so the table cannot go stale and pass for the wrong reason.
"""

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diary.models import DiaryEntry
from foods.models import Portion
from mealplanner.models import Medicine, PlanEntry, Profile
from mealplanner.services.plans import MAX_FOOD_GRAMS
from mealplanner.services.recipe_entries import plan_recipe_add
from recipes.models import OwnFood, Recipe, RecipeIngredient
from tests.mealplanner.plan_factories import (
    add_food,
    add_supplement,
    cheese,
    citrate,
    make_plan,
    make_profile,
    pumpkin_seeds,
    this_monday,
)
from tests.test_garbage import Unchanged, body_of

pytestmark = pytest.mark.django_db

HUGE = str(10**30)
UNKNOWN = "987654321"
# Garbage for kinds of field; each list holds only values the field must refuse.
NUMBER = ["abc", "-5", "0", "-0.001", HUGE, "1e309", "NaN", "Infinity", "1,5", "0x10", ["2", "-7"], "x" * 5000]
WHOLE = NUMBER + ["1.5"]
DAY = ["", "-1", "7", "seven", HUGE, "1.0", ["0", "9"]]
MEAL = ["", "brunch", "BREAKFAST", "x" * 5000, ["lunch", "brunch"]]
ID = ["", "abc", "-1", "0", UNKNOWN, HUGE, "1.5", ["1", "x"]]
DATE = ["2026-02-31", "31/13/2024", "99999-01-01", "0000-01-01", "-1", "x" * 5000, ["2024-01-01", "nope"]]
TIME = ["25:00", "12:60", "abc", "-1", HUGE, "x" * 5000]
HX = {"HX-Request": "true"}
# How a page says it refused something: a field's error, the form's errors, the day's error notice.
ERROR_MARKS = ("field-error", "form-errors", "day-error", "errorlist")


def text(max_length: int, required: bool = True) -> list:
    return (["", "   "] if required else []) + ["x" * (max_length + 1), "x" * 100_000, "ab\x00c"]


@pytest.fixture
def mine(user, other_user):
    """The person's profile, plan (a locked meal, a pinned food, a supplement), cabinet, medicine and diary;
    and somebody else's supplement and a portion of another food, for ids that are not theirs to use."""
    profile = make_profile(user, name="Alice", rls_habits=["warm_bath", "no_caffeine"])
    seeds = pumpkin_seeds()
    product = citrate(profile)
    Medicine.objects.create(profile=profile, name="omeprazole", medicine_class="ppi")
    plan = make_plan(profile, user, start=this_monday() + datetime.timedelta(days=7))
    plan.locked_meals = ["2:dinner"]
    plan.save()
    food_entry = add_food(plan, seeds, day=0, meal="breakfast", quantity=1)
    PlanEntry.objects.filter(pk=food_entry.pk).update(pinned=True)
    supplement_entry = add_supplement(plan, product, day=1, meal="snack", quantity=1)
    DiaryEntry.objects.create(
        profile=profile, date=timezone.localdate() - datetime.timedelta(days=3), symptom_score=5, notes="restless"
    )
    theirs = make_profile(other_user, name="Mallory")
    cheddar = cheese()
    recipe = Recipe.objects.create(owner=user, name="Seed bowl", servings=2)
    RecipeIngredient.objects.create(recipe=recipe, food=seeds, quantity=50, grams=50)
    their_recipe = Recipe.objects.create(owner=other_user, name="Mallory's secret bowl", servings=1)
    RecipeIngredient.objects.create(recipe=their_recipe, food=seeds, quantity=50, grams=50)
    recipe_entry = plan_recipe_add(plan=plan, day=3, meal="dinner", recipe=recipe, servings=1)
    return {
        "own_food": OwnFood.objects.create(owner=user, name="Oat bar", serving_grams=40, magnesium_mg=100),
        "their_own_food": OwnFood.objects.create(owner=other_user, name="Mallory's bar", magnesium_mg=10),
        "recipe": recipe,
        "their_recipe": their_recipe,
        "recipe_entry": recipe_entry,
        "plan": plan,
        "food_entry": food_entry,
        "supplement_entry": supplement_entry,
        "seeds": seeds,
        "cup": seeds.portions.first(),
        "product": product,
        "their_product": citrate(theirs, mg=250),
        "other_food_portion": Portion.objects.create(food=cheddar, seq=1, label="1 slice", grams=28),
    }


@dataclass
class Form:
    name: str
    url: object  # mine -> URL
    valid: object  # mine -> a body the form accepts
    garbage: dict  # field -> values (or mine -> values) it must refuse
    empty_is_valid: bool = False  # a form of checkboxes only: an empty post unticks them all
    extra: list = field(default_factory=list)  # whole bodies (mine -> body) it must refuse

    def __str__(self):
        return self.name


def _yesterday() -> str:
    return (timezone.localdate() - datetime.timedelta(days=1)).isoformat()


FORMS = [
    Form(
        "new plan",
        lambda m: reverse("plans:list"),
        lambda m: {"name": "Another week", "start_date": "2026-03-02"},
        {"name": text(120), "start_date": ["", *DATE, "1999-12-31", "2101-01-01", "9999-12-31"]},
    ),
    Form(
        "add a food",
        lambda m: reverse("plans:entry_add_food", args=[m["plan"].pk]),
        lambda m: {"day": "0", "meal": "lunch", "food": m["seeds"].pk, "quantity": "1", "portion": m["cup"].pk},
        {
            "day": DAY,
            "meal": MEAL,
            "food": ID,
            "portion": lambda m: [*ID[1:], "G", m["other_food_portion"].pk],
            # 39 cups of 129 g is more than MAX_FOOD_GRAMS.
            "quantity": ["", *NUMBER, "39", "12345.678"],
        },
    ),
    Form(
        "add a supplement",
        lambda m: reverse("plans:entry_add_supplement", args=[m["plan"].pk]),
        lambda m: {"day": "1", "meal": "snack", "supplement": m["product"].pk, "quantity": "1", "time_taken": "08:00"},
        {
            "day": DAY,
            "meal": MEAL,
            "supplement": lambda m: [*ID, m["their_product"].pk],
            "quantity": ["", *NUMBER, "21"],
            "time_taken": TIME,
        },
    ),
    Form(
        "change a food's amount",
        lambda m: reverse("plans:entry_amount", args=[m["plan"].pk, m["food_entry"].pk]),
        lambda m: {"quantity": "3", "portion": m["cup"].pk, "day": "0"},
        {"quantity": ["", *NUMBER, "39"], "portion": lambda m: [*ID[1:], m["other_food_portion"].pk]},
    ),
    Form(
        "change a supplement's amount",
        lambda m: reverse("plans:entry_amount", args=[m["plan"].pk, m["supplement_entry"].pk]),
        lambda m: {"quantity": "2", "time_taken": "09:00", "day": "1"},
        {"quantity": ["", *NUMBER, "21"], "time_taken": TIME},
    ),
    Form(
        "tick an entry",
        lambda m: reverse("plans:entry_status", args=[m["plan"].pk, m["food_entry"].pk]),
        lambda m: {"status": "eaten", "day": "0"},
        {"status": ["", "EATEN", "deleted", "x" * 5000, ["eaten", "gone"]]},
    ),
    Form(
        "move an entry",
        lambda m: reverse("plans:entry_move", args=[m["plan"].pk, m["food_entry"].pk]),
        lambda m: {"day": "3", "meal": "dinner", "from_day": "0"},
        {"day": DAY, "meal": MEAL},
    ),
    Form(
        "copy a day",
        lambda m: reverse("plans:day_copy", args=[m["plan"].pk, 0]),
        lambda m: {"to_days": ["4"], "confirm": "1"},
        # Day 0 is the day being copied: not a day to copy it to.
        {"to_days": ["", "0", "7", "-1", "abc", HUGE, ["4", "9"]]},
    ),
    Form(
        "add a recipe",
        lambda m: reverse("plans:entry_add_recipe", args=[m["plan"].pk]),
        lambda m: {"day": "0", "meal": "dinner", "recipe": m["recipe"].pk, "servings": "2"},
        # A stranger's private recipe is refused like an id that does not exist; servings go in quarter steps.
        {
            "day": DAY,
            "meal": MEAL,
            "recipe": lambda m: [*ID, m["their_recipe"].pk],
            "servings": ["", *NUMBER, "0.3", "21"],
        },
    ),
    Form(
        "add an own food",
        lambda m: reverse("plans:entry_add_own_food", args=[m["plan"].pk]),
        lambda m: {"day": "0", "meal": "snack", "own_food": m["own_food"].pk, "servings": "1.5"},
        {
            "day": DAY,
            "meal": MEAL,
            "own_food": lambda m: [*ID, m["their_own_food"].pk],
            "servings": ["", *NUMBER, "0.3", "21"],
        },
    ),
    Form(
        "change a recipe's servings",
        lambda m: reverse("plans:entry_amount", args=[m["plan"].pk, m["recipe_entry"].pk]),
        lambda m: {"quantity": "1.5", "day": "3"},
        {"quantity": ["", *NUMBER, "0.3", "21"]},
    ),
    Form(
        "copy a meal",
        lambda m: reverse("plans:meal_copy", args=[m["plan"].pk, 0]),
        lambda m: {"meal": "breakfast", "days": ["4"]},
        # Day 0 is the day being copied from; its lunch holds nothing to copy.
        {"meal": [*MEAL, "lunch"], "days": ["", "0", "7", "-1", "abc", HUGE, ["4", "9"]]},
    ),
    Form(
        "lock a meal",
        lambda m: reverse("generator:lock", args=[m["plan"].pk]),
        lambda m: {"day": "2", "meal": "lunch"},
        {"day": DAY, "meal": MEAL},
    ),
    Form(
        "fill a day", lambda m: reverse("generator:fill_day", args=[m["plan"].pk]), lambda m: {"day": "3"}, {"day": DAY}
    ),
    Form(
        "add to the cabinet",
        lambda m: reverse("cabinet_add"),
        lambda m: {
            "name": "Mag glycinate",
            "kind": "supplement",
            "form": "glycinate",
            "elemental_mg_per_unit": "100",
            "compound_mg_per_unit": "",
        },
        {
            "name": text(120),
            "kind": ["", "pill", "x" * 5000],
            "form": ["", "unobtainium", ["citrate", "x"]],
            "elemental_mg_per_unit": [*NUMBER, "2001"],
            "compound_mg_per_unit": [*NUMBER, "5001"],
        },
        extra=[lambda m: {"name": "No amount", "kind": "supplement", "form": "citrate"}],
    ),
    Form(
        "change a cabinet product",
        lambda m: reverse("cabinet_edit", args=[m["product"].pk]),
        lambda m: {
            "name": "Magnesium citrate 400",
            "kind": "supplement",
            "form": "citrate",
            "elemental_mg_per_unit": "300",
        },
        {
            "name": text(120),
            "kind": ["", "pill"],
            "form": ["", "unobtainium"],
            "elemental_mg_per_unit": [*NUMBER, "2001"],
            "compound_mg_per_unit": [*NUMBER, "5001"],
        },
    ),
    Form(
        "profile",
        lambda m: reverse("profile"),
        lambda m: {"name": "Alice Smith", "age_years": "46", "sex": "female", "diet": "none", "restless_legs": "on"},
        # An age of 0 is a newborn's, so "0" is no garbage there.
        {
            "name": text(120),
            "birth_date": [*DATE, "2999-01-01", "1800-01-01"],
            "age_years": [v for v in NUMBER if v != "0"] + ["131"],
            "sex": ["", "other", ["female", "x"]],
            "diet": ["", "keto"],
            "allergies": [["pollen"], ["nuts", "x"]],
            "energy_goal_kcal": [*WHOLE, "299", "6001"],
        },
        extra=[lambda m: {"name": "Alice", "age_years": "46", "sex": "male", "diet": "none", "pregnant": "on"}],
    ),
    Form(
        "add a medicine",
        lambda m: reverse("medicine_add"),
        lambda m: {"name": "omeprazole", "time_taken": "08:00"},
        # A name the app does not know is no garbage: it is kept and shown as not checked (issue 13).
        {"name": text(80), "time_taken": TIME},
    ),
    Form(
        "diary day",
        lambda m: reverse("diary:home"),
        lambda m: {
            "date": _yesterday(),
            "symptom_score": "3",
            "sleep_disturbed": "on",
            "hours_slept": "7.5",
            "sleep_quality": "4",
            "caffeine_mg": "100",
            "exercise_minutes": "30",
            "habits_kept": ["warm_bath"],
            "notes": "fine",
        },
        {
            "date": ["", *DATE, "1999-12-31", (timezone.localdate() + datetime.timedelta(days=1)).isoformat()],
            "symptom_score": ["", "11", "-1", "abc", HUGE, "3.5"],
            "hours_slept": ["25", "-1", "abc", "1e309", "7.25", "NaN", HUGE],
            "sleep_quality": ["0", "6", "abc", "-1", HUGE],
            "caffeine_mg": ["-1", "3001", HUGE, "1.5", "abc"],
            "exercise_minutes": ["-1", "1441", "abc", HUGE],
            # massage is a habit, but not one this person chose to try.
            "habits_kept": [["not_a_habit"], ["warm_bath", "massage"], "x" * 5000],
            "notes": text(500, required=False),
        },
    ),
    Form(
        "diary habits",
        lambda m: reverse("diary:habits"),
        lambda m: {"habits": ["warm_bath", "massage"]},
        {"habits": [["not_a_habit"], ["warm_bath", "nope"], "x" * 5000, HUGE]},
        empty_is_valid=True,
    ),
]


def garbage_bodies(form: Form, m) -> list[tuple[str, object, str | None]]:
    """(what, body, content type) for each piece of garbage: one bad or missing field in a valid body, or a
    body with no form fields at all."""
    valid = form.valid(m)
    bodies = []
    for name, values in form.garbage.items():
        values = values(m) if callable(values) else values
        for value in values:
            bodies.append((f"{name}={value!r:.40}", {**valid, name: value}, None))
        if "" in values:  # a field that may not be empty may not be left out either
            bodies.append((f"{name} missing", {k: v for k, v in valid.items() if k != name}, None))
    bodies += [(f"extra body {i}", extra(m), None) for i, extra in enumerate(form.extra)]
    if not form.empty_is_valid:
        # Wrong types: nothing at all, and JSON (lists, objects) where a form is expected.
        bodies.append(("empty body", {}, None))
        bodies.append(("JSON body", json.dumps({k: [v, {"x": 1}] for k, v in valid.items()}), "application/json"))
    return bodies


def refused_plainly(response) -> bool:
    """A clear 4xx, or the form (or the day) again with its errors."""
    if response.status_code in (400, 404, 422):
        return True
    return response.status_code == 200 and any(mark in body_of(response) for mark in ERROR_MARKS)


@pytest.mark.parametrize("form", FORMS, ids=str)
def test_garbage_in_any_field_is_refused_plainly_and_changes_nothing(client_logged_in, mine, form):
    url = form.url(mine)
    unchanged = Unchanged()
    failures = []
    for i, (what, body, content_type) in enumerate(garbage_bodies(form, mine)):
        no_fields = bool(content_type) or body == {}
        # Each bad field goes once, plain and htmx in turn; bodies with no form fields at all go both ways.
        for htmx in (False, True) if no_fields else (bool(i % 2),):
            kwargs = {"content_type": content_type} if content_type else {}
            response = client_logged_in.post(url, body, headers=HX if htmx else {}, **kwargs)
            # A post with no form fields is still a post: the form again, with its errors.
            if response.status_code >= 500 or not refused_plainly(response):
                failures.append(f"{form}: {what} htmx={htmx}: {response.status_code}")
            try:
                unchanged.check()
            except AssertionError as error:
                failures.append(f"{form}: {what} htmx={htmx}: {error}")
                unchanged = Unchanged()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("form", FORMS, ids=str)
def test_the_valid_body_of_each_form_is_accepted_so_the_garbage_is_what_is_refused(client_logged_in, mine, form):
    unchanged = Unchanged()
    response = client_logged_in.post(form.url(mine), form.valid(mine))
    assert response.status_code in (200, 302) and not refused_plainly(response), response.status_code
    if form.name != "fill a day":  # the generator may find nothing to add; it answers with its result page
        with pytest.raises(AssertionError):
            unchanged.check()


# Garbage in the address and the query string of the person's own pages.


def _entry_urls(m, entry_id):
    plan = m["plan"].pk
    return [
        (
            "post",
            reverse(f"plans:entry_{name}", args=[plan, entry_id]),
            {"day": "0", "quantity": "2", "status": "eaten", "meal": "lunch"},
        )
        for name in ("amount", "status", "move", "remove")
    ] + [
        ("get", reverse("plans:entry_edit", args=[plan, entry_id]), {"day": "abc"}),
        ("post", reverse("generator:pin", args=[plan, entry_id]), {}),
    ]


@pytest.mark.parametrize("entry_id", [0, 987654321, 2**63, 10**30])
def test_an_entry_id_that_does_not_exist_gives_the_day_as_it_is_or_404_and_changes_nothing(
    client_logged_in, mine, entry_id
):
    unchanged = Unchanged()
    for method, url, body in _entry_urls(mine, entry_id):
        for htmx in (False, True):
            response = getattr(client_logged_in, method)(url, body, headers=HX if htmx else {})
            assert response.status_code in (200, 302, 404), f"{method} {url} htmx={htmx}: {response.status_code}"
    unchanged.check()


@pytest.mark.parametrize("day", [7, 99, 2**63, 10**30])
def test_copying_a_day_that_is_not_in_the_week_is_a_404(client_logged_in, mine, day):
    unchanged = Unchanged()
    url = reverse("plans:day_copy", args=[mine["plan"].pk, day])
    assert client_logged_in.get(url).status_code == 404
    assert client_logged_in.post(url, {"to_days": ["1"], "confirm": "1"}, headers=HX).status_code == 404
    unchanged.check()


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("cabinet_edit", {"supplement_id": 987654321}),
        ("cabinet_delete", {"supplement_id": 10**30}),
        ("medicine_remove", {"medicine_id": 987654321}),
        ("medicine_remove", {"medicine_id": 0}),
    ],
)
def test_an_unknown_product_or_medicine_is_a_404(client_logged_in, mine, name, kwargs):
    unchanged = Unchanged()
    url = reverse(name, kwargs=kwargs)
    assert client_logged_in.post(url, {"name": "x"}).status_code == 404
    unchanged.check()


QUERY_GARBAGE = [
    {"day": "-1"},
    {"day": "99"},
    {"day": "abc"},
    {"day": HUGE},
    {"day": ["1", "x"]},
    {"q": "x" * 5000, "meal": "brunch"},
    {"q": "\x00%' OR 1=1 --"},
    {"date": "2026-02-31"},
    {"date": "99999-01-01"},
    {"date": "1999-12-31"},
    {"weeks": "abc"},
    {"weeks": HUGE},
    {"weeks": "-4"},
]


@pytest.mark.parametrize(
    "address",
    [
        lambda m: reverse("plans:detail", args=[m["plan"].pk]),
        lambda m: reverse("plans:food_search", args=[m["plan"].pk]),
        lambda m: reverse("generator:suggest", args=[m["plan"].pk]),
        lambda m: reverse("plans:entry_edit", args=[m["plan"].pk, m["food_entry"].pk]),
        lambda m: reverse("plans:day_copy", args=[m["plan"].pk, 0]),
        lambda m: reverse("plans:list"),
        lambda m: reverse("cabinet"),
        lambda m: reverse("profile"),
        lambda m: reverse("diary:home"),
        lambda m: reverse("diary:insights"),
        lambda m: reverse("diary:export", args=["csv"]),
    ],
    ids=[
        "plan",
        "food search",
        "suggest",
        "entry edit",
        "copy day",
        "plans",
        "cabinet",
        "profile",
        "diary",
        "insights",
        "diary export",
    ],
)
def test_garbage_in_the_query_string_of_ones_own_pages_still_shows_the_page(client_logged_in, mine, address):
    unchanged = Unchanged()
    url = address(mine)
    for query in QUERY_GARBAGE:
        for htmx in (False, True):
            response = client_logged_in.get(url, query, headers=HX if htmx else {})
            assert response.status_code == 200, f"GET {url} {query!r:.60} htmx={htmx}: {response.status_code}"
    unchanged.check()


# Any text at all as an entry's amount: either refused with nothing changed, or stored exactly as typed.


def _amount(raw) -> Decimal | None:
    """The number a person meant, if any (the last of repeated values is the one a form reads)."""
    if isinstance(raw, list):
        raw = raw[-1] if raw else ""
    try:
        value = Decimal(raw.strip())
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


AMOUNTS = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.integers(min_value=-(10**35), max_value=10**35).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(repr),
    st.lists(st.text(alphabet="0123456789.-e ", max_size=6), min_size=1, max_size=3),
    st.sampled_from(["1e309", "NaN", "-0", "0.001", "0.01", "38.75", "39", " 2 ", "1_0", "1.500"]),
)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=AMOUNTS, htmx=st.booleans())
def test_any_amount_is_either_refused_without_a_change_or_stored_exactly(client_logged_in, mine, raw, htmx):
    entry = PlanEntry.objects.get(pk=mine["food_entry"].pk)
    before = entry.quantity
    unchanged = Unchanged()
    url = reverse("plans:entry_amount", args=[mine["plan"].pk, entry.pk])
    response = client_logged_in.post(
        url, {"quantity": raw, "portion": mine["cup"].pk, "day": "0"}, headers=HX if htmx else {}
    )
    assert response.status_code < 500
    entry.refresh_from_db()
    meant = _amount(raw)
    possible = meant is not None and Decimal("0.01") <= meant and meant * 129 <= MAX_FOOD_GRAMS
    if not possible:
        assert refused_plainly(response)
        unchanged.check()
    elif -meant.as_tuple().exponent <= 2:  # an amount in range with at most two decimals: stored as typed
        assert entry.quantity == meant, (raw, entry.quantity)
    elif entry.quantity != before:  # more decimals than the form keeps: refused, or stored as typed
        assert entry.quantity == meant


def test_the_profile_is_not_touched_by_a_refused_profile_form(client_logged_in, mine, user):
    """The summary beside a refused form shows what is stored, not what was typed."""
    response = client_logged_in.post(
        reverse("profile"), {"name": "Zed", "age_years": "131", "sex": "female", "diet": "none"}
    )
    assert response.status_code == 200 and refused_plainly(response)
    assert Profile.objects.get(user=user).name == "Alice"
