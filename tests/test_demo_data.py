"""python -m bench.demo: generated demo data, in a database of its own, never the default one.

Every load goes to a throwaway database: a SQLite file under tmp_path, and (when the suite
runs on PostgreSQL) a PostgreSQL database created and dropped here, which exercises the COPY path.
"""

import datetime as dt
import io
import os
import subprocess
import sys
import uuid
from contextlib import contextmanager

import environ
import pytest
from django.conf import settings
from django.db import connections

from articles.extraction.places.gazetteer import place_by_slug
from articles.models import Article, body_sha256
from bench.demo import __main__ as demo_command
from bench.demo.data import DemoData, DemoError, DemoSize, split_exactly
from bench.demo.load import database_identity, demo_connection, target_config
from stances.models import (
    EnforcementEvent,
    Jurisdiction,
    JurisdictionSummary,
    Official,
    PolicyAction,
    PolicyEffect,
    Statement,
)

SIZES = {
    "jurisdictions": 12,
    "officials": 30,
    "statements": 150,
    "policies": 20,
    "events": 40,
    "articles": 15,
}
MODELS = {
    "jurisdictions": Jurisdiction,
    "officials": Official,
    "statements": Statement,
    "policies": PolicyAction,
    "events": EnforcementEvent,
    "articles": Article,
}
ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not ON_POSTGRESQL, reason="the suite runs on SQLite"),
    ),
]


@contextmanager
def throwaway_database(backend: str, folder):
    """The URL of an empty database of its own; a PostgreSQL one is dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'demo.sqlite3'}"
        return
    import psycopg

    default = settings.DATABASES["default"]
    params = {
        "host": default["HOST"] or "localhost",
        "port": default["PORT"] or 5432,
        "user": default["USER"],
        "password": default["PASSWORD"],
    }
    name = f"sanctuary_demo_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            password = f":{params['password']}" if params["password"] else ""
            yield f"postgres://{params['user']}{password}@{params['host']}:{params['port']}/{name}"
        finally:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def generate(django_db_blocker):
    """Run the command (the test database machinery stays out of the target's way)."""

    def run(url: str, *flags: str, **sizes) -> str:
        out = io.StringIO()
        options = {**SIZES, **sizes}
        args = [f"--{name}={value}" for name, value in options.items()]
        with django_db_blocker.unblock():
            demo_command.generate(["--database-url", url, *args, *flags], out)
        return out.getvalue()

    return run


@contextmanager
def opened(url: str, django_db_blocker):
    with django_db_blocker.unblock(), demo_connection(target_config(url)) as alias:
        yield alias


@pytest.fixture(scope="module", params=BACKENDS)
def loaded(request, tmp_path_factory, django_db_blocker):
    """One demo data set of SIZES, shared by the read-only tests, and its stdout."""
    with throwaway_database(request.param, tmp_path_factory.mktemp("demo")) as url:
        out = io.StringIO()
        args = [f"--{name}={value}" for name, value in SIZES.items()]
        with django_db_blocker.unblock():
            demo_command.generate([f"--database-url={url}", *args], out)
        yield url, out.getvalue()


@pytest.fixture(params=BACKENDS)
def empty_url(request, tmp_path):
    with throwaway_database(request.param, tmp_path) as url:
        yield url


def snapshot(alias: str) -> dict[str, list]:
    """Everything generated, timestamps aside (bulk_create on SQLite stamps them now)."""
    return {
        "articles": list(Article.objects.using(alias).values_list("id", "sha256", "published_on")),
        "statements": list(
            Statement.objects.using(alias)
            .order_by("id")
            .values_list("article_id", "speaker_id", "jurisdiction_id", "span_start", "stance")
        ),
        "officials": list(Official.objects.using(alias).order_by("id").values_list("slug", "role")),
        "effects": list(
            PolicyEffect.objects.using(alias)
            .order_by("policy_id", "indicator")
            .values_list("policy_id", "indicator", "direction")
        ),
    }


def test_counts_match_the_options(loaded, django_db_blocker):
    url, out = loaded
    with opened(url, django_db_blocker) as alias:
        for option, model in MODELS.items():
            assert model.objects.using(alias).count() == SIZES[option], option
        per_policy = {p.effects.count() for p in PolicyAction.objects.using(alias)}
        assert per_policy <= {1, 2}
        assert JurisdictionSummary.objects.using(alias).count() == SIZES["jurisdictions"]
    assert out.startswith("Loaded 12 stances_jurisdiction") and "150 stances_statement" in out


def test_every_span_slices_its_article_to_the_words(loaded, django_db_blocker):
    with opened(loaded[0], django_db_blocker) as alias:
        bodies = dict(Article.objects.using(alias).values_list("id", "body"))
        for statement in Statement.objects.using(alias):
            body = bodies[statement.article_id]
            assert 0 <= statement.span_start < statement.span_end <= len(body)
            assert body[statement.span_start : statement.span_end] == statement.quote
            assert 10 <= len(statement.quote.split()) <= 60
        for model in (EnforcementEvent, PolicyAction):
            for fact in model.objects.using(alias):
                assert bodies[fact.article_id][fact.span_start : fact.span_end] == fact.summary


def test_rows_respect_the_schema_and_the_shapes(loaded, django_db_blocker):
    with opened(loaded[0], django_db_blocker) as alias:
        connections[alias].check_constraints()  # every foreign key points at a row
        for article in Article.objects.using(alias):
            assert article.sha256 == body_sha256(article.body)
        for jurisdiction in Jurisdiction.objects.using(alias):
            place = place_by_slug(jurisdiction.slug)
            assert (place.name, place.kind) == (jurisdiction.name, jurisdiction.kind)
        parts = EnforcementEvent.objects.using(alias).filter(parent__isnull=False)
        assert all(part.parent.kind == "operation" for part in parts)
        statuses = set(Statement.objects.using(alias).values_list("review_status", flat=True))
        assert statuses == {"extracted", "reviewed", "rejected"}
        # The ids continue after the loaded rows: the sequences were reset.
        # (bulk_create: no history signal, which would write to the default database)
        jurisdictions = Jurisdiction.objects.using(alias)
        jurisdictions.bulk_create([Jurisdiction(name="X", kind="city", state="ZZ", slug="x")])
        assert jurisdictions.get(slug="x").pk == SIZES["jurisdictions"] + 1


def test_quiet_at_verbosity_zero(empty_url, generate, django_db_blocker):
    assert generate(empty_url, "--verbosity=0") == ""
    with opened(empty_url, django_db_blocker) as alias:
        assert Article.objects.using(alias).count() == SIZES["articles"]


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_refuses_the_default_database(settings, tmp_path, generate):
    path = tmp_path / "editors.sqlite3"
    settings.DATABASES = {
        **settings.DATABASES,
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)},
    }
    with pytest.raises(DemoError, match="must not be the configured default database"):
        generate(f"sqlite:///{tmp_path}/../{tmp_path.name}/editors.sqlite3")
    assert not path.exists()


