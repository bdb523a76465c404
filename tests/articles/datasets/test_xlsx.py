"""Reading a worksheet by its header names (articles/datasets/xlsx.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.datasets.xlsx import UnreadableSpreadsheet, display_text, read_table


def test_columns_are_found_by_name_below_blank_rows(make_xlsx):
    path = make_xlsx(
        ["  county ", "STATE", None, "Notes"],
        [["Brevard County", "FLORIDA", None, "x"], [None, None, None, None]],
        blank_rows_above=2,
    )
    table = read_table(path, name=path.name, required=["STATE", "COUNTY"])
    assert table.header_row == 3
    assert table.columns == ("county", "STATE", "", "Notes")
    assert table.index("COUNTY") == 0 and table.index("state") == 1
    assert [row.number for row in table.rows] == [4]  # the empty row is not a row
    assert [c.text for c in table.rows[0].cells] == ["Brevard County", "FLORIDA", "", "x"]


def test_trailing_empty_columns_are_dropped(make_xlsx):
    path = make_xlsx(["STATE", None, None], [["UTAH", None, None]])
    assert read_table(path, name="f", required=["STATE"]).columns == ("STATE",)


def test_hyperlink_targets_are_kept(make_xlsx):
    path = make_xlsx(["STATE", "MOA"], [["UTAH", ("link", "https://www.ice.gov/a.pdf")]])
    cell = read_table(path, name="f", required=["STATE"]).rows[0].cells[1]
    assert (cell.value, cell.text, cell.link) == ("link", "link", "https://www.ice.gov/a.pdf")


def test_a_file_without_the_header_is_refused_with_its_name(make_xlsx):
    path = make_xlsx(["A", "B"], [["1", "2"]], name="odd.xlsx")
    with pytest.raises(UnreadableSpreadsheet, match=r"^odd\.xlsx: no header row with .*STATE"):
        read_table(path, name="odd.xlsx", required=["STATE"])


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_text("STATE,AGENCY\n")
    with pytest.raises(UnreadableSpreadsheet, match=r"^list\.xlsx: not an \.xlsx workbook"):
        read_table(path, name="list.xlsx", required=["STATE"])


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (dt.datetime(2025, 6, 25), "mm-dd-yy", "06-25-2025"),
        (dt.datetime(5025, 7, 7), "mm-dd-yy", "07-07-5025"),  # a two-digit year would hide it
        (dt.datetime(2025, 6, 25), "m/d/yyyy", "6/25/2025"),
        (dt.datetime(2025, 6, 25, 9, 30), "mm-dd-yy", "2025-06-25T09:30:00"),
        (dt.datetime(2025, 6, 25), "General", "2025-06-25"),
        ("05/082025", "General", "05/082025"),
        ("link ", "General", "link "),
        (3.0, "General", "3"),
        (None, "General", ""),
    ],
)
def test_display_text(value, number_format, shown):
    assert display_text(value, number_format) == shown
