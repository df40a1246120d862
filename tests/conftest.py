"""Fixtures shared by the whole suite."""

import os
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


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
