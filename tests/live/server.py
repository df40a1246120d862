"""gunicorn started by a test, on a fresh SQLite file made by `migrate` alone, on a free port in 8300-8399
(each test process starts at its own part): real concurrent requests against real worker processes (not
pytest-django's in-process server)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    # Each test process (pytest-xdist's gw0, gw1, ...) starts at its own part of the range, so two of them do not
    # both find the same port free before either has bound it.
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    start = 8300 + (20 * worker) % 100
    for port in [*range(start, 8400), *range(8300, start)]:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("No free port in 8300-8399.")


@dataclass
class Server:
    url: str
    env: dict
    pidfile: Path

    def manage(self, *args: str, stdin: str | None = None) -> str:
        """Run manage.py against the server's database (e.g. "shell", "-c", code)."""
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def shell(self, code: str) -> str:
        return self.manage("shell", "--verbosity", "0", "-c", code)

    def worker_pids(self) -> list[int]:
        master = int(self.pidfile.read_text().strip())
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return [int(pid) for pid in children]

    @staticmethod
    def rss_mb(pid: int) -> float:
        status = Path(f"/proc/{pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def session_with_csrf(url: str, page: str) -> tuple[requests.Session, str]:
    """A session that has opened `page`, and the form's CSRF token."""
    session = requests.Session()
    html = session.get(url + page, timeout=60).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return session, token


def app_env(tmp_path: Path, database: Path | str, *, settings: str = "tests.live.settings") -> dict:
    """The environment for manage.py or gunicorn on the SQLite file `database`, or on the PostgreSQL
    database whose URL `database` is (see fresh_postgres)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    if str(database).startswith("postgres"):
        env["DATABASE_URL"] = str(database)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": settings,
            "DJANGO_SQLITE_PATH": str(database),
            "DJANGO_SECRET_KEY": "live-test-" + "k" * 60,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE": "0",
            "DJANGO_PLAIN_STATIC": "1",
            "DJANGO_LOG_LEVEL": "ERROR",
            "COUNT_PASSWORD_CHECKS_FILE": str(tmp_path / "password-checks.txt"),
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


@contextmanager
def fresh_postgres(name: str):
    """With DATABASE_URL set (the suite on PostgreSQL), a new empty database beside it for a live server,
    dropped afterwards; without it, None (the server uses a SQLite file)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield None
        return
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def _nothing():
    yield None


@contextmanager
def gunicorn(
    tmp_path: Path,
    *,
    workers: int = 2,
    threads: int = 4,
    settings: str = "tests.live.settings",
    extra_env: dict | None = None,
    sqlite: Path | None = None,
):
    """gunicorn on a fresh database (PostgreSQL when the suite runs on it), or on the SQLite file `sqlite`."""
    port, pidfile = free_port(), tmp_path / "gunicorn.pid"
    with fresh_postgres(f"live_{port}_{os.getpid()}") if sqlite is None else _nothing() as postgres:
        env = app_env(tmp_path, postgres or sqlite or tmp_path / "live.sqlite3", settings=settings)
        env.update(extra_env or {})
        with _serve(tmp_path, env, port, pidfile, workers, threads) as server:
            yield server


@contextmanager
def _serve(tmp_path, env, port, pidfile, workers, threads):
    server = Server(url=f"http://127.0.0.1:{port}", env=env, pidfile=pidfile)
    server.manage("migrate", "--noinput")  # migrate alone: nothing else is needed (issue 14)
    # The server writes its log here; a failed start reads it back.
    with open(tmp_path / "gunicorn.log", "w") as log:
        process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "config.wsgi",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--bind",
                f"127.0.0.1:{port}",
                "--pid",
                str(pidfile),
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            for _ in range(600):
                try:
                    if (
                        requests.get(server.url + "/accounts/login/", timeout=30).status_code == 200
                        and pidfile.exists()
                    ):
                        break
                except (requests.ConnectionError, requests.Timeout):
                    pass
                if process.poll() is not None:
                    raise RuntimeError("gunicorn stopped:\n" + (tmp_path / "gunicorn.log").read_text())
                time.sleep(0.1)
            else:
                raise RuntimeError("gunicorn did not answer in time")
            while len(server.worker_pids()) < workers:
                time.sleep(0.1)
            yield server
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
