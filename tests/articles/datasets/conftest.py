"""Fixtures: the real snapshots shipped in ``articles/datasets/data/ice-287g``, read once per
session, and a builder of small spreadsheets for the cases the real files do not have."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest

from articles.datasets.ice_287g import Snapshot, read_snapshot

DATA = Path(__file__).resolve().parents[3] / "articles" / "datasets" / "data" / "ice-287g"
PARTICIPATING_FILES = sorted((DATA / "participating").glob("*.xlsx"))
PENDING_FILES = sorted((DATA / "pending").glob("*.xlsx"))


def data_file(kind: str, ice_name: str) -> Path:
    """The archived file of ``kind`` whose name ends with ICE's ``ice_name``."""
    return sorted((DATA / kind).glob(f"*__{ice_name}"))[0]


@pytest.fixture(scope="session")
def participating_snapshots() -> list[Snapshot]:
    return [read_snapshot(path) for path in PARTICIPATING_FILES]


@pytest.fixture(scope="session")
def pending_snapshots() -> list[Snapshot]:
    return [read_snapshot(path) for path in PENDING_FILES]


@pytest.fixture(scope="session")
def latest_participating(participating_snapshots) -> Snapshot:
    return participating_snapshots[-1]


@pytest.fixture(scope="session")
def latest_pending(pending_snapshots) -> Snapshot:
    return pending_snapshots[-1]


@pytest.fixture
def make_xlsx(tmp_path) -> Callable[..., Path]:
    """Write a one-sheet workbook: ``rows`` under ``header`` (after ``blank_rows_above`` empty
    rows); a cell given as ("text", "url") gets a hyperlink."""

    def build(
        header: Sequence[object],
        rows: Sequence[Sequence[object]],
        name: str = "20250718_151752__participatingAgencies07182025am.xlsx",
        blank_rows_above: int = 0,
    ) -> Path:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        for _ in range(blank_rows_above):
            sheet.append([])
        sheet.append(list(header))
        for values in rows:
            sheet.append([v[0] if isinstance(v, tuple) else v for v in values])
            for column, value in enumerate(values, 1):
                if isinstance(value, tuple):
                    sheet.cell(sheet.max_row, column).hyperlink = value[1]
        path = tmp_path / name
        workbook.save(path)
        return path

    return build
