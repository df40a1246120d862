"""The benchmark: every figure side by side with a trivial logged-in page of the same app, served by
gunicorn with production settings on 127.0.0.1, warm, as medians of many requests.

    .venv/bin/python bench/run.py [--requests N] [--fresh] [--smoke] [--port 8150]

One file holds it all, in the order it runs: the server and a small HTTP client (also used by the load test,
bench/locustfile.py), the data it measures (a packed week, a dietitian's roster, long histories, made in
this process with production settings), the requests it measures, and the table it prints.

The requests measured are the list `measured_requests` builds: (what, how to make the request, goal as a
multiple of /ping/ or None); add to it to measure more. They are taken in turns, in blocks
(timed_in_turns), so the ratios hold when the machine gets busier or quieter during the run. Each
edit sets an amount never set before, on a week of its own, so the viewed week stays as it is. Nothing is
cached between requests: every page and search is worked out and rendered anew.

SQLite by default (bench/results/bench.sqlite3); PostgreSQL when DATABASE_URL is set. The full USDA SR28
release is imported first (timed), unless the database already holds it. --smoke: few requests, the
curated fixture instead of SR28, and a non-zero exit only on errors (for CI).
"""

import argparse
import http.client
import io
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
SR28 = Path(os.environ.get("USDA_SR28_DIR", ROOT.parent / "shared" / "data" / "usda"))

# The server and the client.


def production_env(**extra) -> dict[str, str]:
    """Production settings on loopback over plain HTTP (no TLS here, so DJANGO_SECURE=0)."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=env.get("BENCH_SECRET_KEY", "bench-" + secrets.token_urlsafe(48)),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE="0",
        DJANGO_LOG_LEVEL="ERROR",
    )
    if not env.get("DATABASE_URL"):
        env.setdefault("DJANGO_SQLITE_PATH", str(RESULTS / "bench.sqlite3"))
    env.update(extra)
    return env


def setup_django(env: dict[str, str]) -> None:
    """Django in this process with `env` (the settings gunicorn gets too), for preparing the data."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def quietly(*args: str, **options: Any) -> None:
    """A manage.py command in this process, its chatter kept off the benchmark's table."""
    from django.core.management import call_command

    call_command(*args, verbosity=0, stdout=io.StringIO(), **options)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn serving the app with production settings; stopped through its pid file."""

    def __init__(self, env, workers=3, port=None, threads=1):
        self.env, self.workers, self.threads = env, workers, threads
        self.port = port or free_port()
        self.pidfile = RESULTS / f"gunicorn-{self.port}.pid"

    def __enter__(self):
        RESULTS.mkdir(parents=True, exist_ok=True)
        gunicorn = str(Path(PYTHON).parent / "gunicorn")
        self.proc = subprocess.Popen(
            [
                gunicorn,
                "config.wsgi",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--pid",
                str(self.pidfile),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                Client(self.port).get("/")
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("gunicorn did not start within 30 s")

    def __exit__(self, *exc):
        try:
            pid = int(self.pidfile.read_text())
            os.kill(pid, signal.SIGTERM)
        except (OSError, ValueError):
            self.proc.terminate()
        self.proc.wait(timeout=30)


class Client:
    """A keep-alive HTTP/1.1 client with cookies and CSRF, enough for the app's forms and htmx posts."""

    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None and not isinstance(body, (bytes, str)):
            body = urlencode(body, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if method == "POST":
            headers.setdefault("X-CSRFToken", self.cookies.get("csrftoken", ""))
            headers.setdefault("Referer", f"http://127.0.0.1:{self.port}/")
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (
                http.client.RemoteDisconnected,
                ConnectionResetError,
                BrokenPipeError,
            ):
                # gunicorn's sync workers close idle keep-alive connections: reconnect once.
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, data, dict(response.getheaders())

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, data, headers=None):
        return self.request("POST", path, body=data, headers=headers)

    def login(self, username, password):
        status, body, _ = self.get("/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        status, _, _ = self.post(
            "/accounts/login/",
            {
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": token.group(1).decode() if token else "",
            },
        )
        if status != 302:
            raise RuntimeError(f"login as {username} failed with HTTP {status}")


def timed_in_turns(fns, repeat, block=20) -> list[list[float]]:
    """Wall times in milliseconds of `repeat` calls of each of `fns`, taken in turns: blocks of `block`
    calls of one, then of the next, and round again. Each block starts with two calls that are not
    counted, so the previous block's work (a worker finishes a big page after sending it) never lands in
    a small request's figure; and turns mean a machine that gets busier or quieter during the run shifts
    every figure alike, so the ratios between them hold."""
    times: list[list[float]] = [[] for _ in fns]
    while len(times[0]) < repeat:
        for fn, bucket in zip(fns, times, strict=True):
            fn()
            fn()
            for _ in range(min(block, repeat - len(bucket))):
                start = time.perf_counter()
                fn()
                bucket.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


# The data measured. Django is set up by prepare() before these run, so they import models when called.

USERNAME, PASSWORD = "bench", "bench-password-4-speed"
# The food each search must rank in its top three (NDB numbers, USDA SR28).
SEARCHES = {"spin": {"11457"}, "pumpkin seed": {"12014", "12016"}, "yog": {"01117"}}


