"""People, their supplements and medicines, and their weekly plans.

A Profile is "a person the rules apply to": a user's own profile (user set, no dietitian), or a
dietitian's client (dietitian set), who may or may not have a login of their own (user).
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower

from foods.models import Food, Portion

# The dates a plan may start on: anything outside is a typing mistake, and Python's dates end at year 9999,
# so a plan near that end would break every page that counts its days (issue 14).
PLAN_FIRST_START = datetime.date(2000, 1, 1)
PLAN_LAST_START = datetime.date(2100, 12, 31)


class User(AbstractUser):
    is_dietitian = models.BooleanField(
        default=False, help_text="Dietitians keep a roster of clients and build plans for them."
    )

    class Meta(AbstractUser.Meta):
        constraints = [
            # One account per e-mail address, whatever its case, so a password reset reaches one person;
            # the database holds it even when sign-ups race. Accounts without an address are exempt.
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="user_email_unique_ci",
                violation_error_message="An account with this e-mail address already exists.",
            ),
        ]


class Profile(models.Model):
    SEX_CHOICES = [("female", "Female"), ("male", "Male")]
    DIET_CHOICES = [("none", "No restriction"), ("vegetarian", "Vegetarian"), ("vegan", "Vegan")]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="profile"
    )
    dietitian = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="clients"
    )
    name = models.CharField(max_length=120)
    birth_date = models.DateField(null=True, blank=True)
    age_years = models.DecimalField(
        max_digits=5, decimal_places=2, null=True, blank=True, help_text="Used when no birth date is given."
    )
    # Asked, never assumed (issue 13): "" until the person (or their dietitian) answers; forms require it.
    sex = models.CharField(max_length=6, choices=SEX_CHOICES, default="")
    pregnant = models.BooleanField(default=False)
    due_date = models.DateField(null=True, blank=True, help_text="Gives the trimester for the energy goal.")
    lactating = models.BooleanField("breastfeeding", default=False)
    baby_birth_date = models.DateField(
        null=True, blank=True, help_text="While breastfeeding: gives the baby's age for the energy goal."
    )
    weight_kg = models.DecimalField(
        "body weight (kg)",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Optional; a child's caffeine figure is per kg of body weight.",
    )
    kidney_disease = models.BooleanField(default=False)
    bleeding_disorder = models.BooleanField(default=False)
    restless_legs = models.BooleanField("I have restless legs", default=False)
    caffeine_free = models.BooleanField("caffeine-free days", default=False)
    diet = models.CharField(max_length=10, choices=DIET_CHOICES, default="none")
    # Allergens from foods.models.ALLERGENS that this person avoids.
    allergies = models.JSONField(default=list, blank=True)
    energy_goal_kcal = models.PositiveIntegerField(null=True, blank=True, help_text="Empty: a default for age and sex.")

    # Set by a dietitian; the custom value wins over the rules and the UI says it is custom.
    custom_target_mg = models.PositiveIntegerField(null=True, blank=True)
    custom_target_reason = models.CharField(max_length=200, blank=True)
    custom_energy_reason = models.CharField(max_length=200, blank=True)
    potassium_cap_mg = models.PositiveIntegerField(null=True, blank=True)
    phosphorus_cap_mg = models.PositiveIntegerField(null=True, blank=True)
    sodium_cap_mg = models.PositiveIntegerField(null=True, blank=True)
    dietitian_notes = models.TextField(blank=True, help_text="Private to the dietitian.")

    # Restless-legs companion: the habits this person chose to try (codes from diary.habits).
    rls_habits = models.JSONField(default=list, blank=True)
    # Foods and dishes this person won't eat (issue 17): the generator never plans them.
    disliked_foods = models.ManyToManyField(Food, blank=True, related_name="+")
    disliked_recipes = models.ManyToManyField("recipes.Recipe", blank=True, related_name="+")

    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Medicine(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="medicines")
    # The name the person typed or picked (e.g. "omeprazole"), and the class the rules map it to.
    name = models.CharField(max_length=80)
    medicine_class = models.CharField(max_length=40)
    time_taken = models.TimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SupplementProduct(models.Model):
    """A product in a person's cabinet: a magnesium supplement, antacid or laxative."""

    KIND_CHOICES = [("supplement", "Supplement"), ("antacid", "Antacid"), ("laxative", "Laxative")]

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="supplements")
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, choices=KIND_CHOICES, default="supplement")
    form = models.CharField(max_length=30, help_text="Compound, e.g. citrate, oxide, glycinate.")
    elemental_mg_per_unit = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    compound_mg_per_unit = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    prescribed = models.BooleanField("prescribed by a doctor", default=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(elemental_mg_per_unit__isnull=False) | models.Q(compound_mg_per_unit__isnull=False),
                name="supplement_has_an_amount",
            ),
        ]

    def __str__(self):
        return self.name


