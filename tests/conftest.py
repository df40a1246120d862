"""Fixtures shared by the whole suite."""

import os
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def curated_food_rows():
    """fixtures/foods.json (the curated foods and their portions), read and parsed once per test session."""
    from django.core import serializers

    path = Path(settings.BASE_DIR) / "fixtures" / "foods.json"
    return [item.object for item in serializers.deserialize("json", path.read_text())]


@pytest.fixture
def foods(db, curated_food_rows):
    """The curated foods in this test's database, as `loaddata fixtures/foods.json` puts them: parsed once per
    session, then two bulk inserts per test instead of a save per row."""
    import copy

    from django.core.management.color import no_style
    from django.db import connection

    from foods.models import Food, Portion

    for model in (Food, Portion):
        model.objects.bulk_create([copy.copy(row) for row in curated_food_rows if type(row) is model])
    with connection.cursor() as cursor:  # as loaddata does: new rows get ids after the fixture's (PostgreSQL)
        for sql in connection.ops.sequence_reset_sql(no_style(), [Food, Portion]):
            cursor.execute(sql)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Never download a browser: drive Debian's Chromium.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ["--disable-gpu"]}


@pytest.fixture(scope="session")
def sr28_dir() -> Path:
    path = Path(settings.USDA_SR28_DIR)
    if not (path / "FOOD_DES.txt").exists():
        pytest.skip(f"USDA SR28 files not found at {path}")
    return path


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(username="alice", password="a-long-test-password")


@pytest.fixture
def other_user(django_user_model):
    return django_user_model.objects.create_user(username="mallory", password="a-long-test-password")


@pytest.fixture
def client_logged_in(client, user):
    client.force_login(user)
    return client
