"""The load test: 50 simulated people (locust, headless) against gunicorn with production settings on
127.0.0.1 for 60 s. They log in, open their plan, search and add foods. Afterwards every add the server
confirmed must be in the database (no lost entry) and no request may have failed.

    .venv/bin/python bench/locustfile.py [--users 50] [--seconds 60] [--workers 3] [--wait 1]

Run so, this file prepares the people (each with an empty plan), starts gunicorn (bench/server.py's), and
runs locust on this same file: locust imports it as a module, and only then are the simulated people
defined (importing locust patches the standard library for gevent, which the runner does not want).

SQLite by default (WAL, busy timeout, immediate transactions); PostgreSQL when DATABASE_URL is set.
Prints locust's table (median and 95th percentile per request type) and the verdict; exit 1 on failure.
"""

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import PYTHON, RESULTS, ROOT, Gunicorn, production_env, quietly, setup_django

PREFIX, PASSWORD = "load", "load-password-4-speed"
QUERIES = [
    "spin",
    "pumpkin seed",
    "yog",
    "almond",
    "bean",
    "banana",
    "oat",
    "rice",
    "salmon",
    "milk",
]
MEALS = ["breakfast", "lunch", "dinner", "snack"]


# The runner (python bench/locustfile.py).


def create_people(n: int) -> dict:
    """`n` people, each with an empty plan this week, and the foods they will add."""
    from foods.models import Portion
    from mealplanner.models import Plan, Profile, User

    monday = date.today() - timedelta(days=date.today().weekday())
    people = []
    for i in range(n):
        username = f"{PREFIX}{i}"
        user = User.objects.filter(username=username).first() or User.objects.create_user(username, password=PASSWORD)
        profile, _ = Profile.objects.get_or_create(
            user=user, defaults={"name": f"Load {i}", "age_years": 40, "sex": "female"}
        )
        Plan.objects.filter(profile=profile).delete()
        plan = Plan.objects.create(profile=profile, created_by=user, name="Load week", start_date=monday)
        people.append({"username": username, "password": PASSWORD, "plan_id": plan.pk})
    portions = Portion.objects.filter(seq=1, food__magnesium_mg__isnull=False).order_by("food__ndb_number")[:30]
    return {
        "people": people,
        "foods": [{"food": p.food_id, "portion": p.pk} for p in portions],
    }


