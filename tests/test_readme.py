"""Every command the README shows runs as written in a fresh checkout (issue 16).

The README's ``sh`` blocks are parsed. In a copy of the checkout's files (what a clone holds:
no ``.env``, no ``var/``), ``.env`` is written as ``make run`` writes it, and each harmless
command runs with an environment that sets nothing of Sanctuary's own (no DEBUG, no
SECRET_KEY): ``manage.py check``, and every ``manage.py`` command the README names in its
``--help`` form (the command exists and the settings load, without touching data). A
deployment's settings still refuse to start without a real SECRET_KEY."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
OURS = ("DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "ALLOWED_HOSTS", "HTTPS")


def shell_lines() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(), re.S)
    lines = []
    for block in blocks:
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split(" #")[0].strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


def manage_commands() -> list[str]:
    """The ``manage.py`` commands the README shows, by name, in its blocks and in its prose."""
    return sorted(set(re.findall(r"manage\.py (\w+)", README.read_text())))


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """The checkout's files as a clone has them, with ``.env`` written as ``make run`` does."""
    target = tmp_path_factory.mktemp("clone")
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not name.startswith(("bench/", "docs/")):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    subprocess.run([sys.executable, "scripts/write_dotenv.py", ".env"], cwd=target, check=True)
    return target


def run(checkout: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in OURS}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_readme_shows_manage_commands():
    shown = set(manage_commands())
    assert {"ingest", "createeditor", "createsuperuser", "link_counties", "check"} <= shown
    assert {"ingest", "import_287g", "refresh_summaries"} <= {
        m.group(1) for line in shell_lines() if (m := re.search(r"manage\.py (\w+)", line))
    }


def test_make_run_writes_a_local_env_once(checkout):
    text = (checkout / ".env").read_text()
    assert "DEBUG=1" in text and re.search(r"SECRET_KEY=\S{40,}", text)
    subprocess.run([sys.executable, "scripts/write_dotenv.py", ".env"], cwd=checkout, check=True)
    assert (checkout / ".env").read_text() == text  # kept, not renewed


def test_manage_py_check_runs_in_a_fresh_checkout(checkout):
    result = run(checkout, "check")
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize("command", manage_commands())
def test_every_readme_command_runs_as_written(checkout, command):
    result = run(checkout, command, "--help")
    assert result.returncode == 0, result.stderr[-2000:]


def test_without_the_env_file_a_deployment_still_refuses_to_start(checkout):
    env = {k: v for k, v in os.environ.items() if k not in OURS}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; "
            "os.environ['DJANGO_SETTINGS_MODULE'] = 'sanctuary.settings'; django.setup()",
        ],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def curl_reads() -> list[str]:
    """The paths of the README's read-only curl examples against ``make run``."""
    paths = []
    for line in shell_lines():
        if line.startswith("curl") and " -X " not in line:
            match = re.search(r"'?http://127\.0\.0\.1:8000(/[^'\s]*)'?", line)
            if match:
                paths.append(match.group(1))
    return paths


@pytest.fixture
def sample_data(db, settings):
    """The database ``make run`` serves: the sample corpus and ICE's latest 287(g) lists."""
    from io import StringIO

    from django.core.management import call_command

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    call_command("load_sample_data", stdout=StringIO())


def as_in_a_fresh_database(path: str) -> str:
    """The README's ``/api/articles/1/`` is the first article of a fresh database; on
    PostgreSQL a test's ids continue from earlier tests' (a rollback keeps the sequence)."""
    from articles.models import Article

    def nth(match: re.Match) -> str:
        pks = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        return f"/api/articles/{pks[int(match.group(1)) - 1]}/"

    return re.sub(r"/api/articles/(\d+)/", nth, path)


def test_the_readmes_curl_examples_answer(client, sample_data):
    paths = curl_reads()
    assert len(paths) > 15
    for path in map(as_in_a_fresh_database, paths):
        response = client.get(path, HTTP_ACCEPT="*/*")  # as curl asks
        assert response.status_code == 200, (path, response.content[:300])
