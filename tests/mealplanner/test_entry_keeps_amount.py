"""Issue 14, item 1: an entry keeps what was planned. Deleting or changing a food's portion in the admin
never changes a plan; the admin says how many entries use a portion or a food before it is deleted."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.urls import reverse

from foods.models import Food, Portion
from mealplanner.models import PlanEntry
from mealplanner.selectors.plans import plan_week
from mealplanner.selectors.shopping import plan_shopping
from mealplanner.services import plans as services
from tests.mealplanner.plan_factories import make_plan, make_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def feta():
    # USDA SR28 NDB 01019, Cheese, feta: Mg 19 mg per 100 g; WEIGHT: 1 cup, crumbled = 150 g.
    food = Food.objects.create(
        ndb_number="01019", name="Cheese, feta", food_group="Dairy and Egg Products", magnesium_mg=19, energy_kcal=264
    )
    Portion.objects.create(food=food, seq=1, label="1 cup, crumbled", grams=150)
    return food


@pytest.fixture
def planned(user, feta):
    plan = make_plan(make_profile(user))
    entry = services.plan_entry_add(plan=plan, day=0, meal="lunch", food=feta, portion=feta.portions.get(), quantity=1)
    return plan, entry


def _amount_shown(plan) -> str:
    return next(e for meal in plan_week(plan).days[0].meals for e in meal.entries).amount_label


def test_an_added_entry_stores_its_grams_and_portion_name(planned):
    _, entry = planned
    entry.refresh_from_db()
    assert entry.grams == pytest.approx(150) and entry.portion_label == "1 cup, crumbled"


def test_deleting_the_portion_changes_neither_the_figures_nor_the_amount_shown(planned, feta):
    plan, entry = planned
    before = plan_week(plan).totals.days[0].planned.food_magnesium.value
    assert before == pytest.approx(28.5)  # 150 g × 19 mg / 100 g
    feta.portions.all().delete()
    entry.refresh_from_db()
    assert entry.portion_id is None
    assert plan_week(plan).totals.days[0].planned.food_magnesium.value == pytest.approx(28.5)
    assert _amount_shown(plan) == "1 × 1 cup, crumbled (150 g)"
    lines = [line for group in plan_shopping(plan).groups for line in group.lines]
    assert len(lines) == 1 and lines[0].grams == pytest.approx(150)
    assert "1 cup, crumbled" in lines[0].amount_label


def test_changing_a_portions_grams_changes_no_plan(planned, feta):
    plan, _ = planned
    feta.portions.update(grams=1)
    assert plan_week(plan).totals.days[0].planned.food_magnesium.value == pytest.approx(28.5)


def test_changing_the_amount_stores_the_new_grams(planned, feta):
    _, entry = planned
    services.plan_entry_change_amount(entry=entry, quantity=Decimal("80"), portion=None)
    entry.refresh_from_db()
    assert entry.grams == pytest.approx(80) and entry.portion_label == ""


def test_copies_of_a_plan_keep_the_stored_amount(planned, feta, user):
    plan, _ = planned
    copy = services.plan_duplicate_next_week(plan=plan, created_by=user)
    feta.portions.all().delete()
    assert plan_week(copy).totals.days[0].planned.food_magnesium.value == pytest.approx(28.5)


def test_the_migration_fills_existing_entries_from_their_portion(planned):
    _, entry = planned
    PlanEntry.objects.filter(pk=entry.pk).update(grams=None, portion_label="")
    migration = importlib.import_module("mealplanner.migrations.0002_entry_keeps_grams_unique_email_throttle_table")
    migration.fill_entry_grams(apps, None)
    entry.refresh_from_db()
    assert entry.grams == pytest.approx(150) and entry.portion_label == "1 cup, crumbled"


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser(username="sam", password="x" * 20))
    return client


def test_the_admin_says_how_many_entries_use_a_portion_before_deleting_it(planned, feta, staff_client):
    portion = feta.portions.get()
    page = staff_client.get(reverse("admin:foods_portion_delete", args=[portion.pk])).content.decode()
    assert "1 plan entry in 1 plan use this portion" in page and "changes no plan" in page
    assert (
        "Plan entries using it" in staff_client.get(reverse("admin:foods_food_change", args=[feta.pk])).content.decode()
    )


def test_the_admin_says_how_many_entries_use_a_food_before_deleting_it(planned, feta, staff_client):
    page = staff_client.get(reverse("admin:foods_food_delete", args=[feta.pk])).content.decode()
    assert "1 plan entry in 1 plan use this food" in page


def test_after_its_portion_is_deleted_the_change_form_offers_the_stored_grams_so_saving_it_changes_nothing(
    client, user, planned, feta
):
    plan, entry = planned
    feta.portions.all().delete()
    client.force_login(user)
    page = client.get(reverse("plans:entry_edit", args=[plan.pk, entry.pk])).content.decode()
    assert f'id="qty-{entry.pk}" name="quantity" value="150"' in page  # not "1", which would become 1 g
    assert "a portion this food no longer lists" in page
    response = client.post(
        reverse("plans:entry_amount", args=[plan.pk, entry.pk]), {"day": 0, "quantity": "150", "portion": "g"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.grams == pytest.approx(150)
    assert plan_week(plan).totals.days[0].planned.food_magnesium.value == pytest.approx(28.5)
