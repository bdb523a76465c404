"""A policy's kind: the legal instrument named before its trigger (an executive order, a
resolution, a law), else what its rule implies or who acts."""

from __future__ import annotations

import re
from functools import cache

from articles.extraction.policies.clauses import start_of_clause
from articles.extraction.policies.rules import Trigger
from articles.extraction.types import Place


def policy_kind(text: str, sentence_start: int, trigger: Trigger, place: Place) -> str:
    """Named instrument before the trigger > strong rule kind > police subject > rule kind;
    a "law" is a state law when the place is a state, else a local ordinance."""
    clause_start = start_of_clause(text, sentence_start, trigger.start)
    instrument = _nearest_instrument(text, clause_start, trigger.start)
    under = _UNDER.match(text, sentence_start)
    if not instrument and under:  # "Under the new law, no sheriff may ...": the whole sentence
        instrument = _nearest_instrument(text, under.start(1), under.end())
    if instrument:
        kind = instrument[1]
    elif trigger.rule.strong:
        kind = trigger.rule.kind
    elif re.search(_POLICE, text[clause_start : trigger.start], re.IGNORECASE):
        kind = "law_enforcement_policy"
    else:
        kind = trigger.rule.kind
    if kind == "law":
        return "state_law" if place.kind == "state" else "ordinance"
    return kind


# Named legal instruments; the nearest one before a trigger decides the kind.
_INSTRUMENTS = (
    (r"\bexecutive\s+orders?\b", "executive_order"),
    (r"\bresolutions?\b", "resolution"),
    (r"\bordinances?\b", "ordinance"),
    (r"\b(?:[SAH]\.?B\.?\s*\d+|bills?|legislation|statutes?|laws?(?!\s+enforcement))\b", "law"),
)


@cache
def _compiled_instruments() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p, re.IGNORECASE), kind) for p, kind in _INSTRUMENTS)


def _nearest_instrument(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(position, kind) of the last named legal instrument in ``text[start:end]``."""
    best: tuple[int, str] | None = None
    for pattern, kind in _compiled_instruments():
        for m in pattern.finditer(text, start, end):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)
    return best


def instrument_start(text: str, sentence_start: int, m: re.Match[str]) -> int:
    found = _nearest_instrument(text, start_of_clause(text, sentence_start, m.start()), m.start())
    return found[0] if found else m.start()


_UNDER = re.compile(
    r"\W*Under\s+(?:the|this|that|its|their|a|an)\s+(?:new\s+)?((?:executive\s+)?\w+)\s*,",
    re.IGNORECASE,
)
_POLICE = r"\b(?:police|sheriff\w*|law\s+enforcement|officers|deputies|jails?)\b"
