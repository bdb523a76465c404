"""The project's wiring: migrations, the compose file, the health check, the first page."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_migrations_are_up_to_date():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:  # --check exits 1 when a migration is missing
        pytest.fail(f"missing migrations (exit {exit_.code}):\n{out.getvalue()}")


def test_system_checks_are_clean():
    out = StringIO()
    call_command("check", stdout=out)
    assert "no issues" in out.getvalue()


def test_compose_file_wires_web_to_a_healthy_postgres():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    db, redis, migrate, web = (services[name] for name in ("db", "redis", "migrate", "web"))
    assert db["image"].startswith("postgres:16")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert any(volume.startswith("pgdata:") for volume in db["volumes"])
    assert "pgdata" in compose["volumes"]
    assert redis["image"].startswith("redis:") and "ping" in redis["healthcheck"]["test"]
    # bounded (every distinct URL is an entry), evicting answers only, never queued tasks
    assert "volatile-lru" in redis["command"]
    # Migrations run once, before the replicas; the replicas share the database and the cache.
    assert "migrate" in migrate["command"] and "createcachetable" in migrate["command"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert web["depends_on"]["redis"]["condition"] == "service_healthy"
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert web["deploy"]["replicas"] >= 2
    for service in (migrate, web):
        assert "@db:5432/" in service["environment"]["DATABASE_URL"]
        assert service["environment"]["CACHE_URL"].startswith("redis://redis:")
    for step in ("collectstatic", "gunicorn"):
        assert step in web["command"]
    assert "migrate" not in web["command"]


def test_compose_file_runs_a_worker_on_the_redis_broker():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    worker = compose["services"]["worker"]
    assert worker["command"].startswith("celery -A sanctuary.celery worker")
    assert worker["environment"]["CELERY_BROKER_URL"].startswith("redis://redis:6379/")
    assert worker["depends_on"]["redis"]["condition"] == "service_healthy"
    assert worker["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


@pytest.mark.django_db
def test_health_is_ok_with_the_database(client):
    response = client.get("/api/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_health_is_503_when_the_database_is_unreachable(tmp_path):
    # A real unreachable server (nothing listens on port 1), in a process of its own.
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/api/health/');"
        "print(r.status_code, r.json()['status'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sanctuary.settings",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "ALLOWED_HOSTS": "testserver",
        "SECRET_KEY": "x" * 50,
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.split() == ["503", "unavailable"], result.stderr


def test_a_wsgi_worker_loads_every_view_then_freezes_it_out_of_the_collectors_way():
    script = (
        "import gc, sys; import sanctuary.wsgi; loaded = sys.modules;"
        "print(gc.get_freeze_count(), 'stances.api.facts' in loaded,"
        " 'stances.web.articles' in loaded)"
    )
    env = {**os.environ, "SECRET_KEY": "x" * 50, "DATABASE_URL": "sqlite:///unused.sqlite3"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    frozen, api_loaded, views_loaded = result.stdout.split()
    assert int(frozen) > 10_000, result.stderr  # Django, DRF and the project's modules
    assert (api_loaded, views_loaded) == ("True", "True")
