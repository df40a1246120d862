"""Demo data for `make run`. seed() returns (username, password, description) for each login it made.

`demo` is a woman of 45 with restless legs who takes omeprazole, keeps a 400 mg magnesium citrate and an
antacid in her cabinet, and has a sample week starting this Monday that shows every kind of figure the plan
page has: days under the target and over it, a day over the supplement limit (danger), caffeine, eaten and
skipped entries on the days already past.

Demo data stays with the demo accounts: the week uses only USDA foods from the shared food table and adds
none to it (a "Lentil soup, homemade" an earlier version added to everyone's food list is removed again).

Safe to run again: nothing is doubled; foods missing from the database (load_foods not run) are skipped.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from foods.models import Food
from mealplanner.access import own_profile
from mealplanner.models import Medicine, Plan, PlanEntry, SupplementProduct

USERNAME, PASSWORD = "demo", "demo-magnesium-password"
PLAN_NAME = "Demo week"
# An earlier demo added this to the shared food table; seed() takes it out of everyone's list again.
OLD_DEMO_SOUP = "Lentil soup, homemade (no USDA figures)"

# (day, meal, NDB number from fixtures/foods.json (USDA SR28), grams). Values per 100 g come from SR28:
# pumpkin seeds 12014 (592 mg), spinach boiled 11458 (87 mg), black beans 16015 (70 mg), almonds 12061
# (270 mg), brown rice 20037 (39 mg), banana 09040 (27 mg), oats cooked 08121 (27 mg), whole-wheat bread 18075
# (75 mg), salmon 15237 (30 mg), yogurt 01117 (17 mg), coffee 14209 (caffeine 40 mg), espresso 14210
# (caffeine 212 mg), dark chocolate 19904 (228 mg, caffeine 80 mg).
FOODS = (
    # Monday: under the target, with coffee.
    (0, "breakfast", "08121", 240),
    (0, "breakfast", "09040", 120),
    (0, "breakfast", "14209", 240),
    (0, "lunch", "18075", 60),
    (0, "dinner", "05064", 120),
    (0, "dinner", "20037", 150),
    # Tuesday: well over the target from food alone.
    (1, "breakfast", "01117", 170),
    (1, "breakfast", "12014", 28),
    (1, "lunch", "16015", 170),
    (1, "dinner", "11458", 180),
    (1, "dinner", "15237", 150),
    (1, "snack", "12061", 30),
    # Wednesday: a lot of caffeine (over the 400 mg the FDA names for healthy adults).
    (2, "breakfast", "14210", 120),
    (2, "breakfast", "14209", 480),
    (2, "lunch", "18075", 60),
    (2, "snack", "19904", 40),
    (2, "dinner", "20037", 150),
    # Thursday: a plain day under the target.
    (3, "breakfast", "08121", 240),
    (3, "lunch", "16015", 170),
    (3, "dinner", "11458", 90),
    # Friday to Sunday: ordinary days.
    (4, "breakfast", "01117", 170),
    (4, "lunch", "16015", 170),
    (4, "dinner", "15237", 150),
    (5, "breakfast", "09040", 120),
    (5, "lunch", "18075", 90),
    (5, "snack", "12061", 30),
    (6, "breakfast", "08121", 240),
    (6, "lunch", "11458", 180),
    (6, "dinner", "20037", 150),
)
# (day, meal, product key, units, time): the citrate on Wednesday plus an antacid puts that day over the
# 350 mg limit for supplemental magnesium [ODS Table 3].
SUPPLEMENTS = (
    (2, "dinner", "citrate", 1, datetime.time(21, 0)),
    (2, "snack", "antacid", 2, datetime.time(15, 0)),
    (5, "dinner", "citrate", 0.5, datetime.time(21, 0)),
)


def _this_monday() -> datetime.date:
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


def _profile(user):
    profile = own_profile(user)
    profile.name = "Demo (Dana)"
    profile.sex, profile.age_years, profile.restless_legs = "female", Decimal("45"), True
    profile.save()
    if not profile.medicines.exists():
        # Omeprazole is a proton pump inhibitor: long use can lower magnesium [ODS; FDA 2011].
        Medicine.objects.create(
            profile=profile, name="omeprazole", medicine_class="ppi", time_taken=datetime.time(8, 0)
        )
    products = {}
    products["citrate"], _ = SupplementProduct.objects.get_or_create(
        profile=profile,
        name="Magnesium citrate 400 mg",
        defaults={"kind": "supplement", "form": "citrate", "elemental_mg_per_unit": Decimal("400")},
    )
    # Magnesium hydroxide 311 mg per tablet, 41.7 % elemental [Molecules 2021, via reference/magnesium.md].
    products["antacid"], _ = SupplementProduct.objects.get_or_create(
        profile=profile,
        name="Antacid tablets (magnesium hydroxide)",
        defaults={"kind": "antacid", "form": "hydroxide", "compound_mg_per_unit": Decimal("311")},
    )
    return profile, products


def _remove_old_demo_soup() -> None:
    """The soup an earlier demo put in everyone's food list: out of the demo plans, and out of the table
    unless somebody else planned it (then it is theirs to keep)."""
    for soup in Food.objects.filter(name=OLD_DEMO_SOUP, ndb_number__isnull=True):
        PlanEntry.objects.filter(food=soup, plan__profile__user__username=USERNAME).delete()
        if not PlanEntry.objects.filter(food=soup).exists():
            soup.delete()


@transaction.atomic
def seed() -> list[tuple[str, str, str]]:
    _remove_old_demo_soup()
    user, _ = get_user_model().objects.get_or_create(username=USERNAME, defaults={"first_name": "Dana"})
    user.set_password(PASSWORD)
    user.save()
    profile, products = _profile(user)
    monday = _this_monday()
    plan, created = Plan.objects.get_or_create(
        profile=profile,
        name=PLAN_NAME,
        start_date=monday,
        defaults={"created_by": user},
    )
    if created:
        today = timezone.localdate()
        foods = {f.ndb_number: f for f in Food.objects.filter(ndb_number__in={r[2] for r in FOODS})}
        entries = []
        for i, (day, meal, ndb, grams) in enumerate(FOODS):
            food = foods.get(ndb)
            if food is None:
                continue  # not in this database: skip quietly
            past = monday + datetime.timedelta(days=day) < today
            # On days already past most entries were eaten; every fifth one was skipped.
            status = ("skipped" if i % 5 == 4 else "eaten") if past else "planned"
            entries.append(PlanEntry(plan=plan, day=day, meal=meal, food=food, quantity=Decimal(grams), status=status))
        for day, meal, key, units, time in SUPPLEMENTS:
            past = monday + datetime.timedelta(days=day) < today
            entries.append(
                PlanEntry(
                    plan=plan,
                    day=day,
                    meal=meal,
                    supplement=products[key],
                    quantity=Decimal(str(units)),
                    time_taken=time,
                    status="eaten" if past else "planned",
                )
            )
        PlanEntry.objects.bulk_create(entries)
    return [(USERNAME, PASSWORD, "a person planning their own meals")]
