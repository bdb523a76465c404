"""Stance periods: the stored history gives ``derive``'s answer for every day."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from stances.rules.periods import BEGINNING, OPEN, stance_periods
from stances.rules.stance import INDICATORS, EvidenceItem, derive

D = dt.date
FIRST = D(2020, 1, 1)
DAYS = 40  # evidence and questions over forty days, so random cases collide often


def day(n: int | None) -> dt.date | None:
    return None if n is None else FIRST + dt.timedelta(days=n)


def answer(periods, on: dt.date):
    found = [p for p in periods if p.covers(on)]
    assert len(found) <= 1, "periods overlap"
    return (found[0].stance, found[0].indicators) if found else None


def derived(evidence, on: dt.date, today: dt.date):
    result = derive(evidence, on, today=today)
    return None if result.stance == "unknown" else (result.stance, result.indicators)


items = st.builds(
    lambda indicator, direction, start, status, end, own: (
        indicator,
        direction,
        day(start),
        status,
        day(end),
        own,
    ),
    st.sampled_from(INDICATORS[:3]),  # three indicators: more interplay per case
    st.sampled_from(["limits", "cooperates"]),
    st.one_of(st.none(), st.integers(0, DAYS)),
    st.sampled_from(["in_force", "enacted", "proposed", "lapsed", "repealed", "blocked"]),
    st.one_of(st.none(), st.integers(0, DAYS)),
    st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(items, max_size=14), st.integers(0, DAYS + 2))
def test_periods_agree_with_derive_on_every_day(rows, today_n):
    evidence = [
        EvidenceItem(indicator, direction, start, pid, status, end, own)
        for pid, (indicator, direction, start, status, end, own) in enumerate(rows, 1)
    ]
    today = day(today_n)
    past = stance_periods(evidence, counts_undated=False)
    now = stance_periods(evidence, counts_undated=True)
    for n in range(-2, DAYS + 4):
        on = day(n)
        periods = now if on >= today else past
        assert answer(periods, on) == derived(evidence, on, today), (n, today_n)


def test_a_policy_in_force_then_repealed_gives_one_closed_period():
    evidence = [
        EvidenceItem("detainers", "limits", D(2018, 6, 1), 1),
        EvidenceItem("jail_access", "limits", D(2018, 6, 1), 2),
        EvidenceItem("detainers", "limits", D(2021, 3, 1), 3, "repealed"),
    ]
    [first, second] = stance_periods(evidence, counts_undated=False)
    assert (first.starts_on, first.ends_on, first.stance) == (
        D(2018, 6, 1),
        D(2021, 3, 1),
        "non_cooperation",
    )
    assert (second.starts_on, second.ends_on, second.stance) == (
        D(2021, 3, 1),
        OPEN,
        "limited_cooperation",
    )
    assert second.indicators["detainers"].value == "unknown"


def test_undated_evidence_counts_from_the_beginning_only_for_today():
    evidence = [EvidenceItem("agreement_287g", "cooperates", None, 1)]
    assert stance_periods(evidence, counts_undated=False) == []
    [period] = stance_periods(evidence, counts_undated=True)
    assert (period.starts_on, period.ends_on, period.stance) == (BEGINNING, OPEN, "cooperation")


def test_evidence_saying_the_same_again_extends_the_period():
    evidence = [
        EvidenceItem("detainers", "limits", D(2018, 6, 1), 1),
        EvidenceItem("jail_access", "limits", D(2018, 6, 1), 2),
        EvidenceItem("detainers", "limits", D(2019, 6, 1), 3),
    ]
    periods = stance_periods(evidence, counts_undated=False)
    # The evidence ids change on the second day, so that is a new period; the stance, its
    # indicators' values and their dates since do not.
    assert [p.starts_on for p in periods] == [D(2018, 6, 1), D(2019, 6, 1)]
    assert periods[1].indicators["detainers"].effective_on == D(2018, 6, 1)
    assert periods[1].indicators["detainers"].policy_ids == (1, 3)
