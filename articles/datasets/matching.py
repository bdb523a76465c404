"""Which row of an earlier snapshot a later row continues: the same agreement (or request),
listed again, perhaps renamed or with a typo fixed.

``match_rows`` pairs rows of two snapshots of one list. A pair has the same state and model,
and either the same ``agreement_key`` or, failing that, a *close* agency in a compatible county:

- **county**: the same, or one side blank (ICE filled in many police departments' counties in
  June), or one letter apart ("Allegancy" / "Allegany");
- **kind**: both a sheriff's office, or both police, or both corrections, constables, boards...
  so a sheriff's office and a police department of one county never merge, whatever the names;
- **name**: what is left of the two names once the kind's words ("County", "Sheriff's Office",
  "Police Department"...) are removed must be within ``allowed_edits`` of each other: none under
  6 letters ("Troy" / "Tory" are two towns), one edit under 20 letters, two from 20 letters on.
  Real pairs: "Indialantic" / "Indiatlantic" and "Green Forks" / "Greens Forks" are one edit;
  "Berrian County Sheriff's Offic" / "...Office" leave the same "berrian". Real near misses of
  one state, county and model stay apart: "Pembroke Park" / "Pembroke Pines" (3 edits),
  "Edgewater" / "Edgewood" (4), "Cocoa" / "Cocoa Beach", "Melbourne" / "West Melbourne".

Pairs are made exact-key first, then by fewest edits, each row used once; a later row left over
is new, an earlier one left over is no longer listed (which the files never explain: an ended
agreement, a rename beyond these rules, or a corrected typo; an editor decides).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from articles.datasets.ice_287g import AgreementKey, Row, agreement_key
from articles.datasets.names import edit_distance, squash

# Kinds of agency, by the first pattern its key matches (keys are lower case, no apostrophes).
KINDS = (
    ("sheriff", re.compile(r"\bsheriff")),
    ("corrections", re.compile(r"\bcorrection|\bdetention\b|\bjail\b")),
    ("constable", re.compile(r"\bconstable")),
    ("board", re.compile(r"\bboard\b|\bcommissioners?\b")),
    ("police", re.compile(r"\bpolice\b|\bpublic safety\b|\bpatrol\b")),
)
# Words that say what kind of agency it is, not whose: removed before comparing names.
KIND_WORDS = re.compile(
    r"\b(county|parish|sheriff|offic|office|department|dept|police|services?|public|safety|"
    r"of|the|corrections?|correctional|detention|jail|constables?|board|commissioners?|borough)\b"
)


@dataclass(frozen=True)
class Continuation:
    """``later`` continues ``earlier``; ``changed`` lists what differs between their keys
    ("agency", "county"): empty when the agreement is listed exactly as before."""

    later: Row
    earlier: Row
    changed: tuple[str, ...]
    edits: int  # edits between the names' distinctive parts (0 when only the kind's words moved)


@dataclass(frozen=True)
class Matching:
    pairs: tuple[Continuation, ...]
    new: tuple[Row, ...]  # later rows that continue nothing
    vanished: tuple[Row, ...]  # earlier rows that no later row continues


def agency_kind(agency_key: str) -> str:
    for kind, pattern in KINDS:
        if pattern.search(agency_key):
            return kind
    return "other"


def distinctive(agency_key: str) -> str:
    """The part of a name that says whose agency it is: "berrian county sheriff office" ->
    "berrian"."""
    return squash(KIND_WORDS.sub(" ", agency_key))


def allowed_edits(name: str) -> int:
    return 0 if len(name) < 6 else 1 if len(name) < 20 else 2


def _counties_compatible(a: str, b: str) -> bool:
    return a == b or not a or not b or (min(len(a), len(b)) >= 4 and edit_distance(a, b) <= 1)


def name_edits(a: AgreementKey, b: AgreementKey) -> int | None:
    """Edits between two keys' distinctive names if the keys may be one agreement, else None."""
    if (a.state, a.model) != (b.state, b.model) or not _counties_compatible(a.county, b.county):
        return None
    if agency_kind(a.agency) != agency_kind(b.agency):
        return None
    left, right = distinctive(a.agency), distinctive(b.agency)
    edits = edit_distance(left, right)
    return edits if edits <= allowed_edits(min(left, right, key=len)) else None


def match_rows(earlier: Iterable[Row], later: Iterable[Row]) -> Matching:
    """Pair each later row with the earlier row it continues. Rejected rows are left out:
    they are not agreements."""
    before = {agreement_key(r): r for r in earlier if not r.rejected}
    after = {agreement_key(r): r for r in later if not r.rejected}
    pairs = [Continuation(after[k], before[k], (), 0) for k in after if k in before]
    left_before = {k: r for k, r in before.items() if k not in after}
    left_after = {k: r for k, r in after.items() if k not in before}
    for edits, key_after, key_before in _close_pairs(left_after, left_before):
        if key_after in left_after and key_before in left_before:
            changed = tuple(
                f for f in ("agency", "county") if getattr(key_after, f) != getattr(key_before, f)
            )
            pairs.append(
                Continuation(left_after.pop(key_after), left_before.pop(key_before), changed, edits)
            )
    pairs.sort(key=lambda p: p.later.number)
    return Matching(tuple(pairs), tuple(left_after.values()), tuple(left_before.values()))


def _close_pairs(after: dict[AgreementKey, Row], before: dict[AgreementKey, Row]) -> list:
    """Every (edits, later key, earlier key) that may be one agreement, fewest edits first."""
    found = []
    for key_after, row_after in after.items():
        for key_before, row_before in before.items():
            edits = name_edits(key_after, key_before)
            if edits is not None:
                found.append((edits, row_after.number, row_before.number, key_after, key_before))
    return [(e, ka, kb) for e, _, _, ka, kb in sorted(found, key=lambda f: f[:3])]
