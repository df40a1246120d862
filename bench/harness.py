"""Shared pieces of the HTTP benchmarks and the load test: a production-settings gunicorn on loopback,
and a tiny keep-alive HTTP client with a cookie jar and CSRF handling (standard library only)."""

import http.client
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
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


def manage(env, *args, check=True, capture=False):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=check,
                          capture_output=capture, text=True)


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
            [gunicorn, "config.wsgi", "--workers", str(self.workers), "--threads", str(self.threads),
             "--bind", f"127.0.0.1:{self.port}", "--pid", str(self.pidfile), "--log-level", "warning"],
            cwd=ROOT, env=self.env,
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
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
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
        status, _, headers = self.post("/accounts/login/", {
            "username": username, "password": password,
            "csrfmiddlewaretoken": token.group(1).decode() if token else "",
        })
        if status != 302:
            raise RuntimeError(f"login as {username} failed with HTTP {status}")


def timed_in_turns(fns, repeat, block=20) -> list[list[float]]:
    """Wall times in milliseconds of `repeat` calls of each of `fns`, taken in turns: blocks of `block`
    calls of one, then of the next, and round again. Each block starts with two calls that are not
    counted, so the previous block's work (a worker finishes a big page after sending it) never lands in
    a small request's figure; and turns mean a machine that gets busier or quieter during the run shifts
    every figure alike, so the ratios between them hold."""
    times = [[] for _ in fns]
    while len(times[0]) < repeat:
        for fn, bucket in zip(fns, times):
            fn(); fn()
            for _ in range(min(block, repeat - len(bucket))):
                start = time.perf_counter()
                fn()
                bucket.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
