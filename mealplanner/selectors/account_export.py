""" "Download my data", streamed: the same JSON document as before, written a piece at a time.

A person with years of plans has tens of thousands of entries. Plans, entries and diary rows are read with
`.iterator(chunk_size=...)` and written out one plan (with its entries) or one diary row at a time, so the
server holds one chunk of rows, never the whole history. Plans and their entries are read in the same
order (first day, then id) and joined as they stream, in a fixed number of queries.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

from mealplanner.entry_amounts import entry_grams, entry_portion_label

# Everything a person's own account holds, as plain JSON-ready values.
PROFILE_FIELDS = (
    "name",
    "birth_date",
    "age_years",
    "sex",
    "weight_kg",
    "pregnant",
    "due_date",
    "lactating",
    "baby_birth_date",
    "kidney_disease",
    "bleeding_disorder",
    "restless_legs",
    "caffeine_free",
    "diet",
    "allergies",
    "energy_goal_kcal",
    "custom_target_mg",
    "custom_target_reason",
    "custom_energy_reason",
    "potassium_cap_mg",
    "phosphorus_cap_mg",
    "sodium_cap_mg",
    "rls_habits",
    "created",
)  # dietitian_notes are left out: the model keeps them private to the dietitian.
MEDICINE_FIELDS = ("name", "medicine_class", "time_taken")
SUPPLEMENT_FIELDS = ("name", "kind", "form", "elemental_mg_per_unit", "compound_mg_per_unit", "prescribed")
PLAN_FIELDS = (
    "name",
    "start_date",
    "is_template",
    "shared_with_client",
    "client_can_edit",
    "note",
    "locked_meals",
    "created",
    "updated",
)
ENTRY_FIELDS = ("day", "meal", "quantity", "time_taken", "status", "pinned", "generated", "created")
DIARY_FIELDS = (
    "date",
    "symptom_score",
    "sleep_disturbed",
    "hours_slept",
    "sleep_quality",
    "caffeine_mg",
    "exercise_minutes",
    "habits_kept",
    "notes",
)


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _pick(obj, fields) -> dict:
    return {field: _plain(getattr(obj, field)) for field in fields}


CHUNK_ROWS = 2000  # rows the database sends at a time


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _entry_row(entry) -> dict:
    row = _pick(entry, ENTRY_FIELDS)
    row["food"] = entry.food and {"name": entry.food.name, "ndb_number": entry.food.ndb_number}
    row["portion"] = entry_portion_label(entry) or None
    row["grams"] = entry_grams(entry) if entry.food_id else entry.grams  # a recipe's grams for its servings
    row["recipe"] = entry.recipe_name or None  # the dish as planned (issue 16); quantity is its servings
    row["supplement"] = entry.supplement and entry.supplement.name
    return row


def _items(key: str, rows: Iterator[str], *, last: bool = False) -> Iterator[str]:
    """`"key": [row, row, ...]` with one row a line, rows already JSON."""
    yield f'"{key}": [\n'
    for n, row in enumerate(rows):
        yield ("" if n == 0 else ",\n") + row
    yield "\n]" + ("" if last else ",\n")


def _plans(plans, entries) -> Iterator[str]:
    """Each plan with its entries: both querysets ordered by the plan's first day then id, merged as they come."""
    entries = iter(entries)
    pending = next(entries, None)
    for plan in plans:
        rows = []
        # Entries of plans the person cannot see are not in `entries`, so this never skips past another plan.
        while pending is not None and pending.plan_id == plan.pk:
            rows.append(_entry_row(pending))
            pending = next(entries, None)
        yield _json({**_pick(plan, PLAN_FIELDS), "entries": rows})


def account_data_chunks(user) -> Iterator[str]:
    """The person's account, profile, medicines, cabinet, plans (with entries) and diary, as JSON text pieces.

    Plans are the ones the person can see on their own profile (a dietitian's unshared drafts are not theirs
    yet); the dietitian's private notes are left out (see PROFILE_FIELDS).
    """
    from diary.models import DiaryEntry
    from mealplanner.access import own_profile, visible_plans
    from mealplanner.models import PlanEntry

    profile = own_profile(user)
    plans = visible_plans(user).filter(profile=profile).order_by("start_date", "id")
    entries = (
        PlanEntry.objects.filter(plan__in=plans)
        .select_related("food", "portion", "supplement")
        .order_by("plan__start_date", "plan_id", "day", "meal", "id")
    )
    diary = DiaryEntry.objects.filter(profile=profile).order_by("date")
    account = {
        "username": user.username,
        "email": user.email,
        "date_joined": _plain(user.date_joined),
        "is_dietitian": user.is_dietitian,
    }
    yield "{\n"
    yield f'"format": {_json("Magnesium Meal Planner account data, version 1")},\n'
    yield f'"account": {_json(account)},\n'
    # The foods and dishes the person won't eat (issue 17), by name: the ids mean nothing outside this app.
    wont_eat = {
        "foods": list(profile.disliked_foods.order_by("name").values_list("name", flat=True)),
        "dishes": list(profile.disliked_recipes.order_by("name").values_list("name", flat=True)),
    }
    yield f'"profile": {_json({**_pick(profile, PROFILE_FIELDS), "wont_eat": wont_eat})},\n'
    yield from _items("medicines", (_json(_pick(m, MEDICINE_FIELDS)) for m in profile.medicines.all()))
    yield from _items("cabinet", (_json(_pick(s, SUPPLEMENT_FIELDS)) for s in profile.supplements.all()))
    yield from _items("plans", _plans(plans.iterator(chunk_size=CHUNK_ROWS), entries.iterator(chunk_size=CHUNK_ROWS)))
    yield from _items(
        "diary", (_json(_pick(d, DIARY_FIELDS)) for d in diary.iterator(chunk_size=CHUNK_ROWS)), last=True
    )
    yield "\n}\n"


def in_pieces(chunks: Iterator[str], size: int = 64 * 1024) -> Iterator[bytes]:
    """The text pieces joined into UTF-8 blocks of about `size` bytes: one write to the network each."""
    buffer, length = [], 0
    for chunk in chunks:
        data = chunk.encode("utf-8")
        buffer.append(data)
        length += len(data)
        if length >= size:
            yield b"".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield b"".join(buffer)
