"""The name index (migration 0002: FTS5 on SQLite, a tsvector GIN index on PostgreSQL) finds exactly
what the portable search finds, and stays in step with every write to foods."""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foods import selectors
from foods.models import Food
from foods.selectors import search_foods
from foods.services import food_bulk_upsert

pytestmark = pytest.mark.django_db

NAMES = [
    "Seeds, pumpkin and squash seed kernels, dried",
    "Spinach, raw",
    "Pasta, fresh-refrigerated, spinach, as purchased",
    "Yogurt, plain, low fat, 12 grams protein per 8 ounce",
    "Yogurt, Greek, nonfat, KELLOGG'S",
    "Spices, pumpkin pie spice",
    "Beverages, coffee, brewed",
    "Coffeecake, cheese",
    "Milk, 2% milkfat, with added vitamin A_D",
    "Crème fraîche, Straße-style",
    "Nuts, almonds",
    "Low-fat cottage cheese (1% milkfat)",
    "Milk, 1.5% fat, 1/2 cup, 3e5 units, abc123def, e-mail@example.com, www.example.com/path",
]


@pytest.fixture
def foods():
    return [
        Food.objects.create(name=name, food_group="Test group", magnesium_mg=i or None) for i, name in enumerate(NAMES)
    ]


def portable(query, **kwargs):
    """The search without the name index, as on a database that has none."""
    key = ("default", str(connection.settings_dict["NAME"]))
    saved = selectors._fts_ready.get(key)
    selectors._fts_ready[key] = False
    try:
        return [r.food.id for r in search_foods(query, **kwargs)]
    finally:
        selectors._fts_ready.pop(key)
        if saved is not None:
            selectors._fts_ready[key] = saved


def test_the_database_has_the_name_index():
    assert selectors._name_index_ready("default")


def indexed(query, **kwargs):
    return [r.food.id for r in search_foods(query, **kwargs)]


@pytest.mark.parametrize(
    "query",
    [
        "pumpkin seed",
        "spin",
        "yog",
        "coffee",
        "al",
        "2",
        "low-fat",
        "milk 1",
        "A_D",
        "fat low",
        "seeds pumpk",
        "cr",
        "creme",
        "crè",
        "strasse",
        "KELLOGG",
        "zzz",
        "s p",
        "",
        "5",
        "1 5",
        "2 cup",
        "3e",
        "e5",
        "abc1",
        "123",
        "mail",
        "example com",
        "path",
        "www",
    ],
)
def test_the_index_finds_the_same_foods_in_the_same_order(foods, query):
    assert indexed(query) == portable(query)
    assert indexed(query, order="name", limit=None) == portable(query, order="name", limit=None)


# The foods are only read, so sharing them between examples is safe.
@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet="abcdefghilmnoprstuwxyz-, 1235éß", max_size=12))
def test_any_typed_text_finds_the_same_foods_with_or_without_the_index(foods, query):
    assert indexed(query, limit=None) == portable(query, limit=None)


def test_a_renamed_food_is_found_by_its_new_name_only(foods):
    spinach = Food.objects.get(name="Spinach, raw")
    spinach.name = "Kale, raw"
    spinach.save()
    assert indexed("kale") == [spinach.id]
    assert spinach.id not in indexed("spin")


def test_a_deleted_food_is_no_longer_found(foods):
    Food.objects.filter(name="Nuts, almonds").delete()
    assert indexed("almond") == []


def test_foods_imported_in_bulk_are_found(foods):
    food_bulk_upsert(
        rows=[{"ndb_number": "12061", "name": "Nuts, almonds, dry roasted", "food_group": "Nut and Seed Products"}]
    )
    found = [Food.objects.get(pk=pk).name for pk in indexed("almond roast")]
    assert found == ["Nuts, almonds, dry roasted"]
