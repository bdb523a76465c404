"""ICE's published 287(g) lists: participating agencies (signed agreements) and pending requests.

Pure functions, no database: ``read_snapshot`` turns one downloaded .xlsx into a ``Snapshot`` of
``Row`` values, each with its normalised fields and, where the published data is defective, the
notes and rejection an import report needs; ``snapshot_text`` renders the snapshot as the
line-per-row text that is stored as the source, with each row's span into it.

The files and their known defects are described in ``data/ice-287g/README.md``. Decisions:

- **Signed dates** (participating list only). A ``SIGNED`` cell that is not a date (text such as
  ``05/082025`` or ``7/72025``), is later than the snapshot, or is earlier than ``PROGRAM_START``
  keeps its row, with ``signed_on=None`` and the reason in ``notes``; the agreement then counts
  from the snapshot date. ``PROGRAM_START`` is 1996-09-30, the day IIRIRA (Pub. L. 104-208) added
  section 287(g) to the Immigration and Nationality Act. The first agreement was signed in 2002
  (Florida), so a date between the two is suspicious but not impossible by law: it is kept.
  "Later than the snapshot" compares with the day the archive saw the file (UTC), or ICE's own
  stamp when the archive's prefix is missing.
- **States** are read by name or USPS code, in any case. A name one letter away from exactly one
  state ("UTAHJ" -> Utah) is corrected, with a note; anything else is an unknown state and the
  row is rejected (an agreement we cannot place in a state cannot be imported).
- **Rejected rows** (reported, not imported): blank agency; unknown state; unknown support type;
  a row whose cells all equal an earlier row's (exact duplicate); a row with the same
  ``agreement_key`` as an earlier row (the same agreement listed twice, e.g. "City of St. Cloud
  Police Department" and "St. Cloud Police Department", one model, one county).
- **Text** is trimmed and whitespace collapsed in the normalised fields only (``agency``,
  ``support_type``...); ``cells`` and the stored text keep what ICE wrote, trailing spaces too.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import BinaryIO, NamedTuple
from urllib.parse import parse_qs, urlsplit

from openpyxl.utils.datetime import from_excel

from articles.datasets.names import letters_key, name_key, one_typo_away, squash
from articles.datasets.xlsx import Cell, Table, UnreadableSpreadsheet, read_table
from articles.extraction.places.gazetteer import gazetteer

PARTICIPATING = "participating"
PENDING = "pending"
LIST_KINDS = (PARTICIPATING, PENDING)

# ICE's three models, as the SUPPORT TYPE column writes them ("Jail Enforcement Model"), with or
# without the word "Model" or "Program", or by their initials (JEM, WSO, TFM).
MODELS = {
    "jail enforcement": "jail_enforcement",
    "jem": "jail_enforcement",
    "warrant service officer": "warrant_service_officer",
    "warrant service": "warrant_service_officer",
    "wso": "warrant_service_officer",
    "task force": "task_force",
    "tfm": "task_force",
}
AGENCY_TYPES = {
    "county": "county",
    "parish": "county",
    "municipality": "municipality",
    "municipal": "municipality",
    "city": "municipality",
    "town": "municipality",
    "township": "municipality",
    "village": "municipality",
    "borough": "municipality",
    "state agency": "state_agency",
    "state": "state_agency",
}

STATE, AGENCY, TYPE, COUNTY = "STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY"
SUPPORT_TYPE, SIGNED, MOA, ADDENDUM = "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"
REQUIRED_COLUMNS = (STATE, AGENCY, TYPE, COUNTY, SUPPORT_TYPE)
# Other names a list might give the same columns (ICE has renamed columns on other pages of its
# site; a file saved by someone else may carry the usual variants).
COLUMN_ALIASES = {
    STATE: ("STATE NAME", "ST"),
    AGENCY: ("AGENCY", "AGENCY NAME", "LAW ENFORCEMENT AGENCY NAME", "LEA", "LEA NAME"),
    TYPE: ("AGENCY TYPE", "LEA TYPE", "JURISDICTION TYPE"),
    COUNTY: ("COUNTY NAME", "COUNTY/PARISH", "PARISH"),
    SUPPORT_TYPE: ("MODEL", "287(G) MODEL", "287G MODEL", "SUPPORT", "PROGRAM", "TYPE OF SUPPORT"),
    SIGNED: (
        "DATE SIGNED",
        "SIGNED DATE",
        "SIGNED ON",
        "MOA SIGNED",
        "MOA SIGNED DATE",
        "SIGNATURE DATE",
    ),
    MOA: ("MOA LINK", "AGREEMENT", "MEMORANDUM OF AGREEMENT"),
}

PROGRAM_START = dt.date(1996, 9, 30)
# What ICE writes in COUNTY when an agency has none (police departments, state agencies).
NO_COUNTY = {"", "#n/a", "n/a", "#na", "na", "none"}

# The archive's prefix (UTC download time) and ICE's own name with its date stamp.
_ARCHIVE_PREFIX = re.compile(r"^(\d{8})_(\d{6})__")
_ICE_STAMP = re.compile(
    r"(participating|pending)agencies(\d{2})(\d{2})(\d{4})(am|pm)?(?:_[a-z0-9]+)?\.xlsx$",
    re.IGNORECASE,
)
# Text dates read in full, unambiguous US forms only ("05/082025" is not guessed at).
_TEXT_DATE_FORMATS = (
    "%m/%d/%Y", "%m-%d-%Y", "%Y-%m-%d", "%Y/%m/%d", "%m.%d.%Y", "%m/%d/%y",
    "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%B %d %Y", "%d %B %Y",
)  # fmt: skip
# A date typed into a cell formatted as a number: Excel's serial day count (1995 to 2100).
_EXCEL_SERIALS = (34700, 73051)


class UnreadableSnapshot(UnreadableSpreadsheet):
    """A file that cannot be read as an ICE 287(g) list at all (the import exits non-zero)."""


@dataclass(frozen=True)
class Row:
    """One data row of a snapshot, as written and as understood.

    ``cells`` are the raw cells in the sheet's column order (see ``Snapshot.columns``); the
    other fields are normalised. ``notes`` are defects the row is kept despite (each one line of
    the import report); ``rejection`` is set when the row must not be imported."""

    number: int  # 1-based spreadsheet row number
    cells: tuple[Cell, ...]
    state: str | None  # USPS code: "FL"; None when the state is unknown
    agency: str  # "Brevard County Sheriff's Office" (trimmed, single spaces)
    agency_type: str  # "county" | "municipality" | "state_agency" | "" (ICE's TYPE column)
    county: str  # "Brevard County"; "" where ICE wrote #N/A or nothing
    support_type: str  # "Task Force Model" (trimmed)
    model: str | None  # "jail_enforcement" | "warrant_service_officer" | "task_force"
    signed_on: dt.date | None = None
    moa_url: str | None = None  # the agreement PDF (Outlook "safe links" unwrapped)
    addendum_url: str | None = None
    notes: tuple[str, ...] = ()
    rejection: str | None = None

    @property
    def rejected(self) -> bool:
        return self.rejection is not None


@dataclass(frozen=True)
class Snapshot:
    """One downloaded file of one of ICE's two lists."""

    kind: str  # "participating" | "pending"
    file_name: str  # "20250718_151752__participatingAgencies07182025am.xlsx"
    seen_on: dt.datetime | None  # when the archive downloaded it (UTC), from the file name
    published_on: dt.date | None  # ICE's own date stamp in the file name
    header_row: int
    columns: tuple[str, ...]  # header cells as written, in the sheet's order
    rows: tuple[Row, ...]  # every non-empty row below the header, rejected ones included

    @property
    def valid_rows(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if not row.rejected)

    def cells_by_name(self, row: Row) -> dict[str, Cell]:
        """``row``'s raw cells keyed by their column's header as written ("" columns left out)."""
        return {name: cell for name, cell in zip(self.columns, row.cells, strict=True) if name}

    @property
    def as_of(self) -> dt.date | None:
        """The day the snapshot stands for: when it was seen, else when ICE stamped it."""
        return self.seen_on.date() if self.seen_on else self.published_on


