"""Ingest news articles: ``python manage.py ingest PATH [PATH ...]`` (files or folders).

With ``--workers N`` (N > 1) the articles go through the task queue: each becomes an ingestion
job (the admin's background ingestion), and the command starts a Celery worker of N processes
for the run, waits for every job and reports each as it would have in one process. The same
per-article transaction, the same report; other workers of the deployment may take jobs too."""

import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from articles.files import article_files, read_article, shown
from articles.services import IngestError
from stances.models import IngestionJob, JobStatus
from stances.services.ingestion import IngestResult, article_ingest, ingestion_job_create

FACT_KINDS = ("jurisdictions", "officials", "statements", "events", "policies", "declarations")


class DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""

    def __init__(self, result: IngestResult):
        self.result = result


def describe(result: IngestResult | IngestionJob) -> str:
    counts = ", ".join(f"{result.counts.get(kind, 0)} {kind}" for kind in FACT_KINDS)
    article = result.article.pk if result.article else None
    return f"{result.outcome:<9} article {article or '-'}: {counts}"


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
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="ingest in N parallel processes through the task queue (needs PostgreSQL and "
            "CELERY_BROKER_URL); default 1, in this process",
        )

    def handle(self, *paths, **options):
        follow, workers = options["follow_symlinks"], options["workers"]
        self.check_workers(workers, options["dry_run"])
        files = article_files(options["paths"], follow_symlinks=follow)
        if not files:
            raise CommandError("no .txt or .html article files found in the paths given")
        if workers > 1:
            return self.handle_in_workers(files, workers, follow, options["verbosity"])
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
        fields = source_fields(source)
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

    # In N processes, through the task queue.

    def check_workers(self, workers: int, dry_run: bool) -> None:
        if workers < 1:
            raise CommandError(f"--workers must be 1 or more, not {workers}")
        if workers == 1:
            return
        if dry_run:
            raise CommandError("--dry-run runs in this process: leave --workers out")
        if connection.vendor == "sqlite":
            raise CommandError(
                "--workers needs PostgreSQL (DATABASE_URL): SQLite takes one writer at a time"
            )
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise CommandError(
                "--workers needs the task queue: set CELERY_BROKER_URL to the Redis (or "
                "RabbitMQ) the deployment runs, e.g. redis://127.0.0.1:6379/3"
            )

    def handle_in_workers(self, files: list[Path], workers: int, follow: bool, verbosity: int):
        totals, failures, jobs = dict.fromkeys(FACT_KINDS, 0), [], {}
        worker = start_worker(workers)
        try:
            for path in files:  # read and queued here; ingested by the worker's processes
                try:
                    source = read_article(path, follow_symlinks=follow)
                    jobs[path] = (ingestion_job_create(**source_fields(source)), source.warnings)
                except (IngestError, ValidationError) as error:
                    failures.append(path)
                    reason = error if isinstance(error, IngestError) else "; ".join(error.messages)
                    self.stderr.write(self.style.ERROR(f"failed    {shown(path)}: {reason}"))
            done = wait_for(worker, [job.pk for job, _ in jobs.values()])
        finally:
            stop_worker(worker)
        for path, (job, warnings) in jobs.items():
            job = done.get(job.pk, job)
            if job.status != JobStatus.DONE:
                failures.append(path)
                reason = job.error or "the worker stopped before this article's turn"
                self.stderr.write(self.style.ERROR(f"failed    {shown(path)}: {reason}"))
                continue
            job.warnings[:0] = warnings
            for kind in FACT_KINDS:
                totals[kind] += job.counts.get(kind, 0)
            self.report(path, job, verbosity)
        self.summarise(len(files), failures, totals, dry_run=False)

    def report(self, path: Path, result: IngestResult | IngestionJob, verbosity: int) -> None:
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


def source_fields(source) -> dict:
    return {
        "body": source.body,
        "title": source.title,
        "outlet": source.outlet,
        "url": source.url,
        "published_on": source.published_on,
    }


def start_worker(processes: int) -> subprocess.Popen:
    """A Celery worker of ``processes`` processes (Celery's own prefork pool) for this run,
    writing to this command's database."""
    command = [
        *(sys.executable, "-m", "celery", "-A", "sanctuary.celery", "worker"),
        *(f"--concurrency={processes}", "--pool=prefork", "--loglevel=WARNING"),
        *("--without-gossip", "--without-mingle", "--without-heartbeat"),
        f"--hostname=ingest-{os.getpid()}@%h",
    ]
    env = {**os.environ, "DATABASE_URL": database_url()}
    return subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL)


def database_url() -> str:
    """This command's PostgreSQL database as a URL (a test run's database included)."""
    db = connection.settings_dict
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for(worker: subprocess.Popen, job_ids: list[int], poll: float = 0.2) -> dict:
    """The jobs, once each is done or failed (or as they stand if the worker stops first)."""
    finished = [JobStatus.DONE, JobStatus.FAILED]
    while worker.poll() is None:
        if IngestionJob.objects.filter(pk__in=job_ids, status__in=finished).count() == len(job_ids):
            break
        time.sleep(poll)
    jobs = IngestionJob.objects.filter(pk__in=job_ids).select_related("article")
    return {job.pk: job for job in jobs}


def stop_worker(worker: subprocess.Popen) -> None:
    """A warm shutdown: the worker finishes the articles in hand, then exits."""
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
