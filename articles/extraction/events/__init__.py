"""ICE enforcement events in news prose: named operations, arrests by place, raids that happened,
planned raids and people held in detention.

Only numbers in a counting construction become counts ("28 arrests in Baltimore", "arrested 41
people in Austin", "five people still held"); percentages, ages, durations, money, targets
("targeting up to 2,000 families") and subsets of an earlier count ("317 had prior convictions")
never fit those constructions. A number is read whole, in digits or words ("forty two", "two
hundred and five", "3 million"), or not at all: a count is never part of a number, nor zero,
nor too big to be a headcount. Operations come first in the returned list so that ``parent``
indices stay stable.

Rooms: ``numbers`` reads counts and the words for who is counted; ``operations`` named
operations and their totals; ``arrests`` counts by place; ``raids`` raids that happened and
raids planned; ``detentions`` people held; ``evidence`` what they share (quotations, summaries,
dates, whether a place name is the place itself).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right

from articles.extraction.events.arrests import arrests
from articles.extraction.events.detentions import detentions
from articles.extraction.events.evidence import quoted_spans
from articles.extraction.events.numbers import APPROX, MAX_COUNT, NUMBER, parse_count
from articles.extraction.events.operations import operations as find_operations
from articles.extraction.events.operations import unnamed_operations
from articles.extraction.events.raids import planned_raids, raids
from articles.extraction.spans import SpanIndex
from articles.extraction.types import EventCandidate, Place, PlaceMention

__all__ = ["MAX_COUNT", "check_totals", "find_events", "parse_count", "quoted_spans"]


def find_events(
    text: str,
    places: list[PlaceMention],
    published: dt.date | None,
    *,
    default_place: Place | None = None,
) -> list[EventCandidate]:
    """Operations first, then arrests, raids, planned raids and detentions in text order."""
    operations = find_operations(text, published)
    index = SpanIndex(places)
    others = (
        arrests(text, index, published, operations)
        + raids(text, index, published)
        + planned_raids(text, index, published)
        + detentions(text, index, published, default_place)
    )
    # Operations with no name come after the named ones (``parent`` indices stay stable) and
    # are no parent: their parts are rarely all listed. One already counted is not repeated.
    counted = {e.count for e in operations}
    starts: dict[int | None, list[int]] = {}
    for e in sorted(others, key=lambda e: e.start):
        starts.setdefault(e.count, []).append(e.start)
    unnamed = []
    for e in [] if operations else unnamed_operations(text, index, published):
        same = starts.get(e.count, [])
        i = bisect_left(same, e.start)
        if e.count not in counted and not (i < len(same) and same[i] < e.end):
            counted.add(e.count)
            unnamed.append(e)
    # "ICE said all 63 remain in custody" after "63 people were arrested": the same people.
    # (An article that names its operations gives their totals: no unnamed one is read.)
    first_total: dict[int, int] = {}
    for e in operations + unnamed + [e for e in others if e.kind == "arrests"]:
        if e.count:
            first_total[e.count] = min(e.start, first_total.get(e.count, e.start))
    others = [
        e for e in others if e.kind != "detention" or first_total.get(e.count, len(text)) >= e.start
    ]
    exact = sorted(
        {e.count for e in operations + unnamed + others if e.count and not _approximate(text, e)}
    )
    others = [e for e in others if not _superseded(text, e, exact)]
    return operations + unnamed + sorted(others, key=lambda e: (e.start, e.kind))


# "more than 100" in a headline, "117 workers" in the story: the exact figure is the count.
_NUMBER = re.compile(rf"(?<![\w-])(?:{NUMBER})(?![\w-])", re.IGNORECASE)
_APPROX_BEFORE = re.compile(rf"\b(?:{APPROX})\s+$", re.IGNORECASE)


def _approximate(text: str, event: EventCandidate) -> bool:
    for m in _NUMBER.finditer(text, event.start, event.end):
        if parse_count(m[0]) == event.count:
            return bool(_APPROX_BEFORE.search(text, max(0, m.start() - 24), m.start()))
    return False


def _superseded(text: str, event: EventCandidate, exact: list[int]) -> bool:
    """An approximate count ("more than 100") when the article gives a close exact one (117)."""
    if not event.count or not _approximate(text, event):
        return False
    # an exact count c with 0.75 c <= count <= 1.25 c, other than the count itself
    lo, hi = bisect_left(exact, event.count / 1.25), bisect_right(exact, event.count / 0.75)
    return any(c != event.count for c in exact[lo:hi][:2])


def check_totals(events: list[EventCandidate]) -> list[str]:
    """Human-readable disagreements between an operation's stated count and the sum of the
    counts of the events that are part of it; empty when they agree."""
    problems = []
    for index, operation in enumerate(events):
        parts = [e.count for e in events if e.parent == index and e.count is not None]
        if operation.count is not None and parts and sum(parts) != operation.count:
            problems.append(
                f"{operation.name or operation.kind}: stated total {operation.count}, "
                f"but its {len(parts)} parts add up to {sum(parts)}"
            )
    return problems
