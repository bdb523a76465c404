"""Real servers for the tests that need more than Django's test client: gunicorn subprocesses
(DEBUG off, plain HTTP on 127.0.0.1 only) against a database of the test's own, ``manage.py`` as
an operator runs it, and a PostgreSQL instance a test may stop and start.

Nothing here sends a request anywhere but the loopback address; every server is stopped, every
database dropped and every folder removed by the context manager that made it.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
IN_CI = os.environ.get("CI", "").lower() == "true"


def skip_or_fail(reason: str):
    """Skip with the reason, except in CI, where a missing prerequisite is a failure."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the test must run)")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# --- Requests ---------------------------------------------------------------------------------


def fetch(
    url: str, data: dict | None = None, token: str | None = None, method: str | None = None
) -> tuple[int, dict]:
    """A JSON request; the status and the decoded body (an empty dict for an empty body)."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def get(url: str, headers: dict | None = None) -> tuple[int, dict[str, str], bytes]:
    """A GET that follows no redirect: the status, the headers (lower-case names) and the body."""
    parsed = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=15)
    try:
        path = parsed.path + (f"?{parsed.query}" if parsed.query else "")
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


# --- manage.py and gunicorn -------------------------------------------------------------------


def released_together(n: int, call) -> list:
    """``call()`` in ``n`` threads released at once by a barrier: each result, or the exception
    it raised."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = call()
        except Exception as error:  # noqa: BLE001 - the test reads it
            results[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def server_env(database_url: str, **overrides: str) -> dict[str, str]:
    """The environment of a production-like process on loopback: DEBUG off, plain HTTP."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "servers-under-test-" + "x" * 40,
        "DEBUG": "0",
        "HTTPS": "0",  # plain HTTP on 127.0.0.1: no redirect to https://
        "ALLOWED_HOSTS": HOST,
        "LOG_LEVEL": "WARNING",
        # Every client of these servers is 127.0.0.1: the per-client budget of pages made
        # (PAGE_MISS_RATE) is tested on its own (tests/api/test_junk_urls.py), not met here.
        "PAGE_MISS_RATE": "1000000/second",
    }
    env.pop("CACHE_URL", None)  # the default unless the test says: the database's cache table
    env["EXPORTS_DIR"] = str(_exports_dir())  # stored downloads: never the checkout's var/
    env.update(overrides)
    return env


@functools.cache
def _exports_dir() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="sanctuary-test-exports-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def manage(env: dict, *args: str, input: str | None = None) -> str:
    """``manage.py ARGS`` in a subprocess, as an operator runs it; its output, or a failure."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        input=input,
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}"
    return done.stdout


def create_editor(env: dict, username: str) -> str:
    """An editor (``createeditor``) and an API token (``drf_create_token``): the token's key."""
    manage({**env, "EDITOR_PASSWORD": "editor-" + uuid.uuid4().hex}, "createeditor", username)
    output = manage(env, "drf_create_token", username)
    return output.split()[2]  # "Generated token KEY for user NAME"


_collected = False


def collect_static(env: dict) -> None:
    """With DEBUG off the pages name their static files through whitenoise's manifest, which
    ``collectstatic`` writes (into var/staticfiles, as a deployment does): once per session."""
    global _collected
    if not _collected:
        manage(env, "collectstatic", "--noinput", "-v0")
        _collected = True


def wait_until_up(base: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server at {base} exited with {process.returncode}")
        try:
            if get(f"{base}/api/health/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{base} did not come up within {seconds} s")


class Gunicorn:
    """A gunicorn master and its workers on a free loopback port; its log in a file of its own
    (a pipe nobody reads would fill up and stop the workers), shown when a test fails."""

    def __init__(self, env: dict, *, workers: int = 1, threads: int = 1, log: Path):
        self.env = env
        self.workers = workers
        self.threads = threads
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self) -> Gunicorn:
        collect_static(self.env)  # DEBUG is off: pages name their files through the manifest
        command = [
            sys.executable, "-m", "gunicorn", "sanctuary.wsgi:application",
            "--bind", f"{HOST}:{self.port}",
            "--workers", str(self.workers),
            "--worker-class", "gthread" if self.threads > 1 else "sync",
            "--threads", str(self.threads),
            "--graceful-timeout", "5",
        ]  # fmt: skip
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log)
        try:
            wait_until_up(self.base, self.process)
        except RuntimeError as error:
            self.stop()
            raise RuntimeError(f"{error}\n{self.log_tail()}") from None
        return self

    def worker_pids(self) -> set[int]:
        """The master's children: the same set before and after means no worker was replaced."""
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return {int(pid) for pid in children.read_text().split()}

    def log_tail(self, characters: int = 4000) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return f"--- gunicorn log ({self.log}) ---\n{text[-characters:]}"

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()  # the master stops its workers on SIGTERM
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> Gunicorn:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# --- Databases --------------------------------------------------------------------------------


def _suite_postgres() -> dict | None:
    """The suite's PostgreSQL server (from DATABASE_URL), or None when the suite runs on SQLite."""
    from django.conf import settings

    default = settings.DATABASES["default"]
    if "postgresql" not in default["ENGINE"]:
        return None
    return {
        "host": default["HOST"] or HOST,
        "port": int(default["PORT"] or 5432),
        "user": default["USER"],
        "password": default["PASSWORD"] or None,
    }


def on_postgres() -> bool:
    return _suite_postgres() is not None


