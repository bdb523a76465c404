"""How a jurisdiction's stance toward cooperating with ICE is derived. Never typed in by hand.

The rule (also in the README and on the methodology page):

1. **Evidence** is the jurisdiction's policy actions an editor has not rejected. Each sets one or
   more of five indicators (detainers, jail_access, information_sharing, local_resources,
   agreement_287g) to *limits* or *cooperates*. Words never make policy: what officials say,
   and what a place calls itself, are not evidence.
2. **When evidence counts.** Only a policy in force counts (status *enacted* or *in force*): a
   proposal never does. It counts from its effective date; when the source gives none, from the
   source's publication date (the policy existed by the time it was reported). A date known only
   to the month or year ("in June") counts from the end of that period, the first day the policy
   was certainly in force. It stops counting on the day it ended (``ends_on``), if it did.
   A policy recorded as ended (*lapsed*, *repealed*, or *blocked* by a court) ends, on its end
   date, every policy of the place that set the same indicator the same way before that date:
   the indicators go back to what older evidence says, or to unknown. The exception is the end
   of one identified instrument, such as an agreement on ICE's 287(g) list that an editor
   confirmed ended: it ends that agreement alone, not the sheriff's other agreements.
   Evidence with neither date is *undated*: it counts for the current stance (by default, and
   "as of" today or later alike), as the oldest evidence (any dated policy overrides it), and
   never for a stance "as of" a past date, since we cannot say it was in force then.
3. **Indicators.** As of a date, each indicator takes the direction of the latest evidence that
   sets it (ties: the later-recorded policy wins). No evidence: *unknown*. Its date ("since") is
   the day it took that value, the day the stance history records the change: later evidence
   saying the same again does not move it. Undated evidence has no date.
4. **Stance**, from the indicators that are known:
   - none known: ``unknown`` (unknown is never cooperation);
   - an active 287(g) agreement (agreement_287g = cooperates): ``cooperation``;
   - otherwise, only *cooperates*: ``cooperation``;
   - two or more *limits* and no *cooperates*: ``non_cooperation``;
   - anything else (one limit alone, or a mix): ``limited_cooperation``.

What officials *say* (statements) and enforcement events are shown beside the stance but never
change it: what a place says and what it does can differ.

``derive`` is pure (dated evidence in, a ``StanceResult`` out) so the map, the API, the history
and the "as of" view can all run it over prefetched rows; ``stances.selectors.evidence`` reads
the evidence from the database.
"""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field

from stances.models.choices import Direction, Indicator, Stance

INDICATORS: tuple[str, ...] = tuple(Indicator.values)
# An indicator names the latest policies behind its value, not every one of hundreds.
MAX_EVIDENCE_IDS = 10
IN_FORCE = frozenset({"enacted", "in_force"})
ENDED = frozenset({"lapsed", "repealed", "blocked"})


@dataclass(frozen=True)
class EvidenceItem:
    """One policy's effect on one indicator: from when it counts (None: undated), until when
    (None: no end known), and the policy's status."""

    indicator: str
    direction: str
    counts_from: dt.date | None
    policy_id: int
    status: str = "in_force"
    ends_on: dt.date | None = None
    # The record of one identified instrument (an agreement ICE listed): its end is its own.
    ends_itself_only: bool = False

    @property
    def counts(self) -> bool:
        """In force, or in force once: a proposal never counts."""
        return self.status in IN_FORCE or self.status in ENDED

    @property
    def end(self) -> dt.date | None:
        """When an ended policy stopped: its end date, else the day it counts from (for a
        record of an ending, the day the ending was reported)."""
        return self.ends_on or (self.counts_from if self.status in ENDED else None)


@dataclass(frozen=True)
class IndicatorState:
    indicator: str
    value: str  # "limits" | "cooperates" | "unknown"
    effective_on: dt.date | None = None
    policy_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class StanceResult:
    stance: str
    indicators: dict[str, IndicatorState] = field(default_factory=dict)
    as_of: dt.date | None = None


def _order(item: EvidenceItem) -> tuple[int, dt.date, int]:
    # Undated evidence sorts first, so any dated evidence overrides it.
    dated = item.counts_from is not None
    return (int(dated), item.counts_from or dt.date.min, item.policy_id)


