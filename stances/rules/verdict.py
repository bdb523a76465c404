"""A one-line verdict per place, generated from its derived indicators and the policies behind
them; never typed in. "Atlanta refuses ICE detainers since June 2018 (executive order)."

Pure: the caller passes the place's name, its ``StanceResult`` and, for each policy id behind an
indicator, the kind of the policy (its human label). Up to two known indicators are named, the
weightiest first (``ORDER``); unknown is said as unknown, never as cooperation."""

from __future__ import annotations

import datetime as dt

from stances.models.choices import Direction, Indicator
from stances.rules.stance import StanceResult

# What a place does, per indicator and direction: "<name> <phrase> since <month>".
PHRASES = {
    (
        Indicator.AGREEMENT_287G,
        Direction.COOPERATES,
    ): "has a 287(g) agreement deputising officers for ICE",
    (Indicator.AGREEMENT_287G, Direction.LIMITS): "has ended or refused a 287(g) agreement",
    (Indicator.DETAINERS, Direction.LIMITS): "refuses ICE detainers",
    (Indicator.DETAINERS, Direction.COOPERATES): "honors ICE detainers",
    (Indicator.JAIL_ACCESS, Direction.LIMITS): "keeps ICE out of its jail",
    (Indicator.JAIL_ACCESS, Direction.COOPERATES): "gives ICE access to its jail",
    (Indicator.INFORMATION_SHARING, Direction.LIMITS): "limits what it tells ICE",
    (Indicator.INFORMATION_SHARING, Direction.COOPERATES): "shares information with ICE",
    (
        Indicator.LOCAL_RESOURCES,
        Direction.LIMITS,
    ): "keeps its police out of immigration enforcement",
    (Indicator.LOCAL_RESOURCES, Direction.COOPERATES): "puts local police to work for ICE",
}
ORDER = (
    Indicator.AGREEMENT_287G,
    Indicator.DETAINERS,
    Indicator.JAIL_ACCESS,
    Indicator.INFORMATION_SHARING,
    Indicator.LOCAL_RESOURCES,
)
NAMED = 2  # indicators named in one line; the rest are counted


def _month(day: dt.date) -> str:
    return f"{day:%B} {day.year}"


def _clause(name: str, result: StanceResult, kinds: dict[int, str]) -> str:
    state = result.indicators[name]
    text = PHRASES[(name, state.value)]
    if state.effective_on is not None:
        text += f" since {_month(state.effective_on)}"
    kind = next((kinds[p] for p in state.policy_ids if p in kinds), None)
    return f"{text} ({kind.lower()})" if kind else text


def verdict(place: str, result: StanceResult, kinds: dict[int, str]) -> str:
    """One sentence saying what the place does, from its evidence (``kinds``: policy id ->
    the policy's kind, as a label)."""
    known = [
        n for n in ORDER if result.indicators.get(n) and result.indicators[n].value != "unknown"
    ]
    if not known:
        return (
            f"No policy evidence yet for {place}: its stance is unknown, which is not cooperation."
        )
    clauses = [_clause(name, result, kinds) for name in known[:NAMED]]
    line = f"{place} " + " and ".join(clauses)
    rest = len(known) - NAMED
    if rest > 0:
        line += f"; {rest} more indicator{'s' if rest > 1 else ''} known"
    return line + "."
