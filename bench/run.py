"""The benchmarks: every figure side by side with a trivial logged-in page of the same app, served by
gunicorn with production settings on 127.0.0.1, warm, as medians of many requests.

    .venv/bin/python bench/run.py [--requests N] [--fresh] [--smoke]

The requests are taken in turns, in blocks (harness.timed_in_turns), so the ratios hold when the machine
gets busier or quieter during the run. Each edit sets an amount never set before (a person's edit makes a
day never seen before), on a week of its own so the viewed week stays as it is; "words never searched
before" adds a parameter the search ignores, so the per-process cache of results cannot answer it.

SQLite by default (bench/results/bench.sqlite3); PostgreSQL when DATABASE_URL is set. The full USDA SR28
release is imported first (timed), unless the database already holds it. --smoke: few requests, the
curated fixture instead of SR28, and a non-zero exit only on errors (for CI).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import RESULTS, ROOT, Client, Gunicorn, manage, production_env, summary, timed_in_turns  # noqa: E402

SR28 = Path(os.environ.get("USDA_SR28_DIR", ROOT.parent / "shared" / "data" / "usda"))


def prepare(env, fresh: bool, smoke: bool) -> dict:
    RESULTS.mkdir(parents=True, exist_ok=True)
    db = Path(env.get("DJANGO_SQLITE_PATH", ""))
    if fresh and not env.get("DATABASE_URL") and db.exists():
        db.unlink()
    manage(env, "migrate", "--noinput", capture=True)
    manage(env, "collectstatic", "--noinput", capture=True)
    figures = {}
    count = manage(env, "shell", "-v", "0", "-c", "from foods.models import Food; print(Food.objects.count())", capture=True)
    if smoke:
        manage(env, "load_foods", capture=True)
    elif int(count.stdout.strip() or 0) < 8000:
        start = time.perf_counter()
        manage(env, "import_foods", str(SR28), capture=True)
        figures["import_foods (full SR28), s"] = time.perf_counter() - start
        manage(env, "load_foods", capture=True)  # curated diet facts and meals for the fixture foods
    out = subprocess.run([sys.executable, "bench/setup_data.py"], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout
    data = json.loads(out.strip().splitlines()[-1])
    data["figures"] = figures
    return data


def measure(port, data, repeat, edit_floor=False) -> list[tuple[str, list[float], float | None]]:
    client = Client(port)
    client.login(data["username"], data["password"])
    htmx = {"HX-Request": "true"}
    plan = f"/plans/{data['plan_id']}/"

    def get(path, headers=None):
        def call():
            status, _, _ = client.get(path, headers)
            if status != 200:
                raise RuntimeError(f"GET {path} gave HTTP {status}")
        return call

    amounts = iter(range(10**6))

    def edit(stop=None):
        # A new amount every time (1.01, 1.02, ... portions): a person's edit makes a day never seen before,
        # so no cached rendering of it can answer; alternating two amounts would measure the cache instead.
        quantity = f"{1 + (next(amounts) % 1900 + 1) / 100:.2f}"
        headers = {**htmx, "X-Bench-Stop": stop} if stop else htmx
        status, body, _ = client.post(f"/plans/{data['edited_plan_id']}/entries/{data['entry_id']}/amount/",
                                      {"quantity": quantity, "portion": str(data["entry_portion"])}, headers)
        if status != 200:
            raise RuntimeError(f"htmx edit gave HTTP {status}")
        if stop and body != b"ok":
            raise RuntimeError("the edit did not stop early: is gunicorn running with bench/edit_floor.py?")

    requests = [("trivial page (baseline)", get("/ping/"), None)]
    if edit_floor:  # bench/edit_floor.py: the same edit, answered after each step
        for stop, name in (("write", "edit: the change, no answer"), ("read", "edit: + read the week back"),
                           ("work", "edit: + work out day and week")):
            requests.append((name, lambda stop=stop: edit(stop), None))
        requests.append(("edit: + render the answer (whole)", edit, 2.0))
        return [(name, t, goal) for (name, _, goal), t in
                zip(requests, timed_in_turns([fn for _, fn, _ in requests], repeat))]
    for query in ("spin", "pumpkin seed", "yog"):
        requests.append((f'food search "{query}" (htmx)', get(f"/foods/?q={query.replace(" ", "+")}", htmx), 2.0))
    fresh = iter(range(10**6))

    def first_search():
        # The same three searches, each time as if never typed before: an extra parameter the search ignores
        # makes a new key for the per-process result cache (foods.search_cache), so the search really runs.
        n = next(fresh)
        query = ("spin", "pumpkin+seed", "yog")[n % 3]
        get(f"/foods/?q={query}&bench={n}", htmx)()

    requests.append(("food search, words never searched before", first_search, 2.0))
    requests.append(("plan page, packed week", get(plan), 3.0))
    requests.append(("htmx edit of one entry (new amount)", edit, 2.0))
    requests += history_requests(port, data)
    times = timed_in_turns([fn for _, fn, _ in requests], repeat)
    rows = [(name, t, goal) for (name, _, goal), t in zip(requests, times)]
    return rows


def history_requests(port, data) -> list:
    """Issue 19: a dietitian's 500-client dashboard, and the plans list at 10 and at 200 plans (setup_data.py)."""
    def as_user(username, path):
        client = Client(port)
        client.login(username, data["password"])

        def call():
            status, _, _ = client.get(path)
            if status != 200:
                raise RuntimeError(f"GET {path} as {username} gave HTTP {status}")
        return call

    return [("dashboard, 500 clients", as_user(data["dietitian"], "/clinic/"), 20.0),
            ("plans list, 10 plans", as_user(data["short_history_user"], "/plans/"), None),
            ("plans list, 200 plans", as_user(data["history_user"], "/plans/"), None)]


def generator_figures(smoke: bool) -> list[str]:
    if smoke or not (SR28 / "FOOD_DES.txt").exists():
        return []
    out = subprocess.run([sys.executable, "bench/generator.py", str(SR28)], cwd=ROOT, capture_output=True, text=True)
    return [line for line in out.stdout.splitlines() if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--fresh", action="store_true", help="start from an empty SQLite database")
    parser.add_argument("--smoke", action="store_true", help="a quick run for CI")
    parser.add_argument("--edit-floor", action="store_true",
                        help="only the edit, answered after each of its steps (bench/edit_floor.py)")
    args = parser.parse_args()
    repeat = 10 if args.smoke else args.requests
    env = production_env()
    data = prepare(env, args.fresh, args.smoke)
    backend = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
    config = Path(__file__).resolve().parent / "edit_floor.py" if args.edit_floor else None
    with Gunicorn(env, workers=2, config=config) as server:
        rows = measure(server.port, data, repeat, edit_floor=args.edit_floor)
    base = summary(rows[0][1])[0]
    print(f"\nBenchmarks: gunicorn (2 sync workers), production settings, {backend}, {data['foods']} foods, "
          f"{repeat} requests each after warm-up\n")
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
        print(f'search "{query}": top three NDB {", ".join(result["top3"])} — {"right food in top three" if result["ok"] else "MISSED"}')
    for name, value in data["figures"].items():
        print(f"{name}: {value:.1f}")
    for line in [] if args.edit_floor else generator_figures(args.smoke):
        print(line)
    if args.smoke:
        return 0
    return 1 if failed or not all(r["ok"] for r in data["ranking"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
