"""A one-line verdict per place, generated from its derived indicators and the policies behind
them; never typed in. "Atlanta refuses ICE detainers since June 2018 (executive order)."

Pure: the caller passes the place's name, its ``StanceResult`` and, for each policy id behind an
indicator, the kind of the policy (its human label). Up to two known indicators are named, the
weightiest first (``ORDER``); unknown is said as unknown, never as cooperation."""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from stances.models.choices import Direction, Indicator
from stances.rules.stance import StanceResult

# What a place does, per indicator and direction: "<name> <phrase> since <month>" (in the
# language of the request: the sentence is made when the page is).
PHRASES = {
    (
        Indicator.AGREEMENT_287G,
        Direction.COOPERATES,
    ): gettext_lazy("has a 287(g) agreement deputising officers for ICE"),
    (Indicator.AGREEMENT_287G, Direction.LIMITS): gettext_lazy(
        "has ended or refused a 287(g) agreement"
    ),
    (Indicator.DETAINERS, Direction.LIMITS): gettext_lazy("refuses ICE detainers"),
    (Indicator.DETAINERS, Direction.COOPERATES): gettext_lazy("honors ICE detainers"),
    (Indicator.JAIL_ACCESS, Direction.LIMITS): gettext_lazy("keeps ICE out of its jail"),
    (Indicator.JAIL_ACCESS, Direction.COOPERATES): gettext_lazy("gives ICE access to its jail"),
    (Indicator.INFORMATION_SHARING, Direction.LIMITS): gettext_lazy("limits what it tells ICE"),
    (Indicator.INFORMATION_SHARING, Direction.COOPERATES): gettext_lazy(
        "shares information with ICE"
    ),
    (
        Indicator.LOCAL_RESOURCES,
        Direction.LIMITS,
    ): gettext_lazy("keeps its police out of immigration enforcement"),
    (Indicator.LOCAL_RESOURCES, Direction.COOPERATES): gettext_lazy(
        "puts local police to work for ICE"
    ),
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
    return date_format(day, "YEAR_MONTH_FORMAT")


def _clause(name: str, result: StanceResult, kinds: dict[int, str]) -> str:
    state = result.indicators[name]
    text = str(PHRASES[(name, state.value)])
    if state.effective_on is not None:
        text = _("%(does)s since %(month)s") % {"does": text, "month": _month(state.effective_on)}
    kind = next((kinds[p] for p in state.policy_ids if p in kinds), None)
    return f"{text} ({str(kind).lower()})" if kind else text


def verdict(place: str, result: StanceResult, kinds: dict[int, str]) -> str:
    """One sentence saying what the place does, from its evidence (``kinds``: policy id ->
    the policy's kind, as a label)."""
    known = [
        n for n in ORDER if result.indicators.get(n) and result.indicators[n].value != "unknown"
    ]
    if not known:
        return _(
            "No policy evidence yet for %(place)s: its stance is unknown, which is not cooperation."
        ) % {"place": place}
    clauses = [_clause(name, result, kinds) for name in known[:NAMED]]
    line = f"{place} " + _(" and ").join(clauses)
    rest = len(known) - NAMED
    if rest > 0:
        line += "; " + ngettext(
            "%(count)s more indicator known", "%(count)s more indicators known", rest
        ) % {"count": rest}
    return line + "."
