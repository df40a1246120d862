"""The benchmarks' server and client (bench/run.py, bench/locustfile.py): gunicorn serving the app with
production settings on 127.0.0.1, a small keep-alive HTTP client with cookies and CSRF, and Django set up
in the benchmark's own process to prepare its data.
"""

import http.client
import io
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable


def production_env(**extra) -> dict[str, str]:
    """Production settings on loopback over plain HTTP (no TLS here, so DJANGO_SECURE=0)."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=env.get("BENCH_SECRET_KEY", "bench-" + secrets.token_urlsafe(48)),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE="0",
        DJANGO_LOG_LEVEL="ERROR",
    )
    if not env.get("DATABASE_URL"):
        env.setdefault("DJANGO_SQLITE_PATH", str(RESULTS / "bench.sqlite3"))
    env.update(extra)
    return env


def setup_django(env: dict[str, str]) -> None:
    """Django in this process with `env` (the settings gunicorn gets too), for preparing the data."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def quietly(*args: str, **options: Any) -> None:
    """A manage.py command in this process, its chatter kept off the benchmark's table."""
    from django.core.management import call_command

    call_command(*args, verbosity=0, stdout=io.StringIO(), **options)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn serving the app with production settings; stopped through its pid file."""

    def __init__(self, env, workers=3, port=None, threads=1):
        self.env, self.workers, self.threads = env, workers, threads
        self.port = port or free_port()
        self.pidfile = RESULTS / f"gunicorn-{self.port}.pid"

    def __enter__(self):
        RESULTS.mkdir(parents=True, exist_ok=True)
        gunicorn = str(Path(PYTHON).parent / "gunicorn")
        self.proc = subprocess.Popen(
            [
                gunicorn,
                "config.wsgi",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--pid",
                str(self.pidfile),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                Client(self.port).get("/")
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("gunicorn did not start within 30 s")

    def __exit__(self, *exc):
        try:
            pid = int(self.pidfile.read_text())
            os.kill(pid, signal.SIGTERM)
        except (OSError, ValueError):
            self.proc.terminate()
        self.proc.wait(timeout=30)


class Client:
    """A keep-alive HTTP/1.1 client with cookies and CSRF, enough for the app's forms and htmx posts."""

    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None and not isinstance(body, (bytes, str)):
            body = urlencode(body, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if method == "POST":
            headers.setdefault("X-CSRFToken", self.cookies.get("csrftoken", ""))
            headers.setdefault("Referer", f"http://127.0.0.1:{self.port}/")
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (
                http.client.RemoteDisconnected,
                ConnectionResetError,
                BrokenPipeError,
            ):
                # gunicorn's sync workers close idle keep-alive connections: reconnect once.
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, data, dict(response.getheaders())

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, data, headers=None):
        return self.request("POST", path, body=data, headers=headers)

    def login(self, username, password):
        status, body, _ = self.get("/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        status, _, _ = self.post(
            "/accounts/login/",
            {
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": token.group(1).decode() if token else "",
            },
        )
        if status != 302:
            raise RuntimeError(f"login as {username} failed with HTTP {status}")
