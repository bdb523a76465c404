"""Rows of two snapshots matched to the agreement they continue (articles/datasets/matching.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from articles.datasets.ice_287g import agreement_key
from articles.datasets.matching import distinctive, match_rows, name_edits

# Every rename the participating series holds (earlier name -> later name), day after day.
REAL_RENAMES = {
    ("Indialantic Police Department", "Indiatlantic Police Department"),
    ("Indiatlantic Police Department", "Indialantic Police Department"),
    ("Green Forks Police Department", "Greens Forks Police Department"),
    ("Greens Forks Police Department", "Green Forks Police Department"),
    ("Berrian County Sheriff's Offic", "Berrian County Sheriff's Office"),
    ("Lake Clark Shores Police Department", "Lake Clarke Shores Police Department"),
    ("Boca Raton Police Department", "Boca Raton Police Services Department"),
    ("Okaloosa County Department of Corrections", "Okaloosa County Corrections"),
    ("Idaho State Police", "Idaho State Police Department"),
    ("New Hampshire State Police", "New Hampshire State Police Department"),
    ("Quarryville Police Department", "Quarryville Borough Police Department"),
}


def find(snapshot, agency):
    return next(row for row in snapshot.valid_rows if row.agency == agency)


def first_change(snapshots, earlier_name, later_name):
    """The first two consecutive snapshots where ``earlier_name`` gives way to ``later_name``."""
    for earlier, later in zip(snapshots, snapshots[1:], strict=False):
        names_before = {r.agency for r in earlier.valid_rows}
        names_after = {r.agency for r in later.valid_rows}
        if earlier_name in names_before - names_after and later_name in names_after:
            return earlier, later
    raise LookupError(later_name)


def renames(snapshots):
    found = set()
    for earlier, later in zip(snapshots, snapshots[1:], strict=False):
        for pair in match_rows(earlier.rows, later.rows).pairs:
            if "agency" in pair.changed:
                found.add((pair.earlier.agency, pair.later.agency))
    return found


def test_the_real_renames_and_only_they_are_matched(participating_snapshots):
    assert renames(participating_snapshots) == REAL_RENAMES


@pytest.mark.parametrize(
    ("earlier_name", "later_name"),
    [
        ("Indialantic Police Department", "Indiatlantic Police Department"),
        ("Green Forks Police Department", "Greens Forks Police Department"),
        ("Berrian County Sheriff's Offic", "Berrian County Sheriff's Office"),
    ],
)
def test_real_rename_pairs(participating_snapshots, earlier_name, later_name):
    earlier, later = first_change(participating_snapshots, earlier_name, later_name)
    matching = match_rows(earlier.rows, later.rows)
    (pair,) = [p for p in matching.pairs if p.later.agency == later_name]
    assert pair.earlier.agency == earlier_name and pair.changed == ("agency",)
    assert pair.later not in matching.new and pair.earlier not in matching.vanished


def test_berrian_to_berrien_would_match(latest_participating):
    """ICE never fixed Berrien County's name in these files; the fix is matched when it comes."""
    berrian = find(latest_participating, "Berrian County Sheriff's Office")
    berrien = replace(berrian, agency="Berrien County Sheriff's Office", county="Berrien County")
    (pair,) = match_rows([berrian], [berrien]).pairs
    assert pair.changed == ("agency", "county") and pair.edits == 1


def test_a_county_filled_in_later_is_the_same_agreement(participating_snapshots):
    ocala = "Ocala Police Department"
    for earlier, later in zip(participating_snapshots, participating_snapshots[1:], strict=False):
        counties = [{r.county for r in s.valid_rows if r.agency == ocala} for s in (earlier, later)]
        if counties == [{""}, {"Marion County"}]:
            break
    (pair,) = [p for p in match_rows(earlier.rows, later.rows).pairs if p.later.agency == ocala]
    assert (pair.earlier.county, pair.later.county, pair.changed) == (
        "",
        "Marion County",
        ("county",),
    )


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Pembroke Park Police Department", "Pembroke Pines Police Department"),
        ("Edgewater Police Department", "Edgewood Police Department"),
        ("Cocoa Police Department", "Cocoa Beach Police Department"),
        ("Melbourne Police Department", "West Melbourne Police Department"),
        ("Palm Beach Police Department", "North Palm Beach Police Department"),
        ("Lake Mary Police Department", "Lake City Police Department"),
        ("St. Augustine Police Department", "St. Augustine Beach Police Department"),
        ("Sanford Police Department", "Sanford Airport Police Department"),
        ("Louisiana State Patrol", "Louisiana State Police Department"),
    ],
)
def test_real_near_misses_stay_apart(latest_participating, left, right):
    state = "LA" if left.startswith("Louisiana") else "FL"
    row = next(r for r in latest_participating.valid_rows if r.state == state)
    a = agreement_key(replace(row, agency=left, county=""))
    b = agreement_key(replace(row, agency=right, county=""))
    assert name_edits(a, b) is None


def test_a_sheriff_and_a_police_department_of_one_county_never_merge(latest_participating):
    sheriff = find(latest_participating, "Brevard County Sheriff's Office")
    police = replace(sheriff, agency="Brevard County Police Department")
    matching = match_rows([sheriff], [police])
    assert matching.pairs == () and matching.new == (police,) and matching.vanished == (sheriff,)


def test_different_models_of_one_agency_are_different_agreements(latest_participating):
    rows = [
        r for r in latest_participating.valid_rows if r.agency == "Colbert County Sheriff's Office"
    ]
    assert len({agreement_key(r) for r in rows}) == len(rows) == 3
    (task_force,) = [r for r in rows if r.model == "task_force"]
    matching = match_rows([r for r in rows if r is not task_force], [task_force])
    assert matching.pairs == () and matching.new == (task_force,)


def test_the_same_snapshot_matches_itself_exactly(latest_participating):
    matching = match_rows(latest_participating.rows, latest_participating.rows)
    assert len(matching.pairs) == len(latest_participating.valid_rows)
    assert all(p.later is p.earlier and p.changed == () for p in matching.pairs)
    assert matching.new == () and matching.vanished == ()


def test_distinctive_part_of_a_name():
    assert distinctive("berrian county sheriff offic") == "berrian"
    assert distinctive("boca raton police services department") == "boca raton"
