"""Time the plan page against a trivial page of the app, with Django's test client (in-process, no network).

    .venv/bin/python bench/plan_page.py [--runs N]
    BENCH_RLS=0 .venv/bin/python bench/plan_page.py   # a person without restless legs: no diary panel

Builds a throw-away test database, a packed week (7 days x 4 meals x 5 foods, plus a supplement a day) and
prints the median and 90th percentile of: the trivial logged-in page (/ping/), the full plan page (served
from the fragment cache once warm), the plan page right after one entry changed (that day, the summary and
the page are rendered again), and one htmx edit (changing an entry's amount between a few values, which
answers with that day and the week summary). Not a test: the numbers depend on the machine, so read them
side by side with the trivial page.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mealplanner.settings_test")


def measure(fn, runs: int) -> list[float]:
    fn()  # warm up: templates compiled, caches filled
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def packed_week(user):
    from django.utils import timezone

    from foods.models import Food, Portion
    from mealplanner.access import own_profile
    from mealplanner.models import Plan, PlanEntry, SupplementProduct

    profile = own_profile(user)
    profile.age_years, profile.sex, profile.restless_legs = Decimal(45), "female", os.environ.get("BENCH_RLS", "1") == "1"
    profile.save()
    foods = []
    for i in range(20):
        # Invented values in the range of SR28 foods; only the page's cost matters here.
        food = Food.objects.create(name=f"Bench food {i}", food_group="Bench", magnesium_mg=20 + 15 * i,
                                   energy_kcal=100 + 10 * i, caffeine_mg=5 if i % 7 == 0 else 0,
                                   potassium_mg=200, phosphorus_mg=150, sodium_mg=50, vegan=i % 2 == 0)
        Portion.objects.create(food=food, seq=1, label="1 cup", grams=100 + i)
        foods.append(food)
    supplement = SupplementProduct.objects.create(profile=profile, name="Citrate", form="citrate",
                                                  elemental_mg_per_unit=200)
    today = timezone.localdate()
    plan = Plan.objects.create(profile=profile, created_by=user, name="Packed",
                               start_date=today - datetime.timedelta(days=today.weekday()))
    entries = []
    for day in range(7):
        for m, meal in enumerate(("breakfast", "lunch", "dinner", "snack")):
            for k in range(5):
                food = foods[(day + m * 5 + k) % len(foods)]
                entries.append(PlanEntry(plan=plan, day=day, meal=meal, food=food, portion=food.portions.first(),
                                         quantity=Decimal(1)))
        entries.append(PlanEntry(plan=plan, day=day, meal="snack", supplement=supplement, quantity=Decimal(1)))
    PlanEntry.objects.bulk_create(entries)
    return plan


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        user = get_user_model().objects.create_user(username="bench", password="bench-password-123")
        plan = packed_week(user)
        entry = plan.entries.filter(food__isnull=False).first()
        client = Client()
        client.force_login(user)
        page_bytes = len(client.get(f"/plans/{plan.pk}/").content)
        amounts = iter(range(10**6))

        def edit():
            quantity = f"{1 + (next(amounts) % 1900 + 1) / 100:.2f}"  # a new amount: no cached day can answer
            response = client.post(f"/plans/{plan.pk}/entries/{entry.pk}/amount/",
                                   {"day": entry.day, "quantity": quantity, "portion": entry.portion_id},
                                   HTTP_HX_REQUEST="true")
            assert response.status_code == 200, response.status_code

        from mealplanner.models import PlanEntry

        def changed_then_page():
            # A new amount every time: that day, the summary and the page miss the cache (see plan_render).
            PlanEntry.objects.filter(pk=entry.pk).update(quantity=Decimal(1) + Decimal(next(amounts) % 9000) / 100)
            start = time.perf_counter()
            client.get(f"/plans/{plan.pk}/")
            return (time.perf_counter() - start) * 1000

        rows = [
            ("trivial page /ping/", measure(lambda: client.get("/ping/"), args.runs)),
            ("plan page, packed week", measure(lambda: client.get(f"/plans/{plan.pk}/"), args.runs)),
            ("plan page after a change", [changed_then_page() for _ in range(args.runs)]),
            ("htmx edit (amount)", measure(edit, args.runs)),
        ]
        base = statistics.median(rows[0][1])
        print(f"{'request':28} {'median ms':>10} {'p90 ms':>8} {'x trivial':>10}")
        for name, times in rows:
            median = statistics.median(times)
            p90 = statistics.quantiles(times, n=10)[-1]
            print(f"{name:28} {median:10.1f} {p90:8.1f} {median / base:10.1f}")
        print(f"\n{args.runs} runs each; plan page {page_bytes / 1024:.0f} KiB, {plan.entries.count()} entries.")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
