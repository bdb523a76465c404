"""``manage.py ingest --workers N``: the articles go through the task queue (Celery on a real
Redis) to a worker of N processes, and come out as they would in one process: the same facts,
no place or person stored twice when two processes meet them at once, the same report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Article
from stances.management.commands.ingest import database_url
from stances.models import IngestionJob, JobStatus, Jurisdiction, Official, Statement
from tests.servers import LocalRedis

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "articles" / "corpus"
postgresql_only = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":")[0] not in {"postgres", "postgresql"},
    reason="--workers needs PostgreSQL (SQLite takes one writer at a time)",
)


@pytest.fixture
def broker():
    redis = LocalRedis().start()
    yield redis.url
    redis.cleanup()


def ingest(*args: str, broker: str = "") -> subprocess.CompletedProcess:
    """``manage.py ingest`` as a reader runs it, on this test's database."""
    env = {**os.environ, "DATABASE_URL": database_url(), "CELERY_BROKER_URL": broker}
    return subprocess.run(
        [sys.executable, "manage.py", "ingest", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@postgresql_only
def test_two_workers_store_what_one_process_would(transactional_db, broker):
    run = ingest("--workers", "2", str(CORPUS), broker=broker)

    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stdout.splitlines() if line.startswith("created")]
    assert len(lines) == 5 and all(f"({CORPUS}/" in line for line in lines)
    assert "5 of 5 article(s) ingested" in run.stdout
    assert Article.objects.count() == 5
    assert set(IngestionJob.objects.values_list("status", flat=True)) == {JobStatus.DONE}
    # Places and people the articles share are stored once, whoever met them first.
    slugs = list(Jurisdiction.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)) and "new-york-ny" in slugs
    assert Official.objects.count() == len(set(Official.objects.values_list("slug", flat=True)))
    statements = Statement.objects.count()

    # The same files in one process find everything already stored, fact for fact.
    again = ingest(str(CORPUS))
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("unchanged") == 5
    assert Statement.objects.count() == statements


@pytest.mark.django_db
def test_workers_say_what_they_need(tmp_path, settings):
    with pytest.raises(CommandError, match="--workers must be 1 or more"):
        call_command("ingest", str(CORPUS), "--workers", "0")
    with pytest.raises(CommandError, match="--dry-run runs in this process"):
        call_command("ingest", str(CORPUS), "--workers", "2", "--dry-run")
    if connection.vendor == "sqlite":
        with pytest.raises(CommandError, match="needs PostgreSQL"):
            call_command("ingest", str(CORPUS), "--workers", "2")
    else:
        settings.CELERY_TASK_ALWAYS_EAGER = True  # no broker configured
        with pytest.raises(CommandError, match="needs the task queue: set CELERY_BROKER_URL"):
            call_command("ingest", str(CORPUS), "--workers", "2")
    assert not Article.objects.exists()
