"""The packed benchmark week (bench/data.py's packed_week: 7 days × 4 meals × 5 foods and a supplement a day)
renders small, and the plan page and an htmx change cost the same queries however full the week is."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from foods.models import Food, Portion
from mealplanner.models import Plan, PlanEntry
from tests.mealplanner.plan_factories import citrate, make_profile, this_monday

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
MAX_PAGE_BYTES = 60 * 1024
MEALS = ("breakfast", "lunch", "dinner", "snack")
# The benchmark's foods: the first SR28 foods with a first portion, by NDB number (name, portion, grams).
FOODS = [
    ("Butter, salted", '1 pat (1" sq, 1/3" high)', 5.0),
    ("Butter, whipped, with salt", '1 pat (1" sq, 1/3" high)', 3.8),
    ("Butter oil, anhydrous", "1 tbsp", 12.8),
    ("Cheese, blue", "1 oz", 28.35),
    ("Cheese, brick", "1 cup, diced", 132),
    ("Cheese, brie", "1 oz", 28.35),
    ("Cheese, camembert", "1 oz", 28.35),
    ("Cheese, caraway", "1 oz", 28.35),
    ("Cheese, cheddar", "1 cup, diced", 132),
    ("Cheese, cheshire", "1 oz", 28.35),
    ("Cheese, colby", "1 cup, diced", 132),
    ("Cheese, cottage, creamed, large or small curd", "4 oz", 113),
    ("Cheese, cottage, creamed, with fruit", "4 oz", 113),
    ("Cheese, cottage, nonfat, uncreamed, dry, large or small curd", "1 cup (not packed)", 145),
    ("Cheese, cottage, lowfat, 2% milkfat", "4 oz", 113),
    ("Cheese, cottage, lowfat, 1% milkfat", "4 oz", 113),
    ("Cheese, cream", "1 tbsp", 14.5),
    ("Cheese, edam", "1 oz", 28.35),
    ("Cheese, feta", "1 cup, crumbled", 150),
    ("Cheese, fontina", "1 cup, diced", 132),
    ("Cheese, gjetost", "1 oz", 28.35),
    ("Cheese, gouda", "1 oz", 28.35),
    ("Cheese, gruyere", "1 oz", 28.35),
    ("Cheese, limburger", "1 cup", 134),
    ("Cheese, monterey", "1 cup, diced", 132),
    ("Cheese, mozzarella, whole milk", "1 cup, shredded", 112),
    ("Cheese, mozzarella, whole milk, low moisture", "1 oz", 28.35),
    ("Cheese, mozzarella, part skim milk", "1 oz", 28.35),
    ("Cheese, mozzarella, low moisture, part-skim", "1 cup, diced", 132),
    ("Cheese, muenster", "1 cup, diced", 132),
    ("Cheese, neufchatel", "1 oz", 28.35),
    ("Cheese, parmesan, grated", "1 cup", 100),
    ("Cheese, parmesan, hard", "1 oz", 28.35),
    ("Cheese, port de salut", "1 cup, diced", 132),
    ("Cheese, provolone", "1 cup, diced", 132),
    ("Cheese, ricotta, whole milk", "0.5 cup", 124),
    ("Cheese, ricotta, part skim milk", "0.5 cup", 124),
    ("Cheese, romano", "1 oz", 28.35),
    ("Cheese, roquefort", "1 oz", 28.35),
    ("Cheese, swiss", "1 cup, diced", 132),
    ("Cheese, tilsit", "1 oz", 28.35),
    ("Cheese, pasteurized process, American, fortified with vitamin D", "1 oz", 28.35),
    ("Cheese, pasteurized process, pimento", "1 cup, diced", 140),
    ("Cheese, pasteurized process, swiss", "1 cup, diced", 140),
    ("Cheese food, cold pack, American", "1 oz", 28.35),
    ("Cheese food, pasteurized process, American, vitamin D fortified", "1 cup", 113),
    ("Cheese food, pasteurized process, swiss", "1 oz", 28.35),
    ("Cheese spread, pasteurized process, American", "1 cup, diced", 140),
    ("Cream, fluid, half and half", "1 fl oz", 30.2),
    ("Cream, fluid, light (coffee cream or table cream)", "1 fl oz", 30),
    ("Cream, fluid, light whipping", "1 cup, whipped", 120),
    ("Cream, fluid, heavy whipping", "1 cup, whipped", 120),
    ("Cream, whipped, cream topping, pressurized", "1 cup", 60),
    ("Cream, sour, reduced fat, cultured", "1 tbsp", 15),
    ("Cream, sour, cultured", "1 tbsp", 12),
    ("Eggnog", "1 cup", 254),
    ("Sour dressing, non-butterfat, cultured, filled cream-type", "1 tbsp", 12),
    ("Milk, filled, fluid, with blend of hydrogenated vegetable oils", "1 cup", 244),
    ("Milk, filled, fluid, with lauric acid oil", "1 cup", 244),
    ("Cheese, American, nonfat or fat free", "1 serving", 19),
]


def packed_week(profile, user, *, foods_per_meal=5, start=None, fresh_ids=False):
    """bench/data.py's packed_week: `foods_per_meal` foods in each meal and a supplement each day.

    fresh_ids: the plan and its entries get the ids a fresh database gives (1, 2, ...). Ids are in every
    link of the page, and PostgreSQL's sequences keep counting across the suite's tests while SQLite's
    restart, so without this the same week measured some 2 KB more on PostgreSQL."""
    plan = Plan.objects.create(
        pk=1 if fresh_ids else None,
        profile=profile,
        created_by=user,
        name="Packed week",
        start_date=start or this_monday(),
    )
    portions = []
    for n, (name, label, grams) in enumerate(FOODS):
        food = Food.objects.create(
            name=name, food_group="Dairy and Egg Products", magnesium_mg=10 + n, energy_kcal=100 + n
        )
        portions.append(Portion.objects.create(food=food, seq=1, label=label, grams=grams))
    supplement = citrate(profile, mg=100)
    entries = []
    for day in range(7):
        for m, meal in enumerate(MEALS):
            for k in range(foods_per_meal):
                portion = portions[(day * 20 + m * 5 + k) % len(portions)]
                entries.append(PlanEntry(plan=plan, day=day, meal=meal, food=portion.food, portion=portion, quantity=1))
        entries.append(PlanEntry(plan=plan, day=day, meal="snack", supplement=supplement, quantity=1))
    if fresh_ids:
        for n, entry in enumerate(entries, start=1):
            entry.pk = n
    PlanEntry.objects.bulk_create(entries)
    return plan


@pytest.fixture
def profile(user):
    return make_profile(user, restless_legs=False)  # as the benchmark's person: no diary panel


def test_the_packed_week_page_is_at_most_60_kb(client_logged_in, profile, user):
    plan = packed_week(profile, user, fresh_ids=True)
    response = client_logged_in.get(f"/plans/{plan.pk}/")
    body = response.content.decode()
    assert response.status_code == 200 and body.count('<li id="entry-') == 7 * 21
    assert len(response.content) <= MAX_PAGE_BYTES, f"{len(response.content) / 1024:.1f} KB"


@pytest.mark.parametrize("start", [this_monday() - datetime.timedelta(days=7), this_monday()])
def test_queries_stay_flat_as_the_week_fills(client_logged_in, profile, user, django_assert_num_queries, start):
    light = packed_week(profile, user, foods_per_meal=1, start=start)
    full = packed_week(profile, user, foods_per_meal=5, start=start)
    counts = []
    for plan in (light, full):
        client_logged_in.get(f"/plans/{plan.pk}/")  # the session is warm
        entry = plan.entries.filter(food__isnull=False).first()
        with CaptureQueriesContext(connection) as page, CaptureQueriesContext(connection):
            client_logged_in.get(f"/plans/{plan.pk}/")
        with CaptureQueriesContext(connection) as edit:
            client_logged_in.post(
                f"/plans/{plan.pk}/entries/{entry.pk}/amount/",
                {"day": entry.day, "quantity": "2", "portion": entry.portion_id},
                **HX,
            )
        counts.append((len(page), len(edit)))
    assert counts[0] == counts[1]
    with django_assert_num_queries(counts[1][0]):
        client_logged_in.get(f"/plans/{full.pk}/")
