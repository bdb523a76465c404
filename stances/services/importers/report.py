"""What an import did, file by file and row by row: the report the command prints, the admin
shows and the tests read. Nothing is lost quietly: every row is counted under one outcome, and
every row that is not plain evidence has a line saying why."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

# Per-row outcomes, in the order reports show them; each row of a file has exactly one.
CREATED = "created"
UNCHANGED = "unchanged"
UPDATED = "updated"
RELISTED = "re-listed"
NOT_A_PLACE = "not a place"
REJECTED = "rejected"  # counted as "rejected: <why>"
ROW_OUTCOMES = (CREATED, UNCHANGED, UPDATED, RELISTED, NOT_A_PLACE)
# Per-file counts that are not rows of the file.
FLAGGED = "flagged no longer listed"
KEPT_WITH_NOTE = "kept with a note"

# What became of a file.
IMPORTED = "imported"
FILE_UNCHANGED = "unchanged"
SKIPPED = "skipped"
FAILED = "failed"


@dataclass(frozen=True)
class ReportLine:
    """One row (or one listing) an editor should know about, with the reason in words."""

    file_name: str
    row_number: int | None  # None for a listing missing from the file
    agency: str
    outcome: str  # "kept", "rejected", NOT_A_PLACE, FLAGGED, UPDATED, RELISTED
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row_number}" if self.row_number is not None else "not in the file"
        return f"{self.file_name}, {where}, {self.agency or '(blank agency)'}: {self.reason}"


@dataclass
class FileReport:
    file_name: str
    outcome: str = IMPORTED  # IMPORTED | FILE_UNCHANGED | SKIPPED | FAILED
    reason: str = ""  # why a file was skipped or failed
    list_kind: str = ""
    as_of: dt.date | None = None
    snapshot_id: int | None = None  # the ListSnapshot stored
    article_id: int | None = None  # its source (kind dataset)
    rows: int = 0
    counts: Counter = field(default_factory=Counter)
    lines: list[ReportLine] = field(default_factory=list)

    def count(self, outcome: str, reason: str = "") -> None:
        self.counts[f"{outcome}: {reason}" if reason else outcome] += 1

    def summary(self) -> str:
        """ "imported 2025-07-18 participating, 825 rows: 3 created, 812 unchanged, ..." """
        head = f"{self.outcome:<9} {self.file_name}"
        if self.outcome in (SKIPPED, FAILED):
            return f"{head}: {self.reason}"
        counts = ", ".join(f"{n} {name}" for name, n in ordered(self.counts))
        return f"{head} ({self.list_kind}, {self.as_of}): {self.rows} rows; {counts or 'nothing'}"


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)

    @property
    def failed(self) -> list[FileReport]:
        """Files that could not be read at all (the command then exits non-zero)."""
        return [f for f in self.files if f.outcome == FAILED]

    @property
    def counts(self) -> Counter:
        total: Counter = Counter()
        for report in self.files:
            total.update(report.counts)
        return total

    @property
    def lines(self) -> list[ReportLine]:
        return [line for report in self.files for line in report.lines]


def ordered(counts: Counter) -> list[tuple[str, int]]:
    """Row outcomes first, in their order, then the rest (flags, rejections) by name."""
    rank = {name: i for i, name in enumerate(ROW_OUTCOMES)}
    return sorted(counts.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0]))
