"""Settings for the app served by gunicorn in the live tests (tests/live/server.py): the test settings,
with a password hasher that counts every password it checks (tests/live/hasher.py)."""

from config.settings_test import *  # noqa: F403

PASSWORD_HASHERS = ["tests.live.hasher.CountingMD5PasswordHasher"]
