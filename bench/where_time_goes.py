"""Where a request's time goes: the benchmark's requests driven in-process through Django's WSGI handler
(production settings, the benchmark database, no HTTP), with the time spent in each step of the plan
pages and the food search.

    .venv/bin/python bench/where_time_goes.py [ping|page|edit|search ...] [--requests N] [--cprofile NAME]

Run `bench/run.py` once first: it fills bench/results/bench.sqlite3 (full SR28, the bench person and
their packed weeks). Not the benchmark itself (that is bench/run.py, over HTTP through gunicorn): this
is the tool to find what to make faster. --cprofile NAME adds Python's profile of that request, sorted by
cumulative time (SORT=tottime for time in each function itself).
"""

import argparse
import cProfile
import collections
import functools
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import RESULTS, ROOT, production_env  # noqa: E402

sys.path.insert(0, str(ROOT))
os.environ.update(production_env(DJANGO_ALLOWED_HOSTS="127.0.0.1"))

import django  # noqa: E402

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.middleware.csrf import _get_new_csrf_string  # noqa: E402

from mealplanner.models import Plan, User  # noqa: E402

STEPS = {  # module: the functions whose time is shown
    "mealplanner.access": ["get_plan_or_404"],
    "mealplanner.views.entries": ["_entry_or_gone"],
    "mealplanner.services.plans": ["plan_entry_change_amount"],
    "mealplanner.views.plan_render": ["week_inputs", "page_week", "render_page", "render"],
    "foods.views": ["search_foods", "render"],
    "foods.search_cache": ["generation"],
    "django.contrib.auth.middleware": ["get_user"],
}
spent = collections.Counter()


def timed_step(module, name):
    original = getattr(module, name)

    @functools.wraps(original)
    def step(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[f"{module.__name__.rsplit('.', 1)[-1]}.{name}"] += time.perf_counter() - start

    setattr(module, name, step)


class Driver:
    """Requests as gunicorn would hand them to Django, logged in as the bench person."""

    def __init__(self):
        user = User.objects.get(username="bench")
        self.plan = Plan.objects.get(profile__user=user, name="Packed week")
        self.edited = Plan.objects.get(profile__user=user, name="Packed week, edited")
        self.entry = self.edited.entries.filter(food__isnull=False).order_by("pk").first()
        session = SessionStore()
        session.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                        HASH_SESSION_KEY: user.get_session_auth_hash()})
        session.save()
        self.csrf = _get_new_csrf_string()
        self.cookie = f"sessionid={session.session_key}; csrftoken={self.csrf}"
        self.app = WSGIHandler()
        self.count = 0

    def call(self, method, path, body=b"", htmx=False):
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(body),
            "CONTENT_LENGTH": str(len(body)), "HTTP_COOKIE": self.cookie, "wsgi.errors": sys.stderr,
            "SERVER_PROTOCOL": "HTTP/1.1",
        }
        if method == "POST":
            environ.update(CONTENT_TYPE="application/x-www-form-urlencoded", HTTP_X_CSRFTOKEN=self.csrf,
                           HTTP_REFERER="http://127.0.0.1/")
        if htmx:
            environ["HTTP_HX_REQUEST"] = "true"
        status = []
        result = self.app(environ, lambda line, headers, exc_info=None: status.append(line))
        b"".join(result)
        result.close()
        if not status[0].startswith("200"):
            raise RuntimeError(f"{method} {path} gave {status[0]}")

    def ping(self):
        self.call("GET", "/ping/")

    def page(self):
        self.call("GET", f"/plans/{self.plan.pk}/")

    def edit(self):  # a new amount every time, as in bench/run.py
        self.count += 1
        body = urlencode({"quantity": f"{1 + (self.count % 1900 + 1) / 100:.2f}", "portion": self.entry.portion_id})
        self.call("POST", f"/plans/{self.edited.pk}/entries/{self.entry.pk}/amount/", body.encode(), htmx=True)

    def search(self):  # words never searched before, as in bench/run.py
        self.count += 1
        self.call("GET", f"/foods/?q={('spin', 'pumpkin+seed', 'yog')[self.count % 3]}&bench={self.count}", htmx=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("requests", nargs="*", default=["ping", "page", "edit", "search"])
    parser.add_argument("--requests", dest="repeat", type=int, default=300)
    parser.add_argument("--cprofile", help="also profile this request with cProfile")
    args = parser.parse_args()
    if not (RESULTS / "bench.sqlite3").exists() and not os.environ.get("DATABASE_URL"):
        sys.exit("Run bench/run.py first: it prepares the benchmark database.")
    for module_name, names in STEPS.items():
        module = sys.modules.get(module_name) or __import__(module_name, fromlist=["_"])
        for name in names:
            timed_step(module, name)
    driver = Driver()
    base = None
    for name in args.requests:
        request = getattr(driver, name)
        request(); request()
        spent.clear()
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            request()
            times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        base = base or (median if name == "ping" else None)
        ratio = f" ({median / base:.2f}× ping)" if base else ""
        print(f"{name}: median {median:.2f} ms{ratio}; mean time in its steps:")
        for step, seconds in spent.most_common():
            print(f"    {step:<40} {seconds / args.repeat * 1000:6.2f} ms")
    if args.cprofile:
        request = getattr(driver, args.cprofile)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.repeat):
            request()
        profiler.disable()
        pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(40)


if __name__ == "__main__":
    main()
