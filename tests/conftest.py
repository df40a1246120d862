"""Fixtures shared by the whole suite."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # The login throttle and other shared state live in the database cache table.
    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)


@pytest.fixture(autouse=True)
def fresh_search_cache():
    """Each test starts with an empty Foods search cache: it lives in this process, while each test's
    database (and the foods' generation token in its cache table) is rolled back after the test."""
    from foods import search_cache

    search_cache.clear()
    yield
    search_cache.clear()


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
