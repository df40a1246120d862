"""Foods for the foods tests, with values copied from USDA SR28 by the tests that call these."""

from foods.models import Food, Portion


def make_food(ndb, name, group, *, mg=None, kcal=None, portions=(), **facts):
    food = Food.objects.create(ndb_number=ndb, name=name, food_group=group, magnesium_mg=mg, energy_kcal=kcal, **facts)
    for seq, (label, grams) in enumerate(portions, start=1):
        Portion.objects.create(food=food, seq=seq, label=label, grams=grams)
    return food
