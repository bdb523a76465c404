"""Stances as of a date, read from the stored stance periods (``stances.models.StancePeriod``):
one indexed lookup for any number of places, filtered in SQL, with no pass over the evidence."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from stances.models import Jurisdiction, StancePeriod
from stances.models.places import DerivedStance
from stances.rules.periods import OPEN
from stances.rules.stance import INDICATORS, IndicatorState, StanceResult, derive


def periods_on(as_of: dt.date) -> QuerySet[StancePeriod]:
    """The period of each place that covers ``as_of``: from the series with undated evidence for
    today and later, the dated series before (rule 2 of ``stances.rules.stance``)."""
    not_ended = Q(ends_on__gt=as_of) | Q(ends_on=OPEN)  # OPEN is the last day there is
    return StancePeriod.objects.filter(
        not_ended, counts_undated=as_of >= timezone.localdate(), starts_on__lte=as_of
    )


def derived_result(row: DerivedStance, as_of: dt.date | None = None) -> StanceResult:
    """A stored ``derive`` result (a summary or a period) as the ``StanceResult`` it stores."""
    return _result(
        row.stance, {name: getattr(row, name) for name in INDICATORS}, row.evidence, as_of
    )


def _result(stance: str, values: dict, evidence: dict, as_of: dt.date | None) -> StanceResult:
    indicators = {}
    for name in INDICATORS:
        known = evidence.get(name, {})
        effective_on = known.get("effective_on")
        indicators[name] = IndicatorState(
            indicator=name,
            value=values[name],
            effective_on=dt.date.fromisoformat(effective_on) if effective_on else None,
            policy_ids=tuple(known.get("policy_ids", ())),
        )
    return StanceResult(stance=stance, indicators=indicators, as_of=as_of)


def stances_on(
    jurisdictions: QuerySet[Jurisdiction] | Iterable[int], as_of: dt.date
) -> dict[int, StanceResult]:
    """The stances as of a date of these places (a QuerySet, read as a subquery, or ids), in one
    query of values. A place missing from the answer had nothing in force: see ``stance_on``."""
    if isinstance(jurisdictions, QuerySet):
        chosen = Q(jurisdiction_id__in=jurisdictions.order_by().values("pk"))
    else:
        chosen = Q(jurisdiction_id__in=list(jurisdictions))
    rows = (
        periods_on(as_of)
        .filter(chosen)
        .values_list("jurisdiction_id", "stance", "evidence", *INDICATORS)
    )
    return {
        pk: _result(stance, dict(zip(INDICATORS, values, strict=True)), evidence, as_of)
        for pk, stance, evidence, *values in rows
    }


@functools.lru_cache(maxsize=64)
def nothing_on(as_of: dt.date) -> StanceResult:
    """The stance as of a date of a place with nothing in force then: every indicator unknown."""
    return derive([], as_of)


def stance_on(found: dict[int, StanceResult], jurisdiction_id: int, as_of: dt.date):
    """A place's stance from ``stances_on``'s answer: with no period, nothing was in force."""
    return found.get(jurisdiction_id) or nothing_on(as_of)


def filter_by_stance_on(
    jurisdictions: QuerySet[Jurisdiction],
    as_of: dt.date,
    *,
    stance: str | None = None,
    indicators: dict[str, str] | None = None,
) -> QuerySet[Jurisdiction]:
    """Filter by the stance and indicator values as of a date, in SQL. Unknown matches the
    places with no period that day (nothing in force) as well as those whose period says so."""
    wanted = {**({"stance": stance} if stance else {}), **(indicators or {})}
    if not wanted:
        return jurisdictions
    that_day = periods_on(as_of).filter(jurisdiction=OuterRef("pk"))
    known = {field: value for field, value in wanted.items() if value != "unknown"}
    unknown = [field for field, value in wanted.items() if value == "unknown"]
    if known:
        jurisdictions = jurisdictions.filter(Exists(that_day.filter(**known)))
    if unknown:
        said = Q()
        for field in unknown:
            said |= ~Q(**{field: "unknown"})
        jurisdictions = jurisdictions.exclude(Exists(that_day.filter(said)))
    return jurisdictions
