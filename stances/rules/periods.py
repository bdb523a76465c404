"""A place's stance history as data: the dated intervals over which ``derive`` gives one answer.

``derive(evidence, as_of)`` changes only on the days a policy starts or stops counting, so its
answer for every date is a short list of intervals. ``stance_periods`` computes that list in one
sweep through those days, O(n log n) for n policies, and ``stances.services.summaries`` stores it
on every write beside the current summary. A stance "as of" a date is then one indexed lookup
(``stances.selectors.periods``), with no pass over the evidence per request.

Two lists per place, because undated evidence counts only for today and later (rule 2 of
``stances.rules.stance``):
- ``counts_undated=False``: dated evidence only, the answer for any date before today;
- ``counts_undated=True``: undated evidence as well (in force from the start), the answer for
  today and any later date.
Neither depends on the day it is computed, so neither goes stale as days pass.

The result is exactly ``derive``'s (tests/stances/rules/test_periods.py checks it on random evidence
against ``derive`` for every day): the same stance, indicator values, dates since and evidence
ids.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from stances.models.choices import Stance

# The sweep reads the rule's own pieces (how items order, when an ending stops them): a change
# to them in ``stances.rules.stance`` changes the periods too, and the property test checks both.
from stances.rules.stance import (
    INDICATORS,
    MAX_EVIDENCE_IDS,
    EvidenceItem,
    IndicatorState,
    _endings,
    _order,
    _stop,
    stance_from_indicators,
)

BEGINNING = dt.date.min  # a period with no start: from the first day there is
OPEN = dt.date.max  # a period with no end yet


@dataclass(frozen=True)
class Period:
    """``derive``'s answer for every day from ``starts_on`` up to, not including, ``ends_on``."""

    starts_on: dt.date
    ends_on: dt.date
    stance: str
    indicators: dict[str, IndicatorState]

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day < self.ends_on


class _Deciding:
    """One indicator's items in force, kept in ``_order``: the last decides it, and the run of
    the same direction before it is its evidence (as ``derive`` lists it)."""

    def __init__(self) -> None:
        self.keys: list[tuple] = []
        self.items: list[EvidenceItem] = []

    def add(self, item: EvidenceItem) -> None:
        key = _order(item)
        at = bisect.bisect_left(self.keys, key)
        self.keys.insert(at, key)
        self.items.insert(at, item)

    def remove(self, item: EvidenceItem) -> None:
        at = bisect.bisect_left(self.keys, _order(item))
        del self.keys[at], self.items[at]

    def top(self) -> EvidenceItem | None:
        return self.items[-1] if self.items else None

    def evidence_ids(self) -> tuple[int, ...]:
        """The latest policies of the top's direction, after the last change of direction."""
        top = self.items[-1]
        ids: list[int] = []
        for item in reversed(self.items):
            if item.direction != top.direction or len(ids) == MAX_EVIDENCE_IDS:
                break
            ids.append(item.policy_id)
        return tuple(reversed(ids))


def stance_periods(evidence: list[EvidenceItem], *, counts_undated: bool) -> list[Period]:
    """The intervals of constant ``derive`` result, oldest first, leaving out those where every
    indicator is unknown (nothing counts: ``derive([])``'s answer)."""
    endings = _endings(evidence)
    starts: dict[dt.date, list[EvidenceItem]] = {}
    stops: dict[dt.date, list[EvidenceItem]] = {}
    for item in evidence:
        if not item.counts or (item.counts_from is None and not counts_undated):
            continue
        start = item.counts_from or BEGINNING
        stop = _stop(item, endings)
        if stop is not None and stop <= start:
            continue  # ended before it began: never in force
        starts.setdefault(start, []).append(item)
        if stop is not None:
            stops.setdefault(stop, []).append(item)
    deciding = {name: _Deciding() for name in INDICATORS}
    dated_value: dict[str, str | None] = dict.fromkeys(INDICATORS)
    since: dict[tuple[str, str], dt.date] = {}
    periods: list[Period] = []
    for day in sorted(starts.keys() | stops.keys()):
        for item in stops.get(day, ()):
            deciding[item.indicator].remove(item)
        for item in starts.get(day, ()):
            deciding[item.indicator].add(item)
        states = {}
        for name in INDICATORS:
            top = deciding[name].top()
            dated = top.direction if top is not None and top.counts_from is not None else None
            if dated != dated_value[name]:
                dated_value[name] = dated
                if dated is not None:
                    since[(name, dated)] = day
            states[name] = (
                IndicatorState(
                    name,
                    top.direction,
                    since[(name, top.direction)] if dated is not None else None,
                    deciding[name].evidence_ids(),
                )
                if top is not None
                else IndicatorState(name, "unknown")
            )
        _extend(periods, day, states)
    return [period for period in periods if period.stance != Stance.UNKNOWN]


def _extend(periods: list[Period], day: dt.date, states: dict[str, IndicatorState]) -> None:
    """Close the last period on ``day`` and open one with ``states``, unless nothing changed."""
    if periods and periods[-1].indicators == states:
        return
    if periods:
        last = periods[-1]
        periods[-1] = Period(last.starts_on, day, last.stance, last.indicators)
    periods.append(Period(day, OPEN, stance_from_indicators(states), states))
