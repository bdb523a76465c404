"""Reading ICE's 287(g) lists (articles/datasets/ice_287g.py), on the real snapshots."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from articles.datasets.ice_287g import (
    PROGRAM_START,
    UnreadableSnapshot,
    agreement_key,
    parse_file_name,
    read_signed,
    read_snapshot,
    read_state,
    snapshot_report,
    snapshot_text,
)
from tests.articles.datasets.conftest import PARTICIPATING_FILES, PENDING_FILES, data_file

HEADER = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"]
BREVARD = ["FLORIDA", "Brevard County Sheriff's Office", "County", "Brevard County"]


def test_every_shipped_file_reads(participating_snapshots, pending_snapshots):
    assert (len(PARTICIPATING_FILES), len(PENDING_FILES)) == (27, 34)
    for snapshot in participating_snapshots + pending_snapshots:
        assert snapshot.kind in snapshot.file_name
        assert snapshot.seen_on.tzinfo is dt.UTC and snapshot.published_on is not None
        assert snapshot.header_row == 1 and len(snapshot.valid_rows) > 10
        assert all(row.model and row.state and row.agency for row in snapshot.valid_rows)


def test_every_layout_keeps_its_own_columns(participating_snapshots, pending_snapshots):
    layouts = {s.columns for s in participating_snapshots + pending_snapshots}
    assert layouts == {
        tuple(HEADER[:5]),  # pending
        tuple(HEADER),  # participating, May and June (trailing empty columns dropped)
        (*HEADER, "ADDENDUM"),  # participating from July
    }


def test_file_names_give_seen_on_and_published_on():
    name = "20250711_151820__pendingAgencies07112025am_b.xlsx"
    seen_on = dt.datetime(2025, 7, 11, 15, 18, 20, tzinfo=dt.UTC)
    assert parse_file_name(name) == ("pending", seen_on, dt.date(2025, 7, 11))
    assert parse_file_name("participatingAgencies05162025am.xlsx") == (
        "participating",
        None,
        dt.date(2025, 5, 16),
    )
    assert parse_file_name("upload.xlsx") == (None, None, None)


def test_latest_participating_rows_each_have_a_line_or_a_reason(latest_participating):
    stored = snapshot_text(latest_participating)
    assert stored.text.splitlines()[0] == "\t".join([*HEADER, "ADDENDUM"])
    assert len(latest_participating.rows) == 825
    report = {(line.row_number, line.reason) for line in snapshot_report(latest_participating)}
    for row in latest_participating.rows:
        start, end = stored.spans[row.number]
        assert stored.text[start:end] == "\t".join(cell.text for cell in row.cells)
        assert stored.text[end] == "\n" and (start == 0 or stored.text[start - 1] == "\n")
        assert not row.rejected or (row.number, row.rejection) in report
    first = latest_participating.rows[0]
    line = stored.text[slice(*stored.spans[first.number])]
    assert line.startswith("ALABAMA\tCherokee County Sheriff's Office\tCounty\t")
    assert "\t06-25-2025\tlink pending\t" in line


def test_stored_text_is_byte_identical_across_reads(latest_pending):
    again = read_snapshot(PENDING_FILES[-1])
    assert snapshot_text(again).text.encode() == snapshot_text(latest_pending).text.encode()


def test_malformed_signed_dates_are_kept_without_a_date(latest_participating):
    rows = {row.number: row for row in latest_participating.rows}
    expected = {
        633: "SIGNED 5025-07-07 is after the snapshot (2025-07-18)",
        768: "SIGNED '7/72025' is not a date",
        778: "SIGNED '05/082025' is not a date",
    }
    for number, reason in expected.items():
        assert not rows[number].rejected and rows[number].signed_on is None
        assert rows[number].notes == (reason,)
    assert rows[778].agency == "Campbell County Sheriff's Office"
    dated = [r for r in latest_participating.valid_rows if r.number not in expected]
    assert all(PROGRAM_START <= r.signed_on <= dt.date(2025, 7, 18) for r in dated)


@pytest.mark.parametrize(
    ("value", "signed_on", "reason"),
    [
        (dt.datetime(2025, 5, 8), dt.date(2025, 5, 8), None),
        ("05/08/2025", dt.date(2025, 5, 8), None),
        ("05/082025", None, "SIGNED '05/082025' is not a date"),
        (dt.datetime(1995, 1, 1), None, "SIGNED 1995-01-01 is before the 287(g) program existed"),
        (dt.datetime(2025, 7, 19), None, "SIGNED 2025-07-19 is after the snapshot (2025-07-18)"),
        (None, None, "SIGNED is blank"),
        (45000, dt.date(2023, 3, 15), "SIGNED 45000 read as a spreadsheet day number: 2023-03-15"),
        (46000, None, "SIGNED 2025-12-09 is after the snapshot"),  # a day number, too late
        (12, None, "SIGNED '12' is not a date"),
        ("May 8, 2025", dt.date(2025, 5, 8), None),
        ("5/8/25", dt.date(2025, 5, 8), None),
        ("8/5/25", None, "SIGNED 2025-08-05 is after the snapshot"),
    ],
)
def test_read_signed(value, signed_on, reason):
    found, why = read_signed(value, dt.date(2025, 7, 18))
    assert found == signed_on
    assert (why or "").startswith(reason or "")


def test_a_one_letter_state_typo_is_corrected_with_a_note():
    snapshot = read_snapshot(data_file("participating", "participatingAgencies07072025am.xlsx"))
    (weber,) = [row for row in snapshot.rows if row.cells[0].value == "UTAHJ"]
    assert (weber.state, weber.rejected) == ("UT", False)
    assert weber.notes == ("state 'UTAHJ' read as UT (one-letter typo)",)
    assert read_state("AlABAMA") == ("AL", None)
    assert read_state("Puerto Rico") == (None, None)  # not a state: rejected, never guessed
    assert read_state("OHIOO")[0] == "OH" and read_state("IOWAA")[0] == "IA"


def test_unknown_states_blank_agencies_and_duplicates_are_rejected(make_xlsx):
    signed = dt.datetime(2025, 5, 1)
    rows = [
        [*BREVARD, "Task Force Model ", signed, "link"],
        [*BREVARD, "Task Force Model", signed, "link"],  # trailing space only: same agreement
        [*BREVARD, "Task Force Model ", signed, "link"],  # every cell equal to the first
        ["FLORIDAA", "Polk County Sheriff's Office", "County", "Polk County", "Task Force Model"],
        ["NARNIA", "Polk County Sheriff's Office", "County", "Polk County", "Task Force Model"],
        ["FLORIDA", "  ", "County", "Polk County", "Task Force Model", signed],
        ["FLORIDA", "Polk County Sheriff's Office", "County", "Polk County", "Good Model"],
    ]
    snapshot = read_snapshot(make_xlsx(HEADER, rows))
    assert [row.rejection for row in snapshot.rows] == [
        None,
        "same agreement as row 2",
        "duplicate of row 2",
        None,
        "unknown state 'NARNIA'",
        "blank agency",
        "unknown support type 'Good Model'",
    ]
    assert snapshot.rows[0].model == "task_force"
    assert snapshot.rows[0].support_type == "Task Force Model"
    assert snapshot.rows[3].state == "FL"


def test_the_same_agreement_listed_twice_in_a_real_file_is_reported(participating_snapshots):
    snapshot = participating_snapshots[14]  # 07012025pm
    rejected = [(r.number, r.agency, r.rejection) for r in snapshot.rows if r.rejected]
    assert rejected == [
        (282, "St. Cloud Police Department", "same agreement as row 67"),
        (326, "Zephyrhills Police Department", "same agreement as row 68"),
    ]
    assert [line.rejected for line in snapshot_report(snapshot)].count(True) == 2


def test_columns_are_read_by_name_in_any_order(make_xlsx):
    header = ["moa", "Extra notes", "Support Type ", "COUNTY", "signed", "Type", "STATE"]
    header.append("Law Enforcement  Agency")
    values = ["link", "ignored", "Jail Enforcement Model", "Polk County", dt.datetime(2025, 3, 1)]
    row = [("link", "https://www.ice.gov/polk.pdf"), *values[1:], "County", "FLORIDA"]
    row.append("Polk County Sheriff's Office")
    snapshot = read_snapshot(make_xlsx(header, [row], blank_rows_above=1))
    (read,) = snapshot.rows
    assert (snapshot.kind, snapshot.header_row, read.number) == ("participating", 2, 3)
    assert (read.state, read.agency, read.county) == (
        "FL",
        "Polk County Sheriff's Office",
        "Polk County",
    )
    assert (read.model, read.signed_on) == ("jail_enforcement", dt.date(2025, 3, 1))
    assert read.moa_url == "https://www.ice.gov/polk.pdf"
    assert snapshot_text(snapshot).text.split("\n")[1].split("\t")[1] == "ignored"


def test_a_pending_list_is_known_by_its_columns_when_the_name_says_nothing(make_xlsx):
    rows = [["TEXAS", "Nixon Police Department", "Municipality", "#N/A", "Task Force Model"]]
    snapshot = read_snapshot(make_xlsx(HEADER[:5], rows, name="upload.xlsx"))
    assert (snapshot.kind, snapshot.seen_on, snapshot.rows[0].county) == ("pending", None, "")
    assert snapshot.rows[0].signed_on is None and snapshot.rows[0].notes == ()


def test_a_participating_list_without_signed_is_unreadable(make_xlsx):
    path = make_xlsx(HEADER[:5], [], name="participatingAgencies07182025am.xlsx")
    with pytest.raises(UnreadableSnapshot, match="without a SIGNED column"):
        read_snapshot(path)


def test_an_unreadable_file_names_itself(tmp_path):
    path = tmp_path / "pendingAgencies07182025am.xlsx"
    path.write_bytes(b"%PDF-1.7")
    with pytest.raises(UnreadableSnapshot, match=r"^pendingAgencies07182025am\.xlsx: not an"):
        read_snapshot(path)


def test_raw_cells_by_column_name(latest_participating):
    cells = latest_participating.cells_by_name(latest_participating.rows[0])
    assert list(cells) == [*HEADER, "ADDENDUM"]
    assert cells["SIGNED"].value == dt.datetime(2025, 6, 25) and cells["MOA"].link is None


def test_outlook_safe_links_are_unwrapped(latest_participating):
    colbert = latest_participating.rows[2]
    assert "safelinks.protection.outlook.com" in colbert.cells[6].link
    assert colbert.moa_url == (
        "https://www.ice.gov/doclib/287gMOA/ColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf"
    )


def test_addendum_links_are_read(latest_participating):
    addenda = [row.addendum_url for row in latest_participating.rows if row.addendum_url]
    assert len(addenda) == 39 and all(url.startswith("https://") for url in addenda)


def test_agreement_key_ignores_spelling_noise(make_xlsx):
    rows = [
        [
            "FLORIDA",
            "City of St. Cloud Police Department ",
            "Municipality",
            "#N/A",
            "Task Force Model",
        ],
        ["FLORIDA", "Saint Cloud Police Department", "Municipality", "N/A", "Task Force Model "],
        [
            "LOUISIANA",
            "Arnaudville Police Department, LA",
            "Municipality",
            "St. Landry Parish",
            "Task Force Model",
        ],
    ]
    first, second, third = read_snapshot(make_xlsx(HEADER[:5], rows, name="x.xlsx")).rows
    assert agreement_key(first) == agreement_key(second)
    assert agreement_key(first) == ("FL", "", "saint cloud police department", "task_force")
    assert agreement_key(third) == (
        "LA",
        "saint landry",
        "arnaudville police department",
        "task_force",
    )


def test_reading_one_snapshot_is_fast():
    started = time.perf_counter()
    snapshot = read_snapshot(PARTICIPATING_FILES[-1])
    snapshot_text(snapshot)
    elapsed = time.perf_counter() - started
    print(f"\nread and rendered {len(snapshot.rows)} rows in {elapsed:.2f} s")
    assert len(snapshot.rows) == 825
