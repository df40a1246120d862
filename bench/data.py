"""The data the benchmark measures (bench/run.py): a packed week, a dietitian's 500-client roster and long
histories, made in the benchmark's process with production settings. Django is set up by prepare() before
the others run, so they import models when called.
"""

import os
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from server import RESULTS, ROOT, quietly, setup_django

SR28 = Path(os.environ.get("USDA_SR28_DIR", ROOT.parent / "shared" / "data" / "usda"))


USERNAME, PASSWORD = "bench", "bench-password-4-speed"
# The food each search must rank in its top three (NDB numbers, USDA SR28).
SEARCHES = {"spin": {"11457"}, "pumpkin seed": {"12014", "12016"}, "yog": {"01117"}}


def first_portions() -> list:
    """The first portion of each of 60 foods (by NDB number) whose magnesium and energy are known."""
    from foods.models import Portion

    return list(
        Portion.objects.filter(food__magnesium_mg__isnull=False, food__energy_kcal__isnull=False, seq=1)
        .select_related("food")
        .order_by("food__ndb_number")[:60]
    )


def packed_week(profile, name: str, supplement):
    """7 days × 4 meals × 5 foods, plus a supplement a day: the week the issue asks us to measure."""
    from mealplanner.models import Plan, PlanEntry

    monday = date.today() - timedelta(days=date.today().weekday())
    plan = Plan.objects.create(profile=profile, created_by=profile.user, name=name, start_date=monday)
    portions = first_portions()
    entries = []
    for day in range(7):
        for m, meal in enumerate(("breakfast", "lunch", "dinner", "snack")):
            for k in range(5):
                portion = portions[(day * 20 + m * 5 + k) % len(portions)]
                entries.append(
                    PlanEntry(
                        plan=plan,
                        day=day,
                        meal=meal,
                        food=portion.food,
                        portion=portion,
                        quantity=1,
                    )
                )
        entries.append(PlanEntry(plan=plan, day=day, meal="snack", supplement=supplement, quantity=1))
    PlanEntry.objects.bulk_create(entries)
    return plan


# Issue 19's sizes: a dietitian's roster, and one person's long history (and a short one to compare).
ROSTER_CLIENTS, HISTORY_PLANS, SHORT_HISTORY_PLANS = 500, 200, 10
DIETITIAN, HISTORY_USER, SHORT_HISTORY_USER = (
    "bench-dietitian",
    "bench-history",
    "bench-history-10",
)


def _week_entries(plan, portions, per_meal: int, offset: int, supplement=None) -> list:
    """`per_meal` foods in each meal of the week (one portion each, grams kept as the services keep them)."""
    from mealplanner.models import PlanEntry

    entries = []
    for day in range(7):
        for m, meal in enumerate(("breakfast", "lunch", "dinner", "snack")):
            for k in range(per_meal):
                portion = portions[(offset + day * 7 + m * 3 + k) % len(portions)]
                entries.append(
                    PlanEntry(
                        plan=plan,
                        day=day,
                        meal=meal,
                        food=portion.food,
                        portion=portion,
                        quantity=1,
                        grams=portion.grams,
                        portion_label=portion.label,
                    )
                )
        if supplement is not None:
            entries.append(PlanEntry(plan=plan, day=day, meal="snack", supplement=supplement, quantity=1))
    return entries


def _user(username, **extra):
    from mealplanner.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username, password=PASSWORD, **extra)
    return user


def roster(portions, monday) -> None:
    """500 clients, each with this week's plan (8 foods a day; a supplement a day for every third client, with
    kidney disease for some: dangers to rank first) and three earlier weeks: a history the page must not load."""
    from mealplanner.models import Plan, PlanEntry, Profile, SupplementProduct

    dietitian = _user(DIETITIAN, is_dietitian=True)
    clients = Profile.objects.filter(dietitian=dietitian)
    if (
        clients.count() == ROSTER_CLIENTS
        and Plan.objects.filter(profile__dietitian=dietitian, start_date=monday).count() == ROSTER_CLIENTS
    ):
        return  # built this week already
    clients.delete()
    profiles = Profile.objects.bulk_create(
        [
            Profile(
                dietitian=dietitian,
                name=f"Client {n:03d}",
                age_years=20 + n % 50,
                sex=("female", "male")[n % 2],
                kidney_disease=n % 17 == 0,
            )
            for n in range(ROSTER_CLIENTS)
        ]
    )
    products = {
        p.pk: p
        for p in SupplementProduct.objects.bulk_create(
            [
                SupplementProduct(
                    profile=p,
                    name="Magnesium citrate",
                    form="citrate",
                    elemental_mg_per_unit=Decimal(150),
                )
                for n, p in enumerate(profiles)
                if n % 3 == 0
            ]
        )
    }
    by_profile = {p.profile_id: p for p in products.values()}
    plans = Plan.objects.bulk_create(
        [
            Plan(
                profile=p,
                created_by=dietitian,
                name=f"Week of {monday - timedelta(weeks=w)}",
                start_date=monday - timedelta(weeks=w),
            )
            for p in profiles
            for w in (3, 2, 1, 0)
        ]
    )
    entries = []
    for n, plan in enumerate(plans):
        current = plan.start_date == monday
        entries += _week_entries(
            plan,
            portions,
            2 if current else 1,
            n,
            by_profile.get(plan.profile_id) if current else None,
        )
    PlanEntry.objects.bulk_create(entries, batch_size=5000)


