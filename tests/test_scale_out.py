"""Sanctuary scales out as stateless web processes in front of one database: nothing is cached
in a process's own memory, so a write through one process is seen by the map of another."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "Tucson Mayor Ana Ruiz said Monday the city jail will no longer hold people on ICE "
    "detainers without a judicial warrant.\n\n“Our jail is not an arm of ICE,” Ruiz said.\n"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, data: dict | None = None, token: str | None = None) -> tuple[int, dict]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def wait_until_up(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {process.stderr.read().decode()[-2000:]}")
        try:
            if fetch(f"{base}/api/health/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{base} did not come up")


@pytest.fixture
def shared_database_url(tmp_path):
    """A database of the suite's own engine, outside the test transaction, for the servers."""
    default = settings.DATABASES["default"]
    if "postgresql" not in default["ENGINE"]:
        yield f"sqlite:///{tmp_path / 'shared.sqlite3'}"
        return
    import psycopg

    name = f"sanctuary_scaleout_{os.getpid()}"
    server = {
        "host": default["HOST"] or "127.0.0.1",
        "port": default["PORT"] or 5432,
        "user": default["USER"],
        "password": default["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{server['password']}" if server["password"] else ""
    yield f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_write_through_one_process_is_seen_by_the_map_of_another(shared_database_url, tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": shared_database_url,
        "SECRET_KEY": "scale-out-test-" + "x" * 40,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "API_ANON_RATE": "100000/minute",
    }
    env.pop("CACHE_URL", None)  # the default shared cache: the database's cache table

    def manage(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    manage("migrate", "--noinput")
    manage("createcachetable")
    (tmp_path / "tucson.txt").write_text(ARTICLE)
    manage("ingest", str(tmp_path / "tucson.txt"))
    token = manage(
        "shell",
        "-v0",
        "-c",
        "from django.contrib.auth.models import Group, User;"
        "from rest_framework.authtoken.models import Token;"
        "u = User.objects.create_user('scale-editor');"
        "u.groups.add(Group.objects.get(name='editors'));"
        "print(Token.objects.create(user=u).key)",
    ).strip()

    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "sanctuary.wsgi:application", "-w", "1", "-b",
             f"127.0.0.1:{port}"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        for port in ports
    ]  # fmt: skip
    one, other = (f"http://127.0.0.1:{port}" for port in ports)
    try:
        for base, process in zip((one, other), servers, strict=True):
            wait_until_up(base, process)

        def tucson_on_the_map_of_other() -> dict:
            status, collection = fetch(f"{other}/api/jurisdictions/?format=geojson")
            assert status == 200
            [feature] = [f for f in collection["features"] if f["id"] == "tucson-az"]
            return feature["properties"]

        before = tucson_on_the_map_of_other()
        assert tucson_on_the_map_of_other() == before  # now cached by the other process
        assert (before["stance"], before["policies"]) == ("limited_cooperation", 1)

        status, _ = fetch(
            f"{one}/api/policies/",
            {
                "article": 1,
                "jurisdiction": "tucson-az",
                "kind": "law_enforcement_policy",
                "summary": "The jail no longer lets ICE interview inmates.",
                "evidence": "the city jail will no longer hold people",
                "effects": [{"indicator": "jail_access", "direction": "limits"}],
            },
            token=token,
        )
        assert status == 201

        after = tucson_on_the_map_of_other()
        assert (after["stance"], after["policies"]) == ("non_cooperation", 2)
    finally:
        for process in servers:
            process.terminate()
            process.wait(timeout=10)
