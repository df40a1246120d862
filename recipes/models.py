"""Recipes (dishes made of foods) and own foods (a person's foods from a label).

Nutrients are per 100 g, as in foods.Food, and NULL means unknown (the label did not give it), never zero.
Diet facts are nullable booleans: NULL is unknown. A recipe's figures and facts are derived from its
ingredients (recipes.per_serving), never stored.
"""

from django.conf import settings
from django.db import models

from foods.models import Food, Portion


class OwnFood(models.Model):
    """A food a person adds from its label: private to them; a dietitian may share theirs with clients."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="own_foods")
    name = models.CharField(max_length=200)
    # The label's serving ("1 bar", 40 g): a portion to pick in recipes, and how per-serving values were given.
    serving_label = models.CharField(max_length=60, blank=True)
    serving_grams = models.FloatField(null=True, blank=True)
    shared_with_clients = models.BooleanField(default=False)
    # Set when an admin copied it into the shared food table.
    promoted_to = models.ForeignKey(Food, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    vegan = models.BooleanField(null=True, blank=True)
    vegetarian = models.BooleanField(null=True, blank=True)
    contains_nuts = models.BooleanField("contains tree nuts", null=True, blank=True)
    contains_peanuts = models.BooleanField(null=True, blank=True)
    contains_dairy = models.BooleanField(null=True, blank=True)
    contains_gluten = models.BooleanField(null=True, blank=True)
    contains_fish = models.BooleanField(null=True, blank=True)
    contains_shellfish = models.BooleanField(null=True, blank=True)
    contains_soy = models.BooleanField(null=True, blank=True)
    contains_egg = models.BooleanField(null=True, blank=True)

    magnesium_mg = models.FloatField("magnesium (mg/100 g)", null=True, blank=True)
    calcium_mg = models.FloatField("calcium (mg/100 g)", null=True, blank=True)
    potassium_mg = models.FloatField("potassium (mg/100 g)", null=True, blank=True)
    phosphorus_mg = models.FloatField("phosphorus (mg/100 g)", null=True, blank=True)
    sodium_mg = models.FloatField("sodium (mg/100 g)", null=True, blank=True)
    caffeine_mg = models.FloatField("caffeine (mg/100 g)", null=True, blank=True)
    energy_kcal = models.FloatField("energy (kcal/100 g)", null=True, blank=True)
    protein_g = models.FloatField("protein (g/100 g)", null=True, blank=True)
    carbohydrate_g = models.FloatField("carbohydrate (g/100 g)", null=True, blank=True)
    fat_g = models.FloatField("fat (g/100 g)", null=True, blank=True)
    fibre_g = models.FloatField("fibre (g/100 g)", null=True, blank=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(serving_grams__isnull=True) | models.Q(serving_grams__gt=0),
                name="own_food_serving_positive",
            ),
        ]

    def __str__(self):
        return self.name


class Recipe(models.Model):
    PRIVATE, CLIENTS, PUBLIC = "private", "clients", "public"
    VISIBILITY = [(PRIVATE, "Only me"), (CLIENTS, "My clients (read only)"), (PUBLIC, "Everyone (read only)")]

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recipes")
    name = models.CharField(max_length=200)
    servings = models.PositiveSmallIntegerField(default=1)
    steps = models.TextField(blank=True)
    suits_breakfast = models.BooleanField(default=False)
    suits_lunch = models.BooleanField(default=False)
    suits_dinner = models.BooleanField(default=False)
    suits_snack = models.BooleanField(default=False)
    visibility = models.CharField(max_length=10, choices=VISIBILITY, default=PRIVATE)
    # Where a pasted or imported recipe came from (a web address), to credit it.
    source_url = models.URLField(max_length=500, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(servings__gte=1, servings__lte=100), name="recipe_servings_range"
            ),
            models.CheckConstraint(
                condition=models.Q(visibility__in=["private", "clients", "public"]), name="recipe_visibility_known"
            ),
        ]

    def __str__(self):
        return self.name


class RecipeIngredient(models.Model):
    """An amount of one food (a shared food or an own food) in a recipe. `grams` is what counts; `quantity`
    and `portion` say how the person gave it ("2 × 1 cup"), `line` the pasted text it came from."""

    recipe = models.ForeignKey(Recipe, on_delete=models.CASCADE, related_name="ingredients")
    food = models.ForeignKey(Food, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # The owner cannot delete an own food in use (recipes.services.own_food_delete says where); when their
    # whole account goes, a dietitian's shared food leaves her clients' recipes with it.
    own_food = models.ForeignKey(OwnFood, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    portion = models.ForeignKey(Portion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    quantity = models.FloatField()
    grams = models.FloatField()
    position = models.PositiveSmallIntegerField(default=0)
    line = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["recipe_id", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(food__isnull=False, own_food__isnull=True)
                    | models.Q(food__isnull=True, own_food__isnull=False)
                ),
                name="recipe_ingredient_one_food",
            ),
            models.CheckConstraint(
                condition=models.Q(grams__gt=0, quantity__gt=0), name="recipe_ingredient_amount_positive"
            ),
        ]

    def __str__(self):
        return f"{self.grams:g} g {self.food or self.own_food}"


class Favourite(models.Model):
    """A food, own food or recipe a person starred: offered first, one click each, in every meal's quick add."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourites")
    food = models.ForeignKey(Food, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    own_food = models.ForeignKey(OwnFood, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    recipe = models.ForeignKey(Recipe, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(food__isnull=False, own_food__isnull=True, recipe__isnull=True)
                    | models.Q(food__isnull=True, own_food__isnull=False, recipe__isnull=True)
                    | models.Q(food__isnull=True, own_food__isnull=True, recipe__isnull=False)
                ),
                name="favourite_one_item",
            ),
            models.UniqueConstraint(
                fields=["user", "food"], condition=models.Q(food__isnull=False), name="favourite_food_once"
            ),
            models.UniqueConstraint(
                fields=["user", "own_food"], condition=models.Q(own_food__isnull=False), name="favourite_own_food_once"
            ),
            models.UniqueConstraint(
                fields=["user", "recipe"], condition=models.Q(recipe__isnull=False), name="favourite_recipe_once"
            ),
        ]

    def __str__(self):
        return f"{self.user} ★ {self.food or self.own_food or self.recipe}"
