"""A backup made with `dumpdata` restores into an empty database with every plan's figures unchanged;
a damaged backup is refused and leaves the database as it was.

Backup, as the README's operators would run it:
  manage.py dumpdata --exclude contenttypes --exclude auth.permission --exclude sessions
                     --exclude admin.logentry -o backup.json
Restore: manage.py flush --no-input, then manage.py loaddata backup.json.
"""

import datetime
import re
import shlex
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.utils import timezone

from clinic.models import Invitation
from clinic.selectors import invitation_for_token
from clinic.services import invitation_check, invitation_create
from diary.models import DiaryEntry
from foods.models import Food
from mealplanner import access
from mealplanner.models import Medicine, Plan, PlanEntry, Profile, SupplementProduct, User
from mealplanner.selectors.plans import plan_week
from tests.mealplanner.plan_factories import (
    add_food,
    add_supplement,
    cheese,
    citrate,
    coffee,
    make_plan,
    make_profile,
    mystery_food,
    pumpkin_seeds,
)

# flush truncates tables, which PostgreSQL refuses inside the per-test transaction: use real transactions.
pytestmark = pytest.mark.django_db(transaction=True)

EXCLUDE = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


def _figures():
    """What a person would see of every plan: each day's totals (planned and eaten) and the week's average."""
    return {
        plan.pk: (plan.name, plan.profile.name, plan_week(plan).totals, plan_week(plan).totals.average_magnesium_mg)
        for plan in Plan.objects.select_related("profile").order_by("pk")
    }


@pytest.fixture
def populated(user, other_user):
    profile = make_profile(user, name="Alice", kidney_disease=False)
    Medicine.objects.create(profile=profile, name="omeprazole", medicine_class="ppi", time_taken=datetime.time(8, 0))
    seeds, cup_of_coffee, soup, cheddar = pumpkin_seeds(), coffee(), mystery_food(), cheese()
    product = citrate(profile)
    # A plan that started a week ago: its days are past, so eaten and planned totals differ.
    last_week = make_plan(profile, user, start=datetime.date.today() - datetime.timedelta(days=7), name="Last week")
    add_food(last_week, seeds, day=0, quantity=Decimal("0.25"), status="eaten")
    add_food(last_week, cheddar, day=1, portion=None, quantity=Decimal("40"), status="skipped")
    add_supplement(last_week, product, day=2, quantity=Decimal("1.5"))
    this_week = make_plan(profile, user, name="This week")
    add_food(this_week, seeds, day=0, quantity=Decimal("0.5"))
    add_food(this_week, cup_of_coffee, day=0, meal="breakfast", quantity=2)
    add_food(this_week, soup, day=3, meal="lunch", portion=None, quantity=300)
    add_supplement(this_week, product, day=3, quantity=1)
    # A locked meal and a pinned entry, which the generator must keep after a restore.
    this_week.locked_meals = ["0:breakfast", "3:lunch"]
    this_week.save()
    PlanEntry.objects.filter(plan=this_week, food=seeds).update(pinned=True)
    # The restless-legs diary and the habits it asks about.
    profile.rls_habits = ["warm_bath", "no_caffeine"]
    profile.save()
    today = timezone.localdate()
    DiaryEntry.objects.create(
        profile=profile,
        date=today - datetime.timedelta(days=1),
        symptom_score=6,
        sleep_disturbed=True,
        hours_slept=Decimal("5.5"),
        sleep_quality=2,
        caffeine_mg=180,
        exercise_minutes=20,
        habits_kept=["warm_bath"],
        notes="Bad night after coffee",
    )
    DiaryEntry.objects.create(
        profile=profile,
        date=today - datetime.timedelta(days=2),
        symptom_score=1,
        habits_kept=["warm_bath", "no_caffeine"],
    )
    # Somebody else's plan, so the restore must keep plans with their owners.
    other = make_profile(other_user, name="Mallory", sex="male")
    add_food(make_plan(other, other_user, name="Mallory's"), cheddar, day=5, meal="dinner", portion=None, quantity=90)
    # The clinic: a dietitian whose clients are Mallory (who has a login) and Clara (who has an invitation to
    # make one); a shared plan for Clara with a locked meal and a pinned supplement; the dietitian's template.
    dora = User.objects.create_user(username="dora", password="a-long-test-password", is_dietitian=True)
    make_profile(dora, name="Dora")
    other.dietitian = dora
    other.save()
    clara = Profile.objects.create(
        dietitian=dora,
        name="Clara",
        age_years=38,
        restless_legs=True,
        custom_target_mg=350,
        custom_target_reason="Her doctor's advice",
        dietitian_notes="Prefers seeds to tablets",
    )
    claras_week = make_plan(clara, dora, name="Clara's week")
    claras_week.shared_with_client, claras_week.note, claras_week.locked_meals = True, "Seeds daily", ["2:lunch"]
    claras_week.save()
    add_food(claras_week, seeds, day=2, meal="lunch", quantity=Decimal("0.25"))
    pinned = add_supplement(claras_week, citrate(clara, mg=200), day=2, quantity=1)
    PlanEntry.objects.filter(pk=pinned.pk).update(pinned=True)
    template = make_plan(access.own_profile(dora), dora, name="Seeds template")
    template.is_template = True
    template.save()
    add_food(template, seeds, day=0, quantity=Decimal("0.5"))
    _, token, _ = invitation_create(profile=clara, email="clara@example.org")
    return SimpleNamespace(profile=profile, invitation_token=token)


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (User, Profile, Medicine, SupplementProduct, Food, Plan, PlanEntry, DiaryEntry, Invitation)
    }


