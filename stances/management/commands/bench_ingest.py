"""Measure ingestion throughput: ``python manage.py bench_ingest [--rounds N]``.

Ingests every article of the sample corpus ``rounds`` times through the real service (clean,
extract, store), each inside a transaction that is rolled back, so the database is left as it was.
Each round appends a line to the body so no article is skipped as unchanged.
"""

import statistics
import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.extraction.places.gazetteer import gazetteer
from articles.files import SAMPLE_CORPUS, article_files, read_article
from stances.services.ingestion import article_ingest


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time ingestion of the sample corpus (articles per second); stores nothing."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=20)
        parser.add_argument("paths", nargs="*", type=Path, default=[SAMPLE_CORPUS])

    def handle(self, *args, **options):
        sources = [read_article(path) for path in article_files(options["paths"])]
        gazetteer()  # loaded once per process; not part of an article's cost
        timings = [
            self.time_one(source, round_)
            for round_ in range(options["rounds"])
            for source in sources
        ]
        total = sum(timings)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(timings)} articles in {total:.2f} s: {len(timings) / total:.1f} articles/s; "
                f"per article median {statistics.median(timings) * 1000:.0f} ms, "
                f"max {max(timings) * 1000:.0f} ms"
            )
        )

    def time_one(self, source, round_: int) -> float:
        start = time.perf_counter()
        try:
            with transaction.atomic():
                article_ingest(
                    body=f"{source.body}\n\nBenchmark round {round_}.",
                    title=source.title,
                    outlet=source.outlet,
                    url="",
                    published_on=source.published_on,
                )
                raise Rollback
        except Rollback:
            pass
        return time.perf_counter() - start
