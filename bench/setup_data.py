"""Prepares the benchmark database: the bench user, a packed week, and the search ranking check.

Run by bench/run.py with the production environment; prints one JSON line for the runner."""

import json
import os
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mealplanner.settings")

import django  # noqa: E402

django.setup()

from foods.models import Food, Portion  # noqa: E402
from foods.selectors import search_foods  # noqa: E402
from mealplanner.models import Plan, PlanEntry, Profile, SupplementProduct, User  # noqa: E402

USERNAME, PASSWORD = "bench", "bench-password-4-speed"
# The food each search must rank in its top three (NDB numbers, USDA SR28).
SEARCHES = {"spin": {"11457"}, "pumpkin seed": {"12014", "12016"}, "yog": {"01117"}}


def packed_week(profile, name: str, supplement) -> Plan:
    """7 days × 4 meals × 5 foods, plus a supplement a day: the week the issue asks us to measure."""
    monday = date.today() - timedelta(days=date.today().weekday())
    plan = Plan.objects.create(profile=profile, created_by=profile.user, name=name, start_date=monday)
    portions = list(Portion.objects.filter(food__magnesium_mg__isnull=False, food__energy_kcal__isnull=False,
                                           seq=1).select_related("food").order_by("food__ndb_number")[:60])
    entries = []
    for day in range(7):
        for m, meal in enumerate(("breakfast", "lunch", "dinner", "snack")):
            for k in range(5):
                portion = portions[(day * 20 + m * 5 + k) % len(portions)]
                entries.append(PlanEntry(plan=plan, day=day, meal=meal, food=portion.food, portion=portion, quantity=1))
        entries.append(PlanEntry(plan=plan, day=day, meal="snack", supplement=supplement, quantity=1))
    PlanEntry.objects.bulk_create(entries)
    return plan


def main():
    user = User.objects.filter(username=USERNAME).first()
    if user is None:
        user = User.objects.create_user(USERNAME, password=PASSWORD)
    profile, _ = Profile.objects.get_or_create(user=user, defaults={"name": "Bench", "age_years": 40, "sex": "female"})
    Plan.objects.filter(profile=profile).delete()
    SupplementProduct.objects.filter(profile=profile).delete()  # one product, however many runs came before
    supplement = SupplementProduct.objects.create(profile=profile, name="Magnesium citrate", form="citrate",
                                                  elemental_mg_per_unit=Decimal("100"))
    # Two alike weeks: one only viewed, one whose entry the edits change (measured in turns, an edit
    # between two views would make every view one "right after a change").
    plan = packed_week(profile, "Packed week", supplement)
    edited = packed_week(profile, "Packed week, edited", supplement)
    entry = edited.entries.filter(food__isnull=False).order_by("pk").first()
    ranking = {}
    for query, wanted in SEARCHES.items():
        top3 = [r.food.ndb_number for r in search_foods(query, limit=3)]
        ranking[query] = {"top3": top3, "ok": bool(wanted & set(top3))}
    print(json.dumps({
        "username": USERNAME, "password": PASSWORD, "plan_id": plan.pk, "edited_plan_id": edited.pk, "entry_id": entry.pk,
        "entry_portion": entry.portion_id, "foods": Food.objects.count(), "ranking": ranking,
    }))


if __name__ == "__main__":
    main()