def postgres_url(server: dict, name: str) -> str:
    password = f":{server['password']}" if server.get("password") else ""
    return f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"


@contextlib.contextmanager
def throwaway_database(label: str, tmp_path: Path) -> Iterator[str]:
    """A new, empty database of the suite's own engine, outside the test transaction, for
    servers and commands in other processes: on the suite's PostgreSQL server (dropped at the
    end) when DATABASE_URL is set, else a SQLite file under tmp_path."""
    server = _suite_postgres()
    if server is None:
        yield f"sqlite:///{tmp_path / f'{label}.sqlite3'}"
        return
    import psycopg

    name = f"sanctuary_{label}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_url(server, name)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def local_redis() -> Iterator[str]:
    """A Redis server of the test's own, on a free loopback port, keeping nothing on disk: its
    CACHE_URL. (The shared server's databases would mix this run's data version and cached
    answers with another run's: django-environ drops a ``?key_prefix=`` given to Django's Redis
    backend, so a prefix cannot keep them apart.) Skips, or fails in CI, without redis-server."""
    redis = LocalRedis()
    try:
        redis.start()
        yield redis.url
    finally:
        redis.cleanup()


class LocalRedis:
    """A Redis server of the test's own (see ``local_redis``) that a test may stop and start
    again on the same port (it comes back empty, as a restarted Redis that keeps nothing on disk
    does), or freeze and thaw (SIGSTOP, SIGCONT: it keeps its data, and clients time out, as
    behind a network partition)."""

    def __init__(self) -> None:
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            skip_or_fail("redis-server is not installed")
        self.port = free_port()
        self.url = f"redis://{HOST}:{self.port}/0"
        self.folder = Path(tempfile.mkdtemp(prefix="sanctuary-redis-"))
        self.process: subprocess.Popen | None = None

    def start(self) -> LocalRedis:
        command = [self.binary, "--port", str(self.port), "--bind", HOST, "--save", "",
                   "--appendonly", "no", "--dir", str(self.folder),
                   "--logfile", str(self.folder / "redis.log")]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while not self.answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.1)
        return self

    def answers(self) -> bool:
        try:
            with socket.create_connection((HOST, self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def command(self, *words: str) -> bytes:
        """One command in Redis's inline protocol; the raw reply."""
        with socket.create_connection((HOST, self.port), timeout=5) as sock:
            sock.sendall(" ".join(words).encode() + b"\r\n")
            return sock.recv(65536)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a frozen server cannot quit
            self.process.terminate()
            self.process.wait(timeout=10)

    def freeze(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def cleanup(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


class LocalPostgres:
    """A PostgreSQL instance of the test's own (``initdb`` into a temporary folder, its own port,
    its socket in that folder), which the test may crash and start again without touching the
    shared server. Run as the ``postgres`` OS user when the tests run as root (initdb and
    pg_ctl refuse root)."""

    def __init__(self) -> None:
        self.bindir = self.find_bindir()
        if self.bindir is None:
            skip_or_fail("PostgreSQL's server binaries (initdb, pg_ctl) are not installed")
        self.as_postgres: list[str] = []
        if os.geteuid() == 0:
            runuser = shutil.which("runuser")
            try:
                import pwd

                self.owner = pwd.getpwnam("postgres")
            except KeyError:
                skip_or_fail("running as root, and there is no postgres OS user to run initdb")
            if runuser is None:
                skip_or_fail("running as root, and runuser is missing to run initdb as postgres")
            self.as_postgres = [runuser, "-u", "postgres", "--"]
        # /tmp rather than pytest's tmp_path: the postgres user must reach the folder.
        self.root = Path(tempfile.mkdtemp(prefix="sanctuary-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "socket"
        self.socket_dir.mkdir()
        self.logfile = self.root / "postgres.log"
        if self.as_postgres:
            for path in (self.root, self.socket_dir):
                os.chown(path, self.owner.pw_uid, self.owner.pw_gid)
        self.port = free_port()
        self.server = {"host": HOST, "port": self.port, "user": "postgres", "password": None}

    @staticmethod
    def find_bindir() -> Path | None:
        candidates = []
        if shutil.which("pg_config"):
            done = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
            candidates.append(Path(done.stdout.strip()))
        versions = sorted(
            Path("/usr/lib/postgresql").glob("*/bin"),
            key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
            reverse=True,
        )
        candidates.extend(versions)
        for folder in candidates:
            if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
                return folder
        return None

    def run(self, program: str, *args: str) -> None:
        done = subprocess.run(
            [*self.as_postgres, str(self.bindir / program), *args],
            capture_output=True,
            text=True,
            cwd=self.root,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{program} {' '.join(args)} failed:\n{done.stdout}{done.stderr}")

    def init(self) -> LocalPostgres:
        # --no-sync only speeds up initdb itself; the server keeps fsync on, so a commit is
        # durable when PostgreSQL says so, as in production.
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                 "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        return self

    def start(self) -> None:
        options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses={HOST}"
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.logfile), "-o", options,
                 "-w", "-t", "60", "start")  # fmt: skip

    def crash(self) -> None:
        """``pg_ctl stop -m immediate``: every server process quits at once, without a shutdown
        checkpoint, as in a crash; the next start recovers from the write-ahead log."""
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, name: str) -> str:
        return postgres_url(self.server, name)

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, **self.server) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def cleanup(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
