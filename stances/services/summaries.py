"""Precomputed summaries (derived stance, indicators, counts) and stance periods (the stance
history as dated intervals, ``stances.rules.periods``), kept current on every write.

Every service that writes a fact calls ``touched`` with the jurisdictions it changed, inside its
transaction: their summaries are recomputed there (or once at the end of an enclosing
``refreshed_once``, as the ingestion of an article and an import do), and the data version is
bumped when the transaction commits (``sanctuary.versions``). ``refresh_all`` recomputes
everything after bulk loads that bypass the services. The stance itself always comes from
``stances.rules.stance.derive`` (the periods are its answers for every date): this module
only stores them.

Concurrent writers: each recomputes under a lock on the places' rows (``SELECT ... FOR NO KEY
UPDATE``, taken in id order so two writers never wait on each other in a circle), and reads the
facts only once it holds the lock. Under PostgreSQL's READ COMMITTED every statement sees what
was committed before it began, so the writer that takes the lock last, and commits last, counts
every fact committed before it, its own included: the stored summary is the derivation from the
committed rows, whatever the interleaving (tests/reliability/test_concurrency.py). ``NO KEY``:
inserting a fact takes a key-share lock on its place, which this lock leaves free, so writers
queue only to recompute. SQLite serialises writing transactions anyway.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone

from sanctuary import versions
from stances.models import (
    EnforcementEvent,
    EventKind,
    Indicator,
    Jurisdiction,
    JurisdictionSummary,
    PolicyAction,
    StancePeriod,
    Statement,
)
from stances.models.facts import VISIBLE  # the condition of the partial indexes counts read
from stances.rules.periods import Period, stance_periods
from stances.rules.stance import IndicatorState, derive
from stances.selectors.evidence import evidence_for
from stances.selectors.pages import page_scope

BATCH = 1000
COUNT_FIELDS = ["statement_count", "policy_count", "event_count", "arrests"]
SUMMARY_FIELDS = ["stance", *Indicator.values, "evidence", *COUNT_FIELDS]

# The places touched inside ``refreshed_once``; None outside one.
_pending: ContextVar[set[int] | None] = ContextVar("summaries_pending", default=None)
# The places whose pages the writes inside ``refreshed_once`` changed without changing their facts.
_shown: ContextVar[set[int] | None] = ContextVar("pages_pending", default=None)


def touched(jurisdiction_ids: Iterable[int | None], shown: Iterable[int | None] = ()) -> None:
    """A write changed facts of these places (None: a fact with no place): refresh their
    summaries, now or at the end of the enclosing ``refreshed_once``, and announce the change,
    with the places whose pages it changed (``stances.selectors.pages``): these places', and
    those of the places in ``shown`` (a speaker's place, whose page counts their statements)."""
    ids = list(jurisdiction_ids)
    pending = _pending.get()
    if pending is None:
        versions.data_changed(places=page_scope([*ids, *shown]))
        refresh_for(ids, bump=False)
    else:
        pending.update(pk for pk in ids if pk is not None)
        _shown.get().update(pk for pk in shown if pk is not None)  # set with _pending
        versions.data_changed(places=())  # the lists; the places' pages at the end


def pages_changed(jurisdiction_ids: Iterable[int | None]) -> None:
    """A write changed what these places' pages show (a new place, a new official) without
    changing their facts: announced with the pages above and below them (``page_scope``) now,
    or once at the end of the enclosing ``refreshed_once`` (an article's ten new places and
    officials: one scope of two queries, not ten)."""
    shown = _shown.get()
    if shown is None:
        versions.data_changed(places=page_scope(jurisdiction_ids))
    else:
        shown.update(pk for pk in jurisdiction_ids if pk is not None)
        versions.data_changed(places=())  # the lists; the places' pages at the end


@contextmanager
def refreshed_once() -> Iterator[None]:
    """Inside, writes collect the places they touch; their summaries are recomputed once, at
    the end, and the change is announced once (an article's thirty facts refresh its places
    once, not thirty times, and bump the data version once)."""
    if _pending.get() is not None:  # already inside one: the outer one refreshes
        yield
        return
    token, shown_token = _pending.set(set()), _shown.set(set())
    try:
        with versions.one_change():
            yield
            places = _pending.get()
            if places or _shown.get():
                versions.data_changed(places=page_scope(places | _shown.get()))
            refresh_for(places, bump=False)
    finally:
        _pending.reset(token)
        _shown.reset(shown_token)


def _grouped(queryset, **aggregate) -> dict[int, int]:
    rows = queryset.values("jurisdiction_id").annotate(**aggregate).order_by()
    (name,) = aggregate
    return {row["jurisdiction_id"]: row[name] or 0 for row in rows}


def _counts(ids: list[int]) -> dict[str, dict[int, int]]:
    statements = Statement.objects.filter(VISIBLE, jurisdiction_id__in=ids)
    policies = PolicyAction.objects.filter(VISIBLE, jurisdiction_id__in=ids)
    events = EnforcementEvent.objects.filter(VISIBLE, jurisdiction_id__in=ids)
    return {
        "statement_count": _grouped(statements, n=Count("*")),
        "policy_count": _grouped(policies, n=Count("*")),
        "event_count": _grouped(events, n=Count("*")),
        "arrests": _grouped(events.filter(kind=EventKind.ARRESTS), n=Sum("count")),
    }


def _digest(items) -> str:
    """What the stance periods depend on, in 32 characters."""
    key = sorted((i.policy_id, i.indicator, i.direction, repr(i)) for i in items)
    return hashlib.blake2b(repr(key).encode(), digest_size=16).hexdigest()


def _derived(stance: str, indicators: dict[str, IndicatorState]) -> dict:
    """A ``derive`` result as the fields of a ``DerivedStance`` row."""
    return {
        "stance": stance,
        **{name: state.value for name, state in indicators.items()},
        "evidence": {
            name: {
                "effective_on": state.effective_on.isoformat() if state.effective_on else None,
                "policy_ids": list(state.policy_ids),
            }
            for name, state in indicators.items()
            if state.value != "unknown"
        },
    }


def _today(batch: list[int], series: dict, unchanged: list[int]) -> dict[int, dict]:
    """Each place's stance and indicators today, as summary fields: from the period holding
    today in the series that counts undated evidence (``derive`` agrees with it on every day,
    ``tests/stances/rules/test_periods.py``); just derived for places whose evidence changed,
    read back in one query for the others. A place with no such period has every indicator
    unknown."""
    today = timezone.localdate()
    fields = {
        pk: _derived(period.stance, period.indicators)
        for pk, (_, undated) in series.items()
        for period in undated
        if period.starts_on <= today < period.ends_on
    }
    stored = StancePeriod.objects.filter(
        jurisdiction_id__in=unchanged, counts_undated=True, starts_on__lte=today, ends_on__gt=today
    ).values("jurisdiction_id", "stance", "evidence", *Indicator.values)
    for row in stored if unchanged else ():  # no query when every place was just derived
        fields[row.pop("jurisdiction_id")] = row
    nothing = _derived(_NOTHING.stance, _NOTHING.indicators)
    return {pk: fields.get(pk, nothing) for pk in batch}


_NOTHING = derive([])


def _series(jurisdiction_id: int, evidence) -> tuple[list[Period], list[Period]]:
    """The place's stance history as intervals, both series (``stances.rules.periods``): dated
    evidence only, and with undated evidence; with no undated evidence they are the same,
    derived once."""
    items = evidence.get(jurisdiction_id, [])
    dated = stance_periods(items, counts_undated=False)
    undated = (
        stance_periods(items, counts_undated=True)
        if any(item.counts_from is None for item in items)
        else dated
    )
    return dated, undated


_PERIOD_VALUES = ["stance", "evidence", *Indicator.values]


def _periods_replace(ids: list[int], series: dict) -> None:
    """Store these places' periods (``series``: both of each place's), writing only those that
    changed: a new policy of a busy place changes the periods from its date on, not the
    thousands before it. A stored period stays when one with the same place, series and dates
    has the same values; compared as read, with no serialising and no model instance for what
    stays."""
    stored: dict[tuple, tuple[int, list]] = {}
    rows = StancePeriod.objects.filter(jurisdiction_id__in=ids).values_list(
        "pk", "jurisdiction_id", "counts_undated", "starts_on", "ends_on", *_PERIOD_VALUES
    )
    for pk, place, counts_undated, starts_on, ends_on, *values in rows:
        stored[(place, counts_undated, starts_on, ends_on)] = (pk, values)
    kept: set[int] = set()
    new: list[StancePeriod] = []
    for place in ids:
        for counts_undated, periods in zip((False, True), series[place], strict=True):
            for period in periods:
                fields = _derived(period.stance, period.indicators)
                found = stored.get((place, counts_undated, period.starts_on, period.ends_on))
                if found is not None and found[1] == [fields[name] for name in _PERIOD_VALUES]:
                    kept.add(found[0])
                    continue
                new.append(
                    StancePeriod(
                        jurisdiction_id=place,
                        counts_undated=counts_undated,
                        starts_on=period.starts_on,
                        ends_on=period.ends_on,
                        **fields,
                    )
                )
    gone = [pk for pk, _ in stored.values() if pk not in kept]
    for start in range(0, len(gone), BATCH):
        StancePeriod.objects.filter(pk__in=gone[start : start + BATCH]).delete()
    StancePeriod.objects.bulk_create(new, batch_size=BATCH)


def refresh_for(
    jurisdiction_ids: Iterable[int | None], *, bump: bool = True, force: bool = False
) -> None:
    """Recompute the summaries and stance periods of these jurisdictions (in a few queries per
    thousand), then invalidate every cached answer unless ``bump`` is false (a database no
    server reads yet, or a service that announced its write already). Periods are rewritten
    where the evidence changed, or everywhere with ``force`` (after a change of the rule).
    Each batch is one transaction: its summaries, periods and digests commit together."""
    ids = sorted({pk for pk in jurisdiction_ids if pk is not None})
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        with transaction.atomic():
            _refresh_batch(batch, force=force)
    if ids and bump:
        versions.data_changed()


def _refresh_batch(batch: list[int], *, force: bool) -> None:
    """One batch's summaries, and its periods where the evidence changed (or ``force``)."""
    _lock(batch)
    evidence, counts = evidence_for(batch), _counts(batch)
    digests = {pk: _digest(evidence.get(pk, ())) for pk in batch}
    stored = dict(
        JurisdictionSummary.objects.filter(pk__in=batch).values_list("pk", "evidence_digest")
    )
    # Periods change only with the evidence: a new statement or event leaves them be.
    changed = [pk for pk in batch if force or stored.get(pk) != digests[pk]]
    series = {pk: _series(pk, evidence) for pk in changed}
    today = _today(batch, series, [pk for pk in batch if pk not in series])
    summaries = [
        JurisdictionSummary(
            jurisdiction_id=pk,
            **today[pk],
            **{name: counts[name].get(pk, 0) for name in COUNT_FIELDS},
            evidence_digest=digests[pk],
        )
        for pk in batch
    ]
    JurisdictionSummary.objects.bulk_create(
        summaries,
        update_conflicts=True,
        unique_fields=["jurisdiction"],
        update_fields=[*SUMMARY_FIELDS, "evidence_digest", "refreshed_at"],
    )
    if changed:
        _periods_replace(changed, series)


def _lock(ids: list[int]) -> None:
    """Hold these places' rows until the transaction ends (a no-op outside one, and on SQLite)."""
    if transaction.get_connection().in_atomic_block:
        locked = Jurisdiction.objects.select_for_update(no_key=True).filter(pk__in=ids)
        list(locked.order_by("pk").values_list("pk", flat=True))


def refresh_all(*, bump: bool = True) -> None:
    """Recompute every summary (after a bulk load that bypassed the services)."""
    refresh_for(Jurisdiction.objects.values_list("pk", flat=True), bump=bump, force=True)