class AgreementKey(NamedTuple):
    """What identifies one agreement (or one request) from one snapshot to the next."""

    state: str  # USPS code
    county: str  # name_key of the county without its "County"/"Parish" word; "" if none
    agency: str  # agency_key of the agency's name
    model: str


@dataclass(frozen=True)
class ReportLine:
    """One line of an import report: a kept row's defect, or a rejected row."""

    file_name: str
    row_number: int
    agency: str
    reason: str
    rejected: bool


@dataclass(frozen=True)
class SnapshotText:
    """The stored text of a snapshot and where each row is in it: ``text[start:end]`` is the
    row's line, without its newline."""

    text: str
    header_span: tuple[int, int]
    spans: dict[int, tuple[int, int]]  # row number -> (start, end)


# --- file names ---------------------------------------------------------------------------


def parse_file_name(file_name: str) -> tuple[str | None, dt.datetime | None, dt.date | None]:
    """(list kind, seen on, published on) from an archive file name; None where absent.

    "20250711_151820__pendingAgencies07112025am_b.xlsx" ->
    ("pending", 2025-07-11 15:18:20 UTC, 2025-07-11)."""
    base = PurePath(file_name).name
    seen_on = None
    if prefix := _ARCHIVE_PREFIX.match(base):
        seen_on = dt.datetime.strptime(prefix.group(1) + prefix.group(2), "%Y%m%d%H%M%S")
        seen_on = seen_on.replace(tzinfo=dt.UTC)
    stamp = _ICE_STAMP.search(base)
    if not stamp:
        return None, seen_on, None
    month, day, year = (int(stamp.group(i)) for i in (2, 3, 4))
    try:
        published_on = dt.date(year, month, day)
    except ValueError:
        published_on = None
    return stamp.group(1).lower(), seen_on, published_on


