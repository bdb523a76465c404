"""Loading the demo data into a database of its own, never an editor's: ``demo_data_generate``
points a ``demo`` connection alias at the target database, refuses the configured default
database and a target that already has data (unless ``replace``), migrates it and streams the
rows in, in one transaction: COPY on PostgreSQL, ``bulk_create`` elsewhere. Constraints stay on.

The rows bypass the per-fact services on purpose (a million statements through them would take
hours): what the services would keep current is done once for everything afterwards, through
the same code: ``summaries.refresh_all`` and ``versions.data_changed``."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from queue import Full, Queue

import environ
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction

from articles.models import Article
from sanctuary import versions
from stances.models import (
    CorrectionRequest,
    EnforcementEvent,
    Jurisdiction,
    JurisdictionSummary,
    Official,
    PolicyAction,
    PolicyEffect,
    Statement,
)
from stances.services import summaries

from .data import DemoData, DemoError, DemoSize
from .schema import COLUMNS, ArticleJurisdiction, ArticleOfficial, Rows

ALIAS = "demo"

# Emptied by ``replace``: the facts, articles, officials and jurisdictions, with their history
# (whose ids would otherwise describe the new rows) and the readers' reports about old facts.
OWNED = (
    CorrectionRequest,
    PolicyEffect,
    Statement,
    EnforcementEvent,
    PolicyAction,
    ArticleJurisdiction,
    ArticleOfficial,
    Article,
    Official,
    JurisdictionSummary,
    Jurisdiction,
)


def _tables() -> list[type[models.Model]]:
    history = [m.history.model for m in OWNED if hasattr(m, "history")]
    return [*OWNED, *history]


@dataclass(frozen=True)
class DemoResult:
    rows: dict[str, int]
    seconds: float
    dry_run: bool = False

    def summary(self) -> str:
        counts = ", ".join(f"{n:,} {table}" for table, n in self.rows.items())
        verb = "Would load" if self.dry_run else "Loaded"
        return f"{verb} {counts} in {self.seconds:.1f} s."


def database_identity(config: dict) -> tuple:
    """What makes two connection settings the same database, whatever the spelling."""
    engine, name = config["ENGINE"], str(config.get("NAME") or "")
    if engine.endswith("sqlite3"):
        memory = name == ":memory:" or "mode=memory" in name
        return engine, name if memory else str(Path(name).expanduser().resolve())
    host = config.get("HOST") or "localhost"
    host = "localhost" if host in ("127.0.0.1", "::1", "") else host
    port = str(config.get("PORT") or (5432 if "postgresql" in engine else ""))
    return engine, host, port, name


def target_config(url: str) -> dict:
    """Connection settings for ``url``; refuses the configured default database."""
    try:
        config = environ.Env.db_url_config(url)
    except Exception as error:  # django-environ raises several kinds on a bad URL
        raise DemoError(f"Not a database URL: {url!r} ({error}).") from error
    if database_identity(config) == database_identity(settings.DATABASES[DEFAULT_DB_ALIAS]):
        raise DemoError(
            "The demo database must not be the configured default database: "
            "give the URL of a database of its own."
        )
    return config


@contextmanager
def demo_connection(config: dict, alias: str = ALIAS) -> Iterator[str]:
    """A connection alias to the target database, for the duration of the block."""
    if alias in connections.databases:
        raise DemoError(f"The database alias {alias!r} is already configured.")
    configured = connections.configure_settings(
        {DEFAULT_DB_ALIAS: connections.databases[DEFAULT_DB_ALIAS], alias: config}
    )
    connections.databases[alias] = configured[alias]
    try:
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.databases[alias]


@contextmanager
def _as_default(alias: str) -> Iterator[None]:
    """Point the ``default`` alias at ``alias`` while code that takes no ``using`` runs.

    A migration (the editors group) and ``summaries.refresh_all`` query the default database
    implicitly; inside this block they reach the demo database instead, never the editors' one.
    """
    original = connections[DEFAULT_DB_ALIAS]
    connections[DEFAULT_DB_ALIAS] = connections[alias]
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS] = original
        ContentType.objects.clear_cache()  # it was filled, under "default", from the demo


def existing_rows(alias: str) -> dict[str, int]:
    """Rows already in the tables the demo fills (a table not created yet counts as empty)."""
    tables = set(connections[alias].introspection.table_names())
    return {
        m._meta.db_table: m.objects.using(alias).count()
        for m in (Article, Jurisdiction, Official, Statement, EnforcementEvent, PolicyAction)
        if m._meta.db_table in tables
    }


def empty_tables(alias: str) -> None:
    connection, tables = connections[alias], _tables()
    if connection.vendor == "postgresql":
        names = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in tables)
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        return
    for model in tables:
        model._base_manager.using(alias).all()._raw_delete(alias)


def _copy(cursor, connection, model, rows) -> int:
    """COPY the rows into the model's table (psycopg 3), returning how many."""
    quote = connection.ops.quote_name
    defaults = _unlisted_defaults(model, connection)
    columns = ", ".join(quote(c) for c in (*COLUMNS[model], *defaults))
    tail = tuple(defaults.values())
    n = 0
    with cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row((*row, *tail) if tail else row)
            n += 1
    return n