def _people():
    """What a restore must bring back beside the figures: the diary, who is whose dietitian, invitations,
    templates and sharing, locked meals and pinned entries."""
    return {
        "diary": sorted(
            (
                e.profile.name,
                e.date,
                e.symptom_score,
                e.sleep_disturbed,
                e.hours_slept,
                e.sleep_quality,
                e.caffeine_mg,
                e.exercise_minutes,
                tuple(e.habits_kept),
                e.notes,
            )
            for e in DiaryEntry.objects.select_related("profile")
        ),
        "habits": sorted((p.name, tuple(p.rls_habits)) for p in Profile.objects.all()),
        "dietitians": sorted(
            (
                p.name,
                p.dietitian.username if p.dietitian else None,
                p.user.username if p.user else None,
                p.custom_target_mg,
                p.dietitian_notes,
            )
            for p in Profile.objects.select_related("dietitian", "user")
        ),
        # Django's JSON keeps times to the millisecond: an invitation may expire a fraction of one earlier.
        "invitations": sorted(
            (
                i.profile.name,
                i.email,
                i.token_hash,
                i.expires.replace(microsecond=0),
                i.expires.microsecond // 1000,
                i.used_at,
            )
            for i in Invitation.objects.select_related("profile")
        ),
        "plans": sorted(
            (
                p.name,
                p.profile.name,
                p.created_by.username if p.created_by else None,
                p.is_template,
                p.shared_with_client,
                p.client_can_edit,
                p.note,
                tuple(p.locked_meals),
            )
            for p in Plan.objects.select_related("profile", "created_by")
        ),
        "pinned": sorted(
            (e.plan.name, e.day, e.meal, str(e.food or e.supplement))
            for e in PlanEntry.objects.filter(pinned=True).select_related("plan", "food", "supplement")
        ),
    }


def test_a_backup_restores_into_an_empty_database_with_the_same_figures(populated, tmp_path):
    before, counts = _figures(), _counts()
    assert any((week.average_magnesium_mg or 0) > 0 for _, _, week, _ in before.values())
    backup = tmp_path / "backup.json"
    call_command("dumpdata", exclude=EXCLUDE, output=str(backup), verbosity=0)

    call_command("flush", interactive=False, verbosity=0)
    assert Plan.objects.count() == 0 and Food.objects.count() == 0 and User.objects.count() == 0

    call_command("loaddata", str(backup), verbosity=0)
    assert _counts() == counts
    assert _figures() == before
    # People can still log in with their own password, and own their own plans.
    alice = User.objects.get(username="alice")
    assert alice.check_password("a-long-test-password")
    assert set(Plan.objects.filter(profile__user=alice).values_list("name", flat=True)) == {"Last week", "This week"}


