"""The food names' full-text index stays in step after every migration (0003 rebuilt foods_food on SQLite
and took the triggers with it: foods added later were not found)."""

import pytest
from django.db import connection

from foods.models import Food
from foods.selectors import search_foods

pytestmark = pytest.mark.django_db


def test_the_fts_triggers_exist_after_all_migrations():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL searches a tsvector index that needs no triggers")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'foods_food_fts_%'")
        assert {row[0] for row in cursor.fetchall()} == {"foods_food_fts_ai", "foods_food_fts_ad", "foods_food_fts_au"}


def test_a_food_added_after_the_migrations_is_found_by_a_word_start():
    Food.objects.create(
        name="Seeds, pumpkin and squash seed kernels, dried",
        food_group="Nut and Seed Products",
        magnesium_mg=592,
        energy_kcal=559,
    )  # USDA SR28 NDB 12014
    results = search_foods("pumpk")
    assert results.total == 1 and "pumpkin" in str(getattr(results[0], "food", results[0])).lower()