# --- reading ------------------------------------------------------------------------------


def read_snapshot(
    source: Path | str | BinaryIO,
    *,
    file_name: str | None = None,
    kind: str | None = None,
    seen_on: dt.datetime | None = None,
) -> Snapshot:
    """Read one participating or pending .xlsx. ``file_name`` names an uploaded file object
    (defaults to the path's name); ``kind`` and ``seen_on`` override what the name says.

    Raises ``UnreadableSnapshot`` when the file is not an .xlsx or has no header row."""
    name = file_name or PurePath(str(getattr(source, "name", source))).name
    named_kind, named_seen_on, published_on = parse_file_name(name)
    try:
        source = Path(source) if isinstance(source, str) else source
        table = read_table(source, name=name, required=REQUIRED_COLUMNS, aliases=COLUMN_ALIASES)
    except UnreadableSpreadsheet as error:
        raise UnreadableSnapshot(name, error.reason) from error
    kind = kind or named_kind or (PARTICIPATING if table.index(SIGNED) is not None else PENDING)
    if kind == PARTICIPATING and table.index(SIGNED) is None:
        raise UnreadableSnapshot(name, "a participating list without a SIGNED column")
    seen_on = seen_on or named_seen_on
    as_of = seen_on.date() if seen_on else published_on
    rows = _reject_duplicates([_row(table, r.number, r.cells, as_of) for r in table.rows])
    return Snapshot(kind, name, seen_on, published_on, table.header_row, table.columns, rows)


def _row(table: Table, number: int, cells: tuple[Cell, ...], as_of: dt.date | None) -> Row:
    def cell(column: str) -> Cell:
        index = table.index(column)
        return cells[index] if index is not None else Cell(None, "")

    state, state_note = read_state(cell(STATE).text)
    signed_on, signed_note = (None, None)
    if table.index(SIGNED) is not None:
        signed_on, signed_note = read_signed(cell(SIGNED).value, as_of)
    support_type = squash(cell(SUPPORT_TYPE).text)
    row = Row(
        number=number,
        cells=cells,
        state=state,
        agency=squash(cell(AGENCY).text),
        agency_type=AGENCY_TYPES.get(_words(cell(TYPE).text), ""),
        county=read_county(cell(COUNTY).text),
        support_type=support_type,
        model=read_model(support_type),
        signed_on=signed_on,
        moa_url=unwrap_link(cell(MOA).link),
        addendum_url=unwrap_link(cell(ADDENDUM).link),
        notes=tuple(n for n in (state_note, signed_note) if n),
    )
    return _with_rejection(row, cell(STATE).text, cell(SUPPORT_TYPE).text)


