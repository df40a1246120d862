"""The load test: 50 simulated people (locust, headless) against gunicorn with production settings on
127.0.0.1 for 60 s. They log in, open their plan, search and add foods. Afterwards every add the server
confirmed must be in the database (no lost entry) and no request may have failed.

    .venv/bin/python bench/load.py [--users 50] [--seconds 60] [--workers 3]

SQLite by default (WAL, busy timeout, immediate transactions); PostgreSQL when DATABASE_URL is set.
Prints locust's table (median and 95th percentile per request type) and the verdict; exit 1 on failure.
"""

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import PYTHON, RESULTS, ROOT, Gunicorn, manage, production_env


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--wait", type=float, default=1.0, help="mean think time per person, seconds (0 = flat out)")
    args = parser.parse_args()
    env = production_env()
    RESULTS.mkdir(parents=True, exist_ok=True)
    manage(env, "migrate", "--noinput", capture=True)
    manage(env, "collectstatic", "--noinput", capture=True)
    manage(env, "load_foods", capture=True)
    setup = subprocess.run([PYTHON, "bench/load_setup.py", "create", str(args.users)], cwd=ROOT, env=env,
                           check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    confirmed_file = RESULTS / "load-confirmed.json"
    stats_prefix = RESULTS / "load"
    with Gunicorn(env, workers=args.workers) as server:
        locust = str(Path(PYTHON).parent / "locust")
        subprocess.run([
            locust, "-f", "bench/locustfile.py", "--headless", "--users", str(args.users),
            "--spawn-rate", str(max(1, args.users // 5)), "--run-time", f"{args.seconds}s",
            "--host", f"http://127.0.0.1:{server.port}", "--csv", str(stats_prefix), "--only-summary",
            "--loglevel", "WARNING",
        ], cwd=ROOT, env={**env, "LOAD_SETUP": setup, "LOAD_CONFIRMED": str(confirmed_file), "LOAD_WAIT": str(args.wait)}, check=False)
    stored = json.loads(subprocess.run([PYTHON, "bench/load_setup.py", "count"], cwd=ROOT, env=env, check=True,
                                       capture_output=True, text=True).stdout.strip().splitlines()[-1])
    confirmed = json.loads(confirmed_file.read_text())
    # Lost: the server confirmed an add that is not stored. More stored than confirmed is an add that was in
    # flight when locust stopped its simulated people (stored, but its answer never read): not a loss.
    lost = {plan: (n, stored.get(plan, 0)) for plan, n in confirmed.items() if stored.get(plan, 0) < n}
    in_flight = sum(max(0, stored.get(plan, 0) - n) for plan, n in confirmed.items())
    with open(f"{stats_prefix}_stats.csv") as fh:
        rows = list(csv.DictReader(fh))
    backend = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
    print(f"\nLoad: {args.users} people for {args.seconds} s, think time {args.wait:g} s, "
          f"gunicorn {args.workers} sync workers, {backend}\n")
    print(f"| {'request':<22} | requests | failures | median ms | p95 ms | req/s |")
    print(f"|{'-' * 24}|---------:|---------:|----------:|-------:|------:|")
    for row in rows:
        print(f"| {row['Name']:<22} | {row['Request Count']:>8} | {row['Failure Count']:>8} | "
              f"{float(row['Median Response Time']):9.0f} | {float(row['95%']):6.0f} | {float(row['Requests/s']):5.1f} |")
    total = next(r for r in rows if r["Name"] == "Aggregated")
    failures = int(total["Failure Count"])
    print(f"\nadds confirmed: {sum(confirmed.values())}, entries stored: {sum(stored.get(p, 0) for p in confirmed)}, "
          f"lost: {sum(n - m for n, m in lost.values())}, in flight at stop: {in_flight}; failed requests: {failures}")
    return 1 if failures or lost else 0


if __name__ == "__main__":
    sys.exit(main())
