"""Demo data for `make run`. seed() returns (username, password, description) for each login it made.

A demo dietitian with two clients: Karl (kidney disease, potassium and phosphorus caps, no login of his
own) and Rita (restless legs, logs in as `client`, sees a shared plan with a note). Safe to run again:
nothing is doubled, and foods missing from the database are skipped.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from foods.models import Food
from mealplanner.access import own_profile
from mealplanner.models import Plan, PlanEntry, Profile

DIETITIAN = ("dietitian", "demo-dietitian-password")
CLIENT = ("client", "demo-client-password")

# Foods from the curated SR28 fixture (fixtures/foods.json), looked up by NDB number.
# Two days of meals, alternated over the week: (meal, NDB number, grams).
KARL_DAYS = (
    # Lower-potassium, lower-phosphorus choices for kidney disease: white rice (20045), apple (09003),
    # whole-wheat bread (18075), farmed Atlantic salmon (15237).
    (("breakfast", "18075", 60), ("lunch", "20045", 150), ("dinner", "15237", 100), ("snack", "09003", 150)),
    (("breakfast", "18075", 60), ("lunch", "20045", 150), ("snack", "09003", 150)),
)
RITA_DAYS = (
    # Magnesium-rich foods the ODS fact sheet lists: pumpkin seeds (12016), almonds (12063),
    # spinach boiled (11458), banana (09040), whole-wheat bread (18075).
    (("breakfast", "09040", 120), ("breakfast", "18075", 60), ("lunch", "11458", 90), ("snack", "12016", 28)),
    (("breakfast", "09040", 120), ("lunch", "11458", 90), ("snack", "12063", 30)),
)


def _alternate(days) -> tuple:
    return tuple((day, *row) for day in range(7) for row in days[day % len(days)])


KARL_WEEK = _alternate(KARL_DAYS)
RITA_WEEK = _alternate(RITA_DAYS)


def _user(username: str, password: str, **fields):
    user, _ = get_user_model().objects.get_or_create(username=username, defaults=fields)
    for name, value in fields.items():
        setattr(user, name, value)
    user.set_password(password)
    user.save()
    return user


def _week(profile: Profile, *, by, name: str, rows, **fields) -> Plan:
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    plan, created = Plan.objects.get_or_create(
        profile=profile,
        name=name,
        is_template=False,
        defaults={"created_by": by, "start_date": monday, **fields},
    )
    if created:
        foods = {f.ndb_number: f for f in Food.objects.filter(ndb_number__in={r[2] for r in rows})}
        PlanEntry.objects.bulk_create(
            PlanEntry(plan=plan, day=day, meal=meal, food=foods[ndb], quantity=Decimal(grams))
            for day, meal, ndb, grams in rows
            if ndb in foods
        )
    return plan


@transaction.atomic
def seed() -> list[tuple[str, str, str]]:
    dietitian = _user(*DIETITIAN, is_dietitian=True, first_name="Dana", last_name="Demo")
    own_profile(dietitian)
    karl, _ = Profile.objects.get_or_create(
        dietitian=dietitian,
        name="Karl (demo)",
        user=None,
        defaults={
            "sex": "male",
            "age_years": 67,
            "kidney_disease": True,
            "potassium_cap_mg": 2000,
            "phosphorus_cap_mg": 800,
            "dietitian_notes": "Caps agreed with his nephrologist. No magnesium supplements.",
        },
    )
    _week(karl, by=dietitian, name="Karl: kidney-friendly week", rows=KARL_WEEK)

    client_user = _user(*CLIENT, first_name="Rita")
    rita = Profile.objects.filter(user=client_user).first()
    if rita is None:
        rita = Profile.objects.create(user=client_user, name="Rita (demo)")
    Profile.objects.filter(pk=rita.pk).update(
        dietitian=dietitian,
        sex="female",
        age_years=45,
        restless_legs=True,
    )
    rita.refresh_from_db()
    _week(
        rita,
        by=dietitian,
        name="Rita: magnesium from food",
        rows=RITA_WEEK,
        shared_with_client=True,
        note="Rita, try the pumpkin seeds as an evening snack. Magnesium may help some people with restless "
        "legs; the evidence is weak, so keep your diary and we will look at it together.",
    )
    return [
        (DIETITIAN[0], DIETITIAN[1], "a dietitian with two clients (Karl, Rita)"),
        (CLIENT[0], CLIENT[1], "Rita, a client whose dietitian shares a plan with a note"),
    ]