def packed_week(profile, name: str, supplement):
    """7 days × 4 meals × 5 foods, plus a supplement a day: the week the issue asks us to measure."""
    from foods.models import Portion
    from mealplanner.models import Plan, PlanEntry

    monday = date.today() - timedelta(days=date.today().weekday())
    plan = Plan.objects.create(profile=profile, created_by=profile.user, name=name, start_date=monday)
    portions = list(
        Portion.objects.filter(food__magnesium_mg__isnull=False, food__energy_kcal__isnull=False, seq=1)
        .select_related("food")
        .order_by("food__ndb_number")[:60]
    )
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
    from foods.models import Food, Portion
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
    portions = list(
        Portion.objects.filter(food__magnesium_mg__isnull=False, food__energy_kcal__isnull=False, seq=1)
        .select_related("food")
        .order_by("food__ndb_number")[:60]
    )
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


# What is measured.


# Goals, as multiples of the trivial page (/ping/), issue 15.
PLAN_PAGE_GOAL = 5.0
EDIT_GOAL = 3.0
SEARCH_GOAL = 2.0


def measured_requests(port, data) -> list[tuple[str, object, float | None]]:
    """What the benchmark measures: (what, a call that makes the request, goal × /ping/ or None)."""
    client = Client(port)
    client.login(data["username"], data["password"])
    htmx = {"HX-Request": "true"}

    def get(path, headers=None):
        def call():
            status, _, _ = client.get(path, headers)
            if status != 200:
                raise RuntimeError(f"GET {path} gave HTTP {status}")

        return call

    amounts = iter(range(10**6))

    def edit():
        # A new amount every time (1.01, 1.02, ... portions), as a person's edits are.
        quantity = f"{1 + (next(amounts) % 1900 + 1) / 100:.2f}"
        status, _, _ = client.post(
            f"/plans/{data['edited_plan_id']}/entries/{data['entry_id']}/amount/",
            {"quantity": quantity, "portion": str(data["entry_portion"])},
            htmx,
        )
        if status != 200:
            raise RuntimeError(f"htmx edit gave HTTP {status}")

    requests: list[tuple[str, Any, float | None]] = [("trivial page (baseline)", get("/ping/"), None)]
    for query in ("spin", "pumpkin seed", "yog"):
        requests.append(
            (
                f'food search "{query}" (htmx)',
                get(f"/foods/?q={query.replace(' ', '+')}", htmx),
                SEARCH_GOAL,
            )
        )
    requests.append(("plan page, packed week", get(f"/plans/{data['plan_id']}/"), PLAN_PAGE_GOAL))
    requests.append(("htmx edit of one entry (new amount)", edit, EDIT_GOAL))
    requests += history_requests(port, data)
    return requests


def measure(port, data, repeat) -> list[tuple[str, list[float], float | None]]:
    requests = measured_requests(port, data)
    times = timed_in_turns([fn for _, fn, _ in requests], repeat)
    return [(name, t, goal) for (name, _, goal), t in zip(requests, times, strict=True)]


def history_requests(port, data) -> list:
    """Issue 19: a dietitian's 500-client dashboard, and the plans list at 10 and at 200 plans (setup_data)."""

    def as_user(username, path):
        client = Client(port)
        client.login(username, data["password"])

        def call():
            status, _, _ = client.get(path)
            if status != 200:
                raise RuntimeError(f"GET {path} as {username} gave HTTP {status}")

        return call

    return [
        ("dashboard, 500 clients", as_user(data["dietitian"], "/clinic/"), 20.0),
        ("plans list, 10 plans", as_user(data["short_history_user"], "/plans/"), None),
        ("plans list, 200 plans", as_user(data["history_user"], "/plans/"), None),
    ]


def generator_figures(smoke: bool) -> list[str]:
    if smoke or not (SR28 / "FOOD_DES.txt").exists():
        return []
    out = subprocess.run(
        [sys.executable, "bench/generator.py", str(SR28)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return [line for line in out.stdout.splitlines() if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--fresh", action="store_true", help="start from an empty SQLite database")
    parser.add_argument("--smoke", action="store_true", help="a quick run for CI")
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("BENCH_PORT", "8150")),
        help="where gunicorn listens on 127.0.0.1 (default 8150, or $BENCH_PORT)",
    )
    args = parser.parse_args()
    repeat = 10 if args.smoke else args.requests
    env = production_env()
    data = prepare(env, args.fresh, args.smoke)
    backend = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
    with Gunicorn(env, workers=2, port=args.port) as server:
        rows = measure(server.port, data, repeat)
    base = summary(rows[0][1])[0]
    print(
        f"\nBenchmarks: gunicorn (2 sync workers), production settings, {backend}, {data['foods']} foods, "
        f"{repeat} requests each after warm-up\n"
    )
    print(f"| {'what':<34} | median ms | p95 ms | × trivial | goal |")
    print(f"|{'-' * 36}|----------:|-------:|----------:|------|")
    failed = False
    for name, times, goal in rows:
        median, p95 = summary(times)
        ratio = median / base
        verdict = "" if goal is None else (f"< {goal:g}× ok" if ratio < goal else f"< {goal:g}× MISSED")
        failed |= goal is not None and ratio >= goal
        print(f"| {name:<34} | {median:9.2f} | {p95:6.2f} | {ratio:9.2f} | {verdict} |")
    print()
    for query, result in data["ranking"].items():
        print(
            f'search "{query}": top three NDB {", ".join(result["top3"])} — {"right food in top three" if result["ok"] else "MISSED"}'
        )
    for name, value in data["figures"].items():
        print(f"{name}: {value:.1f}")
    for line in generator_figures(args.smoke):
        print(line)
    if args.smoke:
        return 0
    return 1 if failed or not all(r["ok"] for r in data["ranking"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
