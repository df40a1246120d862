"""Foods with their nutrients per 100 g (USDA SR28) and household portions.

A nutrient USDA did not report is NULL (unknown), never zero. Diet facts are nullable booleans:
NULL means unknown, which the rules treat as "not allowed" for a person with that restriction.
"""

from django.db import models

# Nutrient fields per 100 g, with their SR28 nutrient code and unit. Import, export, admin and the
# optimiser all read this one table.
NUTRIENTS = (
    ("magnesium_mg", "304", "mg", "Magnesium"),
    ("calcium_mg", "301", "mg", "Calcium"),
    ("potassium_mg", "306", "mg", "Potassium"),
    ("phosphorus_mg", "305", "mg", "Phosphorus"),
    ("sodium_mg", "307", "mg", "Sodium"),
    ("caffeine_mg", "262", "mg", "Caffeine"),
    ("energy_kcal", "208", "kcal", "Energy"),
    ("protein_g", "203", "g", "Protein"),
    ("carbohydrate_g", "205", "g", "Carbohydrate"),
    ("fat_g", "204", "g", "Fat"),
    ("fibre_g", "291", "g", "Fibre"),
)
NUTRIENT_FIELDS = tuple(n[0] for n in NUTRIENTS)

# Diet facts: True, False, or None for unknown.
DIET_FIELDS = (
    "vegan",
    "vegetarian",
    "contains_nuts",
    "contains_peanuts",
    "contains_dairy",
    "contains_gluten",
    "contains_fish",
    "contains_shellfish",
    "contains_soy",
    "contains_egg",
)
ALLERGENS = ("nuts", "peanuts", "dairy", "gluten", "fish", "shellfish", "soy", "egg")
MEALS = ("breakfast", "lunch", "dinner", "snack")
MEAL_FIELDS = tuple(f"suits_{meal}" for meal in MEALS)


class Food(models.Model):
    name = models.CharField(max_length=200, db_index=True)
    food_group = models.CharField(max_length=80, db_index=True)
    ndb_number = models.CharField(
        "NDB number",
        max_length=5,
        unique=True,
        null=True,
        blank=True,
        help_text="USDA SR28 food id (5 digits). Empty for a food added by hand.",
    )

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

    suits_breakfast = models.BooleanField(default=False)
    suits_lunch = models.BooleanField(default=False)
    suits_dinner = models.BooleanField(default=False)
    suits_snack = models.BooleanField(default=False)

    magnesium_mg = models.FloatField("magnesium (mg/100 g)", null=True, blank=True, db_index=True)
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

    # Whole nuts and seeds, popcorn, whole grapes, hard raw vegetables... (CDC "Choking Hazards"; AAP; see
    # ../shared/reference/balanced-diet.md): never in a generated plan for a child under 4, and adding it
    # by hand for one asks first. Curated in scripts/food_selection_safety.py.
    choking_hazard_under_4 = models.BooleanField(
        "choking hazard under 4",
        default=False,
        help_text="Whole nuts or seeds, popcorn, whole grapes, hard raw vegetables or fruit, chunks of meat "
        "or cheese, hard or sticky sweets, spoonfuls of nut butter (CDC, AAP).",
    )

    # Set whenever an admin edits a food by hand, so `make run` and re-imports never overwrite it.
    edited_by_admin = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(magnesium_mg__isnull=True) | models.Q(magnesium_mg__gte=0, magnesium_mg__lte=1000),
                name="food_magnesium_plausible",
            ),
        ]

    def __str__(self):
        return self.name


class Portion(models.Model):
    """A household measure from SR28's WEIGHT file, e.g. raw spinach "1 cup" = 30 g."""

    food = models.ForeignKey(Food, on_delete=models.CASCADE, related_name="portions")
    seq = models.PositiveSmallIntegerField(default=1)
    label = models.CharField(max_length=120)
    grams = models.FloatField()
    # The portion a person would use (1 oz of nuts, 1 cup of cooked greens): the Add form's default.
    # At most one per food; a food without one falls back to foods.portions.default_portion's rule.
    is_default = models.BooleanField("default portion", default=False)

    class Meta:
        ordering = ["food_id", "seq", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(grams__gt=0), name="portion_grams_positive"),
            models.UniqueConstraint(
                fields=["food"], condition=models.Q(is_default=True), name="portion_one_default_per_food"
            ),
        ]

    def __str__(self):
        return f"{self.label} ({self.grams:g} g)"
