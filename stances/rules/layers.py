"""What applies to the people who live in a place: its own policies, its county's jail, its
state's law. Pure, beside ``stances.rules.stance.derive``; never typed in by hand.

Each place keeps its own derived stance (``derive`` over its own evidence). The **effective
stance** is derived from three layers' indicators, one indicator at a time, and each indicator
says which layer set it:

1. **State law binds.** An indicator the state sets by law (a state law or a governor's order,
   ``BINDING_KINDS``), whether it requires cooperation or forbids it, takes the state's value
   for every locality in the state. What a state's own agencies do (the highway patrol's 287(g)
   agreement, a state police policy) binds nobody else and is not carried down.
2. **The jail decides detainers and jail access** (``JAIL_INDICATORS``). For a city, whoever
   runs the jail that holds its arrestees, the county, sets them when the county's value is
   known; otherwise the city's own evidence (a city that runs its own jail) does.
3. **Everything else is the place's own**: its police and its money (``local_resources``,
   ``information_sharing``, ``agreement_287g``). When the place says nothing about a 287(g)
   agreement, the county's applies (its deputised officers book the city's arrestees).
4. No layer knows it: *unknown*, never cooperation.

The effective stance is then the usual rule (``stance_from_indicators``) over these values.
A county's layers are itself and its state; a state's and the federal district's, themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from stances.models.choices import Indicator, PolicyKind
from stances.rules.stance import INDICATORS, IndicatorState, stance_from_indicators

OWN, COUNTY, STATE = "own", "county", "state"
LEVELS = (OWN, COUNTY, STATE)
JAIL_INDICATORS = frozenset({Indicator.DETAINERS, Indicator.JAIL_ACCESS})
# Indicators the county's value fills when the place's own is unknown.
COUNTY_FALLBACK = frozenset({Indicator.AGREEMENT_287G})
# The instruments of a state that bind its localities.
BINDING_KINDS = frozenset({PolicyKind.STATE_LAW, PolicyKind.EXECUTIVE_ORDER})


@dataclass(frozen=True)
class Layer:
    """One layer's own indicators (``derive``'s), and which of them bind the layers below (for a
    state: those its law sets)."""

    indicators: dict[str, IndicatorState]
    binding: frozenset[str] = frozenset()

    def known(self, name: str) -> IndicatorState | None:
        state = self.indicators.get(name)
        return state if state is not None and state.value != "unknown" else None


@dataclass(frozen=True)
class LayeredState:
    """An indicator as it applies to residents, and the layer that set it (None: unknown)."""

    state: IndicatorState
    level: str | None


@dataclass(frozen=True)
class EffectiveStance:
    stance: str
    indicators: dict[str, LayeredState] = field(default_factory=dict)

    @property
    def levels(self) -> set[str]:
        return {s.level for s in self.indicators.values() if s.level is not None}


def _pick(name: str, own: Layer, county: Layer | None, state: Layer | None) -> LayeredState:
    if state is not None and name in state.binding and (found := state.known(name)):
        return LayeredState(found, STATE)
    if county is not None and name in JAIL_INDICATORS and (found := county.known(name)):
        return LayeredState(found, COUNTY)
    if found := own.known(name):
        return LayeredState(found, OWN)
    if county is not None and name in COUNTY_FALLBACK and (found := county.known(name)):
        return LayeredState(found, COUNTY)
    return LayeredState(IndicatorState(indicator=name, value="unknown"), None)


def effective_stance(
    own: Layer, county: Layer | None = None, state: Layer | None = None
) -> EffectiveStance:
    """The stance that applies to residents, from the place's, its county's and its state's
    indicators (rules 1-4 of the module docstring). Pass ``state=None`` for a state itself."""
    picked = {name: _pick(name, own, county, state) for name in INDICATORS}
    stance = stance_from_indicators({name: layered.state for name, layered in picked.items()})
    return EffectiveStance(stance=stance, indicators=picked)


def binding_indicators(indicators: dict[str, IndicatorState], kinds: dict[int, str]) -> frozenset:
    """The indicators a state sets by law: those whose current evidence includes a policy of a
    binding kind (``kinds``: policy id -> kind)."""
    return frozenset(
        name
        for name, state in indicators.items()
        if state.value != "unknown" and any(kinds.get(p) in BINDING_KINDS for p in state.policy_ids)
    )
