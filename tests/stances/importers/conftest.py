"""The real files of ICE's 287(g) lists shipped in ``articles/datasets/data/ice-287g``, and a
builder of small spreadsheets for the cases they do not have."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest

from stances.services.importers.ice_287g import import_order

DATA = Path(__file__).resolve().parents[3] / "articles" / "datasets" / "data" / "ice-287g"
ALL_FILES = sorted(DATA.glob("*/*.xlsx"), key=import_order)
PARTICIPATING = [path for path in ALL_FILES if path.parent.name == "participating"]
PENDING = [path for path in ALL_FILES if path.parent.name == "pending"]
HEADER = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"]


def real(kind: str, ice_name: str) -> Path:
    """The archived file of ``kind`` whose name ends with ICE's own ``ice_name``."""
    [path] = [p for p in ALL_FILES if p.parent.name == kind and p.name.endswith(f"__{ice_name}")]
    return path


@pytest.fixture
def make_xlsx(tmp_path) -> Callable[..., Path]:
    """Write a one-sheet workbook of ``rows`` under ``header``, named as the archive names."""

    def build(
        rows: Sequence[Sequence[object]],
        name: str = "20250801_120000__participatingAgencies08012025am.xlsx",
        header: Sequence[str] = HEADER,
    ) -> Path:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(list(header))
        for values in rows:
            sheet.append(list(values))
        path = tmp_path / name
        workbook.save(path)
        return path

    return build