class Plan(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="plans")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(max_length=120)
    start_date = models.DateField()
    # A dietitian's templates are plans on the dietitian's own profile with is_template set.
    is_template = models.BooleanField(default=False)
    # For plans a dietitian made for a client: whether the client sees it, and may edit it.
    shared_with_client = models.BooleanField(default=False)
    client_can_edit = models.BooleanField(default=False)
    note = models.TextField(blank=True, help_text="A note from the dietitian that the client sees.")
    # Meals the generator must leave alone, as "day:meal" strings such as "0:breakfast".
    locked_meals = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        # The dashboard picks each client's week holding today: a range of one profile's plans, however long
        # their history (issue 19).
        indexes = [models.Index(fields=["profile", "start_date"], name="plan_profile_start_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__gte=PLAN_FIRST_START, start_date__lte=PLAN_LAST_START),
                name="plan_start_in_supported_range",
                violation_error_message="A plan must start between 1 January 2000 and 31 December 2100.",
            ),
        ]

    def __str__(self):
        return self.name


class PlanEntry(models.Model):
    """One food, recipe or supplement in one meal of one day of a plan."""

    MEAL_CHOICES = [("breakfast", "Breakfast"), ("lunch", "Lunch"), ("dinner", "Dinner"), ("snack", "Snacks")]
    STATUS_CHOICES = [("planned", "Planned"), ("eaten", "Eaten"), ("skipped", "Skipped")]

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="entries")
    day = models.PositiveSmallIntegerField(help_text="0 = the plan's start date, up to 6.")
    meal = models.CharField(max_length=10, choices=MEAL_CHOICES)
    # The foods admin counts a food's or portion's entries through plan_entries (foods imports no app).
    food = models.ForeignKey(Food, null=True, blank=True, on_delete=models.PROTECT, related_name="plan_entries")
    # A dish (issue 16): quantity is then its servings, and the entry's foods are the snapshot in
    # PlanEntryIngredient. recipe_name marks a recipe entry and keeps its name: the recipe itself may be
    # deleted later (then recipe is NULL), but what was planned or eaten stays as it was.
    recipe = models.ForeignKey("recipes.Recipe", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    recipe_name = models.CharField(max_length=200, blank=True)
    # A count of this portion; with no portion, quantity is in grams.
    portion = models.ForeignKey(Portion, null=True, blank=True, on_delete=models.SET_NULL, related_name="plan_entries")
    quantity = models.DecimalField(max_digits=7, decimal_places=2, default=1)
    # What was planned, kept when the entry is added or changed: a later edit or deletion of the food's
    # portions never changes a plan (mealplanner.entry_amounts reads these). Empty for supplements.
    grams = models.FloatField(null=True, blank=True)
    portion_label = models.CharField(max_length=120, blank=True)
    supplement = models.ForeignKey(
        SupplementProduct, null=True, blank=True, on_delete=models.CASCADE, related_name="entries"
    )
    time_taken = models.TimeField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=STATUS_CHOICES, default="planned")
    pinned = models.BooleanField(default=False, help_text="The generator keeps it, on any number of days.")
    generated = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "plan entries"
        ordering = ["day", "meal", "id"]
        indexes = [
            # No index of its own for (plan, day): planentry_food_sums_idx starts with those columns and serves it.
            # The dashboard's grouped sums read these indexes, not the table (issue 19): every column a week's
            # food sum reads; the supplements, a few a week, not found among all of a week's entries; the dishes.
            models.Index(fields=["plan", "day", "food", "grams"], name="planentry_food_sums_idx"),
            models.Index(
                fields=["plan", "day", "supplement", "time_taken", "quantity"],
                condition=models.Q(supplement__isnull=False),
                name="planentry_supplements_idx",
            ),
            models.Index(fields=["plan"], condition=~models.Q(recipe_name=""), name="planentry_dishes_idx"),
        ]
        constraints = [
            # Exactly one of a food, a recipe (marked by its kept name) or a supplement.
            models.CheckConstraint(
                condition=(
                    models.Q(food__isnull=False, supplement__isnull=True, recipe_name="")
                    | models.Q(food__isnull=True, supplement__isnull=False, recipe_name="")
                    | (models.Q(food__isnull=True, supplement__isnull=True) & ~models.Q(recipe_name=""))
                ),
                name="entry_is_food_recipe_or_supplement",
            ),
            models.CheckConstraint(condition=models.Q(day__gte=0, day__lte=6), name="entry_day_in_week"),
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="entry_quantity_positive"),
        ]

    def __str__(self):
        what = self.food or self.supplement or self.recipe_name
        return f"{what} × {self.quantity}"


class PlanEntryIngredient(models.Model):
    """One food of a recipe entry, in grams per serving, as the recipe was when the entry was added (or last
    brought up to date: mealplanner.services.recipe_entries). Editing the recipe later never changes a past
    or eaten day."""

    entry = models.ForeignKey(PlanEntry, on_delete=models.CASCADE, related_name="ingredients")
    food = models.ForeignKey(Food, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    own_food = models.ForeignKey("recipes.OwnFood", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    grams = models.FloatField(help_text="Grams in one serving.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["entry_id", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(food__isnull=False, own_food__isnull=True)
                    | models.Q(food__isnull=True, own_food__isnull=False)
                ),
                name="entry_ingredient_one_food",
            ),
            models.CheckConstraint(condition=models.Q(grams__gt=0), name="entry_ingredient_grams_positive"),
        ]

    def __str__(self):
        return f"{self.grams:g} g {self.food or self.own_food}"