def test_the_same_database_is_recognised_however_spelled():
    a = environ.Env.db_url_config
    assert database_identity(a("postgres://postgres@localhost/x")) == database_identity(
        a("postgres://postgres@127.0.0.1:5432/x")
    )
    assert database_identity(a("postgres://u@h/x")) != database_identity(a("postgres://u@h/y"))


def test_refuses_a_target_with_data_unless_replace(empty_url, generate, django_db_blocker):
    generate(empty_url)
    with pytest.raises(DemoError, match="already has data.*--replace"):
        generate(empty_url, articles=3)
    generate(empty_url, "--replace", articles=3, statements=10)
    with opened(empty_url, django_db_blocker) as alias:
        assert Article.objects.using(alias).count() == 3
        assert Statement.objects.using(alias).count() == 10
        assert Jurisdiction.objects.using(alias).count() == SIZES["jurisdictions"]


def test_the_same_seed_gives_the_same_data(empty_url, generate, django_db_blocker):
    generate(empty_url, "--seed=7")
    with opened(empty_url, django_db_blocker) as alias:
        first = snapshot(alias)
    generate(empty_url, "--seed=7", "--replace")
    with opened(empty_url, django_db_blocker) as alias:
        assert snapshot(alias) == first
    generate(empty_url, "--seed=8", "--replace")
    with opened(empty_url, django_db_blocker) as alias:
        assert snapshot(alias) != first


def test_without_a_url_it_fails(generate, monkeypatch):
    monkeypatch.delenv("DEMO_DATABASE_URL", raising=False)
    with pytest.raises(DemoError, match="database-url"):
        demo_command.generate([])


def test_rows_are_a_function_of_the_size_alone():
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    size = DemoSize(**SIZES, now=now)

    def rows(data):
        return list(data.jurisdiction_rows()), list(data.official_rows()), list(data.batches(4))

    assert rows(DemoData(size)) == rows(DemoData(size))


@pytest.mark.parametrize("total", [0, 1, 7, 1000])
def test_split_exactly_sums_to_the_total(total):
    parts = split_exactly(total, [5, 1, 1, 30, 2])
    assert sum(parts) == total and min(parts) >= 0


def test_generating_leaves_the_developers_cache_alone(empty_url, generate, settings):
    """A fresh checkout has no cache table yet (make run creates it): loading the demo data, a
    database no server reads yet, must neither need it nor write to it."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "no_such_cache_table",
        }
    }

    out = generate(empty_url)

    assert "150 stances_statement" in out


def test_the_command_runs_as_the_makefile_runs_it():
    """``make demo-data`` runs ``python -m bench.demo`` in a fresh interpreter: the package must
    import before Django is set up (its ``--help`` is enough to show it does)."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.demo", "--help"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "--statements" in done.stdout