def test_a_backup_brings_back_the_diary_the_clinic_and_the_locked_and_pinned_meals(populated, tmp_path):
    before, figures = _people(), _figures()
    assert before["diary"] and before["invitations"] and before["pinned"]
    assert any(plan[-1] for plan in before["plans"])  # some meals are locked
    backup = tmp_path / "backup.json"
    call_command("dumpdata", exclude=EXCLUDE, output=str(backup), verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    assert DiaryEntry.objects.count() == 0 and Invitation.objects.count() == 0

    call_command("loaddata", str(backup), verbosity=0)
    assert _people() == before
    assert _figures() == figures
    # The dietitian still sees her clients and their plans, and Clara's invitation link still works.
    dora = User.objects.get(username="dora")
    assert dora.is_dietitian and dora.check_password("a-long-test-password")
    assert set(access.client_profiles(dora).values_list("name", flat=True)) == {"Clara", "Mallory"}
    assert set(access.visible_plans(dora).values_list("name", flat=True)) >= {
        "Clara's week",
        "Mallory's",
        "Seeds template",
    }
    assert invitation_check(invitation_for_token(populated.invitation_token)).profile.name == "Clara"
    # Mallory sees Clara's week no more than before: restored plans keep who may see them.
    assert "Clara's week" not in set(
        access.visible_plans(User.objects.get(username="mallory")).values_list("name", flat=True)
    )


def test_the_backup_holds_no_sessions_or_log_entries(populated, tmp_path, client, user):
    client.force_login(user)
    backup = tmp_path / "backup.json"
    call_command("dumpdata", exclude=EXCLUDE, output=str(backup), verbosity=0)
    text = backup.read_text()
    assert '"sessions.session"' not in text and '"admin.logentry"' not in text
    assert '"contenttypes.contenttype"' not in text and '"mealplanner.planentry"' in text


def test_a_truncated_backup_is_refused_and_changes_nothing(populated, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("dumpdata", exclude=EXCLUDE, output=str(backup), verbosity=0)
    before, counts = _figures(), _counts()
    Plan.objects.filter(name="This week").update(name="Renamed after the backup")
    text = backup.read_text()
    damaged = tmp_path / "damaged.json"
    damaged.write_text(text[: len(text) * 2 // 3])  # the copy stopped two thirds of the way through
    with pytest.raises(DeserializationError, match="damaged"):
        call_command("loaddata", str(damaged), verbosity=0)
    assert _counts() == counts
    assert Plan.objects.filter(name="Renamed after the backup").exists()
    assert {pk: v[2:] for pk, v in _figures().items()} == {pk: v[2:] for pk, v in before.items()}


# --- The README's steps, literally (issue 14: they failed with "no such table: mealplanner_cache") -----------


def _readme_commands(start: str) -> list[str]:
    """The `python manage.py ...` commands of the README from the line starting with `start` to the next
    item, with wrapped lines joined."""
    text = (Path(settings.BASE_DIR) / "README.md").read_text()
    part = text[text.index(start) :]
    part = part[: part.index("\n- ", 1)] if "\n- " in part[1:] else part
    return re.findall(r"`(python manage\.py [^`]+)`", " ".join(part.split()))


def _run(command: str, env: dict, cwd: Path) -> str:
    """A README command as an operator would type it in `cwd`: `python manage.py` is this project's."""
    words = shlex.split(command)
    assert words[:2] == ["python", "manage.py"]
    done = subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *words[2:]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


POPULATE = """
import datetime
from foods.models import Food, Portion
from mealplanner.access import own_profile
from mealplanner.models import User
from mealplanner.services import plans as s
alice = User.objects.create_user(username='alice', password='a-long-test-password', email='alice@example.org')
profile = own_profile(alice)
profile.age_years, profile.sex = 45, 'female'
profile.save()
# USDA SR28 NDB 12014, pumpkin seed kernels: Mg 592 mg per 100 g; 1 cup = 129 g.
seeds = Food.objects.create(ndb_number='12014', name='Seeds, pumpkin', food_group='Nut and Seed Products',
                            magnesium_mg=592)
cup = Portion.objects.create(food=seeds, seq=1, label='1 cup', grams=129)
plan = s.plan_create(profile=profile, name='Restored week', start_date=datetime.date(2030, 1, 7), created_by=alice)
s.plan_entry_add(plan=plan, day=0, meal='snack', food=seeds, portion=cup, quantity=0.25)
"""
FIGURES = """
from mealplanner.models import Plan
from mealplanner.selectors.plans import plan_week
for plan in Plan.objects.order_by('pk'):
    print(plan.name, round(plan_week(plan).totals.days[0].planned.food_magnesium.value, 3))
"""


def test_the_readmes_backup_and_restore_steps_work_literally_on_a_fresh_database(tmp_path):
    from tests.live.server import app_env, gunicorn, session_with_csrf

    backup_cmd, *restore = _readme_commands("- Backups:")
    assert backup_cmd.startswith("python manage.py dumpdata") and restore == [
        "python manage.py migrate",
        "python manage.py loaddata backup.json",
    ]
    old_site = app_env(tmp_path, tmp_path / "old.sqlite3")
    _run("python manage.py migrate", old_site, tmp_path)
    _run(f"python manage.py shell --verbosity 0 -c {shlex.quote(POPULATE)}", old_site, tmp_path)
    before = _run(f"python manage.py shell --verbosity 0 -c {shlex.quote(FIGURES)}", old_site, tmp_path)
    assert "Restored week 190.92" in before  # 0.25 × 129 g × 592 mg / 100 g
    _run(backup_cmd, old_site, tmp_path)
    assert (tmp_path / "backup.json").exists()

    new_site = app_env(tmp_path, tmp_path / "live.sqlite3")  # the file the server below serves
    for command in restore:
        _run(command, new_site, tmp_path)
    assert _run(f"python manage.py shell --verbosity 0 -c {shlex.quote(FIGURES)}", new_site, tmp_path) == before
    # ...and `import_foods` on that database works as written.
    table = tmp_path / "foods.csv"
    table.write_text('ndb_number,name,food_group,magnesium_mg\n11457,"Spinach, raw",Vegetables,79\n')  # SR28 11457
    _run(f"python manage.py import_foods {table}", new_site, tmp_path)

    with gunicorn(tmp_path, workers=1, threads=2, sqlite=tmp_path / "live.sqlite3") as server:  # answers: no 503
        session, token = session_with_csrf(server.url, "/accounts/login/")
        answer = session.post(
            server.url + "/accounts/login/",
            timeout=60,
            data={"username": "alice", "password": "a-long-test-password", "csrfmiddlewaretoken": token},
        )
        assert answer.status_code == 200 and answer.url.endswith("/")
        plans = session.get(server.url + "/plans/", timeout=60)
        assert plans.status_code == 200 and "Restored week" in plans.text
