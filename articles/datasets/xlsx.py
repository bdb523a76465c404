"""Read one worksheet of an .xlsx file as a table whose columns are found by their header names.

Generic, not ICE-specific: ``read_table`` finds the header row (the first of the top rows that
holds every required name or an alias of it, on the first worksheet that has one), keeps the
columns in their original order, and returns each non-empty row below it with its 1-based
spreadsheet row number and, for every cell, the value openpyxl read, the text the spreadsheet
shows, and the hyperlink's target.

Header names are compared by ``header_key`` (upper case, single spaces), so "Support  type " is
"SUPPORT TYPE". Columns with neither a header nor any value (the trailing empty columns some
files carry) are dropped; an unknown named column is kept, and the caller ignores it.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import openpyxl
from openpyxl.cell.cell import Cell as OpenpyxlCell
from openpyxl.utils.exceptions import InvalidFileException

HEADER_SCAN_ROWS = 20  # how far down to look for the header row


class UnreadableSpreadsheet(ValueError):
    """The file cannot be read as a table at all; says which file and why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass(frozen=True)
class Cell:
    """One cell: ``value`` as openpyxl read it (str, datetime, number, bool or None), ``text``
    as the spreadsheet shows it, ``link`` the hyperlink's target if the cell has one."""

    value: object
    text: str
    link: str | None = None


@dataclass(frozen=True)
class TableRow:
    number: int  # 1-based spreadsheet row number
    cells: tuple[Cell, ...]  # one per column of the table, in the sheet's order


@dataclass(frozen=True)
class Table:
    header_row: int  # 1-based
    columns: tuple[str, ...]  # header cells as written ("" for an unnamed column)
    rows: tuple[TableRow, ...]  # the non-empty rows below the header
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sheet: str = ""

    def index(self, name: str) -> int | None:
        """Position of the column whose header is ``name`` or one of its aliases (compared by
        ``header_key``)."""
        keys = [header_key(c) for c in self.columns]
        for key in _names_of(name, self.aliases):
            if key in keys:
                return keys.index(key)
        return None


def header_key(name: object) -> str:
    return " ".join(str(name or "").split()).upper()


def _names_of(name: str, aliases: Mapping[str, tuple[str, ...]]) -> list[str]:
    return [header_key(n) for n in (name, *aliases.get(name, ()))]


def read_table(
    source: Path | BinaryIO,
    *,
    name: str,
    required: Iterable[str],
    aliases: Mapping[str, tuple[str, ...]] | None = None,
) -> Table:
    """Read the first worksheet of ``source`` that has a header row holding every ``required``
    column (by its name or one of its ``aliases``); ``name`` is only used in error messages.

    Not read-only mode: openpyxl's read-only cells carry no hyperlinks, and ICE's agreement
    links live only there. A file of ~900 rows still loads in a fraction of a second."""
    aliases = aliases or {}
    wanted = {header_key(column): set(_names_of(column, aliases)) for column in required}
    sheet, grid, header_index = _sheet_with_header(source, name, wanted)
    header = [str(c.value).strip() if c.value is not None else "" for c in grid[header_index]]
    body = [(header_index + 2 + i, row) for i, row in enumerate(grid[header_index + 1 :])]
    width = _width(header, [row for _, row in body])
    rows = tuple(
        TableRow(
            number, tuple(_cell(row[i]) if i < len(row) else Cell(None, "") for i in range(width))
        )
        for number, row in body
        if any(not _blank(c.value) for c in row[:width])
    )
    columns = tuple(header[:width])
    return Table(header_index + 1, columns, rows, dict(aliases), sheet.title)


def _sheet_with_header(source: Path | BinaryIO, name: str, wanted: dict[str, set[str]]):
    """The first worksheet with a header row among its top rows (a cover or notes sheet before
    the data is passed over), its cells, and the header's index."""
    try:
        workbook = openpyxl.load_workbook(source, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise UnreadableSpreadsheet(name, f"not an .xlsx workbook ({error})") from error
    for sheet in workbook.worksheets:
        grid = [list(row) for row in sheet.iter_rows()]
        for index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
            keys = {header_key(c.value) for c in row}
            if all(names & keys for names in wanted.values()):
                return sheet, grid, index
    missing = ", ".join(sorted(wanted))
    sheets = "the only sheet" if len(workbook.worksheets) == 1 else "any sheet"
    raise UnreadableSpreadsheet(name, f"no header row with the columns {missing} in {sheets}")


def _width(header: list[str], rows: list[list[OpenpyxlCell]]) -> int:
    """Up to the last column that has a header or a value anywhere."""
    used = [i for i, h in enumerate(header) if h]
    used += [i for row in rows for i, c in enumerate(row) if not _blank(c.value)]
    return max(used) + 1


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell(cell: OpenpyxlCell) -> Cell:
    link = cell.hyperlink.target if cell.hyperlink is not None else None
    return Cell(cell.value, display_text(cell.value, cell.number_format), link or None)


def display_text(value: object, number_format: str = "General") -> str:
    """The text a spreadsheet shows for a value. Text is returned verbatim (trailing spaces
    included). Dates follow the cell's day/month/year format but always with a four-digit year:
    Excel's "mm-dd-yy" would show year 5025 as "25" and hide the defect. Other date or time
    formats fall back to ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime | dt.date):
        return _date_text(value, number_format)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_DATE_TOKENS = re.compile(r"yyyy|yy|mm|m|dd|d")
_PLAIN_DATE_FORMAT = re.compile(r"^(?:yyyy|yy|mm|m|dd|d|[-/. ])+$")


def _date_text(value: dt.date, number_format: str) -> str:
    day = value.date() if isinstance(value, dt.datetime) else value
    has_time = isinstance(value, dt.datetime) and value.time() != dt.time()
    fmt = number_format.lower()
    if has_time or not _PLAIN_DATE_FORMAT.match(fmt):
        return value.isoformat() if has_time else day.isoformat()
    parts = {
        "yyyy": f"{day.year:04d}",
        "yy": f"{day.year:04d}",
        "mm": f"{day.month:02d}",
        "m": str(day.month),
        "dd": f"{day.day:02d}",
        "d": str(day.day),
    }
    return _DATE_TOKENS.sub(lambda m: parts[m.group(0)], fmt)
