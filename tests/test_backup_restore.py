"""A backup made with `dumpdata` restores into an empty database with every plan's figures unchanged;
a damaged backup is refused and leaves the database as it was.

Backup, as the README's operators would run it:
  manage.py dumpdata --exclude contenttypes --exclude auth.permission --exclude sessions
                     --exclude admin.logentry -o backup.json
Restore: manage.py flush --no-input, then manage.py loaddata backup.json.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.serializers.base import DeserializationError

from foods.models import Food
from mealplanner.models import Medicine, Plan, PlanEntry, Profile, SupplementProduct, User
from mealplanner.selectors.plans import plan_week
from tests.mealplanner.plan_factories import (
    add_food, add_supplement, cheese, citrate, coffee, make_plan, make_profile, mystery_food, pumpkin_seeds,
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
    Medicine.objects.create(profile=profile, name="omeprazole", medicine_class="ppi",
                            time_taken=datetime.time(8, 0))
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
    # Somebody else's plan, so the restore must keep plans with their owners.
    other = make_profile(other_user, name="Mallory", sex="male")
    add_food(make_plan(other, other_user, name="Mallory's"), cheddar, day=5, meal="dinner", portion=None, quantity=90)
    return profile


def _counts():
    return {model.__name__: model.objects.count()
            for model in (User, Profile, Medicine, SupplementProduct, Food, Plan, PlanEntry)}


def test_a_backup_restores_into_an_empty_database_with_the_same_figures(populated, tmp_path):
    before, counts = _figures(), _counts()
    assert any(week.average_magnesium_mg > 0 for _, _, week, _ in before.values())
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