class _InForce:
    """One indicator's items in force, and the one that decides it (the highest ``_order``) in
    O(log n) per change: a heap with lazy removal, not a ``max`` over all of them per day."""

    def __init__(self) -> None:
        self.items: dict[int, EvidenceItem] = {}
        self.heap: list[tuple[tuple[int, int, int], int]] = []

    def add(self, item: EvidenceItem) -> None:
        self.items[item.policy_id] = item
        heapq.heappush(self.heap, (_descending(item), item.policy_id))

    def remove(self, item: EvidenceItem) -> None:
        self.items.pop(item.policy_id, None)

    def top(self) -> EvidenceItem | None:
        while self.heap:
            key, policy_id = self.heap[0]
            item = self.items.get(policy_id)
            if item is not None and _descending(item) == key:
                return item
            heapq.heappop(self.heap)  # removed since, or replaced
        return None


def _descending(item: EvidenceItem) -> tuple[int, int, int]:
    """``_order`` negated, for a min-heap to give the highest first."""
    dated, day, policy_id = _order(item)
    return (-dated, -day.toordinal(), -policy_id)


def _endings(evidence: list[EvidenceItem]) -> dict[tuple[str, str], list[dt.date]]:
    """(indicator, direction) -> the days an instrument setting it that way was ended."""
    endings: dict[tuple[str, str], list[dt.date]] = {}
    for item in evidence:
        if item.status in ENDED and item.end is not None and not item.ends_itself_only:
            endings.setdefault((item.indicator, item.direction), []).append(item.end)
    return endings


def _stop(item: EvidenceItem, endings: dict) -> dt.date | None:
    """The first day an item no longer counts: its own end, or the first ending of its
    instrument recorded on or after the day it started."""
    start = item.counts_from or dt.date.min
    ended = [end for end in endings.get((item.indicator, item.direction), ()) if end >= start]
    own = item.ends_on if item.status in IN_FORCE else item.end
    return min([*ended, *([own] if own is not None else [])], default=None)


def _active(item: EvidenceItem, day: dt.date, endings: dict) -> bool:
    """Whether an item counts on ``day``: started, and not yet stopped."""
    if item.counts_from is not None and item.counts_from > day:
        return False
    stop = _stop(item, endings)
    return stop is None or day < stop


def indicator_states(
    evidence: Iterable[EvidenceItem], as_of: dt.date | None = None, *, today: dt.date | None = None
) -> dict[str, IndicatorState]:
    """Each indicator's value as of ``as_of`` (None: today, undated evidence included)."""
    evidence = list(evidence)
    endings = _endings(evidence)
    today = today or dt.date.today()
    day = as_of or today
    # Undated evidence counts today (whether "as of" is given or not), never before.
    undated_counts = as_of is None or as_of >= today
    counting = [
        e
        for e in evidence
        if e.counts and (e.counts_from is not None or undated_counts) and _active(e, day, endings)
    ]
    latest: dict[str, EvidenceItem] = {}
    supporting: dict[str, list[int]] = {}
    for item in sorted(counting, key=_order):
        previous = latest.get(item.indicator)
        if previous is not None and previous.direction != item.direction:
            supporting[item.indicator] = []  # the direction changed: older evidence is moot
        latest[item.indicator] = item
        supporting.setdefault(item.indicator, []).append(item.policy_id)
    since = _since(evidence, day, endings)
    return {
        name: IndicatorState(
            indicator=name,
            value=latest[name].direction,
            effective_on=since.get((name, latest[name].direction))
            if latest[name].counts_from is not None
            else None,
            policy_ids=tuple(supporting[name][-MAX_EVIDENCE_IDS:]),
        )
        if name in latest
        else IndicatorState(indicator=name, value="unknown")
        for name in INDICATORS
    }


def _since(
    evidence: list[EvidenceItem], day: dt.date, endings: dict
) -> dict[tuple[str, str], dt.date]:
    """(indicator, direction) -> the last day on or before ``day`` the indicator took that
    direction from dated evidence: the day it changed to its value, not its latest evidence
    (a later policy that says the same again changes nothing)."""
    active = {name: _InForce() for name in INDICATORS}
    value: dict[str, str | None] = dict.fromkeys(INDICATORS)
    since: dict[tuple[str, str], dt.date] = {}
    for change_day, starting, stopping in _timeline(evidence, endings):
        if change_day > day:
            break
        touched = {item.indicator for item in (*starting, *stopping)}
        for item in stopping:
            active[item.indicator].remove(item)
        for item in starting:
            active[item.indicator].add(item)
        for name in touched:
            deciding = active[name].top()
            now = deciding.direction if deciding is not None else None
            if now != value[name]:
                value[name] = now
                if now is not None:
                    since[(name, now)] = change_day
    return since


