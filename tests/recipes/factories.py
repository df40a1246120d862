"""Small builders for the recipe tests (not a test module). Figures per 100 g from USDA SR28."""

from foods.models import Food, Portion
from mealplanner.models import Profile


def spinach_cooked() -> Food:
    # SR28 NDB 11458, Spinach, cooked, boiled, drained, without salt: Mg 87 mg, 23 kcal; 1 cup = 180 g.
    food = Food.objects.create(
        ndb_number="11458",
        name="Spinach, cooked, boiled, drained, without salt",
        food_group="Vegetables and Vegetable Products",
        magnesium_mg=87,
        energy_kcal=23,
        vegan=True,
        vegetarian=True,
        contains_nuts=False,
        contains_gluten=False,
    )
    Portion.objects.create(food=food, seq=1, label="1 cup", grams=180)
    return food


def pumpkin_seeds() -> Food:
    # SR28 NDB 12014, Seeds, pumpkin and squash seed kernels, dried: Mg 592 mg, 559 kcal; 1 cup = 129 g, 1 oz = 28.35 g.
    food = Food.objects.create(
        ndb_number="12014",
        name="Seeds, pumpkin and squash seed kernels, dried",
        food_group="Nut and Seed Products",
        magnesium_mg=592,
        energy_kcal=559,
        vegan=True,
        vegetarian=True,
        contains_nuts=False,
        contains_gluten=False,
    )
    Portion.objects.create(food=food, seq=1, label="1 cup", grams=129)
    Portion.objects.create(food=food, seq=2, label="1 oz", grams=28.35)
    return food


def tofu() -> Food:
    # SR28 NDB 16127, Tofu, soft, prepared with calcium sulfate and magnesium chloride (nigari): Mg 27 mg, 61 kcal.
    food = Food.objects.create(
        ndb_number="16127",
        name="Tofu, soft, prepared with calcium sulfate and magnesium chloride (nigari)",
        food_group="Legumes and Legume Products",
        magnesium_mg=27,
        energy_kcal=61,
        vegan=True,
        vegetarian=True,
        contains_soy=True,
        contains_nuts=False,
    )
    Portion.objects.create(food=food, seq=1, label="1 cubic inch", grams=18)
    return food


def client_of(dietitian, user) -> Profile:
    return Profile.objects.create(user=user, dietitian=dietitian, name=user.username, age_years=30)