def entries_per_plan() -> dict[str, int]:
    from django.db.models import Count

    from mealplanner.models import Plan

    plans = Plan.objects.filter(profile__user__username__startswith=PREFIX).annotate(stored=Count("entries"))
    return {str(plan.pk): plan.stored for plan in plans}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--wait",
        type=float,
        default=1.0,
        help="mean think time per person, seconds (0 = flat out)",
    )
    args = parser.parse_args()
    env = production_env()
    RESULTS.mkdir(parents=True, exist_ok=True)
    setup_django(env)
    from django.db import connections

    quietly("migrate", interactive=False)
    quietly("collectstatic", interactive=False)
    quietly("load_foods")
    setup = create_people(args.users)
    connections.close_all()  # gunicorn serves from here on
    confirmed_file = RESULTS / "load-confirmed.json"
    stats_prefix = RESULTS / "load"
    with Gunicorn(env, workers=args.workers) as server:
        locust = str(Path(PYTHON).parent / "locust")
        # fmt: off
        subprocess.run([
            locust, "-f", __file__, "--headless", "--users", str(args.users),
            "--spawn-rate", str(max(1, args.users // 5)), "--run-time", f"{args.seconds}s",
            "--host", f"http://127.0.0.1:{server.port}", "--csv", str(stats_prefix), "--only-summary",
            "--loglevel", "WARNING",
        ], cwd=ROOT, check=False, env={
            **env, "LOAD_SETUP": json.dumps(setup), "LOAD_CONFIRMED": str(confirmed_file), "LOAD_WAIT": str(args.wait),
        })
        # fmt: on
    stored = entries_per_plan()
    confirmed = json.loads(confirmed_file.read_text())
    # Lost: the server confirmed an add that is not stored. More stored than confirmed is an add that was in
    # flight when locust stopped its simulated people (stored, but its answer never read): not a loss.
    lost = {plan: (n, stored.get(plan, 0)) for plan, n in confirmed.items() if stored.get(plan, 0) < n}
    in_flight = sum(max(0, stored.get(plan, 0) - n) for plan, n in confirmed.items())
    with open(f"{stats_prefix}_stats.csv") as fh:
        rows = list(csv.DictReader(fh))
    backend = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
    print(
        f"\nLoad: {args.users} people for {args.seconds} s, think time {args.wait:g} s, "
        f"gunicorn {args.workers} sync workers, {backend}\n"
    )
    print(f"| {'request':<22} | requests | failures | median ms | p95 ms | req/s |")
    print(f"|{'-' * 24}|---------:|---------:|----------:|-------:|------:|")
    for row in rows:
        print(
            f"| {row['Name']:<22} | {row['Request Count']:>8} | {row['Failure Count']:>8} | "
            f"{float(row['Median Response Time']):9.0f} | {float(row['95%']):6.0f} | {float(row['Requests/s']):5.1f} |"
        )
    failures = int(next(r for r in rows if r["Name"] == "Aggregated")["Failure Count"])
    print(
        f"\nadds confirmed: {sum(confirmed.values())}, entries stored: {sum(stored.get(p, 0) for p in confirmed)}, "
        f"lost: {sum(n - m for n, m in lost.values())}, in flight at stop: {in_flight}; failed requests: {failures}"
    )
    return 1 if failures or lost else 0


if __name__ == "__main__":
    sys.exit(main())


# The simulated people (locust imports this file). Each records how many of its adds the server confirmed;
# the runner compares that with the entries stored, so a lost write shows up as a mismatch.

from locust import HttpUser, between, events, task  # noqa: E402 - only locust needs it, not the runner above

SETUP = json.loads(os.environ["LOAD_SETUP"])
CONFIRMED: dict[str, int] = {}
_next_person = iter(SETUP["people"])
WAIT = float(os.environ.get("LOAD_WAIT", "1"))  # mean think time in seconds; 0 = as fast as possible


class Person(HttpUser):
    wait_time = between(WAIT * 0.5, WAIT * 1.5)

    def on_start(self) -> None:
        self.person = next(_next_person)
        self.plan = f"/plans/{self.person['plan_id']}/"
        CONFIRMED.setdefault(str(self.person["plan_id"]), 0)
        page = self.client.get("/accounts/login/", name="login page")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        self.client.post(
            "/accounts/login/",
            name="log in",
            allow_redirects=False,
            data={
                "username": self.person["username"],
                "password": self.person["password"],
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
        )

    def _headers(self) -> dict[str, str]:
        return {
            "X-CSRFToken": self.client.cookies.get("csrftoken", ""),
            "HX-Request": "true",
            "Referer": f"{self.host}{self.plan}",
        }

    @task(3)
    def open_plan(self) -> None:
        self.client.get(self.plan, name="plan page")

    @task(3)
    def search(self) -> None:
        self.client.get(
            f"{self.plan}add/",
            params={"q": random.choice(QUERIES), "day": 0, "meal": "lunch"},
            headers={"HX-Request": "true"},
            name="food search (htmx)",
        )

    @task(2)
    def add_food(self) -> None:
        food = random.choice(SETUP["foods"])
        data = {"day": random.randrange(7), "meal": random.choice(MEALS), "food": food["food"],
                "portion": food["portion"], "quantity": "1"}  # fmt: skip
        with self.client.post(
            f"{self.plan}entries/food/",
            name="add food (htmx)",
            catch_response=True,
            headers=self._headers(),
            data=data,
        ) as response:
            if response.status_code == 200 and "Added " in response.text:
                CONFIRMED[str(self.person["plan_id"])] += 1
                response.success()
            else:
                response.failure(f"add not confirmed: HTTP {response.status_code}")


@events.test_stop.add_listener
def _write_confirmed(environment, **kwargs) -> None:
    with open(os.environ["LOAD_CONFIRMED"], "w") as fh:
        json.dump(CONFIRMED, fh)