def _with_rejection(row: Row, state_written: str, support_written: str) -> Row:
    reason = None
    if not row.agency:
        reason = "blank agency"
    elif row.state is None:
        reason = f"unknown state {squash(state_written)!r}"
    elif row.model is None:
        reason = f"unknown support type {squash(support_written)!r}"
    return replace(row, rejection=reason) if reason else row


def _reject_duplicates(rows: Iterable[Row]) -> tuple[Row, ...]:
    """Reject a row whose cells, or whose agreement, an earlier row already has."""
    by_cells: dict[tuple, int] = {}
    by_key: dict[AgreementKey, int] = {}
    kept = []
    for row in rows:
        if not row.rejected:
            values = tuple(c.value for c in row.cells)
            key = agreement_key(row)
            if values in by_cells:
                row = replace(row, rejection=f"duplicate of row {by_cells[values]}")
            elif key in by_key:
                row = replace(row, rejection=f"same agreement as row {by_key[key]}")
            by_cells.setdefault(values, row.number)
            by_key.setdefault(key, row.number)
        kept.append(row)
    return tuple(kept)


# --- fields -------------------------------------------------------------------------------


@functools.cache
def _state_names() -> dict[str, str]:
    """Letters-only state name or code -> USPS code ("NEWHAMPSHIRE" -> "NH")."""
    names = {letters_key(p.name): p.state for p in gazetteer().states_by_code.values()}
    names.update({code.lower(): code for code in gazetteer().states_by_code})
    names.update({"districtofcolumbia": "DC", "dc": "DC"})
    return names


def read_state(written: str) -> tuple[str | None, str | None]:
    """(USPS code or None, note) for ICE's STATE cell: "FLORIDA" -> ("FL", None);
    "UTAHJ" -> ("UT", "state 'UTAHJ' read as UT (one-letter typo)"); "XX" -> (None, None)."""
    key = letters_key(written)
    names = _state_names()
    if key in names:
        return names[key], None
    full_names = {k: v for k, v in names.items() if len(k) > 2}
    code = one_typo_away(key, full_names)
    if code:
        return code, f"state {squash(written)!r} read as {code} (one-letter typo)"
    return None, None


def _words(text: str) -> str:
    """Lower case letters, digits and single spaces: "Task-Force  Model." -> "task force model"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def read_model(written: str) -> str | None:
    """ICE's model for a SUPPORT TYPE cell, or None: "Jail Enforcement Model", "Task Force",
    "WSO", "Warrant Service Officer Program"."""
    words = _words(written)
    words = re.sub(r"\s*\b(?:model|program)$", "", words).removeprefix("287 g ")
    return MODELS.get(words)


def read_county(written: str) -> str:
    """ICE's COUNTY cell trimmed; "" for "#N/A", "N/A", "#NA" and blanks."""
    county = squash(written)
    return "" if county.lower() in NO_COUNTY else county


