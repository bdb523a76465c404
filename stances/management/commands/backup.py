"""Back up everything people made: ``manage.py backup [--dir DIR | --output FILE]``.

``make backup`` runs it. Writes gzipped JSON in ``dumpdata``'s format (natural keys, every model
through its base manager, models in dependency order), which ``loaddata`` and so
``manage.py restore`` read: users, groups and their permissions, API tokens, articles,
jurisdictions, officials, every fact, the change history, readers' correction requests and the
admin's log. Left out, because ``migrate`` recreates them or they are derived and the restore
recomputes them: content types and permissions (referred to by natural keys instead), the
precomputed jurisdiction summaries and stance periods, the cache; and what should not outlive a
restore: sessions and django-axes' login attempts and logs.

Unlike ``dumpdata``, timestamps keep their microseconds (Django's JSON encoder keeps
milliseconds only, so a restored database would answer with other ``updated_at`` values and
could order the change feed differently). The whole dump is read in one transaction (REPEATABLE
READ on PostgreSQL): one consistent snapshot even while editors write. The file appears under
its final name only once complete.
"""

import contextlib
import datetime as dt
import gzip
import os
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.utils import timezone

EXCLUDE_APPS = {"contenttypes", "sessions", "axes"}
EXCLUDE_MODELS = {"auth.Permission", "stances.JurisdictionSummary", "stances.StancePeriod"}


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but datetimes and times with all their digits."""

    def default(self, o):
        if isinstance(o, dt.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, dt.time) and o.utcoffset() is None:
            return o.isoformat()
        return super().default(o)


def backed_up_models() -> list:
    """Every concrete model but the excluded, each after the models its natural keys name."""
    app_list = [
        (app, None)
        for app in apps.get_app_configs()
        if app.models_module is not None and app.label not in EXCLUDE_APPS
    ]
    return [
        model
        for model in serializers.sort_dependencies(app_list, allow_cycles=True)
        if model._meta.label not in EXCLUDE_MODELS
        and not model._meta.proxy
        and router.allow_migrate_model(DEFAULT_DB_ALIAS, model)
    ]


def objects():
    for model in backed_up_models():
        yield from model._base_manager.order_by(model._meta.pk.name).iterator(chunk_size=2000)


class Command(BaseCommand):
    help = "Write everything people made to a gzipped JSON backup that `restore` loads."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            default=str(settings.BASE_DIR / "var" / "backups"),
            help="the folder of the backup, named sanctuary-YYYYmmdd-HHMMSS.json.gz (UTC)",
        )
        parser.add_argument("--output", help="the backup's path instead (ends in .json.gz)")

    def handle(self, *args, **options):
        if options["output"]:
            path = Path(options["output"])
        else:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            path = Path(options["dir"]) / f"sanctuary-{stamp}.json.gz"
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.partial")
        try:
            with gzip.open(partial, "wt", encoding="utf-8") as stream, snapshot():
                serializers.serialize(
                    "json",
                    objects(),
                    stream=stream,
                    cls=ExactJSONEncoder,
                    use_natural_foreign_keys=True,
                    use_natural_primary_keys=True,
                )
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        if options["verbosity"] >= 1:
            size = path.stat().st_size
            self.stderr.write(f"Backed up to {path} ({size / 1e6:.1f} MB)")
        self.stdout.write(str(path))


@contextlib.contextmanager
def snapshot():
    """One transaction for every table's read: a consistent dump under concurrent writes."""
    with transaction.atomic():
        connection = connections[DEFAULT_DB_ALIAS]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield
