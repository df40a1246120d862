"""The people and things the accessibility test visits (not a test module): every page gets real content,
so axe-core checks the markup a user sees (a plan with a food, a recipe and a supplement, a diary, a recipe,
an own food, a dietitian's client with a shared plan). Foods come from the curated fixture (USDA SR28)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from clinic.services import invitation_create
from diary.models import DiaryEntry
from foods.models import Food
from mealplanner.access import own_profile
from mealplanner.models import Medicine, Plan, PlanEntry, Profile, SupplementProduct
from mealplanner.services.accounts import SIGNUP_SALT
from mealplanner.services.plans import plan_entry_add
from mealplanner.services.recipe_entries import plan_recipe_add
from recipes.models import OwnFood, Recipe
from recipes.services import NewIngredient, ingredients_add

PASSWORD = "a-long-test-password"


@dataclass
class World:
    users: dict  # role -> user (no entry for the anonymous visitor)
    plan: Plan  # the person's own week
    food_entry: PlanEntry
    recipe_entry: PlanEntry
    supplement_entry: PlanEntry
    supplement: SupplementProduct
    recipe: Recipe
    own_food: OwnFood
    client: Profile  # the dietitian's client with a login
    client_plan: Plan  # shared with the client, with a note
    client_supplement: SupplementProduct
    template: Plan
    invitee: Profile  # a client without a login yet
    invite_token: str
    signup_token: str  # an e-mailed sign-up link's, as mealplanner.services.accounts signs it
    reset: dict  # a password-reset link's uidb64 and token, for the person
    food: Food


def _person(profile: Profile, **fields) -> Profile:
    for name, value in {"age_years": Decimal("45"), "sex": "female", "restless_legs": True, **fields}.items():
        setattr(profile, name, value)
    profile.save()
    return profile


def _week(plan: Plan, supplement: SupplementProduct, recipe: Recipe) -> tuple[PlanEntry, PlanEntry, PlanEntry]:
    seeds = Food.objects.get(ndb_number="12014")  # pumpkin seeds, curated fixture (SR28)
    spinach = Food.objects.get(ndb_number="11458")  # spinach, cooked (SR28)
    food_entry = plan_entry_add(plan=plan, day=0, meal="breakfast", food=seeds, portion=seeds.portions.first())
    plan_entry_add(plan=plan, day=1, meal="lunch", food=spinach, quantity=150)
    recipe_entry = plan_recipe_add(plan=plan, day=0, meal="dinner", recipe=recipe, servings=2)
    supplement_entry = plan_entry_add(
        plan=plan, day=0, meal="snack", supplement=supplement, time_taken=datetime.time(21)
    )
    PlanEntry.objects.filter(pk=food_entry.pk).update(status="eaten")
    return food_entry, recipe_entry, supplement_entry


def _diary(profile: Profile) -> None:
    today = timezone.localdate()
    for back in range(1, 6):
        DiaryEntry.objects.create(
            profile=profile,
            date=today - datetime.timedelta(days=back),
            symptom_score=back % 4 + 2,
            sleep_disturbed=back % 2 == 0,
            hours_slept=Decimal("6.5"),
            sleep_quality=3,
            caffeine_mg=80,
            exercise_minutes=20,
            habits_kept=["warm_bath"],
            notes="Legs restless at night",
        )


def build_world() -> World:
    """Needs the curated foods in the database (the `foods` fixture)."""
    users_model = get_user_model()
    alice = users_model.objects.create_user(username="alice", password=PASSWORD, first_name="Alice")
    dora = users_model.objects.create_user(
        username="dora", password=PASSWORD, is_dietitian=True, first_name="Dora", last_name="Diet"
    )
    clara = users_model.objects.create_user(username="clara", password=PASSWORD)
    ada = users_model.objects.create_superuser(username="ada", password=PASSWORD, email="ada@example.org")
    monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())

    person = _person(own_profile(alice), rls_habits=["warm_bath"])
    Medicine.objects.create(profile=person, name="omeprazole", medicine_class="ppi", time_taken=datetime.time(8))
    supplement = SupplementProduct.objects.create(
        profile=person, name="Magnesium citrate 200", form="citrate", elemental_mg_per_unit=200
    )
    # Sunflower seed butter, own label: 74 mg magnesium per 2 tbsp (32 g) read as 231 mg/100 g.
    own_food = OwnFood.objects.create(
        owner=alice,
        name="Grandma's seed butter",
        magnesium_mg=231,
        energy_kcal=617,
        serving_label="2 tbsp",
        serving_grams=32,
    )
    recipe = Recipe.objects.create(
        owner=alice,
        name="Spinach and seed bowl",
        servings=2,
        suits_lunch=True,
        suits_dinner=True,
        steps="Wilt the spinach.\nScatter the seeds.",
    )
    spinach = Food.objects.get(ndb_number="11458")
    ingredients_add(
        recipe=recipe,
        ingredients=[
            NewIngredient(food=spinach, portion=spinach.portions.first(), quantity=1),
            NewIngredient(own_food=own_food, quantity=40),
        ],
    )
    plan = Plan.objects.create(profile=person, created_by=alice, name="My week", start_date=monday)
    food_entry, recipe_entry, supplement_entry = _week(plan, supplement, recipe)
    _diary(person)
    person.disliked_foods.add(Food.objects.get(ndb_number="01009"))  # cheddar, on the "won't eat" list
    person.disliked_recipes.add(recipe)

    own_profile(dora)
    client = Profile.objects.create(
        user=clara, dietitian=dora, name="Clara", age_years=40, sex="female", restless_legs=True
    )
    client_supplement = SupplementProduct.objects.create(
        profile=client, name="Magnesium glycinate", form="glycinate", elemental_mg_per_unit=100
    )
    client_plan = Plan.objects.create(
        profile=client,
        created_by=dora,
        name="Clara's week",
        start_date=monday,
        shared_with_client=True,
        note="Have the spinach bowl on Tuesday",
    )
    _week(client_plan, client_supplement, recipe)
    _diary(client)
    template = Plan.objects.create(
        profile=own_profile(dora), created_by=dora, name="Low-caffeine week", start_date=monday, is_template=True
    )
    invitee = Profile.objects.create(dietitian=dora, name="Ben", age_years=52, sex="male")
    _, token, _ = invitation_create(profile=invitee)
    own_profile(ada)
    return World(
        users={"person": alice, "dietitian": dora, "client": clara, "admin": ada},
        plan=plan,
        food_entry=food_entry,
        recipe_entry=recipe_entry,
        supplement_entry=supplement_entry,
        supplement=supplement,
        recipe=recipe,
        own_food=own_food,
        client=client,
        client_plan=client_plan,
        client_supplement=client_supplement,
        template=template,
        invitee=invitee,
        invite_token=token,
        signup_token=signing.dumps({"username": "newbie", "email": "newbie@example.org"}, salt=SIGNUP_SALT),
        reset={
            "uidb64": urlsafe_base64_encode(force_bytes(alice.pk)),
            "token": default_token_generator.make_token(alice),
        },
        food=spinach,
    )
