"""Random sequences of plan-page actions (the generator's pin and lock buttons included), sent over HTTP with
valid and invalid values, with and without htmx: the stored plan always equals a simple model (valid actions
applied, invalid ones change nothing) and no request ever ends in a 500."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from foods.models import Portion
from mealplanner.models import PlanEntry
from tests.mealplanner.plan_factories import (
    add_food,
    add_supplement,
    cheese,
    citrate,
    make_plan,
    make_profile,
    pumpkin_seeds,
)

MEALS = ["breakfast", "lunch", "dinner", "snack"]
STATUSES = ["planned", "eaten", "skipped"]
MAX_GRAMS, MAX_UNITS = 5000, 20  # mealplanner.services.plans
# Mostly sensible values (so entries pile up and later actions have something to act on), some refused ones.
QUANTITIES = [
    "1",
    "2",
    "2.5",
    "0.5",
    "0.01",
    "3",
    "38",
    "39",
    "4999",
    "20",
    " 3 ",
    "5001",
    "20.01",
    "99999",
    "0",
    "-1",
    "abc",
    "",
    "2.555",
]
TIMES = ["", "08:30", "21:00", "25:99", "noon"]


@dataclass
class World:
    client: Client
    plan: object
    food: object  # with a portion (1 cup = 129 g)
    other_food: object
    portion: object  # world.food's
    other_portion: object  # other_food's (1 slice = 28 g)
    supplement: object


@pytest.fixture
def world(db, user):
    profile = make_profile(user)
    seeds, cheddar = pumpkin_seeds(), cheese()
    other = Portion.objects.create(food=cheddar, seq=1, label="1 slice", grams=28)
    client = Client()
    client.force_login(user)
    return World(
        client=client,
        plan=make_plan(profile, user),
        food=seeds,
        other_food=cheddar,
        portion=seeds.portions.get(),
        other_portion=other,
        supplement=citrate(profile),
    )


def _row(entry: PlanEntry) -> tuple:
    return (
        entry.day,
        entry.meal,
        entry.food_id or -1,
        entry.portion_id or -1,
        Decimal(entry.quantity).quantize(Decimal("0.01")),
        entry.supplement_id or -1,
        entry.time_taken.strftime("%H:%M") if entry.time_taken else "",
        entry.status,
        entry.pinned,
    )


def _stored(plan) -> dict[int, tuple]:
    return {e.pk: _row(e) for e in PlanEntry.objects.filter(plan=plan)}


def _quantity(raw: str, *, limit: float, grams_each: float = 1.0) -> Decimal | None:
    """The amount a form accepts, or None when it refuses it."""
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        return None
    if not value.is_finite() or value < Decimal("0.01") or -value.as_tuple().exponent > 2:
        return None
    if float(value) * grams_each > limit:
        return None
    return value.quantize(Decimal("0.01"))


def _portion(world, food, choice: str):
    """(posted value, the Portion meant or None for grams, valid for this food?)."""
    if choice in ("grams", "blank"):
        return ("g" if choice == "grams" else ""), None, True
    if choice == "junk":
        return "a cup", None, False
    portion = world.portion if choice == "cup" else world.other_portion
    return str(portion.pk), portion, portion.food_id == food.pk


days = st.sampled_from(["0", "1", "2", "3", "4", "5", "6", "0", "3", "7", "-1", "x"])
meals = st.sampled_from(MEALS * 2 + ["brunch", ""])
quantities = st.sampled_from(QUANTITIES)
portions = st.sampled_from(["grams", "cup", "cup", "blank", "slice", "junk"])
targets = st.integers(min_value=0, max_value=20)  # which entry: an index into live, removed or made-up ids

add_food_actions = st.tuples(st.just("add_food"), days, meals, quantities, portions, st.booleans())
actions = st.one_of(
    add_food_actions,
    add_food_actions,
    st.tuples(st.just("add_supplement"), days, meals, quantities, st.sampled_from(TIMES)),
    st.tuples(st.just("amount"), targets, quantities, portions, st.sampled_from(TIMES)),
    st.tuples(st.just("status"), targets, st.sampled_from(STATUSES + ["bogus"])),
    st.tuples(st.just("move"), targets, days, meals),
    st.tuples(st.just("remove"), targets),
    st.tuples(st.just("pin"), targets),
    st.tuples(st.just("lock"), days, meals),
    st.tuples(
        st.just("copy"),
        st.integers(0, 7),
        st.lists(st.sampled_from(["0", "1", "2", "5", "6", "9"]), max_size=3, unique=True),
        st.booleans(),
    ),
)


def _day(raw: str) -> int | None:
    return int(raw) if raw.lstrip("-").isdigit() and 0 <= int(raw) <= 6 else None


def _pick(model: dict, removed: list, index: int) -> int:
    live = sorted(model)
    if live and index < 16:  # mostly a live entry
        return live[index % len(live)]
    if removed and index % 2:
        return removed[index % len(removed)]
    return 10**9  # an id that never existed


def _apply(world, model: dict, removed: list, action) -> tuple[str, dict, dict, list]:
    """The request for one action: (url, data, expected stored entries afterwards, expected new rows)."""
    kind, *args = action
    plan = world.plan
    expected = dict(model)
    new_rows = []
    if kind == "lock":  # the locks live on the plan, not its entries: checked by the test itself
        day, meal = args
        return reverse("generator:lock", args=[plan.pk]), {"day": day, "meal": meal}, expected, new_rows
    if kind == "add_food":
        day, meal, raw, choice, plain = args
        food = world.other_food if plain else world.food
        posted, portion, ok = _portion(world, food, choice)
        qty = _quantity(raw, limit=MAX_GRAMS, grams_each=portion.grams if portion else 1)
        data = {"day": day, "meal": meal, "food": food.pk, "quantity": raw, "portion": posted}
        if ok and qty is not None and _day(day) is not None and meal in MEALS:
            new_rows.append((_day(day), meal, food.pk, portion.pk if portion else -1, qty, -1, "", "planned", False))
        return reverse("plans:entry_add_food", args=[plan.pk]), data, expected, new_rows
    if kind == "add_supplement":
        day, meal, raw, time = args
        qty = _quantity(raw, limit=MAX_UNITS)
        data = {"day": day, "meal": meal, "supplement": world.supplement.pk, "quantity": raw, "time_taken": time}
        if qty is not None and _day(day) is not None and meal in MEALS and time in ("", "08:30", "21:00"):
            new_rows.append((_day(day), meal, -1, -1, qty, world.supplement.pk, time, "planned", False))
        return reverse("plans:entry_add_supplement", args=[plan.pk]), data, expected, new_rows
    if kind == "copy":
        from_day, to_days, confirm = args
        url = reverse("plans:day_copy", args=[plan.pk, from_day])
        data = {"to_days": to_days, **({"confirm": "1"} if confirm else {})}
        chosen = {int(d) for d in to_days}
        if from_day <= 6 and chosen and chosen <= set(range(7)) - {from_day}:
            busy = any(row[0] in chosen for row in model.values())
            if confirm or not busy:
                expected = {pk: row for pk, row in model.items() if row[0] not in chosen}
                source = [row for row in model.values() if row[0] == from_day]
                new_rows = [(d, *row[1:7], "planned", row[8]) for d in sorted(chosen) for row in source]
        return url, data, expected, new_rows
    pk = _pick(model, removed, args[0])
    row = model.get(pk)
    if kind == "amount":
        _, raw, choice, time = args
        url = reverse("plans:entry_amount", args=[plan.pk, pk])
        data = {"quantity": raw, "time_taken": time, "day": row[0] if row else 0}
        if row is None:
            return url, data, expected, new_rows
        if row[5] != -1:  # a supplement: units and time; any portion posted is ignored
            data["portion"] = _portion(world, world.food, choice)[0]
            qty = _quantity(raw, limit=MAX_UNITS)
            if qty is not None and time in ("", "08:30", "21:00"):
                expected[pk] = (*row[:4], qty, row[5], time, *row[7:])
        else:
            food = world.food if row[2] == world.food.pk else world.other_food
            posted, portion, ok = _portion(world, food, choice)
            data["portion"] = posted
            qty = _quantity(raw, limit=MAX_GRAMS, grams_each=portion.grams if portion else 1)
            if ok and qty is not None and time in ("", "08:30", "21:00"):
                expected[pk] = (*row[:3], portion.pk if portion else -1, qty, *row[5:])
        return url, data, expected, new_rows
    if kind == "status":
        status = args[1]
        url = reverse("plans:entry_status", args=[plan.pk, pk])
        if row and status in STATUSES:
            expected[pk] = (*row[:7], status, *row[8:])
        return url, {"status": status}, expected, new_rows
    if kind == "pin":  # the pin button: a plain post (also with htmx), answered with a redirect to the plan
        url = reverse("generator:pin", args=[plan.pk, pk])
        if row:
            expected[pk] = (*row[:8], not row[8])
        return url, {"day": row[0] if row else 0}, expected, new_rows
    if kind == "move":
        _, day, meal = args
        url = reverse("plans:entry_move", args=[plan.pk, pk])
        if row and _day(day) is not None and meal in MEALS:
            expected[pk] = (_day(day), meal, *row[2:])
        return url, {"day": day, "meal": meal}, expected, new_rows
    url = reverse("plans:entry_remove", args=[plan.pk, pk])
    if row:
        del expected[pk]
    return url, {"day": row[0] if row else 0}, expected, new_rows


@pytest.mark.django_db
@settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(steps=st.lists(st.tuples(actions, st.booleans()), min_size=3, max_size=12))
def test_the_stored_plan_always_matches_the_model(world, steps):
    # Every example starts from the same small day of food and a supplement, so the first actions already
    # have entries to change, move, copy and remove.
    PlanEntry.objects.filter(plan=world.plan).delete()
    add_food(world.plan, world.food, day=0, meal="breakfast", quantity=1)
    add_food(world.plan, world.other_food, day=0, meal="lunch", portion=None, quantity=40)
    add_supplement(world.plan, world.supplement, day=2, meal="snack")
    world.plan.locked_meals = []
    world.plan.save(update_fields=["locked_meals"])
    model: dict[int, tuple] = _stored(world.plan)
    locked: set[str] = set()
    removed: list[int] = []
    for action, htmx in steps:
        url, data, expected, new_rows = _apply(world, model, removed, action)
        headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        response = world.client.post(url, data, **headers)
        gone_day = action[0] == "copy" and action[1] == 7
        bad_lock = action[0] == "lock" and (_day(action[1]) is None or action[2] not in MEALS)
        locked_before = set(locked)
        if action[0] == "lock" and not bad_lock:
            locked ^= {f"{_day(action[1])}:{action[2]}"}
        allowed = (404,) if gone_day else (400,) if bad_lock else (200, 302, 422)
        assert response.status_code in allowed, (action, htmx, response.status_code)
        world.plan.refresh_from_db()
        assert set(world.plan.locked_meals) == locked, (action, htmx)
        if response.status_code == 302:
            assert response.url.startswith(reverse("plans:detail", args=[world.plan.pk]))
        stored = _stored(world.plan)
        created = {pk: row for pk, row in stored.items() if pk not in model}
        assert sorted(created.values()) == sorted(new_rows), (action, htmx)
        assert {pk: row for pk, row in stored.items() if pk in model} == expected, (action, htmx)
        changed = stored != model or locked != locked_before
        event(f"{action[0]} {'changed the plan' if changed else 'changed nothing'}")
        removed += [pk for pk in model if pk not in stored]
        model = stored
