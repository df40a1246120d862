"""Issue 14, against real gunicorn workers (tests/live/server.py) and real concurrent requests: guesses that
arrive together get no extra password checks, one account cannot exhaust a worker's memory, and a plain
`migrate` with DJANGO_PLAIN_STATIC=1 serves a working site with its assets."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import requests

from tests.live.server import gunicorn, session_with_csrf

PASSWORD = "a-long-test-password"
MAKE_ALICE = (
    "from mealplanner.models import User; "
    f"User.objects.create_user(username='alice', password='{PASSWORD}', email='alice@example.org')"
)


def _checks(tmp_path) -> int:
    counted = tmp_path / "password-checks.txt"
    return len(counted.read_text().splitlines()) if counted.exists() else 0


def test_thirty_simultaneous_wrong_passwords_get_at_most_five_checked(tmp_path):
    with gunicorn(tmp_path, workers=3, threads=8) as server:
        server.shell(MAKE_ALICE)
        forms = [session_with_csrf(server.url, "/accounts/login/") for _ in range(30)]
        start = threading.Barrier(30)

        def guess(form):
            session, token = form
            start.wait()
            return session.post(
                server.url + "/accounts/login/",
                timeout=120,
                allow_redirects=False,
                data={"username": "alice", "password": "wrong", "csrfmiddlewaretoken": token},
            ).status_code

        with ThreadPoolExecutor(30) as pool:
            answers = list(pool.map(guess, forms))
        assert _checks(tmp_path) <= 5
        assert answers.count(429) >= 25 and set(answers) <= {200, 429}
        # ...and the right password is refused too until the quarter of an hour is over.
        session, token = session_with_csrf(server.url, "/accounts/login/")
        answer = session.post(
            server.url + "/accounts/login/",
            allow_redirects=False,
            timeout=60,
            data={"username": "alice", "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        assert answer.status_code == 429 and _checks(tmp_path) <= 5


def test_plain_static_files_are_served_in_production_after_migrate_alone(tmp_path):
    # Production settings (no test settings), DJANGO_PLAIN_STATIC=1, no collectstatic, no createcachetable.
    with gunicorn(tmp_path, workers=1, threads=2, settings="config.settings") as server:
        page = requests.get(server.url + "/accounts/login/", timeout=60)
        assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', page.text)
        assert any(a.endswith(".css") for a in assets) and any(a.endswith(".js") for a in assets)
        for asset in assets:
            assert requests.get(server.url + asset, timeout=60).status_code == 200, asset
        # The throttle works on that database: it needs no cache table.
        session, token = session_with_csrf(server.url, "/accounts/login/")
        answer = session.post(
            server.url + "/accounts/login/",
            timeout=60,
            data={"username": "x", "password": "y", "csrfmiddlewaretoken": token},
        )
        assert answer.status_code == 200 and "Please enter a correct username" in answer.text


BUILD_LARGEST_PLAN = """
import datetime
from foods.models import Food
from mealplanner.access import own_profile
from mealplanner.models import Plan, PlanEntry, User
from mealplanner.services import plans as s
user = User.objects.get(username='alice')
profile = own_profile(user)
profile.age_years = 40
profile.save()
plan = Plan.objects.create(profile=profile, created_by=user, name='Largest', start_date=datetime.date(2030, 1, 7))
foods = list(Food.objects.order_by('id')[:s.MAX_ENTRIES_PER_PLAN])
slots = [(day, meal) for day in range(7) for meal in s.MEAL_CODES for _ in range(s.MAX_ENTRIES_PER_MEAL)]
for food, (day, meal) in zip(foods, slots[:s.MAX_ENTRIES_PER_PLAN]):
    s.plan_entry_add(plan=plan, day=day, meal=meal, food=food, quantity=100)