def history(username, count, portions, monday) -> None:
    """A person with `count` weekly plans (4 foods a day), one a week back from this one."""
    from mealplanner.models import Plan, PlanEntry, Profile

    user = _user(username)
    profile, _ = Profile.objects.get_or_create(user=user, defaults={"name": username, "age_years": 40, "sex": "female"})
    if Plan.objects.filter(profile=profile, start_date=monday).exists() and profile.plans.count() == count:
        return
    Plan.objects.filter(profile=profile).delete()
    plans = Plan.objects.bulk_create(
        [
            Plan(
                profile=profile,
                created_by=user,
                name=f"Week {w + 1}",
                start_date=monday - timedelta(weeks=w),
            )
            for w in range(count)
        ]
    )
    PlanEntry.objects.bulk_create(
        [e for n, plan in enumerate(plans) for e in _week_entries(plan, portions, 1, n)],
        batch_size=5000,
    )


def setup_data() -> dict:
    """The bench user's packed weeks, the roster and the histories, and the search ranking check."""
    from foods.models import Food
    from foods.selectors import search_foods
    from mealplanner.models import Plan, Profile, SupplementProduct, User

    user = User.objects.filter(username=USERNAME).first()
    if user is None:
        user = User.objects.create_user(USERNAME, password=PASSWORD)
    profile, _ = Profile.objects.get_or_create(user=user, defaults={"name": "Bench", "age_years": 40, "sex": "female"})
    Plan.objects.filter(profile=profile).delete()
    SupplementProduct.objects.filter(profile=profile).delete()  # one product, however many runs came before
    supplement = SupplementProduct.objects.create(
        profile=profile,
        name="Magnesium citrate",
        form="citrate",
        elemental_mg_per_unit=Decimal(100),
    )
    # Two alike weeks: one only viewed, one whose entry the edits change (measured in turns, an edit
    # between two views would make every view one "right after a change").
    plan = packed_week(profile, "Packed week", supplement)
    edited = packed_week(profile, "Packed week, edited", supplement)
    entry = edited.entries.filter(food__isnull=False).order_by("pk").first()
    portions = first_portions()
    monday = date.today() - timedelta(days=date.today().weekday())
    roster(portions, monday)
    history(HISTORY_USER, HISTORY_PLANS, portions, monday)
    history(SHORT_HISTORY_USER, SHORT_HISTORY_PLANS, portions, monday)
    ranking = {}
    for query, wanted in SEARCHES.items():
        top3 = [r.food.ndb_number for r in search_foods(query, limit=3)]
        ranking[query] = {"top3": top3, "ok": bool(wanted & set(top3))}
    return {
        "username": USERNAME,
        "password": PASSWORD,
        "plan_id": plan.pk,
        "edited_plan_id": edited.pk,
        "entry_id": entry.pk,
        "entry_portion": entry.portion_id,
        "foods": Food.objects.count(),
        "ranking": ranking,
        "dietitian": DIETITIAN,
        "history_user": HISTORY_USER,
        "short_history_user": SHORT_HISTORY_USER,
    }


def prepare(env, fresh: bool, smoke: bool) -> dict:
    RESULTS.mkdir(parents=True, exist_ok=True)
    db = Path(env.get("DJANGO_SQLITE_PATH", ""))
    if fresh and not env.get("DATABASE_URL") and db.exists():
        db.unlink()
    setup_django(env)
    from django.db import connections

    from foods.models import Food

    quietly("migrate", interactive=False)
    quietly("collectstatic", interactive=False)
    figures = {}
    if smoke:
        quietly("load_foods")
    elif Food.objects.count() < 8000:
        start = time.perf_counter()
        quietly("import_foods", str(SR28))
        figures["import_foods (full SR28), s"] = time.perf_counter() - start
        quietly("load_foods")  # curated diet facts and meals for the fixture foods
    data = setup_data()
    data["figures"] = figures
    connections.close_all()  # gunicorn serves from here on
    return data
