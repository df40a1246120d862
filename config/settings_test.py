"""Settings for the test suite: the production module with test-only values filled in."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-" + "k" * 60)
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_SECURE", "0")
os.environ.setdefault("DJANGO_PLAIN_STATIC", "1")
# Playwright's sync API keeps an asyncio loop in the main thread; the ORM must be allowed there in tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve static files straight from the apps' folders, as in development: no collectstatic before tests.
WHITENOISE_USE_FINDERS = True  # also set by DJANGO_PLAIN_STATIC=1 above
WHITENOISE_AUTOREFRESH = True