def stance_from_indicators(indicators: dict[str, IndicatorState]) -> str:
    """The overall stance from indicator values (rule 4 of the module docstring)."""
    values = [state.value for state in indicators.values()]
    limits = values.count(Direction.LIMITS)
    cooperates = values.count(Direction.COOPERATES)
    agreement = indicators.get(Indicator.AGREEMENT_287G)
    if limits == 0 and cooperates == 0:
        return Stance.UNKNOWN
    if agreement is not None and agreement.value == Direction.COOPERATES:
        return Stance.COOPERATION
    if limits == 0:
        return Stance.COOPERATION
    if limits >= 2 and cooperates == 0:
        return Stance.NON_COOPERATION
    return Stance.LIMITED_COOPERATION


def derive(
    evidence: Iterable[EvidenceItem], as_of: dt.date | None = None, *, today: dt.date | None = None
) -> StanceResult:
    """The stance and its indicators as they stood on ``as_of`` (None: today)."""
    states = indicator_states(evidence, as_of, today=today)
    return StanceResult(stance=stance_from_indicators(states), indicators=states, as_of=as_of)


def counts_from(
    effective_on: dt.date | None, precision: str, published_on: dt.date | None
) -> dt.date | None:
    """The first day a policy certainly counts (rule 2)."""
    if effective_on is None:
        return published_on
    if precision == "year":
        return dt.date(effective_on.year, 12, 31)
    if precision == "month":
        return effective_on.replace(
            day=calendar.monthrange(effective_on.year, effective_on.month)[1]
        )
    return effective_on


@dataclass(frozen=True)
class StanceChange:
    """The stance from ``on`` (None: evidence with no date, counted only now) and the policies
    that took effect then."""

    on: dt.date | None
    stance: str
    policy_ids: tuple[int, ...]


def history(evidence: list[EvidenceItem], *, today: dt.date | None = None) -> list[StanceChange]:
    """Each date the stance changed, oldest first, with the evidence that took effect then.

    One sweep through the days something starts or ends, in order (not a derivation per day),
    keeping for each indicator the policies in force, so a place with thousands of policies
    costs O(n log n)."""
    changes: list[StanceChange] = []
    previous = Stance.UNKNOWN
    active = {name: _InForce() for name in INDICATORS}
    for day, starting, stopping in _timeline(evidence):
        for item in stopping:
            active[item.indicator].remove(item)
        for item in starting:
            active[item.indicator].add(item)
        deciding = {name: in_force.top() for name, in_force in active.items()}
        stance = stance_from_indicators(
            {
                name: IndicatorState(name, item.direction)
                for name, item in deciding.items()
                if item is not None
            }
        )
        if stance != previous:
            ids = tuple(sorted({e.policy_id for e in (*starting, *stopping)}))
            changes.append(StanceChange(day, stance, ids))
            previous = stance
    current = derive(evidence, today=today).stance
    if current != previous:  # undated evidence changes only the current stance
        ids = tuple(sorted({e.policy_id for e in evidence if e.counts_from is None}))
        changes.append(StanceChange(None, current, ids))
    return changes


def _timeline(evidence: list[EvidenceItem], endings: dict | None = None):
    """(day, items that start counting, items that stop) for each day something changes."""
    endings = _endings(evidence) if endings is None else endings
    starts: dict[dt.date, list[EvidenceItem]] = {}
    stops: dict[dt.date, list[EvidenceItem]] = {}
    for item in evidence:
        if not item.counts or item.counts_from is None:
            continue
        stop = _stop(item, endings)
        if stop is not None and stop <= item.counts_from:
            continue  # ended before it began: never in force
        starts.setdefault(item.counts_from, []).append(item)
        if stop is not None:
            stops.setdefault(stop, []).append(item)
    for day in sorted(starts.keys() | stops.keys()):
        yield day, starts.get(day, []), stops.get(day, [])
