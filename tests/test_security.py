"""Production settings are safe: Django's deployment check passes, cookies are Secure, every page carries the
security headers and a Content Security Policy that allows only our own files; bad settings fail loudly.

Each test runs Django in a subprocess with a production environment, because settings are read once at start.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOST = "planner.example.org"


def _env(tmp_path, **overrides) -> dict:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48)[:64],
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        # No collectstatic in a test: serve the plain files (the manifest is a deployment step).
        "DJANGO_PLAIN_STATIC": "1",
    }
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def _run(args, env, timeout=120):
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def test_the_deployment_check_passes_with_production_settings(tmp_path):
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], _env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("variable", "value", "words"),
    [
        ("DJANGO_DEBUG", "maybe", "DJANGO_DEBUG must be one of"),
        ("DJANGO_SECRET_KEY", "too-short", "DJANGO_SECRET_KEY must be at least 50"),
        ("DJANGO_SECRET_KEY", None, "Set the environment variable DJANGO_SECRET_KEY"),
        ("DJANGO_ALLOWED_HOSTS", None, "Set DJANGO_ALLOWED_HOSTS"),
        ("DJANGO_ALLOWED_HOSTS", " , ", "DJANGO_ALLOWED_HOSTS must list at least one"),
        ("DJANGO_HSTS_SECONDS", "a year", "DJANGO_HSTS_SECONDS must be a whole number"),
        ("DJANGO_DEMO_ACCOUNTS", "1", "DJANGO_DEMO_ACCOUNTS is for development only"),
    ],
)
def test_a_bad_setting_stops_the_server_and_names_the_variable(tmp_path, variable, value, words):
    result = _run(["manage.py", "check"], _env(tmp_path, **{variable: value}))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and words in result.stderr


# One production server in a subprocess: migrate, log in over HTTPS, report what the browser would receive.
PROBE = r"""
import json, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)  # alone: no createcachetable (issue 14)
from django.contrib.auth import get_user_model
from django.test import Client
get_user_model().objects.create_user(username="alice", password="a-long-test-password")
client = Client(HTTP_HOST="%(host)s")
out = {}
page = client.get("/accounts/login/", secure=True)
out["page"] = {"status": page.status_code, "headers": dict(page.headers),
               "csrf": {k: page.cookies["csrftoken"][k] for k in ("secure", "httponly", "samesite")}}
login = client.post("/accounts/login/", {"username": "alice", "password": "a-long-test-password"}, secure=True)
morsel = login.cookies["sessionid"]
out["session"] = {"status": login.status_code, "secure": morsel["secure"], "httponly": morsel["httponly"],
                  "samesite": morsel["samesite"]}
plain = Client(HTTP_HOST="%(host)s").get("/accounts/login/")
out["plain"] = {"status": plain.status_code, "location": plain.headers.get("Location", "")}
print(json.dumps(out))
""" % {"host": HOST}  # noqa: UP031 - the probe is Python source full of {} literals


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("production")
    result = _run(["-c", PROBE], _env(tmp_path), timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_plain_http_is_sent_to_https(production):
    assert production["plain"]["status"] == 301
    assert production["plain"]["location"].startswith(f"https://{HOST}/")


def test_the_session_cookie_is_secure_and_hidden_from_scripts(production):
    assert production["session"]["status"] == 302
    assert production["session"]["secure"] is True
    assert production["session"]["httponly"] is True
    assert production["session"]["samesite"] == "Lax"


def test_the_csrf_cookie_is_secure(production):
    # htmx reads the token from the page (hx-headers), so the cookie itself may stay HttpOnly or not.
    assert production["page"]["csrf"]["secure"] is True


def test_pages_carry_the_security_headers(production):
    headers = {k.lower(): v for k, v in production["page"]["headers"].items()}
    assert production["page"]["status"] == 200
    hsts = headers["strict-transport-security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"


def test_the_content_security_policy_allows_only_our_own_scripts_and_styles(production):
    headers = {k.lower(): v for k, v in production["page"]["headers"].items()}
    policy = {}
    for part in headers["content-security-policy"].split(";"):
        name, *values = part.split()
        policy[name] = values
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert "unsafe-eval" not in headers["content-security-policy"]


def test_the_test_settings_serve_the_same_policy(client):
    # The policy is on in every mode, not just production, so a page that breaks it fails in tests too.
    response = client.get("/accounts/login/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
