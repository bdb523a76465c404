"""Restore a backup: ``manage.py restore FILE [--flush]`` (``make restore FILE=...``).

Into the database ``DATABASE_URL`` names: migrates it (and creates the cache table when the
cache is the database's), loads the backup (``loaddata``, one transaction), recomputes every
jurisdiction's summary, and bumps the data version, so no process serves a page or an API
answer cached before the restore (the shared cache may hold answers of another database, or of
this one before it was emptied).

The database must hold no articles, jurisdictions or users: a restore into a database in use
would mix two states. ``--flush`` empties it first (everything in it is deleted).
"""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Article
from stances.models import Jurisdiction, JurisdictionSummary
from stances.services import summaries


class Command(BaseCommand):
    help = "Load a backup made by `backup` into an empty database and bring derived data current."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a backup: sanctuary-YYYYmmdd-HHMMSS.json.gz")
        parser.add_argument(
            "--flush", action="store_true", help="empty the database first (deletes everything)"
        )

    def handle(self, *args, **options):
        started = time.perf_counter()
        verbosity = options["verbosity"]
        try:
            with open(options["file"], "rb"):
                pass
        except OSError as error:
            raise CommandError(f"Cannot read the backup: {error}") from error
        call_command("migrate", interactive=False, verbosity=0)
        if any("DatabaseCache" in cache["BACKEND"] for cache in settings.CACHES.values()):
            call_command("createcachetable", verbosity=0)
        if options["flush"]:
            call_command("flush", interactive=False, verbosity=0)
        elif in_use():
            raise CommandError(
                "The database already holds data: restore into a new database, or pass --flush "
                "(make restore FLUSH=1) to delete everything in this one first."
            )
        with transaction.atomic():
            call_command("loaddata", options["file"], verbosity=verbosity)
            summaries.refresh_all()  # and bumps the data version once the restore commits
        if verbosity >= 1:
            seconds = time.perf_counter() - started
            self.stdout.write(
                self.style.SUCCESS(
                    f"Restored {options['file']}: {Article.objects.count()} articles, "
                    f"{Jurisdiction.objects.count()} jurisdictions "
                    f"({JurisdictionSummary.objects.count()} summaries recomputed), "
                    f"{get_user_model().objects.count()} users, in {seconds:.1f} s"
                )
            )


def in_use() -> bool:
    return (
        Article.objects.exists()
        or Jurisdiction.objects.exists()
        or get_user_model().objects.exists()
    )
