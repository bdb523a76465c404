"""Ingest news articles: ``python manage.py ingest PATH [PATH ...]`` (files or folders)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.files import article_files, read_article, shown
from articles.services import IngestError
from stances.services.ingestion import IngestResult, article_ingest

FACT_KINDS = ("jurisdictions", "officials", "statements", "events", "policies", "declarations")


class DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""

    def __init__(self, result: IngestResult):
        self.result = result


def describe(result: IngestResult) -> str:
    counts = ", ".join(f"{result.counts[kind]} {kind}" for kind in FACT_KINDS)
    return f"{result.outcome:<9} article {result.article.pk or '-'}: {counts}"


class Command(BaseCommand):
    help = (
        "Ingest news articles (.txt with an optional NAME.json sidecar, or .html) into "
        "jurisdictions, officials, statements, enforcement events and policy actions. "
        "Each article is its own transaction; a file that fails is reported and the rest go on."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="article files or folders")
        parser.add_argument(
            "--dry-run", action="store_true", help="extract and report, but store nothing"
        )
        parser.add_argument(
            "--follow-symlinks",
            action="store_true",
            help="read files through symbolic links (refused by default: a link in a folder "
            "could publish a file from outside it)",
        )

    def handle(self, *paths, **options):
        follow = options["follow_symlinks"]
        files = article_files(options["paths"], follow_symlinks=follow)
        if not files:
            raise CommandError("no .txt or .html article files found in the paths given")
        totals, failures = dict.fromkeys(FACT_KINDS, 0), []
        for path in files:
            try:
                result = self.ingest_one(path, dry_run=options["dry_run"], follow=follow)
            except IngestError as error:
                failures.append(path)
                self.stderr.write(self.style.ERROR(f"failed    {shown(path)}: {error}"))
                continue
            except Exception as error:  # noqa: BLE001 - one bad file must not stop the others
                failures.append(path)
                reason = f"unexpected {type(error).__name__}: {error}"
                self.stderr.write(self.style.ERROR(f"failed    {shown(path)}: {reason}"))
                continue
            for kind in FACT_KINDS:
                totals[kind] += result.counts[kind]
            self.report(path, result, options["verbosity"])
        self.summarise(len(files), failures, totals, options["dry_run"])

    def ingest_one(self, path: Path, *, dry_run: bool, follow: bool) -> IngestResult:
        source = read_article(path, follow_symlinks=follow)
        fields = {
            "body": source.body,
            "title": source.title,
            "outlet": source.outlet,
            "url": source.url,
            "published_on": source.published_on,
        }
        if not dry_run:
            result = article_ingest(**fields)
        else:
            try:
                with transaction.atomic():
                    raise DryRun(article_ingest(**fields))
            except DryRun as dry:
                result = dry.result
        result.warnings[:0] = source.warnings
        return result

    def report(self, path: Path, result: IngestResult, verbosity: int) -> None:
        if verbosity >= 1:
            self.stdout.write(f"{describe(result)}  ({shown(path)})")
        for warning in result.warnings:
            self.stdout.write(self.style.WARNING(f"          warning: {warning}"))

    def summarise(self, count: int, failures: list[Path], totals: dict, dry_run: bool) -> None:
        stored = ", ".join(f"{totals[kind]} {kind}" for kind in FACT_KINDS)
        prefix = "Dry run, nothing stored: " if dry_run else ""
        summary = f"{prefix}{count - len(failures)} of {count} article(s) ingested; new: {stored}"
        if failures:
            raise CommandError(
                f"{summary}. {len(failures)} failed: {', '.join(map(shown, failures))}"
            )
        self.stdout.write(self.style.SUCCESS(summary))
