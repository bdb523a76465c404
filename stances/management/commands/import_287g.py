"""Import ICE's 287(g) lists: ``python manage.py import_287g FILE_OR_FOLDER [...]``.

A thin wrapper around ``stances.services.importers.ice_287g.ice_287g_import``: files are imported
in the order their names date them (the archive's download time, else ICE's stamp), each in its
own transaction. Prints one line per file and, for each row that is not plain evidence, a line
with the file, row, agency and reason; then the counts per outcome. Exits non-zero only when a
file cannot be read at all.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from stances.services.importers import report as r
from stances.services.importers.ice_287g import ice_287g_import, import_order


class DryRun(Exception):
    """Raised at the end of a dry run to roll everything back."""


def spreadsheets(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        found += sorted(path.rglob("*.xlsx")) if path.is_dir() else [path]
    return sorted(found, key=import_order)


class Command(BaseCommand):
    help = (
        "Import ICE's 287(g) participating and pending lists (.xlsx, or folders of them) as "
        "evidence, in date order, each file in one transaction. Exits non-zero only when a file "
        "cannot be read at all."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help=".xlsx files or folders")
        parser.add_argument(
            "--dry-run", action="store_true", help="import and report, then store nothing"
        )

    def handle(self, *args, **options):
        files = spreadsheets(options["paths"])
        if not files:
            raise CommandError("no .xlsx files found in the paths given")
        verbosity = options["verbosity"]
        try:
            with transaction.atomic():
                reports = [self.import_one(path, verbosity) for path in files]
                if options["dry_run"]:
                    raise DryRun
        except DryRun:
            pass
        self.summarise(reports, options["dry_run"], verbosity)

    def import_one(self, path: Path, verbosity: int) -> r.FileReport:
        try:
            # A savepoint per file: a file that fails leaves the others' imports in place.
            with transaction.atomic():
                [report] = ice_287g_import(path_or_file=path).files
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the others
            report = r.FileReport(
                path.name, r.FAILED, f"unexpected {type(error).__name__}: {error}"
            )
        self.show(report, verbosity)
        return report

    def show(self, report: r.FileReport, verbosity: int) -> None:
        if report.outcome == r.FAILED:
            self.stderr.write(self.style.ERROR(report.summary()))
            return
        if verbosity >= 1:
            style = self.style.WARNING if report.outcome == r.SKIPPED else str
            self.stdout.write(style(report.summary()))
        if verbosity >= 1 and report.outcome == r.IMPORTED:
            for line in report.lines:
                self.stdout.write(f"    {line.outcome:<11} {line}")

    def summarise(self, reports: list[r.FileReport], dry_run: bool, verbosity: int) -> None:
        outcomes = Counter(report.outcome for report in reports)
        totals = r.ImportReport(reports).counts
        files = ", ".join(f"{n} {name}" for name, n in sorted(outcomes.items()))
        rows = ", ".join(f"{n} {name}" for name, n in r.ordered(totals)) or "no rows"
        prefix = "Dry run, nothing stored. " if dry_run else ""
        summary = f"{prefix}{len(reports)} file(s): {files}. Rows: {rows}."
        failed = [report.file_name for report in reports if report.outcome == r.FAILED]
        if failed:
            raise CommandError(f"{summary} Unreadable: {', '.join(failed)}")
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(summary))
