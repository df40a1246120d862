"""The benchmark: every figure side by side with a trivial logged-in page of the same app, served by
gunicorn with production settings on 127.0.0.1, warm, as medians of many requests.

    .venv/bin/python bench/run.py [--requests N] [--fresh] [--smoke] [--port 8150]

Three files, in the order they run: bench/server.py, the server and a small HTTP client (also used by the
load test, bench/locustfile.py); bench/data.py, the data it measures (a packed week, a dietitian's roster,
long histories, made in this process with production settings); and this one, the requests it measures
and the table it prints.

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
import os
import statistics
import subprocess
import sys
import time
from typing import Any

from data import SR28, prepare
from server import ROOT, Client, Gunicorn, production_env


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
        [sys.executable, "bench/generator.py", "25", "17", "--sr28", str(SR28)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    # Its summaries only, not a line per profile (bench/generator.py prints those).
    return [line for line in out.stdout.splitlines() if line.strip() and " s wall " not in line]


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