def _unlisted_defaults(model, connection) -> dict[str, object]:
    """The model's own defaults for the columns the rows leave out.

    COPY fills an unlisted column with the database's default, and Django keeps field defaults
    in Python: without this, a field added to a model later (with a default, or a blank text
    field) would arrive as NULL and break the load. ``bulk_create`` applies them by itself."""
    listed, defaults = set(COLUMNS[model]), {}
    for field in model._meta.concrete_fields:
        if field.column in listed or field.primary_key:
            continue
        # A blank text field's default is "", as a model instance would be saved with.
        value = field.get_default()
        if value is not None or not field.null and field.has_default():
            defaults[field.column] = field.get_db_prep_save(value, connection)
    return defaults


def _bulk_create(alias, model, rows, batch_size: int = 2000) -> int:
    n, rows = 0, iter(rows)
    while chunk := list(itertools.islice(rows, batch_size)):
        model.objects.using(alias).bulk_create(
            [model(**dict(zip(COLUMNS[model], row, strict=True))) for row in chunk]
        )
        n += len(chunk)
    return n


def _ahead(batches: Iterator[Rows], depth: int = 2) -> Iterator[Rows]:
    """The batches, generated in a thread while the database stores the previous ones."""
    queue: Queue = Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for batch in batches:
                while not stop.is_set():
                    try:
                        queue.put(batch, timeout=0.5)
                        break
                    except Full:
                        continue
            queue.put(None)
        except BaseException as error:  # handed to the consumer, raised there
            queue.put(error)

    thread = threading.Thread(target=produce, name="demo-data", daemon=True)
    thread.start()
    try:
        while (item := queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()


def load(data: DemoData, alias: str, progress: Callable[[str], None] | None = None) -> dict:
    """Write every row of ``data`` into the (empty) database ``alias``; rows per table."""
    connection = connections[alias]
    totals = dict.fromkeys(COLUMNS, 0)
    started = time.perf_counter()
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Foreign keys stay deferred (Django's default): checked in bulk at the commit,
            # which measured faster than a check per row during the COPY.

            def write(model, rows):
                return _copy(cursor, connection, model, rows)
        else:

            def write(model, rows):
                return _bulk_create(alias, model, rows)

        totals[Jurisdiction] = write(Jurisdiction, data.jurisdiction_rows())
        totals[Official] = write(Official, data.official_rows())
        for number, batch in enumerate(_ahead(data.batches()), start=1):
            for model, rows in batch.items():
                totals[model] += write(model, rows)
            if progress and number % 10 == 0:
                elapsed = time.perf_counter() - started
                done = f"{totals[Article]:,} articles, {totals[Statement]:,} statements"
                progress(f"{done} ({elapsed:.0f} s)")
        for sql in connection.ops.sequence_reset_sql(no_style(), list(COLUMNS)):
            cursor.execute(sql)
    return {model._meta.db_table: n for model, n in totals.items()}


def analyze(alias: str) -> None:
    """Fresh planner statistics for the tables just filled (PostgreSQL)."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (*COLUMNS, JurisdictionSummary):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _refresh_summaries(alias: str) -> None:
    """The demo database's summaries, inside the load's transaction. The cached answers are
    invalidated once it has committed (``_invalidate``), not from a commit hook: that would run
    after ``_as_default`` has given the default alias back, against the developer's database."""
    with _as_default(alias):
        summaries.refresh_all(bump=False)


def _invalidate(alias: str) -> None:
    """Bump the data version where servers of the demo database find it: the cache this process
    is configured with, Redis say, or the demo database's own cache table (the default)."""
    with _as_default(alias):
        versions.data_changed()  # outside a transaction: now, and only now


def demo_data_generate(
    *,
    database_url: str,
    size: DemoSize,
    replace: bool = False,
    dry_run: bool = False,
    verbosity: int = 1,
    progress: Callable[[str], None] | None = None,
) -> DemoResult:
    """Generate the demo data set of ``size`` into the database at ``database_url``."""
    started = time.perf_counter()
    size.check()
    config = target_config(database_url)
    say = progress or (lambda message: None)
    with demo_connection(config) as alias:
        existing = {table: n for table, n in existing_rows(alias).items() if n}
        if existing and not replace:
            found = ", ".join(f"{n:,} rows in {table}" for table, n in existing.items())
            raise DemoError(f"The target database already has data ({found}): pass --replace.")
        if dry_run:
            planned = {"jurisdictions": size.jurisdictions, "officials": size.officials,
                       "articles": size.articles, "statements": size.statements,
                       "events": size.events, "policies": size.policies}  # fmt: skip
            return DemoResult(planned, time.perf_counter() - started, dry_run=True)
        say("Migrating the target database.")
        with _as_default(alias):
            quiet = max(verbosity - 2, 0)
            call_command("migrate", database=alias, interactive=False, verbosity=quiet)
            call_command("createcachetable", database=alias, verbosity=quiet)
        # One transaction: a failed load leaves the target as it was, old data included.
        with transaction.atomic(using=alias):
            if existing:
                say("Emptying the target's facts, articles, officials and jurisdictions.")
                empty_tables(alias)
            rows = load(DemoData(size), alias, progress)
            say("Refreshing the precomputed summaries.")
            _refresh_summaries(alias)
        _invalidate(alias)
        analyze(alias)
    return DemoResult(rows, time.perf_counter() - started)
