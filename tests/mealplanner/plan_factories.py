"""Small builders shared by the plan tests (not a test module)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from foods.models import Food, Portion
from mealplanner.access import own_profile
from mealplanner.models import Plan, PlanEntry, SupplementProduct


def this_monday() -> datetime.date:
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


def make_profile(user, **fields):
    profile = own_profile(user)
    defaults = {"age_years": Decimal("45"), "sex": "female", "restless_legs": True}
    for name, value in {**defaults, **fields}.items():
        setattr(profile, name, value)
    profile.save()
    return profile


def pumpkin_seeds() -> Food:
    # USDA SR28 NDB 12014, Seeds, pumpkin and squash seed kernels, dried: Mg 592 mg, 559 kcal per 100 g;
    # WEIGHT: 1 cup = 129 g.
    food, _ = Food.objects.get_or_create(
        ndb_number="12014",
        defaults=dict(
            name="Seeds, pumpkin and squash seed kernels, dried",
            food_group="Nut and Seed Products",
            magnesium_mg=592,
            energy_kcal=559,
            potassium_mg=809,
            phosphorus_mg=1233,
            sodium_mg=7,
            caffeine_mg=0,
            vegan=True,
            vegetarian=True,
            contains_nuts=False,
            suits_snack=True,
        ),
    )
    if not food.portions.exists():
        Portion.objects.create(food=food, seq=1, label="1 cup", grams=129)
    return food


def coffee() -> Food:
    # USDA SR28 NDB 14209, Beverages, coffee, brewed from grounds: Mg 3 mg, caffeine 40 mg, 1 kcal per 100 g;
    # 1 cup = 237 g.
    food, _ = Food.objects.get_or_create(
        ndb_number="14209",
        defaults=dict(
            name="Beverages, coffee, brewed from grounds",
            food_group="Beverages",
            magnesium_mg=3,
            caffeine_mg=40,
            energy_kcal=1,
            potassium_mg=49,
            phosphorus_mg=3,
            sodium_mg=2,
            vegan=True,
            vegetarian=True,
        ),
    )
    if not food.portions.exists():
        Portion.objects.create(food=food, seq=1, label="1 cup", grams=237)
    return food


def mystery_food() -> Food:
    return Food.objects.create(name="Homemade soup", food_group="Soups", magnesium_mg=None, energy_kcal=None)


def cheese() -> Food:
    return Food.objects.create(
        name="Cheese, cheddar",
        food_group="Dairy",
        magnesium_mg=28,
        energy_kcal=403,
        vegan=False,
        vegetarian=True,
        contains_dairy=True,
    )


def citrate(profile, mg=400) -> SupplementProduct:
    return SupplementProduct.objects.create(
        profile=profile, name="Magnesium citrate 400", form="citrate", elemental_mg_per_unit=mg
    )


def make_plan(profile, user=None, start=None, name="My week") -> Plan:
    return Plan.objects.create(profile=profile, created_by=user, name=name, start_date=start or this_monday())


def add_food(plan, food, day=0, meal="breakfast", quantity=1, portion="first", status="planned"):
    if portion == "first":
        portion = food.portions.first()
    return PlanEntry.objects.create(
        plan=plan, day=day, meal=meal, food=food, portion=portion, quantity=Decimal(str(quantity)), status=status
    )


def add_supplement(plan, product, day=0, meal="snack", quantity=1):
    return PlanEntry.objects.create(plan=plan, day=day, meal=meal, supplement=product, quantity=Decimal(str(quantity)))
