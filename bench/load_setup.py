"""Creates the simulated people of the load test (each with an empty plan) and counts their entries after.

    python bench/load_setup.py create N   -> JSON: users, plan ids, foods to add
    python bench/load_setup.py count      -> JSON: entries per plan
"""

import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from foods.models import Portion  # noqa: E402
from mealplanner.models import Plan, PlanEntry, Profile, User  # noqa: E402

PREFIX, PASSWORD = "load", "load-password-4-speed"


def create(n: int) -> dict:
    monday = date.today() - timedelta(days=date.today().weekday())
    people = []
    for i in range(n):
        user = User.objects.filter(username=f"{PREFIX}{i}").first() or User.objects.create_user(f"{PREFIX}{i}", password=PASSWORD)
        profile, _ = Profile.objects.get_or_create(user=user, defaults={"name": f"Load {i}", "age_years": 40, "sex": "female"})
        Plan.objects.filter(profile=profile).delete()
        plan = Plan.objects.create(profile=profile, created_by=user, name="Load week", start_date=monday)
        people.append({"username": user.username, "password": PASSWORD, "plan_id": plan.pk})
    portions = Portion.objects.filter(seq=1, food__magnesium_mg__isnull=False).order_by("food__ndb_number")[:30]
    foods = [{"food": p.food_id, "portion": p.pk} for p in portions]
    return {"people": people, "foods": foods}


def count() -> dict:
    plans = Plan.objects.filter(profile__user__username__startswith=PREFIX)
    return {str(p.pk): PlanEntry.objects.filter(plan=p).count() for p in plans}


if __name__ == "__main__":
    print(json.dumps(create(int(sys.argv[2])) if sys.argv[1] == "create" else count()))
