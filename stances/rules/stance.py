"""How a jurisdiction's stance toward cooperating with ICE is derived. Never typed in by hand.

The rule (also in the README and on the methodology page):

1. **Evidence** is the jurisdiction's policy actions an editor has not rejected. Each sets one or
   more of five indicators (detainers, jail_access, information_sharing, local_resources,
   agreement_287g) to *limits* or *cooperates*.
2. **When evidence counts.** A policy counts from its effective date; when the article gives none,
   from the source article's publication date (the policy existed by the time it was reported).
   A date known only to the month or year ("in June") counts from the end of that period, the
   first day the policy was certainly in force.
   Evidence with neither date is *undated*: it counts for the current stance only, as the oldest
   evidence (any dated policy overrides it), and never for a stance "as of" a past date, since we
   cannot say it was in force then.
3. **Indicators.** As of a date, each indicator takes the direction of the latest evidence that
   sets it (ties: the later-recorded policy wins). No evidence: *unknown*.
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
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby

from stances.models.choices import Direction, Indicator, Stance

INDICATORS: tuple[str, ...] = tuple(Indicator.values)
# An indicator names the latest policies behind its value, not every one of hundreds.
MAX_EVIDENCE_IDS = 10


@dataclass(frozen=True)
class EvidenceItem:
    """One policy's effect on one indicator, with the date it counts from (None: undated)."""

    indicator: str
    direction: str
    counts_from: dt.date | None
    policy_id: int


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


def _counts_on(item: EvidenceItem, as_of: dt.date | None) -> bool:
    if as_of is None:
        return True
    return item.counts_from is not None and item.counts_from <= as_of


def _order(item: EvidenceItem) -> tuple[int, dt.date, int]:
    # Undated evidence sorts first, so any dated evidence overrides it.
    dated = item.counts_from is not None
    return (int(dated), item.counts_from or dt.date.min, item.policy_id)


def indicator_states(
    evidence: Iterable[EvidenceItem], as_of: dt.date | None = None
) -> dict[str, IndicatorState]:
    """Each indicator's value as of ``as_of`` (None: now, undated evidence included)."""
    latest: dict[str, EvidenceItem] = {}
    supporting: dict[str, list[int]] = {}
    for item in sorted((e for e in evidence if _counts_on(e, as_of)), key=_order):
        previous = latest.get(item.indicator)
        if previous is not None and previous.direction != item.direction:
            supporting[item.indicator] = []  # the direction changed: older evidence is moot
        latest[item.indicator] = item
        supporting.setdefault(item.indicator, []).append(item.policy_id)
    return {
        name: IndicatorState(
            indicator=name,
            value=latest[name].direction,
            effective_on=latest[name].counts_from,
            policy_ids=tuple(supporting[name][-MAX_EVIDENCE_IDS:]),
        )
        if name in latest
        else IndicatorState(indicator=name, value="unknown")
        for name in INDICATORS
    }


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


def derive(evidence: Iterable[EvidenceItem], as_of: dt.date | None = None) -> StanceResult:
    """The stance and its indicators as they stood on ``as_of`` (None: now)."""
    states = indicator_states(evidence, as_of)
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


def history(evidence: list[EvidenceItem]) -> list[StanceChange]:
    """Each date the stance changed, oldest first, with the evidence that took effect then.

    One sweep through the dated evidence in order (not a derivation per date), keeping each
    indicator's latest direction, so a place with thousands of policies costs O(n log n)."""
    changes: list[StanceChange] = []
    previous = Stance.UNKNOWN
    directions: dict[str, str] = {}
    dated = sorted((e for e in evidence if e.counts_from is not None), key=_order)
    for on, items in groupby(dated, key=lambda e: e.counts_from):
        items = list(items)
        for item in items:
            directions[item.indicator] = item.direction
        stance = stance_from_indicators(
            {name: IndicatorState(name, value) for name, value in directions.items()}
        )
        if stance != previous:
            changes.append(StanceChange(on, stance, tuple(sorted({e.policy_id for e in items}))))
            previous = stance
    current = derive(evidence).stance
    if current != previous:  # undated evidence changes only the current stance
        ids = tuple(sorted({e.policy_id for e in evidence if e.counts_from is None}))
        changes.append(StanceChange(None, current, ids))
    return changes