def read_signed(value: object, as_of: dt.date | None) -> tuple[dt.date | None, str | None]:
    """(signed date or None, the reason it is None, or a note on how it was read). Text is read
    only in full, unambiguous forms (05/08/2025, 2025-05-08, May 8, 2025); "05/082025" stays
    text and is not guessed at. A whole number in the range of spreadsheet day numbers (1995 to
    2100) is a date whose cell lost its date format: read, with a note saying so."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, "SIGNED is blank"
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif _is_excel_serial(value):
        day = from_excel(value).date()
        serial = f"SIGNED {int(value)} read as a spreadsheet day number: {day.isoformat()}"
        checked, problem = read_signed(day, as_of)
        return checked, problem or serial
    else:
        day = _text_date(str(value).strip())
        if day is None:
            return None, f"SIGNED {str(value).strip()!r} is not a date"
    if day < PROGRAM_START:
        return None, f"SIGNED {day.isoformat()} is before the 287(g) program existed (1996)"
    if as_of is not None and day > as_of:
        return None, f"SIGNED {day.isoformat()} is after the snapshot ({as_of.isoformat()})"
    return day, None


def _is_excel_serial(value: object) -> bool:
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    return numeric and _EXCEL_SERIALS[0] <= value < _EXCEL_SERIALS[1] and value == int(value)


def _text_date(text: str) -> dt.date | None:
    for fmt in _TEXT_DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def unwrap_link(link: str | None) -> str | None:
    """The real target of a hyperlink: some MOA links are Outlook "safe links"
    (``*.safelinks.protection.outlook.com/?url=<the ICE PDF>&data=...``)."""
    if not link:
        return None
    parts = urlsplit(link)
    if parts.netloc.endswith("safelinks.protection.outlook.com"):
        target = parse_qs(parts.query).get("url")
        if target:
            return target[0]
    return link


# --- identity -----------------------------------------------------------------------------

_COUNTY_WORDS = re.compile(r"\s+(county|parish|borough)$")
_STATE_SUFFIX = re.compile(r",\s*[A-Za-z]{2}\s*$")  # "Arnaudville Police Department, LA"
_AGENCY_NOISE = (
    (re.compile(r"^(city|town|village) of\s+"), ""),  # "City of St. Cloud Police Department"
    (re.compile(r"\bsheriffs?\b"), "sheriff"),  # "Sheriffs Office", "Sheriff's Office"
    (re.compile(r"\bdepartent\b"), "department"),
)


def county_key(county: str) -> str:
    """ "St. Landry Parish" -> "saint landry"; "" stays ""."""
    return _COUNTY_WORDS.sub("", name_key(county))


def agency_key(agency: str) -> str:
    """A stable comparison form of an agency's name: case, apostrophes, "St."/"Ft.", a trailing
    ", LA" and a leading "City of" do not count."""
    key = name_key(_STATE_SUFFIX.sub("", agency))
    for pattern, replacement in _AGENCY_NOISE:
        key = pattern.sub(replacement, key)
    return squash(key)


def agreement_key(row: Row) -> AgreementKey:
    """(state, county, agency, model): the same agreement in two snapshots has the same key
    unless ICE renamed it or fixed a typo; ``matching.match_rows`` pairs those."""
    return AgreementKey(
        row.state or "", county_key(row.county), agency_key(row.agency), row.model or ""
    )


# --- report and text ----------------------------------------------------------------------


def snapshot_report(snapshot: Snapshot) -> tuple[ReportLine, ...]:
    """Every kept row's notes and every rejected row, in row order."""
    lines = []
    for row in snapshot.rows:
        for note in row.notes:
            lines.append(ReportLine(snapshot.file_name, row.number, row.agency, note, False))
        if row.rejection:
            lines.append(
                ReportLine(snapshot.file_name, row.number, row.agency, row.rejection, True)
            )
    return tuple(lines)


def line_text(cells: Iterable[str]) -> str:
    """One line: the cells as shown, tab-separated. A tab or line break inside a cell becomes
    a space, so one row is always one line."""
    return "\t".join(re.sub(r"[\t\r\n]", " ", text) for text in cells)


def snapshot_text(snapshot: Snapshot) -> SnapshotText:
    """The header line, then one line per row (rejected rows too: they are in ICE's file),
    each ending with a newline. Deterministic: the same file gives byte-identical text."""
    header = line_text(snapshot.columns)
    parts = [header, "\n"]
    offset = len(header) + 1
    spans: dict[int, tuple[int, int]] = {}
    for row in snapshot.rows:
        line = line_text(c.text for c in row.cells)
        spans[row.number] = (offset, offset + len(line))
        parts += [line, "\n"]
        offset += len(line) + 1
    return SnapshotText("".join(parts), (0, len(header)), spans)