print(plan.pk, plan.entries.count(), s.MAX_ENTRIES_PER_PLAN, s.PLAN_COPIES.limit)
"""


def test_the_largest_plan_copied_as_often_as_allowed_and_opened_grows_no_worker_by_100_mb(tmp_path):
    with gunicorn(tmp_path, workers=2, threads=1) as server:
        server.manage("load_foods")
        server.shell(MAKE_ALICE)
        plan_id, entries, max_entries, copies = map(int, server.shell(BUILD_LARGEST_PLAN).split())
        assert entries == max_entries
        session, token = session_with_csrf(server.url, "/accounts/login/")
        session.post(
            server.url + "/accounts/login/",
            timeout=60,
            data={"username": "alice", "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        token = session.cookies["csrftoken"]
        # Warm both workers up (imports, templates, the food table) before measuring.
        for _ in range(4):
            assert session.get(f"{server.url}/plans/{plan_id}/", timeout=120).status_code == 200
        before = {pid: server.rss_mb(pid) for pid in server.worker_pids()}

        copy_ids, source = [], plan_id
        for _ in range(copies):
            answer = session.post(
                f"{server.url}/plans/{source}/duplicate/",
                headers={"X-CSRFToken": token},
                timeout=120,
                allow_redirects=False,
            )
            assert answer.status_code == 302
            source = int(re.search(r"/plans/(\d+)/", answer.headers["Location"]).group(1))
            copy_ids.append(source)
        refused = session.post(
            f"{server.url}/plans/{source}/duplicate/",
            headers={"X-CSRFToken": token},
            timeout=120,
            allow_redirects=False,
        )
        assert refused.status_code == 429 and "at most" in refused.text
        for copy_id in [plan_id, *copy_ids]:
            page = session.get(f"{server.url}/plans/{copy_id}/", timeout=120)
            assert page.status_code == 200
        # Adding past the limit is refused with a message, and changes nothing.
        add = session.post(
            f"{server.url}/plans/{plan_id}/entries/food/",
            headers={"X-CSRFToken": token},
            data={"day": 6, "meal": "snack", "food": 1, "portion": "g", "quantity": 10},
            timeout=120,
            allow_redirects=False,
        )
        assert add.status_code == 422 and "at most" in add.text
        after = {pid: server.rss_mb(pid) for pid in server.worker_pids()}
        growth = {pid: after[pid] - before.get(pid, after[pid]) for pid in after}
        print(f"worker RSS before {before} MB, after {after} MB")
        assert set(after) == set(before)  # no worker died and was replaced
        assert all(mb < 100 for mb in growth.values()), growth


SIX_LINKS = """
from django.core import signing
from mealplanner.services.accounts import SIGNUP_SALT
for n, email in enumerate(['same@example.org', 'Same@example.org', 'SAME@example.org'] * 2):
    print(signing.dumps({'username': f'racer{n}', 'email': email}, salt=SIGNUP_SALT))
"""


def test_six_simultaneous_sign_ups_with_one_address_make_one_account(tmp_path):
    with gunicorn(tmp_path, workers=3, threads=4) as server:
        tokens = server.shell(SIX_LINKS).split()
        forms = [session_with_csrf(server.url, f"/accounts/signup/confirm/{token}/") for token in tokens]
        start = threading.Barrier(len(forms))

        def finish(pair):
            (session, csrf), token = pair
            start.wait()
            return session.post(
                f"{server.url}/accounts/signup/confirm/{token}/",
                timeout=120,
                allow_redirects=False,
                data={
                    "password1": "a-long-enough-secret-42",
                    "password2": "a-long-enough-secret-42",
                    "csrfmiddlewaretoken": csrf,
                },
            ).status_code

        with ThreadPoolExecutor(len(forms)) as pool:
            answers = list(pool.map(finish, zip(forms, tokens, strict=True)))
        assert answers.count(302) == 1 and answers.count(409) == 5, answers
        count = server.shell(
            "from mealplanner.models import User; print(User.objects.filter(email__iexact='same@example.org').count())"
        )
        assert int(count) == 1
