"""Measure ingestion: ``python manage.py bench_ingest [--rounds N]``, or by article size with
``--sizes 50,200,800,2000`` (KB).

Without ``--sizes`` it ingests every article of the sample corpus ``rounds`` times. With it, it
assembles one body of each size from the sample articles, each copy followed by a paragraph
naming people and places no copy named before (so that speakers, quotations and places grow
with the text, as in a long real article), and ingests it once through the real service, then
once as the admin's background ingestion runs it (``ingestion_job_run``, what the worker runs).
Everything is inside a transaction that is rolled back: the database is left as it was.
"""

import statistics
import string
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.datasets.places import preload as places_preload
from articles.extraction.clean import clean
from articles.files import SAMPLE_CORPUS, article_files, read_article
from stances.models import IngestionJob
from stances.services.ingestion import article_ingest, ingestion_job_run


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time ingestion of the sample corpus, or of articles of given sizes; stores nothing."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=20)
        parser.add_argument("--sizes", default="", help="article sizes in KB, e.g. 50,200,800,2000")
        parser.add_argument("paths", nargs="*", type=Path, default=[SAMPLE_CORPUS])

    def handle(self, *args, **options):
        sources = [read_article(path) for path in article_files(options["paths"])]
        places_preload()  # the gazetteer and towns load once per process, not per article
        if options["sizes"]:
            return self.by_size(sources, options["sizes"])
        timings = [
            self.time_one(source.body, source, round_)
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

    def by_size(self, sources, sizes: str) -> None:
        try:
            kilobytes = [int(size) for size in sizes.split(",")]
        except ValueError:
            raise CommandError(f"--sizes takes KB as 50,200,800: not {sizes!r}") from None
        self.stdout.write("| size | service s | background job s | s per 100 KB |")
        self.stdout.write("| ---: | ---: | ---: | ---: |")
        for size in kilobytes:
            # "2000 KB" is the limit itself: the body stays just under it, with the round's line
            body = long_body(sources, min(size * 1000, settings.ARTICLE_MAX_BYTES - 100))
            service = self.time_one(body, sources[0], 0)
            job = self.time_job(body, sources[0])
            self.stdout.write(
                f"| {size:,} KB | {service:.1f} | {job:.1f} | {service / size * 100:.2f} |"
            )

    def time_one(self, body: str, source, round_: int) -> float:
        start = time.perf_counter()
        try:
            with transaction.atomic():
                article_ingest(
                    body=f"{body}\n\nBenchmark round {round_}.",
                    title=source.title,
                    outlet=source.outlet,
                    url="",
                    published_on=source.published_on,
                )
                raise Rollback
        except Rollback:
            pass
        return time.perf_counter() - start

    def time_job(self, body: str, source) -> float:
        try:
            with transaction.atomic():
                job = IngestionJob.objects.create(
                    body=f"{body}\n\nBenchmark job.", title=source.title, outlet=source.outlet
                )
                start = time.perf_counter()
                ingestion_job_run(job_id=job.pk)
                seconds = time.perf_counter() - start
                raise Rollback
        except Rollback:
            return seconds


def long_body(sources, size: int) -> str:
    """About ``size`` bytes of news prose: the sample articles again and again, each copy with
    a paragraph about people nobody named before."""
    articles = [clean(source.body) for source in sources]
    parts, length, n = [], 0, 0
    while length < size:
        block = f"{articles[n % len(articles)]}\n{_paragraph(n)}"
        parts.append(block)
        length += len(block.encode("utf-8")) + 1
        n += 1
    return "\n".join(parts).encode("utf-8")[:size].decode("utf-8", errors="ignore")


def _paragraph(n: int) -> str:
    s = _letters(n)
    return (
        f"Sheriff Dana Holt{s} of Dane County said Monday the jail will no longer hold people "
        f"on ICE detainers without a judicial warrant. “We will not rent our cells,” Holt{s} "
        f"said. The mayor, Ana Qui{s}, told reporters that 12 people were arrested in Madison "
        f"on Tuesday. “Our police do not enforce immigration law,” she said.\n"
    )


def _letters(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = string.ascii_lowercase[r] + out
        if not n:
            return out
