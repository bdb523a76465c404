"""Measure importing ICE's 287(g) lists: ``python manage.py bench_import`` (``make bench-import``
runs it on a throwaway SQLite database).

1. The latest participating snapshot (about 830 rows) into the empty database, rolled back.
2. All the shipped files in date order, as ``import_287g`` imports them, one transaction each.

The gazetteer and the town table are loaded once per process first, and timed apart: they are
not part of a file's cost. Wall-clock seconds, and the process's own CPU seconds (what the
import costs when the machine is shared).
"""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.datasets.places import find_towns
from articles.extraction.places.gazetteer import gazetteer
from stances.models import ListSnapshot
from stances.services.importers.ice_287g import ice_287g_import, import_order

from .load_sample_data import ICE_287G_DATA, latest_snapshots


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time the 287(g) import: the latest participating list, then every file in order."

    def handle(self, *args, **options):
        if ListSnapshot.objects.exists():
            raise CommandError("bench_import needs a database with no 287(g) import yet.")
        start = time.perf_counter()
        gazetteer(), find_towns("FL", "Cocoa")
        self.stdout.write(f"gazetteer and towns loaded in {time.perf_counter() - start:.2f} s")
        latest = next(p for p in latest_snapshots() if p.parent.name == "participating")
        (seconds, cpu), rows = self.once(latest)
        self.stdout.write(
            self.style.SUCCESS(
                f"latest participating list ({latest.name}, {rows} rows) into an empty "
                f"database: {seconds:.2f} s ({cpu:.2f} s CPU)"
            )
        )
        files = sorted(ICE_287G_DATA.glob("*/*.xlsx"), key=import_order)
        timings, cpu_began = [], time.process_time()
        for path in files:
            began = time.perf_counter()
            ice_287g_import(path_or_file=path)
            timings.append(time.perf_counter() - began)
        cpu = time.process_time() - cpu_began
        self.stdout.write(
            self.style.SUCCESS(
                f"all {len(files)} files in date order: {sum(timings):.1f} s ({cpu:.1f} s CPU); "
                f"per file median {statistics.median(timings):.2f} s, max {max(timings):.2f} s"
            )
        )

    def once(self, path) -> tuple[tuple[float, float], int]:
        began, cpu = time.perf_counter(), time.process_time()
        try:
            with transaction.atomic():
                [report] = ice_287g_import(path_or_file=path).files
                seconds = (time.perf_counter() - began, time.process_time() - cpu)
                raise Rollback
        except Rollback:
            pass
        return seconds, report.rows
